// SPDX-License-Identifier: MIT
// eb list: applications as a table, CSV or JSON.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/cases.hpp"
#include "render/case_words.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

struct ListOptions {
  std::string month;
  std::string period;
  std::string status;
  bool show_pnr = false;
};

std::string ore_cell(const std::optional<money::Money>& m) {
  return m ? std::to_string(m->ore()) : "";
}

std::string kr_cell(const std::optional<money::Money>& m) {
  return m ? money::format_kr(*m) : "";
}

// CSV: the columns are the keys of --json, money in öre (eb-list(1)).
void print_csv(std::ostream& out, const std::vector<store::ApplicationSummary>& rows, bool show_pnr) {
  Table t({"application_id", "case_id", "month", "kind", "received", "applicant", "members", "status", "has_warnings",
           "amount_ore", "decision_id", "decision_kind", "granted_ore"});
  for (const auto& a : rows) {
    t.add({format_id(IdKind::application, a.id), format_id(IdKind::arende, a.case_id), a.month.to_string(), a.kind,
           a.received.to_string(), Session::pnr_shown(a.applicant_pnr, show_pnr), std::to_string(a.members), a.status,
           a.has_warnings ? "true" : "false", ore_cell(a.amount),
           a.decision_id ? format_id(IdKind::beslut, *a.decision_id) : "", a.decision_id ? a.decision_kind : "",
           ore_cell(a.granted)});
  }
  t.print_csv(out);
}

void print_table(std::ostream& out, const std::vector<store::ApplicationSummary>& rows, bool show_pnr) {
  Table t(
      {"ansökan", "ärende", "månad", "typ", "inkom", "sökande", "personer", "status", "belopp", "beslut", "beviljat"},
      {false, false, false, false, false, false, true, false, true, false, true});
  for (const auto& a : rows) {
    t.add({format_id(IdKind::application, a.id), format_id(IdKind::arende, a.case_id), a.month.to_string(),
           kind_sv(a.kind), a.received.to_string(), Session::pnr_shown(a.applicant_pnr, show_pnr),
           std::to_string(a.members), status_sv(a.status) + (a.has_warnings ? "!" : ""), kr_cell(a.amount),
           a.decision_id ? format_id(IdKind::beslut, *a.decision_id) + " " + a.decision_kind : "", kr_cell(a.granted)});
  }
  t.print(out);
  out << text::counted(static_cast<std::int64_t>(rows.size()), "ansökan", "ansökningar") << "\n";
}

void run_list(const ListOptions& opt, Run& s) {
  store::ApplicationFilter filter;
  if (!opt.month.empty()) filter.month = period::parse_month(opt.month, "--month");
  if (!opt.period.empty()) filter.period = period::parse_month_range(opt.period, "--period");
  if (!opt.status.empty()) {
    if (opt.status != "received" && opt.status != "assessed" && opt.status != "decided") {
      throw InputError("--status", opt.status, "must be received, assessed or decided");
    }
    filter.status = opt.status;
  }
  const auto rows = flow::list_applications(s.db(), filter);
  if (s.format() == Format::json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : rows) arr.push_back(application_summary_json(a, opt.show_pnr));
    s.result() << arr.dump(2) << "\n";
  } else if (s.format() == Format::csv) {
    print_csv(s.result(), rows, opt.show_pnr);
  } else {
    print_table(s.result(), rows, opt.show_pnr);
  }
}

}  // namespace

void add_list_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", "List applications (table, CSV or JSON)");
  auto* month = cmd->add_option("--month", opt->month, "Only this month (YYYY-MM)");
  cmd->add_option("--period", opt->period,
                  "Only these months: 2026, 2026-T1, 2026-T2, 2026-T3, 2026-03 or 2026-01..2026-06")
      ->excludes(month);
  cmd->add_option("--status", opt->status, "Only applications with this status: received | assessed | decided");
  cmd->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer (masked as YYYYMMDD-XXXX by default)");
  // json: one object per application; csv: the same keys as columns, money in öre
  CommandTable::with_output(table.add(cmd, Access::read, [opt](Run& run) { run_list(*opt, run); }),
                            {Format::text, Format::json, Format::csv});
}

}  // namespace eb::cli
