// SPDX-License-Identifier: MIT
// What a decision rests on: an application of a month as the store holds it (Candidate) and the
// basis made from it. A decision rests on a stored assessment; without one there is no basis.
#pragma once

#include <cstdint>
#include <optional>

#include "assess/assessment.hpp"
#include "money/money.hpp"
#include "norms/transitional.hpp"
#include "period/date.hpp"

namespace eb::decide {

using money::Money;

// One application as the store holds it, with what a decision needs.
struct Candidate {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  period::Date received{1970, 1, 1};
  int children = 0;
  // Granted to the same household for the same month by the current decisions of its other
  // applications (a supplement): counts toward the delegation limit.
  Money granted_elsewhere;
  // The application's current decision, if any, and what it grants.
  std::optional<std::int64_t> current_decision;
  Money current_granted;
  std::optional<std::int64_t> assessment_id;     // the latest assessment, if any
  std::optional<assess::Assessment> assessment;  // its result
  // The rules a decision made today follows (NormCatalog::rules_for; set by the flow): they
  // must be those the assessment used, or it is assessed again first.
  std::optional<norms::RuleChoice> rules_now;
};

// What the decision rests on.
struct Basis {
  std::int64_t application_id = 0;
  std::int64_t assessment_id = 0;
  const assess::Assessment* assessment = nullptr;
  period::Date received{1970, 1, 1};
  int children = 0;
  Money granted_elsewhere;
  std::optional<std::int64_t> current_decision;
  Money current_granted;
};

// The basis of a decision on `c` (which must outlive it). Throws Conflict naming the
// application when it has no assessment (a decision rests on one: eb assess A-n), or when the
// rules a decision today follows are not those the assessment used (rules_refusal).
Basis basis_of(const Candidate& c);

// Why the assessment of `c` cannot be decided today under the transitional rules (it used the
// norm or the statutes of another day, e.g. SoL (2001:453) for a decision made after 1 July
// 2025), or nothing.
std::optional<std::string> rules_refusal(const Candidate& c);

}  // namespace eb::decide
