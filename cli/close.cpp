// SPDX-License-Identifier: MIT
// eb close: close a case (avslut) on a day, with its reason; a later application reopens it.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/close.hpp"

namespace eb::cli {

namespace {

struct CloseOptions {
  std::string case_id;
  std::string on;
  std::string reason;
  std::string note;
};

std::string reason_list() {
  std::string s;
  for (const auto r : report::k_closure_reasons)
    s += (s.empty() ? "" : ", ") + std::string(report::closure_reason_name(r));
  return s;
}

void run_close(const CloseOptions& opt, Run& run) {
  const auto id = parse_id(opt.case_id, IdKind::arende, true);
  if (!id) throw InputError("CASE-ID", text::quoted(opt.case_id), "not a case id (write e.g. C-4)");
  const auto reason = report::closure_reason_from(opt.reason);
  if (!reason) throw InputError("--reason", text::quoted(opt.reason), "unknown reason (" + reason_list() + ")");
  const period::Date on = opt.on.empty() ? run.ctx.today : period::parse_date(opt.on, "--on");
  const flow::CloseOutcome o = flow::close_case(run.db(), run.ctx, *id, on, *reason, opt.note);
  if (run.format() == Format::json) {
    const auto last = o.earlier.empty() ? std::nullopt : o.earlier.back().closure.reopened_on;
    run.result() << nlohmann::json{{"case_id", format_id(IdKind::arende, o.case_id)},
                                   {"closed_on", on.to_string()},
                                   {"reason", report::closure_reason_name(*reason)},
                                   {"reason_label", report::closure_reason_label(*reason)},
                                   {"note", opt.note},
                                   {"earlier_closures", o.earlier.size()},
                                   {"last_reopened_on", last ? nlohmann::json(last->to_string()) : nlohmann::json()},
                                   {"dry_run", run.dry_run()}}
                        .dump(2)
                 << "\n";
    return;
  }
  std::ostream& out = run.result();
  out << (run.dry_run() ? "Would close " : "Closed ") << format_id(IdKind::arende, o.case_id) << " on "
      << on.to_string() << ": " << report::closure_reason_name(*reason) << " (" << report::closure_reason_label(*reason)
      << ")" << (opt.note.empty() ? "" : "; " + opt.note) << "\n";
  if (!o.earlier.empty()) {
    out << "Earlier closures: " << o.earlier.size() << ", the last reopened "
        << (o.earlier.back().closure.reopened_on ? o.earlier.back().closure.reopened_on->to_string() : "-") << "\n";
  }
  out << "A later application reopens the case.\n";
}

}  // namespace

void add_close_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<CloseOptions>();
  CLI::App* cmd = app.add_subcommand("close", "Close a case (avslut) with its reason; a later application reopens it");
  cmd->add_option("case", opt->case_id, "The case (C-4)")->required();
  cmd->add_option("--on", opt->on, "The day it was closed (YYYY-MM-DD); default today");
  cmd->add_option("--reason", opt->reason, "Why: " + reason_list())->required();
  cmd->add_option("--note", opt->note, "A note for the case file (e.g. the employer)");
  // json: {case_id, closed_on, reason, reason_label, note, earlier_closures, last_reopened_on, dry_run}
  Leaf& leaf = table.add(cmd, Access::write, [opt](Run& run) { run_close(*opt, run); });
  CommandTable::with_dry_run(leaf);
  CommandTable::with_output(leaf, {Format::text, Format::json});
}

}  // namespace eb::cli
