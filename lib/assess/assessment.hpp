// SPDX-License-Identifier: MIT
// Assessment: the result of a calculation, line by line, each line with its rule and statute.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "norms/norm_set.hpp"
#include "norms/transitional.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::assess {

using money::Money;

// The JSON contract's sections (application-format.md).
enum class Section { norm, common, cost, other, income, exemption };
std::string_view section_name(Section s);
// The Swedish heading of a section, for breakdowns and letters: "Inkomster som inte räknas".
std::string_view section_heading(Section s);

struct Line {
  Section section = Section::norm;
  std::string label;   // Swedish, for the caseworker and the letter
  std::string member;  // masked personnummer(s) of whom the line concerns; empty for the household
  Money amount;        // positive; income and exemption lines are subtracted/added by section
  std::string rule;    // the rule that produced it, e.g. "riksnorm.child_band"
  std::string ref;     // the statute, valid on the first day of the month
  std::string detail;  // how the amount was computed: "3 820 kr × 15/30 = 1 910,00 kr (ore_half_up)"
  Money applied;       // need lines: what was applied for (equals amount unless the assessment cut it)
  std::string kind;    // cost/income kind, "" for norm lines
  // A cut: the line counts less than was applied for (a guideline cap, an approved amount, rent
  // of a second-hand lease without consent, the large-household limit, a raise of the norm not
  // granted). `cut_code` names why (man eb-decide(1), CUT ITEMS) and `cut_text` says it to the
  // applicant in Swedish, with the figures (FL 32 §); `ref` is the statute. Empty otherwise.
  std::string cut_code;
  std::string cut_text;

  bool is_cut() const { return !cut_code.empty(); }
};

struct Totals {
  Money norm;    // personal costs + the case's common costs
  Money costs;   // the six kinds outside the norm
  Money other;   // livsföring i övrigt
  Money need;    // norm + costs + other
  Money income;  // income counted, after exemptions
  Money exempt;  // income not counted
  Money amount;  // payable: max(0, need − income), rounded by payable_rounding
  // What was applied for: the payable amount with every need line as applied for (no cut),
  // max(0, Σ applied − income), rounded the same way. A decision is measured against it.
  Money applied;
};

struct Assessment {
  period::Month month{2000, 1};
  std::string norm_id;
  std::string norm_sha256;
  norms::NormStatus norm_status = norms::NormStatus::official;
  std::string norm_source;  // the norm file's source URL and amending act
  std::string guideline_id;
  // The rules used (norms/transitional.toml): the norm file valid on `norm_day` and the statute
  // references valid on `law_day`; the acts that moved either past the month's first day.
  period::Date norm_day{2000, 1, 1};
  period::Date law_day{2000, 1, 1};
  std::vector<norms::AppliedTransition> transitions;
  money::Rounding payable_rounding = money::Rounding::krona_half_up;
  // Synnerliga skäl recorded with the application, for which the large-household limit is not
  // applied (SoL 12 kap. 7 a § andra stycket); empty when none.
  std::string large_household_exempt;
  std::vector<Line> lines;
  Totals totals;
  std::vector<std::string> notes;     // information for the caseworker
  std::vector<std::string> warnings;  // must be looked at before a routine decision
  // Adults (12-digit pnr) whose jobbstimulans period starts this month: the store records
  // the start so later months continue the same two years. Not part of the JSON contract.
  std::vector<std::string> stimulus_starts;

  bool has_warnings() const { return !warnings.empty(); }
};

}  // namespace eb::assess
