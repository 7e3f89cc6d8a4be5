// SPDX-License-Identifier: MIT
// A simulation (eb simulate) as a document for the shared writers: the totals, who gains and
// who loses, by household type, the change's distribution, the large households, the rules
// of the 2027 model, the largest changes and what could not be assessed. No personnummer.
#pragma once

#include <string>

#include "common/document.hpp"
#include "money/money.hpp"
#include "report/simulation.hpp"

namespace eb::report {

// The simulation's figures as one document: text (doc::to_text) lists the first 20 large
// households, the page (doc::to_html) all of them, with charts beside the tables.
doc::Document simulation_document(const SimulationResult& r);

// An amount with its sign: "+1 200 kr", "-350,50 kr", "0 kr" (money::format_kr).
std::string signed_kr(Money m);
// `part` as a percentage of `whole` with one decimal, rounded half away from zero: "+2,8 %",
// "-5,5 %", "0,0 %"; "–" when `whole` is zero.
std::string percent_of(Money part, Money whole);

}  // namespace eb::report
