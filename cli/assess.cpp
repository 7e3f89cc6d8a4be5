// SPDX-License-Identifier: MIT
// eb assess: compute försörjningsstöd for an application file or a stored application.
#include <nlohmann/json.hpp>

#include "assess/application_reader.hpp"
#include "assess/assessment_json.hpp"
#include "assess/calculator.hpp"
#include "commands.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "norms/norm_parser.hpp"
#include "render/assessment_text.hpp"

namespace eb::cli {

namespace {

struct AssessOptions {
  std::string application;
  std::string file;
  std::string norms_file;
  bool json = false;
  bool explain = false;
  bool dry_run = false;
};

void print_result(const AssessOptions& opt, Session& session, const assess::Assessment& result,
                  std::optional<std::int64_t> application_id, std::optional<std::int64_t> assessment_id) {
  for (const auto& w : result.warnings) session.err << "eb: warning: " << w << "\n";
  if (opt.json) {
    nlohmann::json j = assess::to_json(result);
    if (application_id) j["application_id"] = format_id(IdKind::application, *application_id);
    if (assessment_id) j["assessment_id"] = *assessment_id;
    session.out << j.dump(2) << "\n";
  } else {
    print_assessment(session.out, result, opt.explain);
    if (assessment_id) {
      session.out << "\nstored as assessment " << *assessment_id << " of "
                  << format_id(IdKind::application, *application_id) << "\n";
    }
  }
}

void run_assess(const AssessOptions& opt, Session& session) {
  const norms::NormCatalog catalog =
      opt.norms_file.empty()
          ? session.catalog()
          : norms::NormCatalog({norms::read_norm_file(opt.norms_file)}, session.norms_dir().string());
  if (opt.application.empty() == opt.file.empty()) {
    throw CLI::ValidationError("assess", "give an application id (A-12) or --file FILE, not both");
  }
  if (!opt.file.empty()) {
    const assess::Application app =
        assess::read_application(read_file(opt.file), opt.file, assess::SourceFormat::toml, catalog, false);
    std::optional<norms::Guideline> guideline;
    if (!app.guideline.empty()) guideline = catalog.guideline(app.guideline);
    print_result(opt, session,
                 assess::calculate(app, catalog.valid_on(app.month.first_day()), guideline ? &*guideline : nullptr),
                 std::nullopt, std::nullopt);
    return;
  }
  const auto id = parse_id(opt.application, IdKind::application, true);
  if (!id) throw InputError("APP-ID", opt.application, "not an application id (write e.g. A-12)");
  // A draft norm file is a what-if: it is shown, never stored.
  const bool store_result = !opt.dry_run && opt.norms_file.empty();
  store::CaseStore store = session.open_store(store_result ? store::OpenMode::read_write : store::OpenMode::read_only);
  const assess::Application app = store.load_application(*id);
  const norms::NormSet& norm = catalog.valid_on(app.month.first_day());
  std::optional<norms::Guideline> guideline;
  if (!app.guideline.empty()) guideline = catalog.guideline(app.guideline);
  assess::Assessment result = assess::calculate(app, norm, guideline ? &*guideline : nullptr);
  const auto history = store.history_notes(*id);
  result.notes.insert(result.notes.begin(), history.begin(), history.end());
  std::optional<std::int64_t> assessment_id;
  if (store_result) {
    store::Transaction tx(store);
    assessment_id =
        store.store_assessment(*id, result, norm, guideline ? &*guideline : nullptr, session.write_context("assess"));
    tx.commit();
  }
  print_result(opt, session, result, *id, assessment_id);
}

}  // namespace

void add_assess_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<AssessOptions>();
  CLI::App* cmd = app.add_subcommand("assess", "Compute försörjningsstöd from the riksnorm, costs and income");
  cmd->add_option("application", opt->application, "Stored application to assess (A-12); the result is stored");
  cmd->add_option("--file,-f", opt->file, "Application file (TOML, see eb-application(5)); nothing is stored")
      ->check(CLI::ExistingFile);
  cmd->add_option("--norms-file", opt->norms_file,
                  "Assess under this norm file instead of the norms folder (a what-if: never stored)")
      ->check(CLI::ExistingFile);
  auto* json = cmd->add_flag("--json", opt->json, "Print the assessment as JSON (the public contract)");
  cmd->add_flag("--explain", opt->explain, "Show each line's rule, computation and statute")->excludes(json);
  cmd->add_flag("--dry-run", opt->dry_run, "Assess a stored application without storing the result");
  cmd->callback([opt, &session] { run_assess(*opt, session); });
}

}  // namespace eb::cli
