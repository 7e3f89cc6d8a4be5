// SPDX-License-Identifier: MIT
#include "pay/ledger.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "common/error.hpp"
#include "common/ids.hpp"

namespace eb::pay {

LedgerFigures& LedgerFigures::operator+=(const LedgerFigures& o) {
  decided += o.decided;
  paid += o.paid;
  returned += o.returned;
  pending += o.pending;
  claimed += o.claimed;
  claimed_on_decisions += o.claimed_on_decisions;
  repaid += o.repaid;
  waived += o.waived;
  return *this;
}

Ledger make_ledger(const std::vector<LedgerRow>& entries, bool by_month) {
  // Key: case, then month (an empty month sorts first, and is the only one per case
  // without `by_month`).
  std::map<std::pair<std::int64_t, std::optional<period::Month>>, LedgerFigures> rows;
  Ledger out;
  for (const auto& e : entries) {
    rows[{e.case_id, by_month ? e.month : std::nullopt}] += e.figures;
    out.total += e.figures;
  }
  out.rows.reserve(rows.size());
  for (const auto& [key, figures] : rows) out.rows.push_back({key.first, key.second, figures});
  return out;
}

}  // namespace eb::pay

namespace eb::pay {

std::vector<std::pair<std::int64_t, Money>> allocate_repayment(const std::vector<Claim>& claims, Money amount,
                                                               std::optional<std::int64_t> claim_id) {
  if (claim_id) {
    for (const Claim& c : claims) {
      if (c.id != *claim_id) continue;
      if (amount > c.left()) {
        throw Conflict("a repayment of " + money::format_kr(amount) + " is more than is left of claim " +
                       format_id(IdKind::claim, c.id) + ": " + money::format_kr(c.left()) + " of " +
                       money::format_kr(c.amount));
      }
      return {{c.id, amount}};
    }
    throw Conflict(format_id(IdKind::claim, *claim_id) + " is not a claim of this case");
  }
  std::vector<const Claim*> open;
  Money left;
  for (const Claim& c : claims) {
    if (c.left() > Money()) {
      open.push_back(&c);
      left += c.left();
    }
  }
  if (open.empty()) {
    throw Conflict("the case has no claim (återkrav) with anything left to repay; a repayment is booked on a claim");
  }
  if (amount > left) {
    std::string names;
    for (const Claim* c : open) names += (names.empty() ? "" : ", ") + format_id(IdKind::claim, c->id);
    throw Conflict("a repayment of " + money::format_kr(amount) +
                   " is more than the case owes: " + money::format_kr(left) + " is left of " + names);
  }
  std::sort(open.begin(), open.end(), [](const Claim* a, const Claim* b) {
    return std::pair(a->raised_on, a->id) < std::pair(b->raised_on, b->id);
  });
  std::vector<std::pair<std::int64_t, Money>> out;
  for (const Claim* c : open) {
    if (amount.is_zero()) break;
    const Money part = money::min(amount, c->left());
    out.emplace_back(c->id, part);
    amount -= part;
  }
  return out;
}

}  // namespace eb::pay
