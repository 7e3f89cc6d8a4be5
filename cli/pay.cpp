// SPDX-License-Identifier: MIT
// eb pay: payment batches (exactly once), payment files, returns, the ledger; repayments and
// claims are in pay_claims.cpp.
#include "pay.hpp"

#include "flow/pay.hpp"
#include "render/pay_render.hpp"

namespace eb::cli {

std::int64_t id_of(const std::string& text, IdKind kind, const char* field, const char* example) {
  const auto id = parse_id(text, kind, true);
  if (!id) throw InputError(field, text, std::string("is not an id of that kind (write e.g. ") + example + ")");
  return *id;
}

period::Date date_or_today(const PayOptions& opt, const Run& run) {
  return opt.date.empty() ? run.ctx.today : period::parse_date(opt.date, "--date");
}

Leaf& add_pay_leaf(CommandTable& table, const std::shared_ptr<PayOptions>& opt, CLI::App* sub, Access access, PayRun fn,
                   std::vector<Format> formats) {
  Leaf& l = table.add(sub, access, [opt, fn](Run& run) { fn(*opt, run); });
  const FileOption file = formats.front() == Format::pain001 ? FileOption::required : FileOption::optional;
  CommandTable::with_output(l, std::move(formats), file);
  return l;
}

namespace {

void run_batch(const PayOptions& opt, Run& run) {
  const period::Date pay_date = period::parse_date(opt.date, "--date");
  std::optional<period::Month> month;
  if (!opt.month.empty()) month = period::parse_month(opt.month, "--month");
  for (const auto& w : pay::pay_date_warnings(pay_date, run.ctx.today)) run.warn(w);
  flow::PayBatchOutcome o = flow::pay_batch(run.db(), run.ctx, pay_date, month, opt.hold_invalid);
  for (const auto& w : o.plan.warnings) run.warn(w);
  if (run.dry_run()) o.stored = {};
  const BatchRun shown{o.plan, o.stored, pay_date, month, run.dry_run()};
  if (run.format() == Format::json) {
    run.result() << batch_run_json(shown).dump(2) << "\n";
  } else {
    print_batch_run(run.result(), shown);
  }
}

void run_export(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const pay::FileFormat format = run.format() == Format::csv ? pay::FileFormat::csv : pay::FileFormat::pain001;
  const flow::PayExportOutcome o = flow::pay_export(run.db(), run.ctx, id, format);
  run.result() << o.content;  // -o: refused before the commit (nothing recorded) for a folder or a link
  print_exported(run.out, o.batch, o.file, o.again, run.output_path());
}

void run_confirm(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const pay::Batch b = flow::pay_confirm(run.db(), run.ctx, id);
  record_shown(run, batch_state_json(b, pay::BatchStatus::confirmed), [&](std::ostream& o) { print_confirmed(o, b); });
}

void run_cancel(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const pay::Batch before = flow::pay_cancel(run.db(), run.ctx, id);
  record_shown(run, batch_state_json(before, pay::BatchStatus::cancelled),
               [&](std::ostream& o) { print_cancelled(o, before); });
}

void run_return(const PayOptions& opt, Run& run) {
  const std::int64_t id = id_of(opt.id, IdKind::payment, "PAYMENT-ID", "P-7");
  if (opt.reason.find_first_not_of(" \t") == std::string::npos) {
    throw InputError("--reason", opt.reason, "is required: why the bank returned the payment");
  }
  const period::Date on = date_or_today(opt, run);
  const pay::BatchPayment p = flow::pay_return(run.db(), run.ctx, id, on, opt.reason);
  record_shown(run, returned_json(p), [&](std::ostream& o) { print_returned(o, p); });
}

void run_ledger(const PayOptions& opt, Run& run) {
  std::optional<std::int64_t> case_id;
  if (!opt.id.empty()) case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  std::optional<period::MonthRange> range;
  if (!opt.period.empty()) range = period::parse_month_range(opt.period, "--period");
  const flow::LedgerOutcome o = flow::pay_ledger(run.db(), case_id, range);
  print_ledger_outcome(run.result(), o.ledger, o.claims, range, case_id, format_name(run.format()));
}

void run_show(const PayOptions& opt, Run& run) {
  const flow::BatchView v = flow::pay_show(run.db(), id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3"));
  if (run.format() == Format::json) {
    run.result() << batch_json(v.batch, v.payments).dump(2) << "\n";
  } else {
    print_batch_payments(run.result(), v.batch, v.payments);
  }
}

}  // namespace

void add_pay_command(CLI::App& app, CommandTable& table, Session& session) {
  auto opt = std::make_shared<PayOptions>();
  const std::vector<Format> text_json{Format::text, Format::json};
  const auto leaf = [&table, opt](CLI::App* sub, Access access, PayRun fn, std::vector<Format> formats) -> Leaf& {
    return add_pay_leaf(table, opt, sub, access, fn, std::move(formats));
  };
  CLI::App* cmd = app.add_subcommand("pay", "Pay decided amounts exactly once: batches, payment files, the ledger");
  cmd->require_subcommand(1);

  CLI::App* batch = cmd->add_subcommand("batch", "Put every decided, unpaid amount into a new payment batch");
  batch->add_option("--date", opt->date, "Pay date (YYYY-MM-DD)")->required();
  batch->add_option("--month", opt->month, "Only applications for this month (YYYY-MM)");
  batch->add_flag("--hold-invalid", opt->hold_invalid,
                  "Leave out applications with an invalid account (they stay due) instead of refusing the batch");
  CommandTable::with_dry_run(leaf(batch, Access::write, run_batch, text_json));

  CLI::App* exp = cmd->add_subcommand("export", "Write a batch's payment file (pain.001.001.03 XML or CSV)");
  exp->add_option("batch", opt->id, "Batch id (B-3)")->required();
  exp->add_option("--payer", session.payer_flag,
                  "Payer file (TOML); default $EB_PAYER, else <norms>/local/payer.toml, else the example");
  leaf(exp, Access::write, run_export, {Format::pain001, Format::csv});  // -o b.csv: CSV, else pain.001

  CLI::App* confirm = cmd->add_subcommand("confirm", "Record that the bank accepted an exported batch");
  confirm->add_option("batch", opt->id, "Batch id (B-3)")->required();
  leaf(confirm, Access::write, run_confirm, text_json);

  CLI::App* cancel = cmd->add_subcommand("cancel", "Cancel a batch that is not exported; its payments become due");
  cancel->add_option("batch", opt->id, "Batch id (B-3)")->required();
  leaf(cancel, Access::write, run_cancel, text_json);

  CLI::App* ret = cmd->add_subcommand("return", "Record a payment the bank returned; the next batch re-issues it");
  ret->add_option("payment", opt->id, "Payment id (P-7)")->required();
  ret->add_option("--reason", opt->reason, "Why it came back (e.g. \"account closed\")")->required();
  ret->add_option("--date", opt->date, "When it came back (YYYY-MM-DD); default today");
  leaf(ret, Access::write, run_return, text_json);

  add_pay_claim_commands(cmd, table, opt);

  CLI::App* ledger = cmd->add_subcommand("ledger", "Decided, paid, returned, claimed, repaid and balances");
  ledger->add_option("case", opt->id, "Only this case (C-3), month by month");
  ledger->add_option("--period", opt->period, "2026, 2026-03, 2026-T1, 2026-T2 or 2026-01..2026-06");
  leaf(ledger, Access::read, run_ledger, {Format::text, Format::json, Format::csv});

  CLI::App* show = cmd->add_subcommand("show", "Show a batch and its payments (accounts masked)");
  show->add_option("batch", opt->id, "Batch id (B-3)")->required();
  leaf(show, Access::read, run_show, text_json);
}

}  // namespace eb::cli
