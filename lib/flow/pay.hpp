// SPDX-License-Identifier: MIT
// The payment flows (`eb pay`): a batch of everything decided and unpaid, its payment file, the
// bank's confirmation or a cancellation, returned payments, repayments of claims, the ledger.
// Exactly once is the schema's; the state rules are lib/pay's; these orchestrate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/repayment.hpp"
#include "flow/context.hpp"
#include "fut/follow_up.hpp"
#include "pay/batch.hpp"
#include "pay/ledger.hpp"
#include "pay/payment_plan.hpp"
#include "period/month_range.hpp"
#include "store/database.hpp"
#include "store/payments.hpp"

namespace eb::flow {

struct PayBatchOutcome {
  pay::Plan plan;
  store::BatchOutcome stored;
};

// Plans and stores a batch for `pay_date` of what is due (of `month`, if given), and the claims
// where more has left than the current decisions grant. Throws InputError when a payee is
// unusable (unless `hold_invalid`), Conflict when the schema refuses a payment.
PayBatchOutcome pay_batch(store::Database& db, const Context& ctx, period::Date pay_date,
                          std::optional<period::Month> month, bool hold_invalid);

struct PayExportOutcome {
  pay::Batch batch;  // as before the export
  std::string content;
  pay::BatchExport file;
  bool again = false;  // exported as this format before: the identical file
};

// Records that batch `batch_id` is exported as `format` and returns the file's content, which the
// caller writes before the transaction commits. The first export draws on the payer (ctx.payer);
// a re-export on the debtor recorded then. Throws NotFound, Conflict (cancelled, pays more than
// the decisions grant), StoreError (a re-export that differs: changed outside eb).
PayExportOutcome pay_export(store::Database& db, const Context& ctx, std::int64_t batch_id, pay::FileFormat format);

// exported -> confirmed; returns the batch. Throws NotFound or Conflict.
pay::Batch pay_confirm(store::Database& db, const Context& ctx, std::int64_t batch_id);
// created -> cancelled; returns the batch as it was. Throws NotFound or Conflict.
pay::Batch pay_cancel(store::Database& db, const Context& ctx, std::int64_t batch_id);
// Records payment `payment_id` as returned on `on`. Throws NotFound or Conflict.
pay::BatchPayment pay_return(store::Database& db, const Context& ctx, std::int64_t payment_id, period::Date on,
                             const std::string& reason);
// Books a repayment by case `case_id` (on `claim_id`, else the oldest claims). Throws NotFound or
// Conflict.
std::vector<store::RepaymentPart> pay_repayment(store::Database& db, const Context& ctx, std::int64_t case_id,
                                                money::Money amount, period::Date on,
                                                std::optional<std::int64_t> claim_id);

struct PayClaimRequest {
  std::int64_t decision_id = 0;  // the decision on the bistånd claimed (D-n)
  money::Money amount;
  decide::ClaimGround ground = decide::ClaimGround::advance;
  std::string decision;  // the nämnd's decision on the claim (reference or text)
  std::string reason;    // the circumstances, Swedish
};
struct PayClaimOutcome {
  std::int64_t claim_id = 0;
  store::ClaimBasis basis;  // before the claim
  fut::Claim claim;
  std::vector<std::string> warnings;  // what eb cannot check of a written condition (its service)
};
// Raises a claim (återkrav) on decision `request.decision_id` without a FUT flag: an advance
// repaid once the benefit is paid for the same time (SoL 33 kap. 2 §), a grant on condition of
// repayment (3 §), or money paid wrongly (1 §), within what was paid for the decision's
// application less the claims on it, with its deadline (33 kap. 5 §). Throws NotFound (the
// decision), Conflict (nothing paid, a decision without the condition the ground needs),
// InputError (amount, blank decision or reason; see fut::make_decision_claim).
PayClaimOutcome pay_claim(store::Database& db, const Context& ctx, const PayClaimRequest& request);

struct LedgerOutcome {
  pay::Ledger ledger;
  std::vector<pay::Claim> claims;  // of the case, when one is asked for
};
// The ledger of case `case_id` (month by month) or of all cases, over `range` or all time.
// Throws NotFound for an unknown case.
LedgerOutcome pay_ledger(const store::Database& db, std::optional<std::int64_t> case_id,
                         std::optional<period::MonthRange> range);

struct BatchView {
  pay::Batch batch;
  std::vector<pay::BatchPayment> payments;
};
// Throws NotFound.
BatchView pay_show(const store::Database& db, std::int64_t batch_id);

}  // namespace eb::flow
