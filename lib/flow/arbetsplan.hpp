// SPDX-License-Identifier: MIT
// The arbetsplan flow (`eb arbetsplan`): the day a case's arbetsplan was made or renewed, for
// the internal-control point of the unit's report (andel ärenden med aktuell arbetsplan).
#pragma once

#include <cstdint>
#include <optional>

#include "flow/context.hpp"
#include "store/case_events.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct ArbetsplanOutcome {
  std::int64_t case_id = 0;
  store::ArbetsplanEntry entry;
  std::optional<period::Date> previous;  // the latest earlier plan of the case, if any
};

// Records that the arbetsplan of case `case_id` was made or renewed on `on`. Throws NotFound
// for an unknown case, InputError ("--on" after today) and Conflict (that day recorded
// already, the case closed) as report::check_arbetsplan.
ArbetsplanOutcome record_arbetsplan(store::Database& db, const Context& ctx, std::int64_t case_id, period::Date on);

}  // namespace eb::flow
