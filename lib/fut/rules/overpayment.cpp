// SPDX-License-Identifier: MIT
// overpayment: fut.md's "double payment". More was paid for a case and month than the decisions
// in force grant, beyond the claims already raised on them: a payment made twice, or a decision
// lowered on reconsideration after it was paid. The amount at risk is the excess,
// paid − granted − claimed. The evidence key is the case, month, paid and granted amounts:
// a claim raised on the finding does not make it new evidence; another payment or another
// decision does.
#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"

namespace eb::fut {

std::vector<Finding> find_overpayment(const ScreeningIndex& ix, const ScreeningParams&) {
  std::vector<Finding> out;
  for (const auto c : ix.paid) {
    const auto& cm = ix.case_month(c);
    const Money excess = cm.paid - cm.granted - cm.claimed;
    if (excess <= Money()) continue;
    Finding f = start_finding(k_rule_overpayment, cm);
    for (const auto& m : cm.members) {
      if (m.role == assess::Role::applicant) f.member = m.pnr;
    }
    f.amount_at_risk = excess;
    f.evidence.note = "För " + cm.month.to_string() + " har " + money::format_kr(cm.paid) +
                      " betalats ut men besluten i kraft beviljar " + money::format_kr(cm.granted) +
                      (cm.claimed.is_zero() ? "" : " och " + money::format_kr(cm.claimed) + " är redan återkrävt") +
                      "; " + money::format_kr(excess) + " är utbetalt för mycket.";
    f.evidence_key =
        ContentKey::of(std::string(k_rule_overpayment) + "|" + case_list(f.cases) + "|" + cm.month.to_string() +
                       "|paid=" + std::to_string(cm.paid.ore()) + "|granted=" + std::to_string(cm.granted.ore()));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace eb::fut
