// SPDX-License-Identifier: MIT
// Arbetsplan: the days a case's plan for work or studies was made or renewed, the fact behind
// the internal-control point "andel ärenden med aktuell arbetsplan" of the unit's report.
#pragma once

#include <string>
#include <vector>

#include "period/date.hpp"
#include "report/closure.hpp"

namespace eb::report {

// Whether an arbetsplan of case `case_name` ("C-4") may be recorded as made or renewed on `on`,
// given the days already recorded (`made`, any order) and the case's closures (as
// with_reopenings gives them). Throws InputError naming "--on" when `on` is after `today`;
// Conflict when a plan of that day is recorded already or the case is closed on `on`.
void check_arbetsplan(const std::string& case_name, const std::vector<period::Date>& made,
                      const std::vector<Closure>& closures, period::Date on, period::Date today);

}  // namespace eb::report
