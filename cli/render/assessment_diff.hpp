// SPDX-License-Identifier: MIT
// Two assessments of one household side by side (`eb assess --diff`): each line under the norm
// in force and under another norm file or month, the difference per line and in total.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "assess/assessment.hpp"

namespace eb::cli {

// One line of either assessment, paired with its counterpart on the other side. Amounts are
// signed by their effect on the amount payable: income counts negative, income not counted
// positive, the minskningsbelopp negative.
struct LineDiff {
  assess::Section section = assess::Section::norm;
  std::string rule;    // of the "after" line when both exist
  std::string kind;    // cost or income kind, "" for norm lines
  std::string member;  // masked personnummer, "" for the household
  std::optional<std::string> label_before;
  std::optional<std::string> label_after;
  std::optional<money::Money> before;  // absent: the line exists only after
  std::optional<money::Money> after;   // absent: the line exists only before

  // after − before, a missing side counting as zero.
  money::Money difference() const;
};

struct AssessmentDiff {
  assess::Assessment before;
  assess::Assessment after;
  std::vector<LineDiff> lines;  // by section; within it in the order of `before`, then lines only after
};

// Pairs the lines of `before` and `after`: the same section, member and cost/income kind (the
// rule for norm lines), the n-th such line with the n-th. Pure.
AssessmentDiff diff_assessments(assess::Assessment before, assess::Assessment after);

// `what_before` / `what_after` say what each side is ("the norm in force", "--norms-file X").
void print_assessment_diff(std::ostream& out, const AssessmentDiff& d, const std::string& what_before,
                           const std::string& what_after);

// {"before": {month, norm, warnings, notes, …}, "after": {…}, "lines": [...], "totals": {...}};
// amounts in öre, signed as in LineDiff.
nlohmann::json assessment_diff_json(const AssessmentDiff& d, const std::string& what_before,
                                    const std::string& what_after);

}  // namespace eb::cli
