// SPDX-License-Identifier: MIT
// The written conditions for repayment a decision can state (SoL 33 kap. 2–3 §§): bistånd as
// an advance on a benefit (`--advance-on FK:sjukpenning`), or bistånd under 12 kap. 2 § on
// condition of repayment (`--repayable`). Without them in the decision no återkrav is possible
// but under 33 kap. 1 § (rules-reference.md §4.3, §5.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decide/decision.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::decide {

// The benefit an advance is given on.
struct AdvanceOn {
  std::string payer;    // "FK", "PM", "CSN", "AKASSA", "SKV"
  std::string benefit;  // an income kind of a benefit: "sjukpenning", "a_kassa", …
};

// Parses "FK:sjukpenning" (payer:benefit). Throws InputError naming `field`, listing the payers
// or the benefits when one is unknown.
AdvanceOn parse_advance_on(std::string_view text, std::string_view field);
// "Försäkringskassan"; the code itself when unknown.
std::string payer_sv(std::string_view payer);
// "sjukpenning", "a-kassa" (the benefit's Swedish name, lower case).
std::string benefit_sv(std::string_view benefit);

// The statute the condition rests on, on law day `day`: SoL (2025:400) 33 kap. 2 § 1 a och 2
// for an advance (the paragraph has one stycke: point 1 a is the advance, point 2 the written,
// served decision stating the grounds) and 33 kap. 3 § for a repayable grant; before 1 July 2025
// SoL (2001:453) 9 kap. 2 § första stycket 1 (advance) or andra stycket (repayable), read in the
// SFS mirror (rules-reference.md [S16][S17]).
std::string repayment_statute(Repayment kind, period::Date day);
// The condition as the letter states it, in Swedish, for bistånd for `month` (the circumstances
// that ground the duty to repay, 33 kap. 2 § 2 b and 3 § 3).
std::string repayment_text_sv(const RepaymentCondition& c, period::Month month, period::Date day);

// The legal ground of a claim (återkrav), SoL (2025:400) 33 kap.:
enum class ClaimGround {
  wrongly_paid,  // 1 §: paid wrongly or too much through oriktiga uppgifter, a duty to inform not
                 // fulfilled or otherwise caused, or the person should reasonably have realised it
  advance,       // 2 § 1 a och 2: an advance on a benefit, stated in a written, served decision
  repayable,     // 3 §: bistånd under 12 kap. 2 § given on a written condition of repayment
};
// "wrongly-paid", "advance", "repayable" (the --ground values).
std::string_view claim_ground_name(ClaimGround g);
// "felaktig eller för hög utbetalning", "förskott på en förmån", "bistånd under villkor om
// återbetalning" (Swedish, as a report names the ground).
std::string_view claim_ground_label_sv(ClaimGround g);
// The ground named `text`. Throws InputError naming `field` and listing the grounds otherwise.
ClaimGround parse_claim_ground(std::string_view text, std::string_view field);
// The statute of a claim on `ground` for bistånd first granted on `granted_on`: SoL (2025:400)
// 33 kap. 1 §, 33 kap. 2 § 1 a och 2 or 33 kap. 3 §; SoL (2001:453) 9 kap. 1 §, 9 kap. 2 §
// första stycket 1 or 9 kap. 2 § andra stycket for bistånd granted before 1 July 2025
// (transitional provision 5 a of SoL 2025:400).
std::string claim_ground_statute(ClaimGround ground, period::Date granted_on);

// The decision on the bistånd that a claim refers to, with the condition it stated.
struct ClaimedDecision {
  std::int64_t id = 0;
  period::Date decided_on{1970, 1, 1};
  std::optional<RepaymentCondition> repayment;
};
// The decision `d` as a claim refers to it.
ClaimedDecision claimed_decision_of(const Decision& d);
// Checks that a claim on `ground` may refer to `on`. A claim under 33 kap. 1 § needs no
// condition. Under 2 § or 3 § the decision on the bistånd must have stated the condition in
// writing (33 kap. 2 § 2 b, 3 § 1 and 3): throws InputError naming "--on-decision" when no
// decision is given, Conflict naming the decision when it stated no condition or the other one.
void check_claim_ground(ClaimGround ground, const std::optional<ClaimedDecision>& on);
// What eb cannot check of a claim on a written condition: that decision `decision_id` was served
// on the person (delgetts, 33 kap. 2 § 2 a, 3 § 2); nothing for a claim under 1 §.
std::optional<std::string> claim_ground_warning(ClaimGround ground, std::int64_t decision_id);

}  // namespace eb::decide
