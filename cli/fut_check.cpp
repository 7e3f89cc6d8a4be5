// SPDX-License-Identifier: MIT
// eb fut-check: import the FUT registers, screen a period's payments, and follow each flag to an
// outcome (resolve, claim, waive, report-police, notify). Exit 1 from `run` when it found new flags.
#include "flow/fut_check.hpp"
#include "command.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "render/fut_render.hpp"

namespace eb::cli {

namespace {

using money::Money;

struct FutOptions {
  std::string flag;  // FLAG-ID
  std::string income, population;
  std::string file_text;  // the register file, read before the store is opened
  std::string period;
  std::vector<std::string> rules;
  std::vector<std::string> params;
  std::string tolerance;
  std::string rule;
  bool open = false, show_pnr = false, sanction_fee = false;
  std::string outcome, note, amount, decision, reason, contact;
  std::string ground = "wrongly-paid", on_decision;
  std::string authority, recipient, benefit, circumstances;
};

std::int64_t flag_of(const FutOptions& opt) {
  const auto id = parse_id(opt.flag, IdKind::flag, true);
  if (!id) throw InputError("FLAG-ID", text::quoted(opt.flag), "is not a flag id (write e.g. F-7)");
  return *id;
}

Money amount_of(const FutOptions& opt) {
  const Money m = money::parse_money(opt.amount, "--amount");
  if (m <= Money()) throw InputError("--amount", opt.amount, "must be more than 0 kr");
  return m;
}

flow::DocumentFormat format_of(const Run& run) {
  return run.format() == Format::html ? flow::DocumentFormat::html : flow::DocumentFormat::text;
}

void run_import(const FutOptions& opt, Run& run) {
  const bool income = !opt.income.empty();
  const auto o =
      flow::fut_import(run.db(), run.ctx, income ? flow::RegisterKind::income : flow::RegisterKind::population,
                       income ? opt.income : opt.population, opt.file_text);
  print_import(run.out, o);
}

void run_screen(const FutOptions& opt, Run& run) {
  flow::FutRunRequest r;
  r.period = opt.period.empty() ? period::MonthRange{period::month_of(run.ctx.today), period::month_of(run.ctx.today)}
                                : period::parse_month_range(opt.period, "--period");
  r.rules = opt.rules;
  if (!opt.tolerance.empty()) fut::set_parameter(r.params, "underdeclared-income.tolerance", opt.tolerance);
  for (const auto& p : opt.params) {
    const auto eq = p.find('=');
    if (eq == std::string::npos) throw InputError("--param", text::quoted(p), "write RULE.NAME=VALUE");
    fut::set_parameter(r.params, p.substr(0, eq), p.substr(eq + 1));
  }
  const flow::FutRunOutcome o = flow::fut_run(run.db(), run.ctx, r);
  if (run.format() == Format::json) {
    write_run_json(run.result(), o, opt.show_pnr);
  } else if (run.format() == Format::csv) {
    print_run_csv(run.result(), o, opt.show_pnr);
  } else {
    print_run(run.result(), o, opt.show_pnr);
  }
  if (o.new_flags > 0) run.session.exit_status = static_cast<int>(ExitCode::flags_raised);
}

void run_list(const FutOptions& opt, Run& run) {
  store::FlagFilter filter{opt.open, std::nullopt};
  if (!opt.rule.empty()) filter.rule = opt.rule;
  const auto flags = flow::fut_list(run.db(), filter);
  if (run.format() == Format::json) {
    write_flags_json(run.result(), flags, opt.show_pnr);
  } else {
    print_flags(run.result(), flags, opt.show_pnr);
  }
}

void run_show(const FutOptions& opt, Run& run) {
  const auto v = flow::fut_show(run.db(), run.ctx, flag_of(opt));
  if (run.format() == Format::json) {
    run.result() << flag_view_json(v, opt.show_pnr).dump(2) << "\n";
  } else {
    print_flag(run.result(), v, opt.show_pnr);
  }
}

void run_resolve(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  const fut::Outcome outcome = fut::parse_outcome(opt.outcome, "--outcome");
  print_resolved(run.out, id, flow::fut_resolve(run.db(), run.ctx, id, outcome, opt.note));
}

void run_claim(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  const decide::ClaimGround ground = decide::parse_claim_ground(opt.ground, "--ground");
  std::optional<std::int64_t> on;
  if (!opt.on_decision.empty()) {
    on = parse_id(opt.on_decision, IdKind::beslut, true);
    if (!on) throw InputError("--on-decision", text::quoted(opt.on_decision), "is not a decision id (write e.g. D-8)");
  }
  const auto o = flow::fut_claim(run.db(), run.ctx, id, amount_of(opt), opt.decision, ground, on);
  for (const auto& w : o.warnings) run.warn(w);
  print_claimed(run.out, id, o);
}

void run_waive(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  print_waived(run.out, id, flow::fut_waive(run.db(), run.ctx, id, amount_of(opt), opt.reason));
}

void write_document(const FutOptions& opt, Run& run, const flow::FutDocumentOutcome& o, const char* what) {
  for (const auto& w : o.warnings) run.warn(w);
  run.result() << o.content;
  if (const std::string path = run.output_path(); !path.empty() && path != "-") {
    run.out << opt.flag << ": " << what << " written to " << path << " (sha256 " << o.sha256 << ")\n";
  }
}

void run_report_police(const FutOptions& opt, Run& run) {
  flow::PoliceReportRequest r;
  r.format = format_of(run);
  r.contact = opt.contact;
  if (!opt.amount.empty()) r.wrongly_paid = amount_of(opt);
  r.sanction_fee_possible = opt.sanction_fee;
  write_document(opt, run, flow::fut_report_police(run.db(), run.ctx, flag_of(opt), r), "police report");
}

void run_notify(const FutOptions& opt, Run& run) {
  flow::NoticeRequest r{fut::parse_authority(opt.authority, "--authority"),
                        opt.recipient,
                        opt.benefit,
                        opt.circumstances,
                        opt.contact,
                        format_of(run)};
  write_document(opt, run, flow::fut_notify(run.db(), run.ctx, flag_of(opt), r), "notice");
}

}  // namespace

void add_fut_check_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<FutOptions>();
  const auto leaf = [&table, opt](CLI::App* sub, Access access, void (*fn)(const FutOptions&, Run&),
                                  std::vector<Format> formats = {}) -> Leaf& {
    Leaf& l = table.add(sub, access, [opt, fn](Run& run) { fn(*opt, run); });
    if (!formats.empty()) CommandTable::with_output(l, std::move(formats));
    return l;
  };
  const std::vector<Format> text_json{Format::text, Format::json};
  const auto flag_arg = [opt](CLI::App* sub) { sub->add_option("flag", opt->flag, "Flag id (F-7)")->required(); };
  CLI::App* cmd = app.add_subcommand("fut-check", "Screen payments for errors and fraud (FUT) and follow each flag up");
  cmd->require_subcommand(1);
  cmd->footer(rules_help());

