// SPDX-License-Identifier: MIT
#include "flow/pay.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/sha256.hpp"
#include "pay/payment_file.hpp"
#include "store/cases.hpp"
#include "store/decisions.hpp"

namespace eb::flow {

PayBatchOutcome pay_batch(store::Database& db, const Context& ctx, period::Date pay_date,
                          std::optional<period::Month> month, bool hold_invalid) {
  PayBatchOutcome out;
  out.plan = pay::plan_batch(store::payment_states(db, month), {hold_invalid});
  pay::refuse_unusable_payees(out.plan);
  out.stored = store::store_batch(db, out.plan, pay_date, month, ctx.write("pay batch"));
  return out;
}

PayExportOutcome pay_export(store::Database& db, const Context& ctx, std::int64_t batch_id, pay::FileFormat format) {
  PayExportOutcome out;
  out.batch = store::load_batch(db, batch_id);
  pay::require_exportable(out.batch);
  const store::WriteContext write = ctx.write("pay export");
  pay::Debtor debtor;
  if (out.batch.debtor) {
    debtor = *out.batch.debtor;  // a re-export: the file is drawn on the account recorded at the first export
  } else {
    pay::refuse_overgrants(out.batch, store::batch_overgrants(db, batch_id));
    debtor = ctx.payer().debtor;
  }
  const pay::BatchExport* earlier = out.batch.export_of(format);
  out.again = earlier != nullptr;
  out.file.format = format;
  out.file.exported_at = earlier ? earlier->exported_at : pay::file_datetime(write.at);
  const pay::PaymentFile content_of =
      pay::payment_file(out.batch, store::batch_payments(db, batch_id), debtor, out.file.exported_at);
  out.content =
      format == pay::FileFormat::pain001 ? pay::write_pain001(content_of) : pay::write_payment_csv(content_of);
  out.file.sha256 = sha256_hex(out.content);
  out.file.bytes = static_cast<std::int64_t>(out.content.size());
  if (earlier) pay::require_identical_export(out.batch, *earlier, out.file.sha256);
  store::record_export(db, batch_id, out.file, debtor, write);
  return out;
}

pay::Batch pay_confirm(store::Database& db, const Context& ctx, std::int64_t batch_id) {
  store::confirm_batch(db, batch_id, ctx.write("pay confirm"));
  return store::load_batch(db, batch_id);
}

pay::Batch pay_cancel(store::Database& db, const Context& ctx, std::int64_t batch_id) {
  pay::Batch before = store::load_batch(db, batch_id);
  store::cancel_batch(db, batch_id, ctx.write("pay cancel"));
  return before;
}

pay::BatchPayment pay_return(store::Database& db, const Context& ctx, std::int64_t payment_id, period::Date on,
                             const std::string& reason) {
  return store::record_return(db, payment_id, on, reason, ctx.write("pay return"));
}

std::vector<store::RepaymentPart> pay_repayment(store::Database& db, const Context& ctx, std::int64_t case_id,
                                                money::Money amount, period::Date on,
                                                std::optional<std::int64_t> claim_id) {
  return store::record_repayment(db, case_id, amount, on, claim_id, ctx.write("pay repayment"));
}

PayClaimOutcome pay_claim(store::Database& db, const Context& ctx, const PayClaimRequest& request) {
  const decide::Decision d = store::load_decision(db, request.decision_id);
  PayClaimOutcome out;
  out.basis = store::claim_basis(db, d.application_id);
  const std::string app = format_id(IdKind::application, d.application_id);
  if (!out.basis.first_paid_on) {
    throw Conflict(format_id(IdKind::beslut, d.id) + ": nothing is paid out for " + app +
                   " (sent and not returned): there is nothing to reclaim");
  }
  fut::ClaimRequest r;
  r.amount = request.amount;
  r.decision = request.decision;
  r.reason = request.reason;
  r.first_decided_on = out.basis.first_decided_on;
  r.costs_arose_on = *out.basis.first_paid_on;
  r.paid = money::max(money::Money(), out.basis.paid - out.basis.claimed);
  r.by = ctx.user;
  r.on = ctx.today;
  r.ground = request.ground;
  r.on_decision = decide::claimed_decision_of(d);
  out.claim = fut::make_decision_claim(r);
  if (auto w = decide::claim_ground_warning(request.ground, d.id)) out.warnings.push_back(std::move(*w));
  out.claim_id = store::store_decision_claim(db, out.basis, out.claim, ctx.write("pay claim"));
  return out;
}

LedgerOutcome pay_ledger(const store::Database& db, std::optional<std::int64_t> case_id,
                         std::optional<period::MonthRange> range) {
  if (case_id) store::require_case(db, *case_id);
  LedgerOutcome out;
  out.ledger = pay::make_ledger(store::ledger_entries(db, case_id, range), case_id.has_value());
  if (case_id) out.claims = store::case_claims(db, *case_id);
  return out;
}

BatchView pay_show(const store::Database& db, std::int64_t batch_id) {
  return {store::load_batch(db, batch_id), store::batch_payments(db, batch_id)};
}

}  // namespace eb::flow
