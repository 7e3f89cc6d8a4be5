// SPDX-License-Identifier: MIT
// MonthRange: the period of a ledger or report, a run of whole months ("2026", "2026-T1", …).
#pragma once

#include <string>
#include <string_view>

#include "period/month.hpp"

namespace eb::period {

// The months `first` to `last`, both included.
struct MonthRange {
  Month first;
  Month last;

  bool contains(Month m) const { return first <= m && m <= last; }
  // The number of months, at least 1: 2026-T2 has 8.
  int month_count() const { return last.months_since(first) + 1; }
  // The same months `years` years later (earlier when negative): 2026-T2 shifted by −1 is
  // 2025-01..2025-08.
  MonthRange shifted_years(int years) const { return {first.plus(12 * years), last.plus(12 * years)}; }
  // "2026-01..2026-06"; one month is written alone ("2026-03").
  std::string to_string() const;
  bool operator==(const MonthRange&) const = default;
};

// Parses the period syntax of the reports (reports.md): "2026" (the year), "2026-03" (one
// month), "2026-T1" (January–April), "2026-T2" (January–August) and "2026-T3" (the whole
// year), the tertials the units report cumulatively, "2026-VB" (the verksamhetsberättelse's
// year, as the seeds write "VB 2018") and "2026-01..2026-06" (an inclusive range). Throws
// InputError naming `field` and `text` otherwise, or when the range ends before it starts.
MonthRange parse_month_range(std::string_view text, std::string_view field);

}  // namespace eb::period
