// SPDX-License-Identifier: MIT
// Expectations of a golden case (`eb test`, man/eb-test.1): the [expect] table of a case file
// (the totals, single lines by rule id, or a refusal), compared with an assessment or a
// refusal line by line; expectations_writer.hpp writes it back (`eb test --update`).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "common/error.hpp"
#include "money/money.hpp"
#include "norms/norm_set.hpp"

namespace eb::assess {

// The totals a case may name, in the order of a canonical [expect] table.
enum class Total { amount, need, norm, costs, other, income, exempt };
inline constexpr std::array<Total, 7> k_totals_in_order{Total::amount, Total::need,   Total::norm,  Total::costs,
                                                        Total::other,  Total::income, Total::exempt};
// "amount", "need", …: the key in the [expect] table (and in eb assess --json, with _ore).
std::string_view total_name(Total t);
Money total_of(const Totals& totals, Total t);

// Whether `rule` is a rule id an assessment line can carry ("riksnorm.single",
// "cost.rent.second_hand", "income.salary", "exemption.jobbstimulans").
bool is_rule_id(std::string_view rule);

struct TotalExpectation {
  Total total = Total::amount;
  Money amount;
};

// One rule's lines: written as one amount, the sum of every line with the rule (0 when there
// is none); written as a list, each line's amount in the order of the assessment.
struct RuleExpectation {
  std::string rule;
  bool per_line = false;
  std::vector<Money> amounts;  // one (the sum), or one per line
};

// An expected refusal: the error kind and, optionally, what it must name.
struct RefusalExpectation {
  std::string kind;          // "InputError", "NormError", "NotFound", "Conflict", "StoreError"
  std::string field;         // a problem of the InputError names this field; "" for any
  std::optional<long> line;  // … on this line of the case file
  std::string message;       // a part of the refusal as eb prints it; "" for any
};

struct Expectations {
  std::vector<TotalExpectation> totals;  // in k_totals_in_order
  std::vector<RuleExpectation> rules;    // by rule id
  std::optional<RefusalExpectation> refusal;
  long line = 0;  // of the [expect] table in the case file

  bool empty() const { return totals.empty() && rules.empty() && !refusal; }
};

// The error kinds an expected refusal may name, in the order of the exit codes.
const std::vector<std::string>& refusal_kinds();

// A case that could not be assessed, as a value: the kind of error, its exit code, its
// problems (an InputError's) and the lines eb prints for it.
struct CaseRefusal {
  std::string kind;
  ExitCode code = ExitCode::internal;
  std::vector<Problem> problems;
  std::vector<std::string> lines;
};
// Throws nothing.
CaseRefusal case_refusal_of(const Error& e);

// One expectation that does not hold, or one line a candidate norm changes.
struct Difference {
  std::string key;                // "amount", "riksnorm.child_band", "riksnorm.child_band[2]", "error", "field", …
  std::string label;              // the line's Swedish label when one line is meant; "" otherwise
  std::optional<Money> expected;  // amounts: absent when there is no such line
  std::optional<Money> got;
  std::string expected_text;  // not amounts (a refusal): what was expected and what came
  std::string got_text;
  std::string statute;  // of the line (from the norm file), "" when there is none

  bool is_amount() const { return expected.has_value() || got.has_value(); }
  // got − expected, a missing side counting as zero, exact to the öre.
  Money difference() const;
};

// Reads the [expect] table of the case file `text`, named `file`. Returns nothing when the file
// has none. Throws InputError (file, line, field, value) for a TOML syntax error or a malformed
// table: an unknown key or rule id, a bad amount, a refusal mixed with amounts, an empty table.
std::optional<Expectations> parse_expectations(std::string_view text, const std::string& file);

// What differs between `expected` and the assessment `got`, made under `norm` (for the
// statutes): each differing total and rule line, or one "error" entry when a refusal was
// expected. Empty when every expectation holds. Pure.
std::vector<Difference> compare(const Expectations& expected, const Assessment& got, const norms::NormSet& norm);
// The same for a case that was refused.
std::vector<Difference> compare(const Expectations& expected, const CaseRefusal& got);

// The lines that differ between two assessments of one household (e.g. under the norms folder
// and under a candidate norm): expected = before, got = after, each with its label and statute,
// signed as in diff_assessments (income negative).
std::vector<Difference> changed_lines(const Assessment& before, const Assessment& after);

// The expectations `got` meets: every total, and each rule `previous` names, in the form it
// used (a sum or one amount per line). `previous` may be null (a case without [expect]).
Expectations expectations_of(const Assessment& got, const Expectations* previous);

}  // namespace eb::assess
