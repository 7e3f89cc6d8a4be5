// SPDX-License-Identifier: MIT
#include "flow/test.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "assess/expectations_writer.hpp"
#include "assess/limits.hpp"
#include "common/file.hpp"
#include "common/text.hpp"
#include "flow/guidelines.hpp"
#include "flow/simulate.hpp"
#include "norms/norm_parser.hpp"

namespace eb::flow {

namespace {

namespace fs = std::filesystem;
using assess::Expectations;

struct CaseFile {
  std::string name;
  std::string path;
  std::string text;
  std::optional<Expectations> expect;
};

// The case files `paths` name, in order: a file as given, a folder's *.toml below it in name order.
std::vector<CaseFile> case_files(const std::vector<std::string>& paths) {
  std::vector<CaseFile> out;
  std::set<std::string> seen;
  const auto add = [&](std::string name, const fs::path& p) {
    if (seen.insert(p.lexically_normal().string()).second) out.push_back({std::move(name), p.string(), "", {}});
  };
  for (const std::string& given : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(given, ec);
    if (!fs::exists(st)) throw NotFound("no such case file or folder: " + given);
    if (fs::is_regular_file(st)) {
      add(fs::path(given).stem().string(), given);
      continue;
    }
    if (!fs::is_directory(st)) throw InputError("PATH", text::quoted(given), "is neither a case file nor a folder");
    std::vector<fs::path> found;
    try {
      for (const auto& entry : fs::recursive_directory_iterator(given)) {
        if (entry.path().extension() == ".toml" && entry.is_regular_file()) found.push_back(entry.path());
      }
    } catch (const fs::filesystem_error& e) {
      throw StoreError("cannot read the case folder " + given + ": " + e.code().message());
    }
    if (found.empty()) throw NotFound("no case files (*.toml) in " + given);
    std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) {
      return a.lexically_relative(given).generic_string() < b.lexically_relative(given).generic_string();
    });
    for (const fs::path& p : found) {
      fs::path name = p.lexically_relative(given);
      name.replace_extension();
      add(name.generic_string(), p);
    }
  }
  return out;
}

// The norms folder with `candidate` in place of the norms whose period overlaps it.
norms::NormCatalog with_candidate(const norms::NormCatalog& folder, const norms::NormSet& candidate) {
  std::vector<norms::NormSet> sets;
  for (const norms::NormSet& n : folder.all()) {
    if (n.valid_from <= candidate.valid_to && candidate.valid_from <= n.valid_to) continue;
    sets.push_back(n);
  }
  sets.push_back(candidate);
  return norms::NormCatalog(std::move(sets), folder.dir());
}

// The field of reforms.toml an option of `eb simulate` stands for.
std::string reform_field(std::size_t index, const std::string& option) {
  const std::string base = "reform[" + std::to_string(index + 1) + "]";
  if (option == "--norms-file") return base + ".norms_file";
  if (option == "--as-of") return base + ".as_of";
  if (option == "--month") return base + ".month";
  return base;
}

// Simulates each budget on `db` and holds it against its budget. A reform that cannot be
// simulated (no norm for its months, a bad norm file) is an error in the reforms file.
std::vector<report::ReformCheck> check_reforms(const store::Database& db, const Context& ctx, const std::string& file,
                                               const std::vector<report::ReformBudget>& budgets,
                                               const std::vector<std::size_t>& selected) {
  std::vector<report::ReformCheck> out;
  ProblemList problems;
  for (std::size_t i : selected) {
    const report::ReformBudget& b = budgets[i];
    SimulateRequest r;
    r.month = b.month;
    r.as_of = b.as_of;
    r.norms_file = b.norms_file;
    r.top = 0;
    try {
      out.push_back(report::check_reform(b, simulate(db, ctx, r)));
    } catch (const InputError& e) {
      for (const Problem& p : e.problems()) {
        problems.add(Problem{file, b.line, reform_field(i, p.field), p.value, p.message});
      }
    } catch (const NormError& e) {
      problems.add(Problem{file, b.line, reform_field(i, ""), "", e.what()});
    } catch (const NotFound&) {
      // A norm file the reform names is missing: a thing not found (exit 4), said where it is named.
      throw NotFound(Problem{file, b.line, reform_field(i, "--norms-file"), b.norms_file, "no such file"}.to_string());
    }
  }
  problems.throw_if_any();
  return out;
}

}  // namespace

bool case_selected(const std::string& name, const std::string& pattern) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*?[") != std::string::npos) return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
  return name.find(pattern) != std::string::npos;
}

