// SPDX-License-Identifier: MIT
// eb simulate: every stored application of a month assessed again under another norm or month,
// without writing anything, and what changes for the case base.
#include <algorithm>
#include <thread>

#include "command.hpp"
#include "flow/simulate.hpp"
#include "period/month_range.hpp"
#include "render/simulation.hpp"
#include "report/simulation_document.hpp"

namespace eb::cli {

namespace {

struct SimulateOptions {
  std::string month;
  std::string period;
  std::string as_of;
  std::string norms_file;
  std::size_t top = 10;
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 16U);
};

void run_simulate(const SimulateOptions& opt, Run& run) {
  flow::SimulateRequest r;
  if (opt.month.empty() == opt.period.empty()) {
    throw CLI::ValidationError("simulate", "give the stored month to simulate: --month YYYY-MM or --period YYYY-MM");
  }
  if (!opt.period.empty()) {
    // One parser for every --period; a simulation is of one month's applications (eb-simulate(1)).
    const period::MonthRange range = period::parse_month_range(opt.period, "--period");
    if (range.month_count() != 1) {
      throw InputError("--period", opt.period,
                       "is " + std::to_string(range.month_count()) +
                           " months; simulate re-assesses one month's applications (a month's cost of the change): "
                           "give one month, e.g. " +
                           range.last.to_string());
    }
    r.month = range.first;
  } else {
    r.month = period::parse_month(opt.month, "--month");
  }
  if (!opt.as_of.empty()) r.as_of = period::parse_month(opt.as_of, "--as-of");
  if (!r.as_of && opt.norms_file.empty()) {
    throw CLI::ValidationError("simulate", "give --as-of MONTH, --norms-file FILE, or both");
  }
  r.norms_file = opt.norms_file;
  r.top = opt.top;
  r.keep_cases = run.format() == Format::json || run.format() == Format::csv;
  r.threads = opt.threads;
  const report::SimulationResult result = flow::simulate(run.db(), run.ctx, r);

  for (const auto& w : result.warnings) run.warn(w);
  if (!result.errors.empty()) {
    run.warn(std::to_string(result.errors.size()) + (result.errors.size() == 1 ? " application" : " applications") +
             " could not be assessed; they are listed in the report and left out of its totals");
  }
  switch (run.format()) {
    case Format::json:
      return print_simulation_json(run.result(), result);
    case Format::csv:
      return print_simulation_csv(run.result(), result);
    case Format::html:
      run.result() << doc::to_html(report::simulation_document(result));
      return;
    default:
      run.result() << doc::to_text(report::simulation_document(result));
  }
}

}  // namespace

void add_simulate_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Re-assess a month's stored applications under another norm or month; nothing is stored");
  auto* month = cmd->add_option("--month", opt->month, "The stored month to simulate (YYYY-MM)");
  cmd->add_option("--period", opt->period,
                  "The same as --month, in the period syntax of eb(1) (2026-11); a range is refused: one month "
                  "is simulated")
      ->excludes(month);
  cmd->add_option("--as-of", opt->as_of,
                  "Assess each application as if it were for this month (YYYY-MM), under its norm");
  cmd->add_option("--norms-file", opt->norms_file,
                  "Assess 'after' under this norm file (a draft) instead of the norms folder");
  cmd->add_option("--top", opt->top, "How many of the largest gains and losses to list (default 10)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--threads", opt->threads,
                  "Assess on this many threads (default: the number of CPUs); the result is the same for any")
      ->check(CLI::Range(1, 64));
  // json: every household under "cases"; csv: one row per household (öre); html: a page with SVG charts
  CommandTable::with_output(table.add(cmd, Access::read, [opt](Run& run) { run_simulate(*opt, run); }),
                            {Format::text, Format::json, Format::csv, Format::html});
}

}  // namespace eb::cli
