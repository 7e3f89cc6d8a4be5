// SPDX-License-Identifier: MIT
// How `eb decide` prints a decision and a routine run (text or JSON). A decision with id 0 was
// not stored (a dry run).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "flow/decide.hpp"

namespace eb::cli {

void print_decision(std::ostream& out, const decide::Decision& d, bool json);
// What the decider is warned of after a decision: the assessment's warnings, a decision on a
// norm that is not official, and a condition for repayment that binds only when served.
std::vector<std::string> decision_warnings(const flow::DecideOutcome& o);
void print_routine(std::ostream& out, const flow::RoutineOutcome& o, const std::string& month, bool dry_run, bool json);

}  // namespace eb::cli
