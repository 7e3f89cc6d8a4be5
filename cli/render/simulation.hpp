// SPDX-License-Identifier: MIT
// A simulation (eb simulate) as text, CSV (one row per household), JSON and a self-contained
// HTML page with SVG charts. Amounts in CSV and JSON are integer öre; no personnummer anywhere.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "report/simulation.hpp"

namespace eb::cli {

// The readable report: totals, gain/lose, by household type, the change's distribution, the
// large households, the largest changes and the applications that could not be assessed.
void print_simulation_text(std::ostream& out, const report::SimulationResult& r);

// One row per application (needs the cases kept): ids, household, amounts before, after and
// the change in öre; an application that could not be assessed has empty amounts and an error.
void print_simulation_csv(std::ostream& out, const report::SimulationResult& r);

// Every figure of the result as one JSON object; "cases" (when kept) comes last, one object
// per line.
void print_simulation_json(std::ostream& out, const report::SimulationResult& r);

// One HTML page with inline CSS and inline SVG bar charts: no script, nothing from the network.
void print_simulation_html(std::ostream& out, const report::SimulationResult& r);

// Shared by the renderings: "+1 200 kr", "-350,50 kr", "0 kr".
std::string signed_kr(money::Money m);
// `part` as a percentage of `whole` with one decimal, "−2,8 %", or "–" when `whole` is zero.
std::string percent_of(money::Money part, money::Money whole);
// Children as counted for the large-household reduction: "4", "4,5".
std::string halves_text(int halves, char decimal_mark);
// A band of the change's distribution: "lose > 2 000 kr", "gain 100–500 kr" (more than 100,
// at most 500), "unchanged".
std::string band_label(const report::ChangeBand& b);
// The rules of the 2027 model with the households each hit before and after, as rows
// {label, before, after}.
struct RuleRow {
  std::string label;
  std::int64_t before = 0;
  std::int64_t after = 0;
};
std::vector<RuleRow> rule_rows(const report::SimulationResult& r);
// Where "after" comes from: "riksnorm-2027 for 2027-01".
std::string norms_text(const std::vector<std::string>& ids);

}  // namespace eb::cli
