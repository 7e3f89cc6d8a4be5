// SPDX-License-Identifier: MIT
// eb arbetsplan: record the day a case's arbetsplan was made or renewed.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/arbetsplan.hpp"

namespace eb::cli {

namespace {

struct ArbetsplanOptions {
  std::string case_id;
  std::string on;
};

void run_arbetsplan(const ArbetsplanOptions& opt, Run& run) {
  const auto id = parse_id(opt.case_id, IdKind::arende, true);
  if (!id) throw InputError("CASE-ID", text::quoted(opt.case_id), "not a case id (write e.g. C-4)");
  const period::Date on = opt.on.empty() ? run.ctx.today : period::parse_date(opt.on, "--on");
  const flow::ArbetsplanOutcome o = flow::record_arbetsplan(run.db(), run.ctx, *id, on);
  if (run.format() == Format::json) {
    run.result() << nlohmann::json{{"case_id", format_id(IdKind::arende, o.case_id)},
                                   {"made_on", on.to_string()},
                                   {"renewal", o.entry.renewal},
                                   {"previous",
                                    o.previous ? nlohmann::json(o.previous->to_string()) : nlohmann::json()},
                                   {"dry_run", run.dry_run()}}
                        .dump(2)
                 << "\n";
    return;
  }
  run.result() << (run.dry_run() ? "Would record: a" : "A") << "rbetsplan of " << format_id(IdKind::arende, o.case_id)
               << (o.entry.renewal ? " renewed on " : " made on ") << on.to_string()
               << (o.previous ? " (the previous one " + o.previous->to_string() + ")" : "") << "\n";
}

}  // namespace

void add_arbetsplan_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<ArbetsplanOptions>();
  CLI::App* cmd = app.add_subcommand("arbetsplan", "Record the day a case's arbetsplan was made or renewed");
  cmd->add_option("case", opt->case_id, "The case (C-4)")->required();
  cmd->add_option("--on", opt->on, "The day it was made or renewed (YYYY-MM-DD); default today");
  // json: {case_id, made_on, renewal, previous, dry_run}
  Leaf& leaf = table.add(cmd, Access::write, [opt](Run& run) { run_arbetsplan(*opt, run); });
  CommandTable::with_dry_run(leaf);
  CommandTable::with_output(leaf, {Format::text, Format::json});
}

}  // namespace eb::cli
