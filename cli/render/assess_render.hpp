// SPDX-License-Identifier: MIT
// How `eb assess` prints its outcomes: one assessment (text or the JSON contract), a comparison,
// and the summary of a month assessed in bulk.
#pragma once

#include <ostream>

#include "flow/assess.hpp"

namespace eb::cli {

struct AssessFormat {
  bool json = false;
  bool explain = false;
  bool dry_run = false;  // a stored application assessed with --dry-run: say nothing of storing
};

// The warnings to `err`, then the assessment (or, with a comparison, the diff) to `out`.
void print_assess(std::ostream& out, std::ostream& err, const flow::AssessOutcome& o, const AssessFormat& f);
// The month's summary: what was assessed, the total, and each application refused or warned.
void print_assess_month(std::ostream& out, std::ostream& err, const flow::AssessMonthOutcome& o, const AssessFormat& f);

}  // namespace eb::cli
