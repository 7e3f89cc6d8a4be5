// SPDX-License-Identifier: MIT
// The decision flows (`eb decide`): one decision on an assessed application, and the month's
// routine bifall, each under the delegation order and confirmed by a named, active user.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "decide/make_decision.hpp"
#include "decide/routine.hpp"
#include "flow/context.hpp"
#include "period/month.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct DecideOutcome {
  decide::Decision decision;          // stored, with its id
  std::vector<std::string> warnings;  // the assessment's warnings, which the decider has seen
};

// Decides application `application_id` as `request` asks, by user `by`, and stores the
// decision. Throws NotFound (unknown user or application), Conflict (inactive user, not
// assessed, above the delegation, decided twice), InputError (see decide::make_decision).
DecideOutcome decide(store::Database& db, const Context& ctx, std::int64_t application_id,
                     const decide::Request& request, const std::string& by);

struct RoutineOutcome {
  decide::User user;         // who confirmed the run
  decide::RoutinePlan plan;  // its decisions stored, with their ids
};

// Decides a routine bifall for every assessed, undecided application of `month` that needs no
// judgement (decide::plan_routine), confirmed by `by`; lists the rest for manual handling.
RoutineOutcome decide_routine(store::Database& db, const Context& ctx, period::Month month, const std::string& by);

}  // namespace eb::flow
