// SPDX-License-Identifier: MIT
// Reform budgets (`eb test --reform`, man/eb-test.1): for a stored month, a norm file and/or an
// --as-of month, the total change in the amount payable a reform is expected to cost, with a
// tolerance (PolicyEngine's reforms_config idea), and the check of a simulation against it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "period/month.hpp"
#include "report/simulation.hpp"

namespace eb::report {

struct ReformBudget {
  std::string name;
  period::Month month{2000, 1};        // the stored month simulated
  std::optional<period::Month> as_of;  // after: each application moved to this month
  std::string norms_file;              // after: this norm file; relative to the reforms file's folder
  Money expected_change;               // after − before, summed over the month's households
  Money tolerance;                     // the change may differ from the expected by this much, either way
  long line = 0;                       // of its [[reform]] table
};

// Parses a reforms file's text (`file` names it in messages and anchors relative norm files).
// Throws InputError (file, line, field, value) for a TOML error, an unknown or missing key, a
// reform with neither norms_file nor as_of, a negative tolerance or two reforms of one name.
std::vector<ReformBudget> parse_reform_budgets(std::string_view text, const std::string& file);

// A reform's simulation held against its budget.
struct ReformCheck {
  ReformBudget budget;
  Money change;                   // the simulated total change (after − before)
  std::int64_t households = 0;    // assessed on both sides
  std::int64_t changed = 0;       // of them, whose amount changes
  std::int64_t not_assessed = 0;  // applications that could not be assessed (left out)

  // change − expected change, exact to the öre.
  Money deviation() const { return change - budget.expected_change; }
  // True when |deviation| <= tolerance.
  bool within() const;
};

// `result` (the simulation of `budget`) against `budget`. Pure.
ReformCheck check_reform(const ReformBudget& budget, const SimulationResult& result);

}  // namespace eb::report
