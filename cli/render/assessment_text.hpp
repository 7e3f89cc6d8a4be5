// SPDX-License-Identifier: MIT
// The assessment as a readable breakdown for the terminal, with --explain detail.
#pragma once

#include <ostream>

#include "assess/assessment.hpp"

namespace eb::cli {

// Prints the lines by section and the totals. With `explain`, each line also shows its rule,
// the computation and the statute, and the header names the norm file and its status.
void print_assessment(std::ostream& out, const assess::Assessment& a, bool explain);

}  // namespace eb::cli
