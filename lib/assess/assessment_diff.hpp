// SPDX-License-Identifier: MIT
// Two assessments of one household side by side (`eb assess --diff`, simulations): each line
// under one norm or month and under another, paired, with the difference per line.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"

namespace eb::assess {

// The sections in the order an assessment and its diff are shown.
inline constexpr std::array<Section, 6> k_sections_in_order{Section::norm,  Section::common, Section::cost,
                                                            Section::other, Section::income, Section::exemption};

// One line of either assessment, paired with its counterpart on the other side. Amounts are
// signed by their effect on the amount payable: income counts negative, income not counted
// positive, the minskningsbelopp negative.
struct LineDiff {
  Section section = Section::norm;
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
  Assessment before;
  Assessment after;
  std::vector<LineDiff> lines;  // by section; within it in the order of `before`, then lines only after
};

// Pairs the lines of `before` and `after`: the same section, member and cost/income kind (the
// rule for norm lines), the n-th such line with the n-th. Pure.
AssessmentDiff diff_assessments(Assessment before, Assessment after);

}  // namespace eb::assess
