// SPDX-License-Identifier: MIT
// Delegation: the nämnd's delegation order (delegationsordning) as data — which role may
// decide how much försörjningsstöd per month, and whether it may refuse (decisions.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decide/decision.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::decide {

// One point of the delegation order: what one role may decide.
struct DelegationRule {
  Role role = Role::socialsekreterare;
  std::string point;                   // the point of the order, e.g. "3.1"
  std::string label;                   // Swedish, e.g. "Försörjningsstöd upp till 15 000 kr per månad"
  std::optional<Money> max_per_month;  // the most a decision may grant a household for one month; none = no limit
  bool may_refuse = false;             // may decide avslag and delbifall (delavslag)
  long line = 0;
};

struct Delegation {
  std::string id;
  std::string title;
  std::string status;      // "example" for the shipped example, "adopted" for a nämnd's own
  std::string decided_by;  // the nämnd's decision that adopted the order, e.g. "SN 2026-01-20 § 12"
  std::string authority;   // the nämnd decisions are made for and appeals are sent to
  period::Date valid_from{1970, 1, 1};
  std::optional<period::Date> valid_to;
  std::vector<DelegationRule> rules;
  std::string path;

  // The point for `role`, or nullptr when the role has no delegation to decide.
  const DelegationRule* rule_for(Role role) const;
  bool is_example() const { return status == "example"; }
};

// Parses a delegation file (norms/local/delegation.example.toml shows the format). Strict:
// every problem (file, line, field, value) in one InputError, unknown keys included.
Delegation parse_delegation(std::string_view text, const std::string& file);

// A user of eb: who decides or presents decisions, with the role the delegation order names.
struct User {
  std::int64_t id = 0;
  std::string name;
  std::string full_name;
  Role role = Role::socialsekreterare;
  bool active = true;
};

// `user` (looked up by `name`, the value of option `field`) as one who takes part in a decision:
// known and active. Throws NotFound for an unknown user, Conflict for an inactive one.
const User& require_active(const std::optional<User>& user, const std::string& name, const std::string& field);

// What a decision is checked against: who decides, and the delegation order in force.
struct Decider {
  std::string name;
  Role role = Role::socialsekreterare;
  const Delegation* delegation = nullptr;
};

// Why `who` may not make a decision of `kind` granting `granted` for `month` on `day` (with
// `granted_elsewhere` already granted to the same household for that month by other
// applications' decisions), or nothing when the delegation covers it. The message names the
// user, the role, the limit, the amount and who may decide instead.
std::optional<std::string> delegation_refusal(const Decider& who, Kind kind, Money granted, Money granted_elsewhere,
                                              period::Month month, period::Date day);
// The delegation text a decision records, e.g. "punkt 3.1 i delegationsordning example
// (SN 2026-01-20 § 12): Försörjningsstöd upp till 15 000 kr per månad". Throws Conflict with
// delegation_refusal's message when the delegation does not cover the decision.
std::string delegation_used(const Decider& who, Kind kind, Money granted, Money granted_elsewhere, period::Month month,
                            period::Date day);

}  // namespace eb::decide
