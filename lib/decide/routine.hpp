// SPDX-License-Identifier: MIT
// Routine decisions (`eb decide --month M --bifall-routine`): a bifall proposal for every
// assessed, undecided application of a month that needs no judgement, confirmed by a named
// person (decisions.md: eb supports proposals a named person confirms); the rest is listed for
// manual handling with the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "decide/basis.hpp"
#include "decide/decision.hpp"
#include "decide/delegation.hpp"
#include "period/date.hpp"

namespace eb::decide {

struct ManualItem {
  std::int64_t application_id = 0;
  std::string why;
};

struct AlreadyDecided {
  std::int64_t application_id = 0;
  std::int64_t decision_id = 0;
};

struct RoutinePlan {
  std::vector<Decision> decisions;  // routine bifall, decided_by the confirming user; not stored yet
  std::vector<ManualItem> manual;
  std::vector<AlreadyDecided> already_decided;
};

// Plans the routine run over `candidates` (in their order) for `decider` on `today`: a bifall
// for each assessed, undecided application whose assessment has no warnings, grants more than
// 0 kr and is within the decider's delegation; everything else undecided goes to `manual`.
RoutinePlan plan_routine(const std::vector<Candidate>& candidates, const Decider& decider, period::Date today);

}  // namespace eb::decide
