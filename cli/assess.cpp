// SPDX-License-Identifier: MIT
// eb assess: compute försörjningsstöd for an application file, line by line.
#include <nlohmann/json.hpp>

#include "assess/application.hpp"
#include "assess/assessment_json.hpp"
#include "assess/calculator.hpp"
#include "commands.hpp"
#include "common/file.hpp"
#include "norms/norm_catalog.hpp"
#include "norms/norm_parser.hpp"
#include "render/assessment_text.hpp"

namespace eb::cli {

namespace {

struct AssessOptions {
  std::string file;
  std::string norms_file;
  bool json = false;
  bool explain = false;
};

void run_assess(const AssessOptions& opt, Session& session) {
  const norms::NormCatalog catalog =
      opt.norms_file.empty() ? norms::NormCatalog::load(session.norms_dir().string())
                             : norms::NormCatalog({norms::read_norm_file(opt.norms_file)}, session.norms_dir().string());
  const std::string text = read_file(opt.file);
  // The leap-day rule is a norm parameter; read the month first to pick the norm.
  assess::Application app = assess::parse_application(text, opt.file);
  const norms::NormSet& norm = catalog.valid_on(app.month.first_day());
  if (norm.rules.leap_day_on_feb28) {
    app = assess::parse_application(text, opt.file, {false, true});
  }
  std::optional<norms::Guideline> guideline;
  if (!app.guideline.empty()) guideline = catalog.guideline(app.guideline);

  const assess::Assessment result = assess::calculate(app, norm, guideline ? &*guideline : nullptr);
  for (const auto& w : result.warnings) session.err << "eb: warning: " << w << "\n";
  if (opt.json) {
    session.out << assess::to_json(result).dump(2) << "\n";
  } else {
    print_assessment(session.out, result, opt.explain);
  }
}

}  // namespace

void add_assess_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<AssessOptions>();
  CLI::App* cmd = app.add_subcommand("assess", "Compute försörjningsstöd from the riksnorm, costs and income");
  cmd->add_option("--file,-f", opt->file, "Application file (TOML, see man eb-application)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--norms-file", opt->norms_file, "Assess under this norm file instead of the norms folder")
      ->check(CLI::ExistingFile);
  auto* json = cmd->add_flag("--json", opt->json, "Print the assessment as JSON (the public contract)");
  cmd->add_flag("--explain", opt->explain, "Show each line's rule, computation and statute")->excludes(json);
  cmd->callback([opt, &session] { run_assess(*opt, session); });
}

}  // namespace eb::cli
