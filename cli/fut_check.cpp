// SPDX-License-Identifier: MIT
// eb fut-check: import the FUT registers, screen a period's payments, and follow each flag to an
// outcome (resolve, claim, waive, report-police, notify: fut_check_follow_up.cpp). Exit 1 from
// `run` when it found new flags.
#include "fut_check.hpp"

#include "common/file.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/fut_check.hpp"
#include "record_shown.hpp"
#include "render/fut_follow_up_json.hpp"
#include "render/fut_render.hpp"

namespace eb::cli {

std::int64_t flag_of(const FutOptions& opt) {
  const auto id = parse_id(opt.flag, IdKind::flag, true);
  if (!id) throw InputError("FLAG-ID", text::quoted(opt.flag), "is not a flag id (write e.g. F-7)");
  return *id;
}

money::Money amount_of(const FutOptions& opt) {
  const money::Money m = money::parse_money(opt.amount, "--amount");
  if (m <= money::Money()) throw InputError("--amount", opt.amount, "must be more than 0 kr");
  return m;
}

Leaf& add_fut_leaf(CommandTable& table, const std::shared_ptr<FutOptions>& opt, CLI::App* sub, Access access,
                   void (*fn)(const FutOptions&, Run&), std::vector<Format> formats) {
  Leaf& l = table.add(sub, access, [opt, fn](Run& run) { fn(*opt, run); });
  if (!formats.empty()) CommandTable::with_output(l, std::move(formats));
  return l;
}

void add_flag_argument(CLI::App* sub, FutOptions& opt) {
  sub->add_option("flag", opt.flag, "Flag id (F-7)")->required();
}

namespace {

void run_import(const FutOptions& opt, Run& run) {
  const bool income = !opt.income.empty();
  const auto o =
      flow::fut_import(run.db(), run.ctx, income ? flow::RegisterKind::income : flow::RegisterKind::population,
                       income ? opt.income : opt.population, opt.file_text);
  record_shown(run, import_json(o), [&](std::ostream& out) { print_import(out, o); });
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

}  // namespace

void add_fut_check_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<FutOptions>();
  const auto leaf = [&table, opt](CLI::App* sub, Access access, void (*fn)(const FutOptions&, Run&),
                                  std::vector<Format> formats = {}) -> Leaf& {
    return add_fut_leaf(table, opt, sub, access, fn, std::move(formats));
  };
  const std::vector<Format> text_json{Format::text, Format::json};
  CLI::App* cmd = app.add_subcommand("fut-check", "Screen payments for errors and fraud (FUT) and follow each flag up");
  cmd->require_subcommand(1);
  cmd->footer(rules_help());

  CLI::App* imp = cmd->add_subcommand("import", "Import an income or population register file (CSV, all or nothing)");
  auto* inc = imp->add_option("--income", opt->income, "Income register: pnr,month,source,kind,amount,paid_on");
  imp->add_option("--population", opt->population, "Population register: pnr,address,deceased_on")->excludes(inc);
  leaf(imp, Access::write, run_import, text_json).prepare = [opt] {
    if (opt->income.empty() && opt->population.empty()) throw CLI::RequiredError("--income FILE or --population FILE");
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
  add_flag_argument(show, *opt);
  show->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer and accounts (masked by default)");
  leaf(show, Access::read, run_show, text_json);

  add_fut_follow_up_commands(cmd, table, opt);
}

}  // namespace eb::cli
