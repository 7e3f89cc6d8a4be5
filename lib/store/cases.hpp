// SPDX-License-Identifier: MIT
// The cases part of the case store: persons, ärenden (C-n), applications (A-n) with their
// members, costs and incomes, and assessments. Free functions over a Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "assess/history.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"
#include "period/month_range.hpp"
#include "store/database.hpp"

namespace eb::store {

struct IntakeResult {
  std::int64_t case_id = 0;
  std::int64_t application_id = 0;
  bool new_case = false;
  std::vector<std::string> notes;  // where the store's history replaced or kept a file value
};

struct ApplicationFilter {
  std::optional<period::Month> month;
  std::optional<period::MonthRange> period;  // the months first..last, both included
  std::optional<std::string> status;         // received | assessed | decided
  std::optional<std::int64_t> case_id;
};

struct ApplicationSummary {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  period::Month month{2000, 1};
  std::string kind;
  period::Date received{1970, 1, 1};
  std::string applicant_pnr;  // full; callers mask it unless asked not to
  std::string applicant_name;
  int members = 0;
  std::string status;                  // received | assessed | decided
  std::optional<money::Money> amount;  // of the latest assessment
  std::optional<std::int64_t> assessment_id;
  bool has_warnings = false;
  std::optional<std::int64_t> decision_id;  // the current decision, if any
  std::string decision_kind;                // bifall | delbifall | avslag
  std::optional<money::Money> granted;      // by the current decision
};

struct StoredAssessment {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  period::Date assessed_on{1970, 1, 1};
  std::string assessed_by;
  assess::Assessment result;
};

struct CaseSummary {
  std::int64_t id = 0;
  std::string applicant_pnr;
  std::string applicant_name;
  period::Date opened_on{1970, 1, 1};
  std::vector<ApplicationSummary> applications;
};

// What the store knows about each member of `app` before its month (one entry per member, in
// member order), for assess::apply_history. A person the store has never seen has no history.
std::vector<assess::MemberHistory> member_history(const Database& db, const assess::Application& app);

// Stores `app` (its history already applied, `notes` saying how) as an application of the
// applicant's case, opening a case when the applicant has none. Throws Conflict if the case
// already has an application for the month (other than a supplement).
IntakeResult store_application(Database& db, const assess::Application& app, const std::vector<std::string>& notes,
                               const WriteContext& ctx);

// The stored application `id` as the calculator takes it. Throws NotFound.
assess::Application load_application(const Database& db, std::int64_t id);
// The notes intake recorded for the application (history that replaced file values).
std::vector<std::string> history_notes(const Database& db, std::int64_t id);
// Stores a new assessment of application `id` (never replacing an earlier one) with the exact
// norm and guideline files used. Returns the assessment id.
std::int64_t store_assessment(Database& db, std::int64_t application_id, const assess::Assessment& a,
                              const norms::NormSet& norm, const norms::Guideline* guideline, const WriteContext& ctx);
std::optional<StoredAssessment> latest_assessment(const Database& db, std::int64_t application_id);
std::vector<StoredAssessment> assessments(const Database& db, std::int64_t application_id);

std::vector<ApplicationSummary> list_applications(const Database& db, const ApplicationFilter& filter);
// Throws NotFound.
ApplicationSummary application_summary(const Database& db, std::int64_t id);
// Throws NotFound.
CaseSummary case_summary(const Database& db, std::int64_t case_id);
// Throws NotFound unless case `case_id` exists.
void require_case(const Database& db, std::int64_t case_id);

}  // namespace eb::store
