// SPDX-License-Identifier: MIT
// ReportConfig: what the unit's report needs that the case store does not hold — the
// population, the budget, the targets (årsmål, KF:s årsmål) and the unit's conventions — read
// strictly from a small TOML file (man/eb-report.1, norms/local/report.example.toml).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "money/money.hpp"
#include "report/closure.hpp"
#include "report/fraction.hpp"
#include "report/indicator.hpp"

namespace eb::report {

// How handläggningstid is counted. The seeds use two conventions, both for a complete
// application: "fem arbetsdagar inklusive ankomstdagen" and "fyra arbetsdagar räknat från
// dagen efter ankomststämpel".
enum class HandlingCount {
  including_arrival,  // the day it arrived (or became complete) is day 1
  after_arrival,      // the next day is day 1; a decision on the arrival day took 0 days
};
std::string_view handling_count_name(HandlingCount c);  // "including_arrival", "after_arrival"

struct HandlingConvention {
  HandlingCount count = HandlingCount::including_arrival;
  int target_days = 5;  // a decision within this many working days meets the target
};

// Which months long-term bistånd (at least `min_months` months) is counted over.
enum class LongTermWindow {
  rolling_12,     // the 12 months ending with the period's last month (= the calendar year for a year)
  calendar_year,  // January of the period's last year to the period's last month
};
std::string_view long_term_window_name(LongTermWindow w);  // "rolling_12", "calendar_year"

// The population of the area for one year (SCB's folkmängd), by sex where known. Every
// count is optional: an indicator that needs a missing one says so.
struct Population {
  int year = 0;
  std::string source;
  std::optional<std::int64_t> persons, women, men;
  std::optional<std::int64_t> adults, adult_women, adult_men;  // 18 years or older
  std::optional<std::int64_t> children, girls, boys;           // under 18
  std::optional<std::int64_t> young, young_women, young_men;   // 18–24 years
  long line = 0;
};

// The yearly budget for försörjningsstöd (written in tkr, as the seeds' tables).
struct Budget {
  int year = 0;
  money::Money forsorjningsstod;
  long line = 0;
};

// A target as the verksamhetsplan writes it: "0,5 %", "195 st", "tas fram av nämnden".
struct Target {
  std::string text;
  std::optional<Fraction> share;      // for a percentage: 0,5 % is 5/1000
  std::optional<std::int64_t> count;  // for a number: "195 st" is 195
};

// The årsmål and KF:s årsmål of one indicator in one year.
struct IndicatorTargets {
  int year = 0;
  IndicatorId indicator;
  std::optional<Target> target;
  std::optional<Target> kf_target;
  long line = 0;
};

struct ReportConfig {
  std::string status;  // "example" or "adopted"; "" for the built-in defaults (no file)
  std::string unit;    // the unit's name, for the heading; may be empty
  std::string source;
  std::string file;  // where it was read from; "" for the defaults
  HandlingConvention handling;
  std::optional<int> arbetsplan_months;  // an arbetsplan is current for this many months
  LongTermWindow long_term_window = LongTermWindow::rolling_12;
  int long_term_min_months = 10;  // Socialstyrelsen: "i minst 10 månader under året"
  // The closure reasons that count as "egen eller annan försörjning".
  std::vector<ClosureReason> support_reasons{ClosureReason::work, ClosureReason::studies,
                                             ClosureReason::another_benefit};
  // Försörjningshinder codes with their Swedish labels, in file order (the code list is a
  // dated data file, not code: rules-reference.md §6).
  std::vector<std::pair<std::string, std::string>> hinder;
  std::vector<Population> population;
  std::vector<Budget> budgets;
  std::vector<IndicatorTargets> targets;

  // The entry for `year`, or nullptr.
  const Population* population_for(int year) const;
  const Budget* budget_for(int year) const;
  const IndicatorTargets* targets_for(int year, const IndicatorId& indicator) const;
  // The label of hinder `code`, or the code itself when the config has none.
  std::string hinder_label(std::string_view code) const;
  bool counts_as_support(ClosureReason r) const;
};

// Parses a report config. Unknown keys, wrong types, impossible values, duplicate years and
// population counts that do not add up are refused: throws InputError with every problem, each
// naming the file, the line, the field and the value.
ReportConfig parse_report_config(std::string_view text, const std::string& file);

// Parses a target as written in a verksamhetsplan: a percentage ("0,5 %", "1.6%") for a share,
// a number ("195", "1 000 st") for a count, or other text ("tas fram av nämnden"). Throws
// InputError naming `field` when a percentage is given for a count or a bare number for a share.
Target parse_target(std::string_view text, bool share, std::string_view field);

}  // namespace eb::report
