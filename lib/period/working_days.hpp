// SPDX-License-Identifier: MIT
// The Swedish working-day calendar, which handläggningstid (processing time) is counted in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "period/date.hpp"

namespace eb::period {

// The name of the Swedish public holiday (allmän helgdag) on `day`, e.g. "Långfredagen", or
// nothing. Lag (1989:253) om allmänna helgdagar as in force since 2005 (Nationaldagen a holiday,
// annandag pingst not); earlier years are not modelled. A Sunday that is no named holiday is
// "Söndag". If two holidays fall on one day (1 May 2008, 6 June 2049), the fixed-date one is named.
std::optional<std::string> public_holiday_name(Date day);

// The name of a day off that is not a public holiday but counts as one in working-time law
// (arbetstidslagen): "Midsommarafton" (the Friday before Midsommardagen), "Julafton" or
// "Nyårsafton"; else nothing.
std::optional<std::string> day_off_name(Date day);

// True unless `day` is a Saturday, a Sunday, a public holiday or one of the days off above.
bool is_working_day(Date day);

// The number of working days in [`arrived`, `decided`], both days counted. A non-working arrival
// day is not counted: the count starts on the next working day, so a case that arrives on a
// Saturday and is decided on Monday took 1 day. Throws InputError naming "decided" if `decided`
// is before `arrived`. The rule: a complete application is decided within five working days
// including the day it arrived (the units' practice, decisions.md).
int working_days_between(Date arrived, Date decided);

// The `n`-th working day counting `arrived` as day 1, or the next working day as day 1 if
// `arrived` is not one; nth_working_day(arrived, 5) is the deadline for the five-day target.
// Always working_days_between(arrived, nth_working_day(arrived, n)) == n.
// Throws std::invalid_argument if `n` < 1 (a programming error, not bad input).
Date nth_working_day(Date arrived, int n);

// working_days_between for many days at once (a report's thousands of decisions): the
// working days of [`first`, `last`] are counted once, and each count in that span is a
// difference of two running totals. Days outside it are counted one by one, as
// working_days_between does; the result is always the same.
class WorkingDayCounter {
 public:
  // Throws std::invalid_argument if `last` is before `first`.
  WorkingDayCounter(Date first, Date last);
  // working_days_between(`arrived`, `decided`), with the same InputError.
  int between(Date arrived, Date decided) const;

 private:
  Date m_first;
  std::vector<int> m_before;  // [i]: working days in [m_first, m_first + i)
};

}  // namespace eb::period
