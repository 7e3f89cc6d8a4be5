// SPDX-License-Identifier: MIT
// Terminal, CSV and JSON renderings of payment batches and the ledger (eb pay).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "flow/pay.hpp"
#include "pay/batch.hpp"
#include "pay/ledger.hpp"
#include "pay/payment_plan.hpp"
#include "period/month_range.hpp"
#include "store/payments.hpp"

namespace eb::cli {

// What one `eb pay batch` did (or, with `dry_run`, would do).
struct BatchRun {
  const pay::Plan& plan;
  const store::BatchOutcome& outcome;  // empty for a dry run
  period::Date pay_date;
  std::optional<period::Month> month;
  bool dry_run = false;
};
// "B-1: 11 payments, 91 742 kr for 2026-11-25 (1 to accounts, 10 by avi)", or "nothing to
// pay", and one line per claim.
void print_batch_run(std::ostream& out, const BatchRun& run);
// {batch_id, payments, total_ore, to_accounts, by_avi, pay_date, month, claims, warnings, dry_run}
nlohmann::json batch_run_json(const BatchRun& run);

// The payments of a batch: a table (account numbers masked), or JSON.
void print_batch_payments(std::ostream& out, const pay::Batch& batch, const std::vector<pay::BatchPayment>& payments);
nlohmann::json batch_json(const pay::Batch& batch, const std::vector<pay::BatchPayment>& payments);

// The ledger as a table (kronor), CSV (öre, one row per line and a total row) or JSON (öre).
// `by_month`: the rows are the months of one case.
void print_ledger(std::ostream& out, const pay::Ledger& ledger, bool by_month);
void print_ledger_csv(std::ostream& out, const pay::Ledger& ledger, bool by_month);
nlohmann::json ledger_json(const pay::Ledger& ledger, const std::optional<period::MonthRange>& period,
                           std::optional<std::int64_t> case_id, const std::vector<pay::Claim>& claims);
// The claims of one case as a table.
void print_claims(std::ostream& out, const std::vector<pay::Claim>& claims);
// The ledger of `eb pay ledger` in `format` ("text", "json" or "csv"), with a case's claims.
void print_ledger_outcome(std::ostream& out, const pay::Ledger& ledger, const std::vector<pay::Claim>& claims,
                          const std::optional<period::MonthRange>& range, std::optional<std::int64_t> case_id,
                          const std::string& format);

// One line each for what `eb pay export`, `confirm`, `cancel`, `return` and `repayment` did.
void print_exported(std::ostream& out, const pay::Batch& before, const pay::BatchExport& file, bool again,
                    const std::string& path);
void print_confirmed(std::ostream& out, const pay::Batch& b);
// {batch_id, status, pay_date, payments, total_ore, message_id} of a batch just confirmed or
// cancelled (`b` as it was before a cancel: its payments and total are what is due again).
nlohmann::json batch_state_json(const pay::Batch& b, pay::BatchStatus now);
// {payment_id, returned_on, reason, amount_ore, application_id, case_id, decision_id, month}.
nlohmann::json returned_json(const pay::BatchPayment& p);
// {case_id, paid_on, amount_ore, parts: [{repayment_id, claim_id, amount_ore, left_ore}]}.
nlohmann::json repaid_json(const std::vector<store::RepaymentPart>& parts, std::int64_t case_id, period::Date on);
void print_cancelled(std::ostream& out, const pay::Batch& before);
void print_returned(std::ostream& out, const pay::BatchPayment& p);
void print_repaid(std::ostream& out, const store::RepaymentPart& r, std::int64_t case_id, period::Date on);
// What `eb pay claim` raised: the claim, its decision, ground, statute and deadline.
void print_claim_raised(std::ostream& out, const flow::PayClaimOutcome& o);
// {claim_id, on_decision_id, application_id, case_id, month, amount_ore, ground, statute,
// decision, reason, raised_on, deadline, deadline_statute, warnings}: the keys of the claims of
// `eb pay ledger --json`.
nlohmann::json claim_raised_json(const flow::PayClaimOutcome& o);

}  // namespace eb::cli
