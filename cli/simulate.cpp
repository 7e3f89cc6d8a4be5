// SPDX-License-Identifier: MIT
// eb simulate: every stored application of a month assessed again under another norm or month,
// without writing anything, and what changes for the case base.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "norms/norm_parser.hpp"
#include "render/simulation.hpp"
#include "report/simulation.hpp"
#include "report/simulation_document.hpp"
#include "store/scan.hpp"

namespace eb::cli {

namespace {

struct SimulateOptions {
  std::string month;
  std::string as_of;
  std::string norms_file;
  std::size_t top = 10;
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 16U);
  bool json = false;
  bool csv = false;
  bool html = false;
};

// The norm of the norms folder for `month`, refused as a bad value of `field` when there is none.
const norms::NormSet& catalog_norm(const norms::NormCatalog& catalog, period::Month month, const std::string& field,
                                   const std::string& value) {
  try {
    return catalog.valid_on(month.first_day());
  } catch (const NormError& e) {
    throw InputError(field, value,
                     std::string(e.what()) + (field == "--as-of" ? "; give a norm file with --norms-file FILE" : ""));
  }
}

// A norm file given with --norms-file: it must exist, parse, pass `eb norms check` and cover
// the month it is used for.
norms::NormSet draft_norm(const std::string& path, period::Month month) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError("--norms-file", path, "no such file");
  norms::NormSet n = norms::read_norm_file(path);
  if (auto problems = norms::check_norm_set(n); !problems.empty()) throw InputError(std::move(problems));
  if (!n.covers(month.first_day())) {
    throw InputError("--norms-file", path,
                     n.id + " is valid " + n.valid_from.to_string() + " to " + n.valid_to.to_string() +
                         ", which does not cover " + month.to_string() +
                         ", the month assessed after (--as-of, else --month)");
  }
  return n;
}

void run_simulate(const SimulateOptions& opt, Session& session) {
  const period::Month month = period::parse_month(opt.month, "--month");
  std::optional<period::Month> as_of;
  if (!opt.as_of.empty()) as_of = period::parse_month(opt.as_of, "--as-of");
  if (!as_of && opt.norms_file.empty()) {
    throw CLI::ValidationError("simulate", "give --as-of MONTH, --norms-file FILE, or both");
  }
  const period::Month after_month = as_of.value_or(month);
  const norms::NormCatalog catalog = session.catalog();
  catalog_norm(catalog, month, "--month", opt.month);
  std::optional<norms::NormSet> draft;
  if (!opt.norms_file.empty()) {
    draft = draft_norm(opt.norms_file, after_month);
  } else {
    catalog_norm(catalog, after_month, "--as-of", opt.as_of);
  }
  const store::CaseStore store = session.open_store(store::OpenMode::read_only);

  report::SimulationSetup setup;
  setup.month = month;
  setup.as_of = as_of;
  setup.top = opt.top;
  setup.keep_cases = opt.json || opt.csv;
  setup.norm_before = [&catalog](period::Month m) -> const norms::NormSet& { return catalog.valid_on(m.first_day()); };
  setup.norm_after = [&catalog, &draft](period::Month m) -> const norms::NormSet& {
    return draft ? *draft : catalog.valid_on(m.first_day());
  };
  setup.guideline = [&catalog](const std::string& name) { return catalog.guideline(name); };

  const report::SimulationResult result = report::simulate(
      [&](const auto& add) {
        store::scan_applications(store, month, [&add](const store::ScannedApplication& s) {
          add({s.id, s.case_id, &s.application, s.latest_amount});
        });
      },
      std::move(setup), opt.threads);

  for (const auto& w : result.warnings) session.err << "eb: warning: " << w << "\n";
  if (!result.errors.empty()) {
    session.err << "eb: warning: " << result.errors.size()
                << (result.errors.size() == 1 ? " application" : " applications")
                << " could not be assessed; they are listed in the report and left out of its totals\n";
  }
  if (opt.json) {
    print_simulation_json(session.out, result);
  } else if (opt.csv) {
    print_simulation_csv(session.out, result);
  } else if (opt.html) {
    session.out << doc::to_html(report::simulation_document(result));
  } else {
    session.out << doc::to_text(report::simulation_document(result));
  }
}

}  // namespace

void add_simulate_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Re-assess a month's stored applications under another norm or month; nothing is stored");
  cmd->add_option("--month", opt->month, "The stored month to simulate (YYYY-MM)")->required();
  cmd->add_option("--as-of", opt->as_of,
                  "Assess each application as if it were for this month (YYYY-MM), under its norm");
  cmd->add_option("--norms-file", opt->norms_file,
                  "Assess 'after' under this norm file (a draft) instead of the norms folder");
  cmd->add_option("--top", opt->top, "How many of the largest gains and losses to list (default 10)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--threads", opt->threads,
                  "Assess on this many threads (default: the number of CPUs); the result is the same for any")
      ->check(CLI::Range(1, 64));
  auto* json = cmd->add_flag("--json", opt->json, "Print JSON, with every household under \"cases\"");
  auto* csv = cmd->add_flag("--csv", opt->csv, "Print CSV, one row per household (amounts in öre)");
  auto* html = cmd->add_flag("--html", opt->html, "Print a self-contained HTML page with SVG charts");
  json->excludes(csv)->excludes(html);
  csv->excludes(html);
  cmd->callback([opt, &session] { run_simulate(*opt, session); });
}

}  // namespace eb::cli
