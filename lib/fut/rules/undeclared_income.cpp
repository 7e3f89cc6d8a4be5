// SPDX-License-Identifier: MIT
// undeclared-income: income in the register that the application did not declare (fut.md).
// A register row counts as declared when any member of the case declared the same income kind
// for the month: an income declared on the wrong member of the household is under-declared at
// most (underdeclared-income compares the amounts), never undeclared. The register's month (the
// month the payment concerns) is matched to the month the bistånd is for. A row of 0 kr is
// nothing undeclared.
#include <algorithm>
#include <cstdint>

#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"
#include "money/money.hpp"

namespace eb::fut {

namespace {

std::uint32_t kind_bit(assess::IncomeKind k) {
  return std::uint32_t{1} << static_cast<unsigned>(k);
}

}  // namespace

std::vector<Finding> find_undeclared_income(const ScreeningIndex& ix, const ScreeningParams&) {
  std::vector<Finding> out;
  const auto& matches = ix.income_matches;
  std::vector<std::uint32_t> rows;
  for (std::size_t i = 0; i < matches.size();) {
    const std::uint32_t c = matches[i].first;
    rows.clear();
    for (; i < matches.size() && matches[i].first == c; ++i) rows.push_back(matches[i].second);
    const auto& cm = ix.case_month(c);
    std::uint32_t declared = 0;
    for (const auto& d : cm.incomes) declared |= kind_bit(d.kind);
    // Oldest payment first, so the amount at risk of a case-month never exceeds what was paid.
    std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& ra = ix.income_row(a);
      const auto& rb = ix.income_row(b);
      return ra.paid_on != rb.paid_on ? ra.paid_on < rb.paid_on : ra.key < rb.key;
    });
    Money left = cm.paid;
    for (const auto r : rows) {
      const auto& row = ix.income_row(r);
      if ((declared & kind_bit(row.kind)) != 0 || row.amount.is_zero()) continue;
      Finding f = start_finding(k_rule_undeclared_income, cm);
      f.member = row.pnr;
      f.amount_at_risk = money::min(row.amount, left);
      left -= f.amount_at_risk;
      f.evidence.register_rows = {row};
      f.evidence.note = "Enligt " + std::string(source_name(row.source)) + " betalades " +
                        money::format_kr(row.amount) + " " + kind_sv(row.kind) + " ut den " + row.paid_on.to_string() +
                        " till " + role_sv(cm, row.pnr) + " för " + row.month.to_string() + "; " + applications_sv(cm) +
                        " redovisar ingen inkomst av det slaget för hushållet.";
      f.evidence_key = ContentKey::of(std::string(k_rule_undeclared_income) + "|" + case_list(f.cases) + "|" +
                                      cm.month.to_string() + "|" + row.key.hex());
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace eb::fut
