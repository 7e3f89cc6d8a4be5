// SPDX-License-Identifier: MIT
// The ids the case store holds, for shell completion (`eb __complete ids`): read only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace eb::store {

// The ids ("A-12", "C-3", "D-5", "B-2", "P-7", "K-1") that begin with `prefix`, whose first
// letter says the kind ("A-1" lists, …); in id order, at most `limit`. A prefix
// that is no id's beginning gives nothing. Throws StoreError on a database error.
std::vector<std::string> stored_ids(const Database& store, std::string_view prefix, std::size_t limit);

}  // namespace eb::store
