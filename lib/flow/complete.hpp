// SPDX-License-Identifier: MIT
// The completion flow (`eb __complete ids`, called by the shell completion scripts): read only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace eb::flow {

// The most ids one completion lists: enough to pick from, few enough for a shell.
inline constexpr std::size_t k_max_completed_ids = 200;

// The stored ids that begin with `prefix` ("A-", "d-1"), in id order, at most
// k_max_completed_ids. Throws StoreError.
std::vector<std::string> complete_ids(const store::Database& db, std::string_view prefix);

}  // namespace eb::flow
