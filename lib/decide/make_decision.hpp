// SPDX-License-Identifier: MIT
// Making a decision from a stored assessment: per-item outcomes, the total granted, the reasons
// and the statutes, checked against the rules of decisions.md (delegation, barnkonsekvensanalys,
// FL 37 § for a change to the person's disadvantage). Pure: the caller reads the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/assessment.hpp"
#include "decide/basis.hpp"
#include "decide/decision.hpp"
#include "decide/delegation.hpp"
#include "period/date.hpp"

namespace eb::decide {

// `--reject ITEM:KRONOR[:REASON]`: KRONOR of item ITEM are not granted.
struct Rejection {
  std::string item;
  Money amount;
  std::optional<Reason> reason;
};

// Parses "rent:1200", "rent:1200,50" or "rent:1200:cost-above-guideline" (a reason code or free
// text after the second colon). Throws InputError naming `field`.
Rejection parse_rejection(std::string_view text, std::string_view field);

// The lines a decision is made on: the need side of the assessment (norm, common costs, costs,
// livsföring i övrigt), each granted in full, with its item key — the cost kind for a cost line
// ("rent"), else the rule ("riksnorm.single"); a repeated key gets "#2", "#3", ….
std::vector<DecisionLine> decision_lines(const assess::Assessment& a);

// What the decision-maker asks for.
struct Request {
  Kind kind = Kind::bifall;
  std::vector<Rejection> rejections;
  std::vector<Reason> reasons;
  std::optional<std::string> child_impact;
  std::optional<std::int64_t> replaces;
  std::optional<std::string> presented_by;  // föredragande; ignored when it is the decider
  bool routine = false;
};

// The decision (id 0, not stored). Granted = the assessment's amount − what is rejected (never
// below 0); avslag grants 0. Throws
// - Conflict: the application has a decision and `replaces` is not it (or is given without
//   one); a bifall or delbifall of an assessment that grants 0 kr; above the decider's delegation;
// - InputError naming the option: --reject with --bifall or --avslag, none with --delbifall, an
//   unknown item or an amount above the item; --reason missing for avslag or delbifall, or for
//   a replacing decision that grants less than the one it replaces (FL 37 §); --child-impact
//   missing for an avslag or delbifall when the household has children (barnkonsekvensanalys);
//   `today` before the application arrived.
Decision make_decision(const Basis& basis, const Request& request, const Decider& decider, period::Date today);

// Why a routine bifall (`--bifall-routine`) cannot be made, or nothing: not assessed is the
// caller's; this checks warnings, an amount of 0 and the delegation.
std::optional<std::string> routine_refusal(const Basis& basis, const Decider& decider, period::Date today);

}  // namespace eb::decide
