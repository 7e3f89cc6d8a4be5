// SPDX-License-Identifier: MIT
// paid-after-death: bistånd paid for a month after a member's date of death (fut.md). A month
// after the death is a month later than the month the member died in: a death on 15 March
// flags a payment for April, not for March, and a death in April does not flag March.
// The deceased's share, the amount at risk:
// - the whole payment for a one-person case;
// - else the member's own riksnorm line when the caller gives it (CaseMember::norm_share), at
//   most the payment;
// - else the payment divided equally among the case's members (per capita, rounded to whole
//   öre half away from zero: an estimate of the share, not an amount in any decision).
// When the population register gives a person more than one date of death (files that
// disagree), the earliest is used.
#include <algorithm>
#include <unordered_map>

#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"
#include "fut/screening_index.hpp"

namespace eb::fut {

namespace {

Money share_of(const PaidCaseMonth& cm, const CaseMember& m) {
  if (cm.members.size() <= 1) return cm.paid;
  if (m.norm_share) return money::min(*m.norm_share, cm.paid);
  return cm.paid.scaled(1, static_cast<std::int64_t>(cm.members.size()), money::Rounding::ore_half_up);
}

}  // namespace

std::vector<Finding> find_paid_after_death(const ScreeningIndex& ix, const ScreeningParams&) {
  const auto& population = ix.input->population_rows;
  std::unordered_map<std::uint64_t, std::size_t> death;  // pnr → row with the earliest date
  for (std::size_t r = 0; r < population.size(); ++r) {
    const auto& row = population[r];
    if (!row.deceased_on) continue;
    const auto [it, inserted] = death.emplace(pnr_number(row.pnr), r);
    if (!inserted) {
      const auto& best = population[it->second];
      if (*row.deceased_on < *best.deceased_on || (*row.deceased_on == *best.deceased_on && row.key < best.key)) {
        it->second = r;
      }
    }
  }
  std::vector<Finding> out;
  if (death.empty()) return out;
  for (const auto c : ix.paid) {
    const auto& cm = ix.case_month(c);
    for (const auto& m : cm.members) {
      const auto it = death.find(pnr_number(m.pnr));
      if (it == death.end()) continue;
      const auto& row = population[it->second];
      if (cm.month <= period::month_of(*row.deceased_on)) continue;
      Finding f = start_finding(k_rule_paid_after_death, cm);
      f.member = m.pnr;
      f.amount_at_risk = share_of(cm, m);
      f.evidence.population = row;
      const std::string share = cm.members.size() <= 1 ? "hela utbetalningen"
                                : m.norm_share
                                    ? "medlemmens andel enligt riksnormen, " + money::format_kr(f.amount_at_risk)
                                    : "medlemmens andel per capita, " + money::format_kr(f.amount_at_risk);
      f.evidence.note = money::format_kr(cm.paid) + " betalades ut för " + cm.month.to_string() + ", men " +
                        role_sv(cm, m.pnr) + " avled den " + row.deceased_on->to_string() +
                        " enligt folkbokföringen; i risk: " + share + ".";
      f.evidence_key = ContentKey::of(std::string(k_rule_paid_after_death) + "|" + case_list(f.cases) + "|" +
                                      cm.month.to_string() + "|" + m.pnr.digits() + "|" + row.key.hex());
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace eb::fut