  CLI::App* imp = cmd->add_subcommand("import", "Import an income or population register file (CSV, all or nothing)");
  auto* inc = imp->add_option("--income", opt->income, "Income register: pnr,month,source,kind,amount,paid_on");
  imp->add_option("--population", opt->population, "Population register: pnr,address,deceased_on")->excludes(inc);
  imp->require_option(1);
  leaf(imp, Access::write, run_import).prepare = [opt] {
    opt->file_text = read_file(opt->income.empty() ? opt->population : opt->income);
  };

  CLI::App* run = cmd->add_subcommand("run", "Screen a period's paid months; store and list new flags (exit 1 if any)");
  run->add_option("--period", opt->period, "2026-03, 2026, 2026-T1 or 2026-01..2026-06; default this month");
  run->add_option("--rule", opt->rules, "Only this rule (repeatable); the rules are listed below");
  run->add_option("--param", opt->params, "A rule parameter, RULE.NAME=VALUE (repeatable)");
  run->add_option("--tolerance", opt->tolerance, "underdeclared-income's tolerance in kronor (default 100)");
  run->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer and accounts (masked by default)");
  run->footer(rules_help());
  leaf(run, Access::write, run_screen, {Format::text, Format::json, Format::csv});  // json: {period, flags: […]}

  CLI::App* list = cmd->add_subcommand("list", "The flags, newest first");
  list->add_flag("--open", opt->open, "Only flags not yet closed");
  list->add_option("--rule", opt->rule, "Only the flags of this rule");
  list->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer (masked by default)");
  leaf(list, Access::read, run_list, text_json);

