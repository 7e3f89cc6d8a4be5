// SPDX-License-Identifier: MIT
// eb demo: a synthetic district's year through the flows in a fresh store, told in Swedish with
// the files it made; eb demo generate (demo_generate.cpp): the district's files.
#include <unistd.h>

#include <filesystem>

#include "demo.hpp"
#include "demo/store_identity.hpp"
#include "flow/demo_run.hpp"
#include "render/demo_render.hpp"

namespace eb::cli {

namespace {

struct DemoRunOptions : DistrictOptions {
  std::string output;  // default: beside the store, STORE.files
  bool json = false;
};

// "STORE.files" beside the store: demo.db -> demo.files.
std::filesystem::path files_folder(const DemoRunOptions& opt, const Session& session) {
  if (!opt.output.empty()) return opt.output;
  std::filesystem::path p = session.db_path();
  return p.replace_extension(".files");
}

// Progress on a terminal only: one line, rewritten, on standard error.
flow::DemoProgress progress_for(Run& run) {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [&run](std::string_view what, std::size_t done, std::size_t total) {
    run.err << "\r\033[Keb demo: " << what << " (" << done << "/" << total << ")" << std::flush;
  };
}

void run_demo(const DemoRunOptions& opt, Run& run) {
  flow::DemoRunRequest request;
  request.parameters = district_parameters(opt);
  request.report_config = run.session.report_config();
  const flow::DemoProgress progress = progress_for(run);
  const flow::DemoRunOutcome o = flow::demo_run(run.db(), run.ctx, request, progress);
  if (progress) run.err << "\r\033[K" << std::flush;
  const std::filesystem::path folder = files_folder(opt, run.session);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw StoreError(folder.string() + ": cannot make the folder: " + ec.message());
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
  DemoFiles files;
  for (const auto& f : o.files) {
    const std::string path = (folder / f.name).string();
    run.write_output(path, f.content);
    files.emplace_back(path, f.what);
  }
  if (opt.json) {
    print_demo_story_json(run.out, o, files, run.session.db_path().string());
  } else {
    print_demo_story(run.out, o, files, run.session.db_path().string());
  }
}

}  // namespace

demo::Parameters district_parameters(const DistrictOptions& opt) {
  if (opt.year < 1900 || opt.year > 9999) throw InputError("--year", std::to_string(opt.year), "is not a year");
  demo::Parameters p;
  p.households = opt.households;
  p.months = opt.months;
  p.seed = demo::parse_seed(opt.seed, "--seed");
  p.first_month = period::Month(opt.year, 1);
  p.plant_ppm = demo::parse_plant_rate(opt.plant_errors, "--plant-errors");
  return p;
}

void add_demo_command(CLI::App& app, CommandTable& table, Session& session) {
  CLI::App* demo = app.add_subcommand(
      "demo", "A synthetic district's year through eb in a fresh store (eb demo generate: its files)");
  auto run_opt = std::make_shared<DemoRunOptions>();
  demo->add_option("--households", run_opt->households, "Households with an application each month (default 505)");
  demo->add_option("--months", run_opt->months, "Months to run from January, 1–120 (default 12)");
  demo->add_option("--year", run_opt->year, "The year to run (default 2026)");
  demo->add_option("--seed", run_opt->seed, "The seed: the same seed gives the same store (default 1)")
      ->type_name("UINT");
  demo->add_option("--plant-errors", run_opt->plant_errors,
                   "Plant FUT errors of each rule at this rate of household-months, e.g. 0.5% (default 0%)");
  demo->add_option("-o,--output", run_opt->output,
                   "The folder for the letter, payment file and pages (default: beside the store, STORE.files)");
  demo->add_flag("--json", run_opt->json, "The story and the files as JSON");
  add_demo_generate_command(demo, table);
  Leaf& bare = table.add(demo, Access::create, [run_opt](Run& run) { run_demo(*run_opt, run); });
  // The demo's own store unless --db names one: never $EB_DB, which may be a real unit's.
  // The options are checked before the store is opened: a refused run makes no store.
  bare.prepare = [&session, run_opt] {
    const demo::Parameters p = district_parameters(*run_opt);
    demo::check_parameters(p);
    if (session.db_flag.empty()) session.db_flag = "demo.db";
    session.new_store = demo::store_identity(p);
  };
}

}  // namespace eb::cli
