// SPDX-License-Identifier: MIT
// The unit's report as JSON and CSV: the stable contract of `eb report --json` and `--csv`
// (man/eb-report.1, JSON OUTPUT and CSV OUTPUT). Built in this one place.
#pragma once

#include <string>

#include "report/figure.hpp"
#include "report/unit_report.hpp"

namespace eb::report {

// The contract's version, in the JSON's "version"; raised only when a key changes meaning or goes.
inline constexpr int k_report_json_version = 1;

// The report as one JSON object, pretty-printed with two spaces and a final newline. Money in
// integer öre (keys ending in _ore); shares and averages as {"numerator", "denominator",
// "value"} where value is a JSON number with six decimals (half away from zero), computed
// from the integers, or null when the denominator is 0. Only the figures in `figures` appear.
std::string unit_report_json(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// The report as CSV (RFC 4180, CRLF): a header "figure,key,value,numerator,denominator,note"
// and one row per number, in the order of the JSON. Money in öre, shares as fractions.
std::string unit_report_csv(const UnitReport& r, const FigureSet& figures = FigureSet::all());

}  // namespace eb::report
