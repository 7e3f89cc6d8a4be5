// SPDX-License-Identifier: MIT
#include "flow/simulate.hpp"

#include <filesystem>

#include "norms/norm_parser.hpp"
#include "store/scan.hpp"

namespace eb::flow {

namespace {

// The folder's norm for `month`; NormError naming `field` and its value (not found, exit 4, as in
// every command: issue 14) when there is none.
const norms::NormSet& catalog_norm(const norms::NormCatalog& catalog, period::Month month, const std::string& field,
                                   const std::string& value) {
  try {
    return catalog.valid_on(month.first_day());
  } catch (const NormError& e) {
    if (e.exit_code() != ExitCode::not_found) throw;
    throw NormError(
        field + " " + value + ": " + e.what() + (field == "--as-of" ? "; give a norm file with --norms-file FILE" : ""),
        ExitCode::not_found);
  }
}

// A norm file given with --norms-file: it must exist, parse, pass `eb norms check` and cover
// the month it is used for.
norms::NormSet draft_norm(const std::string& path, period::Month month) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw NotFound("--norms-file " + path + ": no such file");
  norms::NormSet n = norms::read_norm_file(path);
  if (auto problems = norms::check_norm_set(n); !problems.empty()) throw InputError(std::move(problems));
  if (!n.covers(month.first_day())) {
    throw NormError("--norms-file " + path + ": " + n.id + " is valid " + n.valid_from.to_string() + " to " +
                        n.valid_to.to_string() + ", which does not cover " + month.to_string() +
                        ", the month assessed after (--as-of, else --month)",
                    ExitCode::not_found);
  }
  return n;
}

}  // namespace

report::SimulationResult simulate(const store::Database& db, const Context& ctx, const SimulateRequest& r) {
  const period::Month after_month = r.as_of.value_or(r.month);
  const norms::NormCatalog& catalog = ctx.catalog();
  catalog_norm(catalog, r.month, "--month", r.month.to_string());
  std::optional<norms::NormSet> draft;
  if (!r.norms_file.empty()) {
    draft = draft_norm(r.norms_file, after_month);
  } else {
    catalog_norm(catalog, after_month, "--as-of", r.as_of ? r.as_of->to_string() : std::string());
  }
  report::SimulationSetup setup;
  setup.month = r.month;
  setup.as_of = r.as_of;
  setup.top = r.top;
  setup.keep_cases = r.keep_cases;
  setup.norm_before = [&catalog](period::Month m) -> const norms::NormSet& { return catalog.valid_on(m.first_day()); };
  setup.norm_after = [&catalog, &draft](period::Month m) -> const norms::NormSet& {
    return draft ? *draft : catalog.valid_on(m.first_day());
  };
  setup.guideline = [&catalog](const std::string& name) { return catalog.guideline(name); };
  return report::simulate(
      [&](const auto& add) {
        store::scan_applications(db, r.month, [&add](store::ScannedApplication& s) {
          add({s.id, s.case_id, &s.application, s.latest_amount, &s.application});
        });
      },
      std::move(setup), r.threads);
}

}  // namespace eb::flow
