// SPDX-License-Identifier: MIT
// eb assess: compute försörjningsstöd for an application file or a stored application; with
// --norms-file, --as-of or --diff, a what-if that is shown and never stored.
#include <nlohmann/json.hpp>

#include "assess/application_reader.hpp"
#include "assess/assessment_json.hpp"
#include "assess/calculator.hpp"
#include "assess/shift.hpp"
#include "commands.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "norms/norm_parser.hpp"
#include "period/month.hpp"
#include "render/assessment_diff.hpp"
#include "render/assessment_text.hpp"

namespace eb::cli {

namespace {

struct AssessOptions {
  std::string application;
  std::string file;
  std::string norms_file;
  std::string as_of;
  bool json = false;
  bool explain = false;
  bool dry_run = false;
  bool diff = false;
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

// The what-if side: `app` re-dated to --as-of (if given), under --norms-file (if given) or the
// norms folder's norm for that month.
assess::Assessment what_if(const AssessOptions& opt, const assess::Application& app, const norms::NormCatalog& folder,
                           const std::optional<norms::NormSet>& file_norm, const norms::Guideline* guideline) {
  assess::Application shifted = app;
  if (!opt.as_of.empty()) shifted = assess::shift_month(app, period::parse_month(opt.as_of, "--as-of"));
  const period::Date day = shifted.month.first_day();
  if (file_norm && !file_norm->covers(day)) {
    throw NormError("--norms-file " + opt.norms_file + ": " + file_norm->id + " is valid " +
                        file_norm->valid_from.to_string() + " to " + file_norm->valid_to.to_string() + ", not for " +
                        shifted.month.to_string() + " (assess the household as of a month it covers with --as-of)",
                    ExitCode::not_found);
  }
  assess::Assessment result = assess::calculate(shifted, file_norm ? *file_norm : folder.valid_on(day), guideline);
  if (!opt.as_of.empty()) {
    result.notes.insert(result.notes.begin(), "assessed as of " + shifted.month.to_string() +
                                                  " (--as-of): the household of " + app.month.to_string() +
                                                  " re-dated, ages on " + shifted.month.last_day().to_string());
  }
  return result;
}

void print_diff(const AssessOptions& opt, Session& session, const assess::Assessment& before,
                const assess::Assessment& after, std::optional<std::int64_t> application_id) {
  const std::string what_before = "the norm in force for the application's month";
  std::string what_after = opt.norms_file.empty() ? "the norms folder" : "--norms-file " + opt.norms_file;
  if (!opt.as_of.empty()) what_after += ", --as-of " + opt.as_of;
  for (const auto& w : before.warnings) session.err << "eb: warning: (before) " << w << "\n";
  for (const auto& w : after.warnings) session.err << "eb: warning: (after) " << w << "\n";
  const assess::AssessmentDiff d = assess::diff_assessments(before, after);
  if (opt.json) {
    nlohmann::json j = assessment_diff_json(d, what_before, what_after);
    if (application_id) j["application_id"] = format_id(IdKind::application, *application_id);
    session.out << j.dump(2) << "\n";
  } else {
    print_assessment_diff(session.out, d, what_before, what_after);
  }
}

void run_assess(const AssessOptions& opt, Session& session) {
  if (opt.application.empty() == opt.file.empty()) {
    throw CLI::ValidationError("assess", "give an application id (A-12) or --file FILE, not both");
  }
  if (opt.diff && opt.norms_file.empty() && opt.as_of.empty()) {
    throw CLI::ValidationError("--diff", "compares with --norms-file FILE or --as-of YYYY-MM: give one or both");
  }
  if (!opt.as_of.empty()) period::parse_month(opt.as_of, "--as-of");  // refuse a bad month before any work
  const bool what_if_mode = opt.diff || !opt.as_of.empty();
  std::optional<norms::NormSet> file_norm;
  if (!opt.norms_file.empty()) file_norm = norms::read_norm_file(opt.norms_file);
  // Without --as-of or --diff, --norms-file replaces the folder (the file must cover the month);
  // with them, the folder gives the norm in force and the file the other side.
  const norms::NormCatalog catalog =
      file_norm && !what_if_mode ? norms::NormCatalog({*file_norm}, session.norms_dir().string()) : session.catalog();
  if (!opt.file.empty()) {
    const assess::Application app =
        assess::read_application(read_file(opt.file), opt.file, assess::SourceFormat::toml, catalog, false);
    std::optional<norms::Guideline> guideline;
    if (!app.guideline.empty()) guideline = catalog.guideline(app.guideline);
    const norms::Guideline* g = guideline ? &*guideline : nullptr;
    if (!what_if_mode) {
      print_result(opt, session, assess::calculate(app, catalog.valid_on(app.month.first_day()), g), std::nullopt,
                   std::nullopt);
    } else if (opt.diff) {
      print_diff(opt, session, assess::calculate(app, catalog.valid_on(app.month.first_day()), g),
                 what_if(opt, app, catalog, file_norm, g), std::nullopt);
    } else {
      print_result(opt, session, what_if(opt, app, catalog, file_norm, g), std::nullopt, std::nullopt);
    }
    return;
  }
  const auto id = parse_id(opt.application, IdKind::application, true);
  if (!id) throw InputError("APP-ID", opt.application, "not an application id (write e.g. A-12)");
  // A draft norm file, another month or a comparison is a what-if: it is shown, never stored.
  const bool store_result = !opt.dry_run && opt.norms_file.empty() && !what_if_mode;
  store::CaseStore store = session.open_store(store_result ? store::OpenMode::read_write : store::OpenMode::read_only);
  const assess::Application app = store.load_application(*id);
  std::optional<norms::Guideline> guideline;
  if (!app.guideline.empty()) guideline = catalog.guideline(app.guideline);
  const norms::Guideline* g = guideline ? &*guideline : nullptr;
  if (what_if_mode) {
    assess::Assessment after = what_if(opt, app, catalog, file_norm, g);
    if (opt.diff) {
      print_diff(opt, session, assess::calculate(app, catalog.valid_on(app.month.first_day()), g), after, *id);
    } else {
      print_result(opt, session, after, *id, std::nullopt);
    }
    return;
  }
  const norms::NormSet& norm = catalog.valid_on(app.month.first_day());
  assess::Assessment result = assess::calculate(app, norm, g);
  const auto history = store.history_notes(*id);
  result.notes.insert(result.notes.begin(), history.begin(), history.end());
  std::optional<std::int64_t> assessment_id;
  if (store_result) {
    store::Transaction tx(store);
    assessment_id = store.store_assessment(*id, result, norm, g, session.write_context("assess"));
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
  cmd->add_option("--as-of", opt->as_of,
                  "Assess the household as if it applied for this month (YYYY-MM): ages and norm of that month; "
                  "a what-if, never stored");
  auto* json = cmd->add_flag("--json", opt->json, "Print the assessment as JSON (the public contract)");
  auto* explain =
      cmd->add_flag("--explain", opt->explain, "Show each line's rule, computation and statute")->excludes(json);
  cmd->add_flag("--dry-run", opt->dry_run, "Assess a stored application without storing the result");
  cmd->add_flag("--diff", opt->diff,
                "Compare line by line: the norm in force for the application's month vs --norms-file and/or "
                "--as-of; never stored")
      ->excludes(explain);
  cmd->callback([opt, &session] { run_assess(*opt, session); });
}

}  // namespace eb::cli