  CLI::App* show = cmd->add_subcommand("show", "One flag with its evidence and follow-up");
  flag_arg(show);
  show->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer and accounts (masked by default)");
  leaf(show, Access::read, run_show, text_json);

  CLI::App* res = cmd->add_subcommand("resolve", "Close a flag with its outcome");
  flag_arg(res);
  res->add_option("--outcome", opt->outcome, "no-error, error or suspected-crime")->required();
  res->add_option("--note", opt->note, "What the investigation found")->required();
  leaf(res, Access::write, run_resolve);

  CLI::App* claim = cmd->add_subcommand("claim", "Raise a claim (återkrav, SoL 33 kap. 1–3 §§) on a closed flag");
  flag_arg(claim);
  claim->add_option("--amount", opt->amount, "Kronor to reclaim")->required();
  claim->add_option("--decision", opt->decision, "The nämnd's decision on the claim")->required();
  claim->add_option("--ground", opt->ground, "wrongly-paid (33 kap. 1 §, default), advance (2 §) or repayable (3 §)");
  claim->add_option("--on-decision", opt->on_decision,
                    "The decision on the bistånd (D-8) whose written condition grounds the claim");
  leaf(claim, Access::write, run_claim);

  CLI::App* waive = cmd->add_subcommand("waive", "Waive (part of) a flag's claim (eftergift, SoL 33 kap. 6 §)");
  flag_arg(waive);
  waive->add_option("--amount", opt->amount, "Kronor waived")->required();
  waive->add_option("--reason", opt->reason, "Why the nämnd waives it")->required();
  leaf(waive, Access::write, run_waive);

  CLI::App* police = cmd->add_subcommand("report-police", "Write the police report of a suspected bidragsbrott");
  flag_arg(police);
  police->add_option("--contact", opt->contact, "The investigator's telephone or e-mail");
  police->add_option("--amount", opt->amount, "Kronor wrongly paid; default the claim, else the amount at risk");
  police->add_flag("--sanction-fee-possible", opt->sanction_fee,
                   "An administrative sanction fee can be imposed for the same act (bidragsbrottslagen 6 § 2 st.)");
  leaf(police, Access::write, run_report_police, {Format::text, Format::html});

  CLI::App* notify = cmd->add_subcommand("notify", "Write the notice to another paying authority (lag 2008:206)");
  flag_arg(notify);
  notify->add_option("--authority", opt->authority, "FK, PM, CSN, AF, AKASSA, MV or KOMMUN")->required();
  notify->add_option("--recipient", opt->recipient, "Which a-kassa or kommun (required for those)");
  notify->add_option("--benefit", opt->benefit, "The recipient's benefit believed wrong, e.g. bostadsbidrag")
      ->required();
  notify->add_option("--circumstances", opt->circumstances, "What the belief rests on (4 §)")->required();
  notify->add_option("--contact", opt->contact, "The investigator's telephone or e-mail");
  leaf(notify, Access::write, run_notify, {Format::text, Format::html});
}

}  // namespace eb::cli
