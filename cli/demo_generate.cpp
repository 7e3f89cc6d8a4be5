// SPDX-License-Identifier: MIT
// eb demo generate: a synthetic district's files (applications, FUT registers, truth) in a folder.
#include "flow/demo_generate.hpp"
#include "common/text.hpp"
#include "demo.hpp"

namespace eb::cli {

namespace {

struct DemoGenerateOptions : DistrictOptions {
  std::string first_month;
  std::string format = "toml";
  std::string output;
  bool force = false;
  CLI::Option* year_option = nullptr;
};

flow::DemoGenerateRequest request_of(const DemoGenerateOptions& opt) {
  flow::DemoGenerateRequest r;
  demo::Parameters& p = r.parameters;
  p = district_parameters(opt);
  if (!opt.first_month.empty()) {
    p.first_month = period::parse_month(opt.first_month, "--first-month");
    if (opt.year_option->count() > 0 && p.first_month.year() != opt.year) {
      throw InputError("--first-month", opt.first_month, "is not in --year " + std::to_string(opt.year));
    }
  }
  if (opt.format != "toml" && opt.format != "jsonl") {
    throw InputError("--format", text::quoted(opt.format), "must be toml or jsonl");
  }
  r.jsonl = opt.format == "jsonl";
  r.folder = opt.output;
  r.force = opt.force;
  return r;
}

void run_demo_generate(const DemoGenerateOptions& opt, Run& run) {
  const flow::DemoGenerateRequest r = request_of(opt);
  const flow::DemoGenerateOutcome o = flow::demo_generate(run.ctx, r);
  const demo::Parameters& p = r.parameters;
  const demo::DistrictFigures& f = o.figures;
  const period::Month last = p.first_month.plus(p.months - 1);
  run.out << "wrote " << f.household_months() << " applications for " << p.first_month.to_string()
          << (p.months > 1 ? ".." + last.to_string() : "") << " to " << opt.output
          << (r.jsonl ? "/applications.jsonl" : "/applications/") << "\n"
          << "  a month: " << f.households_per_month() << " households, " << f.adults_per_month() << " adults, "
          << f.children_per_month() << " children; " << f.distinct_households() << " households in all\n"
          << "  medelbidrag " << money::format_kr(f.medelbidrag()) << " a household and month (" << o.norm_id << ")\n"
          << "  " << o.income_rows << " income-register rows, " << o.population_rows << " population rows\n"
          << "  " << o.planted << " planted errors, " << o.edges << " clean edges, " << o.actions
          << " actions (truth.json)\n";
}

}  // namespace

void add_demo_generate_command(CLI::App* demo, CommandTable& table) {
  auto opt = std::make_shared<DemoGenerateOptions>();
  CLI::App* gen = demo->add_subcommand(
      "generate", "Write a synthetic district's applications, FUT registers and truth file to a folder");
  gen->add_option("--households", opt->households, "Households with an application each month (default 505)");
  gen->add_option("--months", opt->months, "Months to generate, 1–120 (default 12)");
  opt->year_option = gen->add_option("--year", opt->year, "The year to start in, from January (default 2026)");
  gen->add_option("--first-month", opt->first_month, "The first month (YYYY-MM) instead of January of --year");
  gen->add_option("--seed", opt->seed, "The seed: the same seed gives the same district (default 1)")
      ->type_name("UINT");
  gen->add_option("--plant-errors", opt->plant_errors,
                  "Plant FUT errors of each of the seven rules at this rate of household-months, e.g. 0.5% "
                  "(default 0%)");
  gen->add_option("--format", opt->format, "toml (a file per application) or jsonl (one applications.jsonl)");
  gen->add_option("-o,--output", opt->output, "The folder to write (made owner-only; must be empty)")->required();
  gen->add_flag("--force", opt->force, "Replace the files of an earlier run in a folder that is not empty");
  table.add(gen, Access::none, [opt](Run& run) { run_demo_generate(*opt, run); });
}

}  // namespace eb::cli
