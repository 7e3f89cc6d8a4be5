// SPDX-License-Identifier: MIT
// The written conditions for repayment a decision can state (SoL 33 kap. 2–3 §§): bistånd as
// an advance on a benefit (`--advance-on FK:sjukpenning`), or bistånd under 12 kap. 2 § on
// condition of repayment (`--repayable`). Without them in the decision no återkrav is possible
// but under 33 kap. 1 § (rules-reference.md §4.3, §5.3).
#pragma once

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

// The statute the condition rests on, on law day `day`: SoL (2025:400) 33 kap. 2 § första
// stycket 1 a for an advance and 33 kap. 3 § for a repayable grant; SoL (2001:453) 9 kap. 2 §
// before 1 July 2025 (rules-reference.md §4.1).
std::string repayment_statute(Repayment kind, period::Date day);
// The condition as the letter states it, in Swedish, for bistånd for `month` (the circumstances
// that ground the duty to repay, 33 kap. 2 § 2 b and 3 § 3).
std::string repayment_text_sv(const RepaymentCondition& c, period::Month month, period::Date day);

}  // namespace eb::decide
