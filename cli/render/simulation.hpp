// SPDX-License-Identifier: MIT
// A simulation (eb simulate) as CSV (one row per household) and JSON; its text and HTML are
// report::simulation_document through the shared writers. Amounts are integer öre; no
// personnummer anywhere.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "report/simulation.hpp"

namespace eb::cli {

// One row per application (needs the cases kept): ids, household, amounts before, after and
// the change in öre; an application that could not be assessed has empty amounts and an error.
void print_simulation_csv(std::ostream& out, const report::SimulationResult& r);

// Every figure of the result as one JSON object; "cases" (when kept) comes last, one object
// per line.
void print_simulation_json(std::ostream& out, const report::SimulationResult& r);

// Children as counted for the large-household reduction, for JSON and CSV: "4", "4.5".
std::string halves_text(int halves, char decimal_mark);
// The JSON label of a band of the change's distribution: "lose > 2 000 kr", "gain 100–500 kr"
// (more than 100, at most 500), "unchanged".
std::string band_label(const report::ChangeBand& b);

}  // namespace eb::cli
