// SPDX-License-Identifier: MIT
// Payments, batches, returns, claims (återkrav) and repayments in the case store (schema v4;
// the ground of a claim and the decision it refers to, v10).
// Exactly once is the schema's: these functions read and write, the constraints refuse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fut/follow_up.hpp"
#include "money/money.hpp"
#include "pay/batch.hpp"
#include "pay/ledger.hpp"
#include "pay/payment_plan.hpp"
#include "period/month_range.hpp"
#include "store/database.hpp"

namespace eb::store {

// Every application with a decision (of `month`, if given), with its current decision, payee,
// payments (oldest first, cancelled ones included) and the claims on its decisions: what pay::plan_batch needs.
// Call it inside the write transaction that stores the plan, so no other process pays between.
std::vector<pay::ApplicationState> payment_states(const Database& store, std::optional<period::Month> month);

struct BatchOutcome {
  std::optional<std::int64_t> batch_id;  // nothing when there was nothing to pay
  std::size_t payments = 0;
  money::Money total;
  std::vector<std::int64_t> claim_ids;
};

// Stores `plan`: its claims, and a batch (status created) for `pay_date` holding its payments,
// if it has any. One audit entry for the batch and one per claim. A payment or claim the
// schema refuses (paid already, more than granted) comes back as Conflict naming it.
BatchOutcome store_batch(Database& store, const pay::Plan& plan, period::Date pay_date,
                         std::optional<period::Month> month, const WriteContext& ctx);

// Throws NotFound.
pay::Batch load_batch(const Database& store, std::int64_t id);
// The payments of batch `id` in id order, cancelled ones included.
std::vector<pay::BatchPayment> batch_payments(const Database& store, std::int64_t id);
// For a batch not yet exported: each application whose live payments now exceed what its
// current decision grants (a lower decision came after the batch), as a sentence. Exporting
// such a batch would pay too much, so export refuses it.
std::vector<std::string> batch_overgrants(const Database& store, std::int64_t id);

// Records that batch `id` was exported as `file.format`. The first export moves it from created
// to exported and records `debtor`; the first export of each format records its sha256, size
// and time. Throws NotFound, or Conflict for a cancelled batch.
void record_export(Database& store, std::int64_t id, const pay::BatchExport& file, const pay::Debtor& debtor,
                   const WriteContext& ctx);
// exported -> confirmed (the bank accepted the file). Throws Conflict in any other status.
void confirm_batch(Database& store, std::int64_t id, const WriteContext& ctx);
// created -> cancelled, with its payments, which become due again. Throws Conflict once the
// batch is exported (the money may have left: record returns instead) or cancelled.
void cancel_batch(Database& store, std::int64_t id, const WriteContext& ctx);

// Records that the bank returned payment `id`; it becomes due again and the next batch re-issues
// it. Throws NotFound, or Conflict unless it is in an exported or confirmed batch and not yet
// returned. Returns the payment.
pay::BatchPayment record_return(Database& store, std::int64_t id, period::Date returned_on, const std::string& reason,
                                const WriteContext& ctx);

// What a claim on a decision (`eb pay claim`) needs to know of the decision's application.
struct ClaimBasis {
  std::int64_t case_id = 0;
  std::int64_t application_id = 0;
  period::Month month{2000, 1};
  money::Money paid;                          // sent for the application, net of returned payments
  money::Money claimed;                       // every claim on the application so far
  std::optional<period::Date> first_paid_on;  // the earliest pay date of what was sent
  period::Date first_decided_on{1970, 1, 1};  // the application's first decision
};
// The basis of a claim on application `application_id`. Throws NotFound.
ClaimBasis claim_basis(const Database& store, std::int64_t application_id);
// Stores `claim` (on its decision, no flag) on `basis`'s case, application and month with its
// reason, ground and deadline. Returns the claim id. The schema refuses a claim under 33 kap. 2
// or 3 § on a decision without that condition, and more than is left to claim (Conflict). One
// audit entry.
std::int64_t store_decision_claim(Database& store, const ClaimBasis& basis, const fut::Claim& claim,
                                  const WriteContext& ctx);

// The claims of case `case_id`, oldest first, with what is repaid of each.
std::vector<pay::Claim> case_claims(const Database& store, std::int64_t case_id);
struct RepaymentPart {
  std::int64_t repayment_id = 0;
  std::int64_t claim_id = 0;
  money::Money amount;
  money::Money left;  // of the claim, after this repayment
};
// Books a repayment of `amount` by case `case_id` on `claim_id`, or oldest claim first (see
// pay::allocate_repayment). Throws NotFound for an unknown case, Conflict when it is more than
// is left to repay.
std::vector<RepaymentPart> record_repayment(Database& store, std::int64_t case_id, money::Money amount,
                                            period::Date paid_on, std::optional<std::int64_t> claim_id,
                                            const WriteContext& ctx);

// The ledger's figures per case and month (of `case_id`, in `period`; all when not given).
std::vector<pay::LedgerRow> ledger_entries(const Database& store, std::optional<std::int64_t> case_id,
                                           std::optional<period::MonthRange> period);

}  // namespace eb::store
