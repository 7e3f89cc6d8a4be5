// SPDX-License-Identifier: MIT
#include "flow/assess.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "assess/shift.hpp"
#include "flow/guidelines.hpp"
#include "norms/norm_parser.hpp"
#include "store/cases.hpp"
#include "store/scan.hpp"

namespace eb::flow {

namespace {

bool is_what_if(const AssessRequest& r) {
  return r.diff || r.as_of.has_value();
}

// The what-if side: `app` re-dated to `as_of` (if given), under the norm file (if given) or the
// folder's norm for that month.
assess::Assessment what_if(const AssessRequest& r, const assess::Application& app, const norms::NormCatalog& folder,
                           const std::optional<norms::NormSet>& file_norm, const norms::Guideline* guideline) {
  assess::Application shifted = r.as_of ? assess::shift_month(app, *r.as_of) : app;
  const period::Date day = shifted.month.first_day();
  if (file_norm && !file_norm->covers(day)) {
    throw NormError("--norms-file " + r.norms_file + ": " + file_norm->id + " is valid " +
                        file_norm->valid_from.to_string() + " to " + file_norm->valid_to.to_string() + ", not for " +
                        shifted.month.to_string() + " (assess the household as of a month it covers with --as-of)",
                    ExitCode::not_found);
  }
  assess::Assessment result = assess::calculate(shifted, file_norm ? *file_norm : folder.valid_on(day), guideline);
  if (r.as_of) {
    result.notes.insert(result.notes.begin(), "assessed as of " + shifted.month.to_string() +
                                                  " (--as-of): the household of " + app.month.to_string() +
                                                  " re-dated, ages on " + shifted.month.last_day().to_string());
  }
  return result;
}

// The stored history notes in front of the assessment's own.
void prepend(std::vector<std::string>& notes, const std::vector<std::string>& history) {
  notes.insert(notes.begin(), history.begin(), history.end());
}

}  // namespace

bool stores_result(const AssessRequest& r) {
  return r.application_id.has_value() && r.norms_file.empty() && !is_what_if(r);
}

AssessOutcome assess(store::Database* db, const Context& ctx, const AssessRequest& r) {
  std::optional<norms::NormSet> file_norm;
  if (!r.norms_file.empty()) file_norm = norms::read_norm_file(r.norms_file);
  // Without --as-of or --diff, --norms-file replaces the folder (the file must cover the month);
  // with them, the folder gives the norm in force and the file the other side.
  std::optional<norms::NormCatalog> replaced;
  if (file_norm && !is_what_if(r)) {
    replaced.emplace(std::vector<norms::NormSet>{*file_norm}, ctx.catalog().dir(), ctx.catalog().transitions());
  }
  const norms::NormCatalog& catalog = replaced ? *replaced : ctx.catalog();

  AssessOutcome out;
  out.application_id = r.application_id;
  const assess::Application app =
      r.application_id ? store::load_application(*db, *r.application_id)
                       : assess::read_application(r.file_text, r.file, assess::SourceFormat::toml, catalog, false);
  Guidelines guidelines(catalog);
  const norms::Guideline* g = guidelines.of(app);
  if (is_what_if(r)) {
    out.result = what_if(r, app, catalog, file_norm, g);
    if (r.diff) {
      const norms::RuleChoice rules = catalog.rules_for(app.month, app.received, ctx.today);
      out.before = assess::calculate(app, catalog.norm_for(rules), g, &rules);
      out.what_before = "the norm in force for the application's month";
      out.what_after = r.norms_file.empty() ? "the norms folder" : "--norms-file " + r.norms_file;
      if (r.as_of) out.what_after += ", --as-of " + r.as_of->to_string();
    }
    return out;
  }
  // The rules by the month, the arrival date and today (transitional rules, norms/transitional.toml).
  const norms::RuleChoice rules = catalog.rules_for(app.month, app.received, ctx.today);
  const norms::NormSet& norm = catalog.norm_for(rules);
  out.result = assess::calculate(app, norm, g, &rules);
  if (!r.application_id) return out;
  prepend(out.result.notes, store::history_notes(*db, *r.application_id));
  if (stores_result(r)) {
    out.assessment_id = store::store_assessment(*db, *r.application_id, out.result, norm, g, ctx.write("assess"));
  }
  return out;
}

std::set<std::string> default_bulk_statuses() {
  return {"received", "assessed"};
}

AssessMonthOutcome assess_month(store::Database& db, const Context& ctx, period::Month month,
                                const std::set<std::string>& statuses) {
  struct Pending {
    std::int64_t id;
    std::int64_t case_id;
    assess::Application app;
    std::string notes_json;
  };
  // Read the month first, then write: the scan's cursors never see the assessments being added.
  std::vector<Pending> pending;
  AssessMonthOutcome out;
  out.month = month;
  store::scan_applications(db, month, [&](const store::ScannedApplication& s) {
    const std::string status = s.decided ? "decided" : s.latest_amount ? "assessed" : "received";
    if (!statuses.count(status)) {
      ++out.skipped;
      return;
    }
    pending.push_back({s.id, s.case_id, s.application, s.history_notes_json});
  });
  const norms::NormCatalog& catalog = ctx.catalog();
  Guidelines guidelines(catalog);
  const store::WriteContext write = ctx.write("assess --month");
  for (const Pending& p : pending) {
    AssessMonthItem item;
    item.application_id = p.id;
    item.case_id = p.case_id;
    try {
      const norms::RuleChoice rules = catalog.rules_for(p.app.month, p.app.received, ctx.today);
      const norms::NormSet& norm = catalog.norm_for(rules);
      const norms::Guideline* g = guidelines.of(p.app);
      assess::Assessment result = assess::calculate(p.app, norm, g, &rules);
      prepend(result.notes, nlohmann::json::parse(p.notes_json).get<std::vector<std::string>>());
      store::Savepoint savepoint(db);
      item.assessment_id = store::store_assessment(db, p.id, result, norm, g, write);
      savepoint.release();
      item.totals = result.totals;
      item.warnings = result.warnings.size();
      ++out.assessed;
      out.total += result.totals.amount;
      if (item.warnings > 0) ++out.with_warnings;
    } catch (const Error& e) {
      item.refusal = refusal_of(e);
      if (out.refused++ == 0) out.first_failure = e.exit_code();
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace eb::flow