TestOutcome run_tests(const store::Database* db, const Context& ctx, const TestRequest& request) {
  TestOutcome out;
  // ---- the test files, read and checked before anything runs ----
  std::vector<CaseFile> cases = case_files(request.paths);
  std::erase_if(cases, [&](const CaseFile& c) { return !case_selected(c.name, request.pattern); });
  ProblemList problems;
  for (CaseFile& c : cases) {
    c.text = read_file(c.path, assess::k_max_application_bytes);
    try {
      c.expect = assess::parse_expectations(c.text, c.path);
    } catch (const InputError& e) {
      for (const Problem& p : e.problems()) problems.add(p);
      continue;
    }
    if (!c.expect && !request.update) {
      problems.add(Problem{c.path, 0, "expect", "",
                           "missing: a case file has an [expect] table (the amounts it must give, or the refusal); "
                           "eb test --update records the current results"});
    }
  }
  std::vector<report::ReformBudget> budgets;
  std::vector<std::size_t> selected_reforms;
  if (!request.reforms_file.empty()) {
    try {
      budgets = report::parse_reform_budgets(read_file(request.reforms_file), request.reforms_file);
    } catch (const InputError& e) {
      for (const Problem& p : e.problems()) problems.add(p);
    }
    for (std::size_t i = 0; i < budgets.size(); ++i) {
      if (case_selected(budgets[i].name, request.pattern)) selected_reforms.push_back(i);
    }
  }
  problems.throw_if_any();
  if (cases.empty() && selected_reforms.empty()) {
    throw InputError("-k", text::quoted(request.pattern),
                     "selects no case" + std::string(budgets.empty() ? "" : " and no reform"));
  }

  // ---- the norms: the folder's, or the candidate in place of the folder's for its period ----
  const norms::NormCatalog& folder = ctx.catalog();
  std::optional<norms::NormSet> candidate;
  std::optional<norms::NormCatalog> replaced;
  if (!request.norms_file.empty() && !cases.empty()) {
    std::error_code ec;
    if (!fs::exists(request.norms_file, ec)) {
      throw NotFound("--norms-file = " + text::quoted(request.norms_file) + ": no such file");
    }
    if (!fs::is_regular_file(request.norms_file, ec)) {
      throw InputError("--norms-file", text::quoted(request.norms_file), "is not a file");
    }
    candidate = norms::read_norm_file(request.norms_file);
    for (const Problem& p : norms::check_norm_set(*candidate)) {
      out.warnings.push_back("--norms-file " + p.to_string() + " (eb norms check; the cases run under it anyway)");
    }
    replaced.emplace(with_candidate(folder, *candidate));
    out.candidate_id = candidate->id;
  }
  const norms::NormCatalog& catalog = replaced ? *replaced : folder;
  Guidelines guidelines(catalog);

  // ---- each case ----
  for (CaseFile& f : cases) {
    CaseResult c;
    c.name = f.name;
    c.file = f.path;
    assess::ParseOptions options;
    options.caller_keys = {"expect"};
    std::optional<assess::Assessment> got;
    std::optional<assess::Application> app;
    const norms::NormSet* norm = nullptr;
    const norms::Guideline* guideline = nullptr;
    try {
      app = assess::read_application(f.text, f.path, assess::SourceFormat::toml, catalog, options);
      norm = &catalog.valid_on(app->month.first_day());
      guideline = guidelines.of(*app);
      got = assess::calculate(*app, *norm, guideline);
    } catch (const Error& e) {
      c.refusal = assess::case_refusal_of(e);
    }
    if (got) {
      c.norm_id = norm->id;
      c.amount = got->totals.amount;
      c.under_candidate = candidate && norm->path == candidate->path;
      if (c.under_candidate) ++out.candidate_cases;
    }
    // A case without [expect] (only with --update) expects an assessment to record.
    const Expectations expected = f.expect.value_or(Expectations{});
    c.differences = got ? compare(expected, *got, *norm) : compare(expected, *c.refusal);
    c.status = c.differences.empty() ? CaseStatus::passed : CaseStatus::failed;

    // Why, under a candidate: the lines it changes against the folder's norm for the month.
    if (c.under_candidate && !c.differences.empty()) {
      try {
        const assess::Assessment before = assess::calculate(*app, folder.valid_on(app->month.first_day()), guideline);
        c.changed_lines = assess::changed_lines(before, *got);
      } catch (const Error&) {
        // The folder has no norm for the month: nothing to compare with.
      }
    }

    if (request.update) {
      if (!got) {
        c.not_updated = "refused: a refused case is never rewritten";
      } else if (f.expect && f.expect->refusal) {
        c.not_updated = "it expects a refusal: edit it by hand";
      } else {
        const Expectations fresh = assess::expectations_of(*got, f.expect ? &*f.expect : nullptr);
        options.leap_day_on_feb28 = norm->rules.leap_day_on_feb28;
        std::string text = assess::with_expectations(f.text, fresh, f.path, options);
        if (text != f.text) {
          out.updates.push_back({f.path, std::move(text)});
          c.status = CaseStatus::updated;
        }
      }
    }
    if (c.status == CaseStatus::failed) {
      ++out.failed;
    } else {
      ++out.passed;
    }
    out.cases.push_back(std::move(c));
  }

  // ---- reform budgets, on the store ----
  if (!selected_reforms.empty()) {
    if (db == nullptr) throw std::logic_error("eb test --reform needs the case store");
    out.reforms = check_reforms(*db, ctx, request.reforms_file, budgets, selected_reforms);
    for (const auto& r : out.reforms) {
      if (r.within()) {
        ++out.passed;
      } else {
        ++out.failed;
      }
    }
  }
  return out;
}

}  // namespace eb::flow
