// SPDX-License-Identifier: MIT
// The test flow (`eb test`, man/eb-test.1): golden case files (an application and its [expect]
// table) assessed and held against their expectations, under the norms folder or a candidate
// norm file; --update's new file contents; and reform budgets, simulated on the store (read only).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "assess/expectations.hpp"
#include "flow/context.hpp"
#include "report/reform_budget.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct TestRequest {
  std::vector<std::string> paths;  // case files and folders (every *.toml below, in name order)
  std::string norms_file;          // a candidate norm: it replaces the folder's norm for its period
  bool update = false;             // rewrite the expectations from the results
  std::string pattern;             // -k: a part of the case name, or a glob (*, ?, [)
  std::string reforms_file;        // --reform: reform budgets, simulated on the store
};

enum class CaseStatus { passed, failed, updated };

struct CaseResult {
  std::string name;  // the path below the folder given, without ".toml"; a file's stem
  std::string file;
  CaseStatus status = CaseStatus::passed;
  std::string norm_id;           // the norm it was assessed under ("" when refused)
  bool under_candidate = false;  // assessed under --norms-file
  std::optional<assess::CaseRefusal> refusal;
  std::optional<money::Money> amount;             // payable, when assessed
  std::vector<assess::Difference> differences;    // the expectations that do not hold
  std::vector<assess::Difference> changed_lines;  // under the candidate: lines changed from the folder's norm
  std::string not_updated;                        // with --update: why the file was left alone
};

struct TestOutcome {
  std::vector<CaseResult> cases;  // in name order
  std::vector<report::ReformCheck> reforms;
  std::size_t passed = 0;  // cases and reforms; an updated case counts as passed
  std::size_t failed = 0;
  // With --update: the new text of each file whose expectations changed, for the caller to write.
  struct FileUpdate {
    std::string path;
    std::string text;
  };
  std::vector<FileUpdate> updates;
  // The candidate norm: its id, how many cases it covered, and what `eb norms check` says of it.
  std::string candidate_id;
  std::size_t candidate_cases = 0;
  std::vector<std::string> warnings;
};

// Whether `name` is selected by `pattern` (-k): a glob when it has *, ? or [, else a part of it.
bool case_selected(const std::string& name, const std::string& pattern);

// Runs `request`: reads every case file, then assesses each (as `eb assess --file` does, under
// the norms folder, or the candidate for the months it covers) and compares; simulates each
// reform budget on `db` (needed only then; read, never written). Errors in the test files
// themselves are thrown before any case runs: NotFound for a missing path, an empty folder or
// a missing --norms-file, StoreError for an unreadable file, InputError (file, line, field) for
// a malformed case or reforms file, a missing [expect] (without --update), a --norms-file that
// is not a file or a -k matching nothing. A case that is refused is a result, not an error.
TestOutcome run_tests(const store::Database* db, const Context& ctx, const TestRequest& request);

}  // namespace eb::flow
