// SPDX-License-Identifier: MIT
#include "report/arbetsplan.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace eb::report {

void check_arbetsplan(const std::string& case_name, const std::vector<period::Date>& made,
                      const std::vector<Closure>& closures, period::Date on, period::Date today) {
  if (on > today) throw InputError("--on", on.to_string(), "is after today (" + today.to_string() + ")");
  if (std::find(made.begin(), made.end(), on) != made.end()) {
    throw Conflict("the arbetsplan of " + case_name + " is recorded as made or renewed on " + on.to_string() +
                   " already");
  }
  if (is_closed_on(closures, on)) {
    throw Conflict(case_name + " is closed on " + on.to_string() +
                   "; an arbetsplan is recorded for an open case (a later application reopens it)");
  }
}

}  // namespace eb::report
