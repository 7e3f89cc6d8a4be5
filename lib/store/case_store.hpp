// SPDX-License-Identifier: MIT
// CaseStore: the case store in one SQLite file — persons, ärenden, applications,
// assessments and the audit log. The only gateway to the database; SQLite stays behind it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "common/error.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"

namespace eb::store {

// Who writes, when and with which command: recorded in the audit log. The caller passes
// the time; the store never reads the clock.
struct WriteContext {
  std::string at;  // ISO 8601 timestamp
  std::string user;
  std::string command;  // e.g. "intake"
  period::Date today{1970, 1, 1};
};

// read_only and read_write need an existing store of this eb's schema; create makes a missing
// one (intake, db init); migrate and inspect (db check, db backup) also accept an older schema.
enum class OpenMode { read_only, read_write, create, migrate, inspect };

struct IntakeResult {
  std::int64_t case_id = 0;
  std::int64_t application_id = 0;
  bool new_case = false;
  std::vector<std::string> notes;  // where the store's history replaced or kept a file value
};

struct ApplicationFilter {
  std::optional<period::Month> month;
  std::optional<std::string> status;  // received | assessed | decided
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

class CaseStore {
 public:
  // Opens the store at `path`. In read_write mode a missing file is created with owner-only
  // permissions (0600) and the current schema. Throws StoreError if the file cannot be
  // opened, or if its schema is older than this eb (run `eb db migrate`) or newer.
  static CaseStore open(const std::string& path, OpenMode mode);
  CaseStore(CaseStore&&) noexcept;
  CaseStore& operator=(CaseStore&&) noexcept;
  ~CaseStore();

  int schema_version() const;
  // Applies the pending migrations in one transaction; returns their titles.
  std::vector<std::string> migrate(const WriteContext& ctx);

  // One transaction for a whole command; a savepoint per item of a batch.
  void begin();
  void commit();
  void rollback();
  void savepoint();
  void release_savepoint();
  void rollback_to_savepoint();

  // Stores `app` as an application of the applicant's case (a new case if the applicant has
  // none), filling in what the store's history knows (calculation.md §5; the store wins
  // over the file where both exist). Throws Conflict if the case already has an
  // application for the month (other than a supplement).
  IntakeResult intake(assess::Application app, const WriteContext& ctx);

  // The stored application `id` as the calculator takes it. Throws NotFound.
  assess::Application load_application(std::int64_t id) const;
  // The notes intake recorded for the application (history that replaced file values).
  std::vector<std::string> history_notes(std::int64_t id) const;
  // Stores a new assessment of application `id` (never replacing an earlier one) with the
  // exact norm and guideline files used. Returns the assessment id.
  std::int64_t store_assessment(std::int64_t application_id, const assess::Assessment& a, const norms::NormSet& norm,
                                const norms::Guideline* guideline, const WriteContext& ctx);
  std::optional<StoredAssessment> latest_assessment(std::int64_t application_id) const;
  std::vector<StoredAssessment> assessments(std::int64_t application_id) const;

  std::vector<ApplicationSummary> list_applications(const ApplicationFilter& filter) const;
  ApplicationSummary application_summary(std::int64_t id) const;
  CaseSummary case_summary(std::int64_t case_id) const;
  // The application ids of a month (for simulation and routine decisions), in id order.
  std::vector<std::int64_t> application_ids(period::Month month) const;

  // Integrity check, foreign-key check and the audit chain. Returns the problems found.
  std::vector<std::string> check() const;
  // Copies the database to `path` (SQLite's online backup), owner-only permissions.
  void backup(const std::string& path) const;
  // Number of audit entries.
  std::int64_t audit_count() const;

  // The store's internals, for the files of lib/store only (store_impl.hpp): decisions,
  // payments and scans live in their own files and headers but share one connection.
  struct Impl;
  Impl& impl() { return *m_impl; }
  const Impl& impl() const { return *m_impl; }

 private:
  explicit CaseStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace eb::store

namespace eb::store {

// One write transaction for a command: BEGIN IMMEDIATE now, ROLLBACK unless commit() is
// called — so an exception anywhere leaves the database exactly as it was.
class Transaction {
 public:
  explicit Transaction(CaseStore& store) : m_store(store) { m_store.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!m_done) m_store.rollback();
  }
  void commit() {
    m_store.commit();
    m_done = true;
  }

 private:
  CaseStore& m_store;
  bool m_done = false;
};

}  // namespace eb::store
