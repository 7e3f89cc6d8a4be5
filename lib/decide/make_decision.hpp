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
// livsföring i övrigt), each granted as the assessment counts it, with what was applied for and
// the cut's reason (code and Swedish text) where it counts less, and its item key — the cost
// kind for a cost line ("rent"), else the rule ("riksnorm.single"); a repeated key gets "#2", ….
std::vector<DecisionLine> decision_lines(const assess::Assessment& a);

// The lines of `a` that count less than was applied for (FL 32 §: each needs its reason), as
// "rent (11 800 kr applied for, 8 000 kr counted: cost-above-guideline)", comma-separated; ""
// when none.
std::string cut_items(const assess::Assessment& a);

// What the decision-maker asks for.
struct Request {
  Kind kind = Kind::bifall;
  std::vector<Rejection> rejections;
  std::vector<Reason> reasons;
  std::optional<std::string> child_impact;
  std::optional<std::int64_t> replaces;
  std::optional<std::string> presented_by;  // föredragande; ignored when it is the decider
  bool routine = false;
  // `--allow-unofficial-norm REASON`: decide on a norm that is not official or municipal.
  std::optional<std::string> unofficial_norm_reason;
  // `--synnerliga-skal REASON`: lift the large-household limit (SoL 12 kap. 7 a § andra stycket).
  std::optional<std::string> large_household_exempt;
  std::optional<std::string> advance_on;  // `--advance-on PAYER:BENEFIT` (33 kap. 2 §)
  bool repayable = false;                 // `--repayable` (33 kap. 3 §): its grounds are the --reason texts
  std::vector<Dissent> dissents;          // `--dissent USER --note TEXT` (FL 30 §)
};

// The decision (id 0, not stored), measured against what was applied for (FL 32 §). Granted =
// the assessment's amount (with the large-household limit lifted for synnerliga skäl) − what is
// rejected (never below 0); avslag grants 0. A decision that grants less than was applied for,
// for whatever reason (a cut in the assessment, a --reject), is a delbifall; bifall grants all
// of it. Throws
// - Conflict: the application has a decision and `replaces` is not it (or is given without
//   one); a bifall or delbifall of an assessment that grants 0 kr; a bifall of an assessment with
//   cut items (naming them); a granting decision on a norm that is not official or municipal
//   without --allow-unofficial-norm (SoF 12 kap. 1 b och 2 §§); above the decider's delegation;
// - InputError naming the option: --reject with --bifall or --avslag, a --delbifall with nothing
//   cut or rejected, an unknown item or an amount above the item; --reason missing for avslag or
//   for a rejection, or for a replacing decision that grants less than the one it replaces (FL
//   37 §); --child-impact missing for an avslag or delbifall when the household has children
//   (barnkonsekvensanalys); --synnerliga-skal without a reduction to lift; --advance-on or
//   --repayable with an avslag, together, or --repayable without --reason; a dissent by the
//   decider; a reason code whose rule is not in force for the month.
Decision make_decision(const Basis& basis, const Request& request, const Decider& decider, period::Date today);

// Why a routine bifall (`--bifall-routine`) cannot be made, or nothing: not assessed is the
// caller's; this checks warnings, an amount of 0, cut items (a delbifall is decided by hand), a
// norm that is not official or municipal, and the delegation, and names every reason found.
std::optional<std::string> routine_refusal(const Basis& basis, const Decider& decider, period::Date today);

}  // namespace eb::decide
