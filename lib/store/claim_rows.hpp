// SPDX-License-Identifier: MIT
// How a claim (återkrav) raised by a person is written: one INSERT for a claim on a FUT flag
// (fut.cpp) and one on a decision (payments.cpp). Internal to lib/store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fut/follow_up.hpp"
#include "period/month.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

// Where a claim stands: its case, application, month and, for a FUT claim, its flag.
struct ClaimPlace {
  std::int64_t case_id = 0;
  std::optional<std::int64_t> application_id;
  period::Month month{2000, 1};
  std::optional<std::int64_t> flag_id;
};

// Inserts `claim` at `place` with `reason` (no lowering decision: decision_id is NULL) and
// returns its id. Throws SQLite::Exception when a constraint refuses it; the caller names it.
std::int64_t insert_claim(Database::Impl& s, const ClaimPlace& place, const fut::Claim& claim,
                          const std::string& reason, const WriteContext& ctx);

}  // namespace eb::store
