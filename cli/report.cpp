// SPDX-License-Identifier: MIT
// eb report: the unit's follow-up figures for a period (tertial, year, months), in the shape
// of its verksamhetsberättelse: Swedish text, JSON, CSV or one HTML page for the nämnd.
#include "flow/report.hpp"
#include "command.hpp"
#include "report/unit_report_json.hpp"
#include "report/unit_report_text.hpp"

namespace eb::cli {

namespace {

struct ReportOptions {
  std::string period;
  std::string figures;
  CLI::Option* figure_option = nullptr;
};

void run_report(const ReportOptions& opt, Run& run) {
  flow::ReportRequest request;
  request.period = period::parse_month_range(opt.period, "--period");
  const report::FigureSet figures =
      opt.figure_option->count() > 0 ? report::parse_figures(opt.figures, "--figure") : report::FigureSet::all();
  (void)report::input_months(request.period);  // a period over 36 months is refused before the config is read
  request.config = run.session.report_config();
  const report::UnitReport r = flow::unit_report(run.db(), run.ctx, request);
  switch (run.format()) {
    case Format::json:
      run.result() << report::unit_report_json(r, figures);
      break;
    case Format::csv:
      run.result() << report::unit_report_csv(r, figures);
      break;
    case Format::html:
      run.result() << report::unit_report_html(r, figures);
      break;
    default:
      run.result() << report::unit_report_text(r, figures);
  }
}

}  // namespace

void add_report_command(CLI::App& app, CommandTable& table, Session& session) {
  auto opt = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "The unit's follow-up figures for a period (tertial, year); reads only");
  cmd->add_option("--period", opt->period,
                  "2026 (the year), 2026-T1 (Jan-Apr), 2026-T2 (Jan-Aug), 2026-T3, 2026-03 or 2026-01..2026-06")
      ->required();
  opt->figure_option = cmd->add_option("--figure", opt->figures,
                                       "Only these figures, comma-separated (households, medelbidrag, hinder, …)");
  cmd->add_option("--config", session.report_config_flag,
                  "Population, budget and targets (TOML); default $EB_REPORT_CONFIG, else NORMS/local/report.toml");
  // json: money in öre, shares as fractions; csv: figure,key,value,numerator,denominator,note
  CommandTable::with_output(table.add(cmd, Access::read, [opt](Run& run) { run_report(*opt, run); }),
                            {Format::text, Format::json, Format::csv, Format::html});
}

}  // namespace eb::cli
