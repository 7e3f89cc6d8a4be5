// SPDX-License-Identifier: MIT
// What happens to a case (ärende) beyond its applications, in the case store (schema v8):
// its closures (avslut) with their reason, and the days its arbetsplan was made or renewed.
// Whether a later application reopened a closure is read from the applications, never stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "period/date.hpp"
#include "report/closure.hpp"
#include "store/database.hpp"

namespace eb::store {

struct StoredClosure {
  std::int64_t id = 0;
  report::Closure closure;  // with the day of the application that reopened it, if any
  std::string note;
};

// Records that case `case_id` was closed on `on` for `reason` (report::check_closure says
// when it may not be) and returns the closure. Throws NotFound for an unknown case,
// InputError and Conflict as check_closure.
StoredClosure record_closure(Database& store, std::int64_t case_id, period::Date on, report::ClosureReason reason,
                             const std::string& note, const WriteContext& ctx);
// The closures of case `case_id`, oldest first, each with its reopening. Throws NotFound.
std::vector<StoredClosure> case_closures(const Database& store, std::int64_t case_id);

struct ArbetsplanEntry {
  period::Date made_on{1970, 1, 1};
  bool renewal = false;  // an earlier plan of the case was recorded before this one
};

// Records that the arbetsplan of case `case_id` was made or renewed on `on` (a renewal when an
// earlier one is recorded). Throws NotFound for an unknown case, InputError and Conflict as
// report::check_arbetsplan.
ArbetsplanEntry record_arbetsplan(Database& store, std::int64_t case_id, period::Date on, const WriteContext& ctx);
// The days the arbetsplan of case `case_id` was made or renewed, oldest first. Throws NotFound.
std::vector<ArbetsplanEntry> case_arbetsplan(const Database& store, std::int64_t case_id);

}  // namespace eb::store
