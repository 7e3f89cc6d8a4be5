// SPDX-License-Identifier: MIT
// The ledger: what was decided, paid, returned, claimed back (återkrav) and repaid per case and
// month, and the balances derived from them. Every figure belongs to the month the bistånd is
// for (a claim without an application to the month it was raised), so the figures of a period
// always reconcile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::pay {

using money::Money;

struct LedgerFigures {
  Money decided;               // granted by the current decisions
  Money paid;                  // payments in exported or confirmed batches (money sent), returned ones included
  Money returned;              // of those, what the bank returned
  Money pending;               // payments in batches created but not yet exported
  Money claimed;               // återkrav raised
  Money claimed_on_decisions;  // of those, raised because a new decision lowered a paid amount
  Money repaid;                // repayments of claims
  Money waived;                // of the claims, what the nämnd waived (eftergift, SoL 33 kap. 6 §)

  // paid − returned: what the household has received.
  Money net_paid() const { return paid - returned; }
  // decided − net paid − pending + claimed on decisions: what `eb pay batch` still pays;
  // negative while more has been paid (or is pending) than decided and no claim covers it.
  Money to_pay() const { return decided - net_paid() - pending + claimed_on_decisions; }
  // claimed − repaid − waived: återkrav outstanding.
  Money owed() const { return claimed - repaid - waived; }
  // to_pay − owed: the net position; positive, the municipality owes the household, negative,
  // the household owes the municipality. Equal to decided − net paid − pending + repaid + waived
  // − (claimed − claimed on decisions).
  Money balance() const { return to_pay() - owed(); }

  LedgerFigures& operator+=(const LedgerFigures& o);
  bool operator==(const LedgerFigures&) const = default;
};

// The figures of one case, in one month or (month empty) over the period.
struct LedgerRow {
  std::int64_t case_id = 0;
  std::optional<period::Month> month;
  LedgerFigures figures;
};

struct Ledger {
  std::vector<LedgerRow> rows;
  LedgerFigures total;
};

// The ledger of `entries` (one per case and month, any order): with `by_month`, one row per
// case and month, else one per case; rows in case and month order; `total` is their sum.
Ledger make_ledger(const std::vector<LedgerRow>& entries, bool by_month);

// A claim (återkrav) and what has been repaid and waived of it.
struct Claim {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> application_id;
  std::optional<std::int64_t> decision_id;  // set when a lowering decision raised it
  std::optional<std::int64_t> flag_id;      // set for a claim raised on a FUT flag (eb fut-check claim)
  std::optional<period::Month> month;
  Money amount;
  Money repaid;
  Money waived;
  std::string reason;
  std::string statute;
  std::string ground = "wrongly-paid";  // SoL 33 kap. 1 § ("wrongly-paid"), 2 § ("advance"), 3 § ("repayable")
  std::optional<std::int64_t> on_decision_id;  // the decision on the bistånd whose condition it rests on
  period::Date raised_on{1970, 1, 1};
  std::optional<period::Date> deadline;  // a FUT claim's: court action by then (SoL 33 kap. 5 §)

  Money left() const { return amount - repaid - waived; }
};

// How a repayment of `amount` is booked on `claims` (any order): all of it on `claim_id` when
// given, else on the claims with something left, oldest first. Returns (claim id, amount) pairs.
// Throws Conflict when `claim_id` is not among `claims`, when nothing is left to repay, or when
// `amount` is more than is left (of that claim, or of all), naming the amounts.
std::vector<std::pair<std::int64_t, Money>> allocate_repayment(const std::vector<Claim>& claims, Money amount,
                                                               std::optional<std::int64_t> claim_id);

}  // namespace eb::pay
