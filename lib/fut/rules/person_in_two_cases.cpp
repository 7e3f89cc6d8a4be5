// SPDX-License-Identifier: MIT
// person-in-two-cases: one person is a member of two or more cases that were both paid for the
// same month (fut.md). One finding per person and month. The finding is about the case with the
// smallest payment (on a tie, the newer case: the higher id), and the amount at risk is what the
// cases were paid together less the largest payment: for two cases, the smaller payment.
#include <algorithm>

#include "common/ids.hpp"
#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"

namespace eb::fut {

std::vector<Finding> find_person_in_two_cases(const ScreeningIndex& ix, const ScreeningParams&) {
  std::vector<Finding> out;
  const auto& members = ix.members;
  std::vector<std::uint32_t> cms;
  for (std::size_t i = 0; i < members.size();) {
    const auto key = members[i].first;
    cms.clear();
    for (; i < members.size() && members[i].first == key; ++i) cms.push_back(members[i].second);
    // One case-month per case (a member listed twice in one case is not two cases).
    std::sort(cms.begin(), cms.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ix.case_month(a).case_id < ix.case_month(b).case_id; });
    cms.erase(std::unique(cms.begin(), cms.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                            return ix.case_month(a).case_id == ix.case_month(b).case_id;
                          }),
              cms.end());
    if (cms.size() < 2) continue;
    const auto primary = *std::min_element(cms.begin(), cms.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& x = ix.case_month(a);
      const auto& y = ix.case_month(b);
      return x.paid != y.paid ? x.paid < y.paid : x.case_id > y.case_id;
    });
    const auto& cm = ix.case_month(primary);
    Finding f = start_finding(k_rule_person_in_two_cases, cm);
    f.cases.clear();
    f.evidence.payments.clear();
    Money total, largest;
    for (const auto c : cms) {
      const auto& other = ix.case_month(c);
      f.cases.push_back(other.case_id);
      f.evidence.payments.push_back(payment_evidence(other));
      total += other.paid;
      largest = money::max(largest, other.paid);
    }
    // The person: the member of `cm` with this key.
    for (const auto& m : cm.members) {
      if (pnr_month_key(m.pnr, cm.month) == key) f.member = m.pnr;
    }
    f.amount_at_risk = total - largest;
    std::string roles;
    for (std::size_t k = 0; k < cms.size(); ++k) {
      const auto& other = ix.case_month(cms[k]);
      if (k > 0) roles += k + 1 == cms.size() ? " och " : ", ";
      roles += role_sv(other, *f.member) + " i " + format_id(IdKind::arende, other.case_id) + " (" +
               money::format_kr(other.paid) + ")";
    }
    f.evidence.note = "Samma person är " + roles + (cms.size() == 2 ? ", som båda" : ", som alla") +
                      " fått bistånd för " + cm.month.to_string() + ".";
    f.evidence_key = ContentKey::of(std::string(k_rule_person_in_two_cases) + "|" + f.member->digits() + "|" +
                                    cm.month.to_string() + "|" + case_list(f.cases));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace eb::fut
