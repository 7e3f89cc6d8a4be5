// SPDX-License-Identifier: MIT
// The assessment flows (`eb assess`): one application (a file, or a stored application whose
// result is stored), a what-if under another norm or month with a line-by-line comparison, and
// every application of a month in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "common/refusal.hpp"
#include "flow/context.hpp"
#include "period/month.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct AssessRequest {
  // A stored application, or else an application file (its name and text).
  std::optional<std::int64_t> application_id;
  std::string file;
  std::string file_text;
  // A what-if: this norm file instead of the norms folder, and/or the household as of this month.
  std::string norms_file;
  std::optional<period::Month> as_of;
  // Compare the norm in force for the application's month with the what-if, line by line.
  bool diff = false;
};

// Whether `r` stores its result: a stored application assessed under the norms folder. A draft
// norm file, another month or a comparison is a what-if: it is shown, never stored.
bool stores_result(const AssessRequest& r);

struct AssessOutcome {
  std::optional<std::int64_t> application_id;
  assess::Assessment result;                  // what is shown: with `diff`, the what-if side
  std::optional<assess::Assessment> before;   // with `diff`: under the norm in force
  std::optional<std::int64_t> assessment_id;  // when stored
  std::string what_before;                    // with `diff`: what each side is
  std::string what_after;
};

// Assesses as `request` says. `db` may be null for a file. Throws InputError for a bad file or
// option, NormError when no norm covers the month (or the norm file does not), NotFound for an
// unknown application, StoreError.
AssessOutcome assess(store::Database* db, const Context& ctx, const AssessRequest& request);

struct AssessMonthItem {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> assessment_id;
  assess::Totals totals;
  std::size_t warnings = 0;
  std::optional<Refusal> refusal;  // the application could not be assessed
};

struct AssessMonthOutcome {
  period::Month month{2000, 1};
  std::vector<AssessMonthItem> items;  // in id order
  std::size_t assessed = 0;
  std::size_t refused = 0;
  std::size_t with_warnings = 0;
  std::size_t skipped = 0;  // applications of the month whose status was not asked for
  money::Money total;       // payable, over the assessed
  ExitCode first_failure = ExitCode::success;
};

// The statuses `eb assess --month` takes by default: every application not yet decided.
std::set<std::string> default_bulk_statuses();

// Assesses and stores every application of `month` whose status (received, assessed, decided)
// is in `statuses`, each exactly as `assess` would one by one, in the open write transaction
// (a savepoint each). An application that cannot be assessed is reported, not thrown.
AssessMonthOutcome assess_month(store::Database& db, const Context& ctx, period::Month month,
                                const std::set<std::string>& statuses);

}  // namespace eb::flow
