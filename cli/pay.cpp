// SPDX-License-Identifier: MIT
// eb pay: payment batches (exactly once), payment files, returns, repayments and the ledger.
#include "flow/pay.hpp"
#include "command.hpp"
#include "common/ids.hpp"
#include "render/pay_render.hpp"

namespace eb::cli {

namespace {

using money::Money;

struct PayOptions {
  std::string id;  // BATCH-ID, PAYMENT-ID or CASE-ID
  std::string date;
  std::string month;
  bool json = false;
  bool csv = false;
  bool hold_invalid = false;
  std::string format;
  std::string output;
  std::string reason;
  std::string amount;
  std::string claim;
  std::string period;
  std::string ground, decision;
};

std::int64_t id_of(const std::string& text, IdKind kind, const char* field, const char* example) {
  const auto id = parse_id(text, kind, true);
  if (!id) throw InputError(field, text, std::string("is not an id of that kind (write e.g. ") + example + ")");
  return *id;
}

period::Date date_or_today(const PayOptions& opt, const Run& run) {
  return opt.date.empty() ? run.ctx.today : period::parse_date(opt.date, "--date");
}

void run_batch(const PayOptions& opt, Run& run) {
  const period::Date pay_date = period::parse_date(opt.date, "--date");
  std::optional<period::Month> month;
  if (!opt.month.empty()) month = period::parse_month(opt.month, "--month");
  for (const auto& w : pay::pay_date_warnings(pay_date, run.ctx.today)) run.warn(w);
  flow::PayBatchOutcome o = flow::pay_batch(run.db(), run.ctx, pay_date, month, opt.hold_invalid);
  for (const auto& w : o.plan.warnings) run.warn(w);
  if (run.dry_run()) o.stored = {};
  const BatchRun shown{o.plan, o.stored, pay_date, month, run.dry_run()};
  if (opt.json) {
    run.out << batch_run_json(shown).dump(2) << "\n";
  } else {
    print_batch_run(run.out, shown);
  }
}

void run_export(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const pay::FileFormat format = pay::parse_file_format(opt.format, "--format");
  const flow::PayExportOutcome o = flow::pay_export(run.db(), run.ctx, id, format);
  run.write_output(opt.output, o.content);  // refused here (nothing recorded) for a folder or a link
  print_exported(run.out, o.batch, o.file, o.again, opt.output);
}

void run_confirm(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  print_confirmed(run.out, flow::pay_confirm(run.db(), run.ctx, id));
}

void run_cancel(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  print_cancelled(run.out, flow::pay_cancel(run.db(), run.ctx, id));
}

void run_return(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::payment, "PAYMENT-ID", "P-7");
  if (opt.reason.find_first_not_of(" \t") == std::string::npos) {
    throw InputError("--reason", opt.reason, "is required: why the bank returned the payment");
  }
  const period::Date on = date_or_today(opt, run);
  print_returned(run.out, flow::pay_return(run.db(), run.ctx, id, on, opt.reason));
}

void run_repayment(const PayOptions& opt, Run& run) {
  const std::int64_t case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  const Money amount = money::parse_money(opt.amount, "--amount");
  if (amount <= Money()) throw InputError("--amount", opt.amount, "must be more than 0 kr");
  const period::Date on = date_or_today(opt, run);
  std::optional<std::int64_t> claim;
  if (!opt.claim.empty()) claim = id_of(opt.claim, IdKind::claim, "--claim", "K-2");
  for (const auto& r : flow::pay_repayment(run.db(), run.ctx, case_id, amount, on, claim)) {
    print_repaid(run.out, r, case_id, on);
  }
}

void run_claim(const PayOptions& opt, Run& run) {
  flow::PayClaimRequest r;
  r.decision_id = id_of(opt.id, IdKind::beslut, "DECISION-ID", "D-8");
  r.amount = money::parse_money(opt.amount, "--amount");
  r.ground = decide::parse_claim_ground(opt.ground, "--ground");
  r.decision = opt.decision;
  r.reason = opt.reason;
  const flow::PayClaimOutcome o = flow::pay_claim(run.db(), run.ctx, r);
  for (const auto& w : o.warnings) run.warn(w);
  print_claim_raised(run.out, o);
}

void run_ledger(const PayOptions& opt, Run& run) {
  std::optional<std::int64_t> case_id;
  if (!opt.id.empty()) case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  std::optional<period::MonthRange> range;
  if (!opt.period.empty()) range = period::parse_month_range(opt.period, "--period");
  const flow::LedgerOutcome o = flow::pay_ledger(run.db(), case_id, range);
  print_ledger_outcome(run.out, o.ledger, o.claims, range, case_id, opt.json ? "json" : opt.csv ? "csv" : "text");
}

void run_show(const PayOptions& opt, Run& run) {
  const flow::BatchView v = flow::pay_show(run.db(), id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3"));
  if (opt.json) {
    run.out << batch_json(v.batch, v.payments).dump(2) << "\n";
  } else {
    print_batch_payments(run.out, v.batch, v.payments);
  }
}

}  // namespace

void add_pay_command(CLI::App& app, CommandTable& table, Session& session) {
  auto opt = std::make_shared<PayOptions>();
  const auto leaf = [&table, opt](CLI::App* sub, Access access, void (*fn)(const PayOptions&, Run&)) -> Leaf& {
    return table.add(sub, access, [opt, fn](Run& run) { fn(*opt, run); });
  };
  CLI::App* cmd = app.add_subcommand("pay", "Pay decided amounts exactly once: batches, payment files, the ledger");
  cmd->require_subcommand(1);

  CLI::App* batch = cmd->add_subcommand("batch", "Put every decided, unpaid amount into a new payment batch");
  batch->add_option("--date", opt->date, "Pay date (YYYY-MM-DD)")->required();
  batch->add_option("--month", opt->month, "Only applications for this month (YYYY-MM)");
  batch->add_flag("--hold-invalid", opt->hold_invalid,
                  "Leave out applications with an invalid account (they stay due) instead of refusing the batch");
  batch->add_flag("--json", opt->json, "Print {batch_id, payments, total_ore, claims, …} as JSON");
  CommandTable::with_dry_run(leaf(batch, Access::write, run_batch));

  CLI::App* exp = cmd->add_subcommand("export", "Write a batch's payment file (pain.001.001.03 XML or CSV)");
  exp->add_option("batch", opt->id, "Batch id (B-3)")->required();
  exp->add_option("--format", opt->format, "pain001 or csv")->required();
  exp->add_option("-o,--output", opt->output, "The file to write (owner-only, replaced atomically)")->required();
  exp->add_option("--payer", session.payer_flag,
                  "Payer file (TOML); default $EB_PAYER, else <norms>/local/payer.toml, else the example");
  leaf(exp, Access::write, run_export);

  CLI::App* confirm = cmd->add_subcommand("confirm", "Record that the bank accepted an exported batch");
  confirm->add_option("batch", opt->id, "Batch id (B-3)")->required();
  leaf(confirm, Access::write, run_confirm);

  CLI::App* cancel = cmd->add_subcommand("cancel", "Cancel a batch that is not exported; its payments become due");
  cancel->add_option("batch", opt->id, "Batch id (B-3)")->required();
  leaf(cancel, Access::write, run_cancel);

  CLI::App* ret = cmd->add_subcommand("return", "Record a payment the bank returned; the next batch re-issues it");
  ret->add_option("payment", opt->id, "Payment id (P-7)")->required();
  ret->add_option("--reason", opt->reason, "Why it came back (e.g. \"account closed\")")->required();
  ret->add_option("--date", opt->date, "When it came back (YYYY-MM-DD); default today");
  leaf(ret, Access::write, run_return);

  CLI::App* rep = cmd->add_subcommand("repayment", "Record a repayment of a claim (återkrav)");
  rep->add_option("case", opt->id, "Case id (C-3)")->required();
  rep->add_option("--amount", opt->amount, "Kronor repaid (500 or 500.50)")->required();
  rep->add_option("--date", opt->date, "When it was paid (YYYY-MM-DD); default today");
  rep->add_option("--claim", opt->claim, "The claim repaid (K-2); default the oldest claims with something left");
  leaf(rep, Access::write, run_repayment);

  CLI::App* claim =
      cmd->add_subcommand("claim", "Raise a claim (återkrav) on a decision: an advance, a repayable grant");
  claim->add_option("decision-id", opt->id, "The decision on the bistånd claimed (D-8)")->required();
  claim->add_option("--ground", opt->ground, "advance (SoL 33 kap. 2 §), repayable (3 §) or wrongly-paid (1 §)")
      ->required();
  claim->add_option("--amount", opt->amount, "Kronor to reclaim")->required();
  claim->add_option("--decision", opt->decision, "The nämnd's decision on the claim")->required();
  claim->add_option("--reason", opt->reason, "The circumstances, e.g. what the benefit paid for the same time")
      ->required();
  leaf(claim, Access::write, run_claim);

  CLI::App* ledger = cmd->add_subcommand("ledger", "Decided, paid, returned, claimed, repaid and balances");
  ledger->add_option("case", opt->id, "Only this case (C-3), month by month");
  ledger->add_option("--period", opt->period, "2026, 2026-03, 2026-T1, 2026-T2 or 2026-01..2026-06");
  auto* json = ledger->add_flag("--json", opt->json, "Print as JSON (öre)");
  ledger->add_flag("--csv", opt->csv, "Print as CSV (öre)")->excludes(json);
  leaf(ledger, Access::read, run_ledger);

  CLI::App* show = cmd->add_subcommand("show", "Show a batch and its payments (accounts masked)");
  show->add_option("batch", opt->id, "Batch id (B-3)")->required();
  show->add_flag("--json", opt->json, "Print as JSON");
  leaf(show, Access::read, run_show);
}

}  // namespace eb::cli
