// SPDX-License-Identifier: MIT
// Two assessments of one household side by side (`eb assess --diff`): each line under the norm
// in force and under another norm file or month, the difference per line and in total.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "assess/assessment_diff.hpp"

namespace eb::cli {

// `what_before` / `what_after` say what each side is ("the norm in force", "--norms-file X").
void print_assessment_diff(std::ostream& out, const assess::AssessmentDiff& d, const std::string& what_before,
                           const std::string& what_after);

// {"before": {month, norm, warnings, notes, …}, "after": {…}, "lines": [...], "totals": {...}};
// amounts in öre, signed as in LineDiff.
nlohmann::json assessment_diff_json(const assess::AssessmentDiff& d, const std::string& what_before,
                                    const std::string& what_after);

}  // namespace eb::cli
