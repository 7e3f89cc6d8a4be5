// SPDX-License-Identifier: MIT
// The history rule of intake (calculation.md §5): what the case store already knows about a
// member replaces or completes what the application file says. The store delivers the facts
// (MemberHistory); this file decides, and says so in a note.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "money/money.hpp"
#include "period/month.hpp"

namespace eb::assess {

// What the store knows about one member before the application's month.
struct MemberHistory {
  // The earliest month before the application's in which the person is in any stored
  // application: how far back the store knows. Nothing: no history, the file's values stand.
  std::optional<period::Month> known_from;
  // Adults: months with försörjningsstöd in a row right before the month, and whether the run
  // stopped at a month the store cannot judge (an application not yet assessed).
  int assistance_months = 0;
  bool stopped_at_unassessed = false;
  // Adults: the latest jobbstimulans start on or before the month (SoL 12 kap. 8 §).
  std::optional<period::Month> stimulus_start;
  // Children: the stored applications of the calendar year before the month, what they record
  // as the child's salary, and the first month among them.
  int applications_this_year = 0;
  money::Money earned_this_year;
  std::optional<period::Month> first_month_this_year;
};

// Applies `history` (one entry per member of `app`, in member order) to `app` and returns a
// note for every value the store replaced or confirmed. The store wins over the file, except
// where its history is known to be incomplete (an unassessed month, or a year that starts after
// January): then the store's value is only a lower bound and a larger file value is kept.
std::vector<std::string> apply_history(Application& app, const std::vector<MemberHistory>& history);

}  // namespace eb::assess
