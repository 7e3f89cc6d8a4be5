// SPDX-License-Identifier: MIT
// eb list: applications as a table, CSV or JSON.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/ids.hpp"
#include "flow/cases.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

struct ListOptions {
  std::string month;
  std::string status;
  bool csv = false;
  bool json = false;
  bool show_pnr = false;
};

void run_list(const ListOptions& opt, Run& s) {
  store::ApplicationFilter filter;
  if (!opt.month.empty()) filter.month = period::parse_month(opt.month, "--month");
  if (!opt.status.empty()) {
    if (opt.status != "received" && opt.status != "assessed" && opt.status != "decided") {
      throw InputError("--status", opt.status, "must be received, assessed or decided");
    }
    filter.status = opt.status;
  }
  const auto rows = flow::list_applications(s.db(), filter);
  if (opt.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : rows) {
      arr.push_back(application_summary_json(a, opt.show_pnr));
    }
    s.out << arr.dump(2) << "\n";
    return;
  }
  Table t({"application", "case", "month", "kind", "received", "applicant", "members", "status", "amount", "decision",
           "granted"},
          {false, false, false, false, false, false, true, false, true, false, true});
  for (const auto& a : rows) {
    t.add({format_id(IdKind::application, a.id), format_id(IdKind::arende, a.case_id), a.month.to_string(), a.kind,
           a.received.to_string(), Session::pnr_shown(a.applicant_pnr, opt.show_pnr), std::to_string(a.members),
           a.status + (a.has_warnings ? "!" : ""),
           a.amount ? (opt.csv ? std::to_string(a.amount->ore()) : money::format_kr(*a.amount)) : "",
           a.decision_id ? format_id(IdKind::beslut, *a.decision_id) + " " + a.decision_kind : "",
           a.granted ? (opt.csv ? std::to_string(a.granted->ore()) : money::format_kr(*a.granted)) : ""});
  }
  if (opt.csv) {
    t.print_csv(s.out);
  } else {
    t.print(s.out);
    s.out << rows.size() << (rows.size() == 1 ? " application\n" : " applications\n");
  }
}

}  // namespace

void add_list_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", "List applications (table, --csv or --json)");
  cmd->add_option("--month", opt->month, "Only this month (YYYY-MM)");
  cmd->add_option("--status", opt->status, "Only applications with this status: received | assessed | decided");
  auto* csv = cmd->add_flag("--csv", opt->csv, "Print CSV (amounts in öre)");
  cmd->add_flag("--json", opt->json, "Print a JSON array, one object per application")->excludes(csv);
  cmd->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer (masked as YYYYMMDD-XXXX by default)");
  table.add(cmd, Access::read, [opt](Run& run) { run_list(*opt, run); });
}

}  // namespace eb::cli
