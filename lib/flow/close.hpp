// SPDX-License-Identifier: MIT
// The closure flow (`eb close`): a case closed (avslut) on a day with its reason, for the
// unit's report (closures by reason, "went on to their own or another support").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flow/context.hpp"
#include "report/closure.hpp"
#include "store/case_events.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct CloseOutcome {
  std::int64_t case_id = 0;
  store::StoredClosure closure;               // the one recorded now
  std::vector<store::StoredClosure> earlier;  // the case's closures before it, each reopened
};

// Closes case `case_id` on `on` for `reason`, with an optional `note`. Throws NotFound for an
// unknown case, InputError ("--on" after today) and Conflict (closed already, an application
// after `on`, …) as report::check_closure.
CloseOutcome close_case(store::Database& db, const Context& ctx, std::int64_t case_id, period::Date on,
                        report::ClosureReason reason, const std::string& note);

}  // namespace eb::flow
