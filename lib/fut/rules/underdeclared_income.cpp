// SPDX-License-Identifier: MIT
// underdeclared-income: the register shows more of an income kind than the application declared
// (fut.md). The comparison is per case, month and income kind over all members of the case (an
// income declared on the wrong member of the household is not flagged): the register rows of
// the members for the month against the declared lines of that kind. A difference of at most
// the tolerance (default 100 kr) is not flagged; anything more is. Declaring more than the
// register shows is not this rule's concern. The flag names the member whose own register rows
// exceed their own declared lines the most.
#include <algorithm>
#include <cstdint>

#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"
#include "money/money.hpp"

namespace eb::fut {

std::vector<Finding> find_underdeclared_income(const ScreeningIndex& ix, const ScreeningParams& params) {
  std::vector<Finding> out;
  const auto& matches = ix.income_matches;
  std::vector<std::uint32_t> rows;
  for (std::size_t i = 0; i < matches.size();) {
    const std::uint32_t c = matches[i].first;
    rows.clear();
    for (; i < matches.size() && matches[i].first == c; ++i) rows.push_back(matches[i].second);
    const auto& cm = ix.case_month(c);
    if (cm.incomes.empty()) continue;
    std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& ra = ix.income_row(a);
      const auto& rb = ix.income_row(b);
      if (ra.kind != rb.kind) return ra.kind < rb.kind;
      return ra.paid_on != rb.paid_on ? ra.paid_on < rb.paid_on : ra.key < rb.key;
    });
    Money left = cm.paid;
    for (std::size_t a = 0; a < rows.size();) {
      const auto kind = ix.income_row(rows[a]).kind;
      std::size_t b = a;
      Money in_register;
      for (; b < rows.size() && ix.income_row(rows[b]).kind == kind; ++b) in_register += ix.income_row(rows[b]).amount;
      Money declared;
      bool any_declared = false;
      for (const auto& d : cm.incomes) {
        if (d.kind != kind) continue;
        declared += d.amount;
        any_declared = true;
      }
      const Money difference = in_register - declared;
      if (any_declared && difference > params.underdeclared_tolerance) {
        // Only a finding is built (most kinds of most case-months are declared right).
        Finding f = start_finding(k_rule_underdeclared_income, cm);
        for (const auto& d : cm.incomes) {
          if (d.kind == kind) f.evidence.declared.push_back(d);
        }
        // The member whose own register rows exceed their own declared lines the most: where
        // the shortfall is (the lowest pnr on a tie).
        std::vector<std::pair<std::uint64_t, Money>> by_member;
        const auto add_to = [&](std::uint64_t number, Money amount) {
          const auto it =
              std::find_if(by_member.begin(), by_member.end(), [&](const auto& e) { return e.first == number; });
          if (it == by_member.end()) {
            by_member.emplace_back(number, amount);
          } else {
            it->second += amount;
          }
        };
        for (std::size_t k = a; k < b; ++k) {
          const auto& row = ix.income_row(rows[k]);
          f.evidence.register_rows.push_back(row);
          add_to(pnr_number(row.pnr), row.amount);
        }
        for (const auto& d : f.evidence.declared) {
          const auto number = pnr_number(d.member);
          if (std::any_of(by_member.begin(), by_member.end(), [&](const auto& e) { return e.first == number; })) {
            add_to(number, -d.amount);
          }
        }
        const auto top = std::min_element(by_member.begin(), by_member.end(), [](const auto& x, const auto& y) {
          return x.second != y.second ? x.second > y.second : x.first < y.first;
        });
        for (const auto& row : f.evidence.register_rows) {
          if (pnr_number(row.pnr) == top->first) {
            f.member = row.pnr;
            break;
          }
        }
        f.amount_at_risk = money::min(difference, left);
        left -= f.amount_at_risk;
        std::string declared_refs;
        std::vector<std::string> refs;
        for (const auto& d : f.evidence.declared) refs.push_back(d.ref + "=" + std::to_string(d.amount.ore()));
        std::sort(refs.begin(), refs.end());
        for (const auto& r : refs) declared_refs += "|" + r;
        std::vector<std::string> keys;
        for (const auto& row : f.evidence.register_rows) keys.push_back(row.key.hex());
        std::sort(keys.begin(), keys.end());
        std::string canonical = std::string(k_rule_underdeclared_income) + "|" + case_list(f.cases) + "|" +
                                cm.month.to_string() + "|" + std::string(assess::income_kind_name(kind));
        for (const auto& k : keys) canonical += "|" + k;
        canonical += "|declared" + declared_refs;
        f.evidence_key = ContentKey::of(canonical);
        std::string lines;
        for (std::size_t k = 0; k < f.evidence.declared.size(); ++k) {
          if (k > 0) lines += k + 1 == f.evidence.declared.size() ? " och " : ", ";
          lines += f.evidence.declared[k].ref;
        }
        f.evidence.note = "Registret visar " + money::format_kr(in_register) + " " + kind_sv(kind) + " för " +
                          cm.month.to_string() + " men " + applications_sv(cm) + " redovisar " +
                          money::format_kr(declared) + " (" + lines + "); skillnaden är " +
                          money::format_kr(difference) + ".";
        out.push_back(std::move(f));
      }
      a = b;
    }
  }
  return out;
}

}  // namespace eb::fut
