// SPDX-License-Identifier: MIT
// Bulk reading of stored applications: per month, ordered queries over the application, member,
// cost, income and assessment tables, merged by application id. The rows are read with the same
// column lists and row readers as load_application (application_rows.hpp), so both build the
// same assess::Application (tests/unit/store/scan_test.cpp checks it on every stored application).
#include "store/scan.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <utility>

#include "common/ids.hpp"
#include "store/application_rows.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using assess::Application;
using money::Money;

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (const auto p : parts) s += p;
  return s;
}

// How a month's child rows are read, and what to bind.
struct Plan {
  bool by_range = false;
  std::string month;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
};

// The SQL of the scan. The applications of one month (?1, "YYYY-MM") come through the
// application_month index in id order: with `month = ?` that is the index's own order, so SQLite
// sorts nothing. The rows of their members, costs and incomes come ordered by application id and
// seq, read one of two ways with the same columns:
//  - by range: when the month's ids are dense (the usual case: a month is taken in during that
//    month), the child table's primary key from the month's first to its last id (?1, ?2), read
//    in order; rows of other months in between are skipped by the merge. No index seeks.
//  - by month: otherwise, joined from the month's applications (one seek per application).
// The latest assessment of each application is one indexed lookup per application either way.
struct ScanSql {
  std::string span = "SELECT count(*), min(id), max(id) FROM application WHERE month = ?1";
  std::string applications =
      cat({"SELECT a.id, a.arende_id, EXISTS (SELECT 1 FROM decision d WHERE d.application_id = a.id), "
           "a.history_notes, ",
           k_application_columns, " FROM application a WHERE a.month = ?1 ORDER BY a.id"});
  std::string members_by_range =
      cat({"SELECT m.application_id, ", k_member_columns,
           " FROM member m JOIN person p ON p.id = m.person_id WHERE m.application_id BETWEEN ?1 AND ?2 "
           "ORDER BY m.application_id, m.seq"});
  std::string members_by_month =
      cat({"SELECT a.id, ", k_member_columns,
           " FROM application a JOIN member m ON m.application_id = a.id JOIN person p ON p.id = m.person_id "
           "WHERE a.month = ?1 ORDER BY a.id, m.seq"});
  std::string costs_by_range = cat({"SELECT c.application_id, ", k_cost_columns,
                                    " FROM cost c WHERE c.application_id BETWEEN ?1 AND ?2 "
                                    "ORDER BY c.application_id, c.seq"});
  std::string costs_by_month = cat({"SELECT a.id, ", k_cost_columns,
                                    " FROM application a JOIN cost c ON c.application_id = a.id "
                                    "WHERE a.month = ?1 ORDER BY a.id, c.seq"});
  std::string incomes_by_range =
      cat({"SELECT i.application_id, ", k_income_columns,
           " FROM income i JOIN person p ON p.id = i.person_id WHERE i.application_id BETWEEN ?1 AND ?2 "
           "ORDER BY i.application_id, i.seq"});
  std::string incomes_by_month =
      cat({"SELECT a.id, ", k_income_columns,
           " FROM application a JOIN income i ON i.application_id = a.id JOIN person p ON p.id = i.person_id "
           "WHERE a.month = ?1 ORDER BY a.id, i.seq"});
  std::string latest =
      cat({"SELECT a.id, s.amount_ore FROM application a JOIN assessment s ON s.id = ", k_latest_assessment_id,
           " WHERE a.month = ?1 ORDER BY a.id"});
};

const ScanSql& sql() {
  static const ScanSql s;
  return s;
}

// A query of the plan: ?1 = the month, or ?1..?2 = the id range when `by_range`.
std::unique_ptr<RawQuery> prepare(const SQLite::Database& db, const std::string& text, const Plan& plan,
                                  bool by_range) {
  auto q = std::make_unique<RawQuery>(db, text);
  if (by_range) {
    q->bind(1, plan.first_id);
    q->bind(2, plan.last_id);
  } else {
    q->bind(1, plan.month);
  }
  return q;
}

// One of the child queries, read in step with the applications: `rows_of(id)` visits the rows
// that belong to application `id` (column 0 is the application id, the row's fields follow).
class Cursor {
 public:
  Cursor(const SQLite::Database& db, const std::string& by_range, const std::string& by_month, const Plan& plan)
      : m_q(prepare(db, plan.by_range ? by_range : by_month, plan, plan.by_range)) {
    m_has_row = m_q->step();
  }

  template <typename Fn>
  void rows_of(std::int64_t id, Fn&& fn) {
    while (m_has_row && m_q->i64(0) < id) m_has_row = m_q->step();  // another month's
    while (m_has_row && m_q->i64(0) == id) {
      fn(*m_q);
      m_has_row = m_q->step();
    }
  }

 private:
  std::unique_ptr<RawQuery> m_q;
  bool m_has_row = false;
};

void scan_month(const SQLite::Database& db, period::Month month, const std::function<void(ScannedApplication&)>& fn) {
  const ScanSql& s = sql();
  Plan plan;
  plan.month = month.to_string();
  {
    const auto span = prepare(db, s.span, plan, false);
    span->step();
    const std::int64_t count = span->i64(0);
    if (count == 0) return;
    plan.first_id = span->i64(1);
    plan.last_id = span->i64(2);
    // Read by range when at most half the ids in it belong to other months.
    plan.by_range = plan.last_id - plan.first_id + 1 <= 2 * count;
  }
  const auto apps_query = prepare(db, s.applications, plan, false);
  RawQuery& apps = *apps_query;
  Cursor members(db, s.members_by_range, s.members_by_month, plan);
  Cursor costs(db, s.costs_by_range, s.costs_by_month, plan);
  Cursor incomes(db, s.incomes_by_range, s.incomes_by_month, plan);
  Cursor latest(db, s.latest, s.latest, Plan{false, plan.month, 0, 0});

  ScannedApplication row;
  while (apps.step()) {
    row.id = apps.i64(0);
    row.case_id = apps.i64(1);
    row.latest_amount.reset();
    row.decided = apps.integer(2) != 0;
    row.history_notes_json = apps.string(3);
    row.application = read_application_row(apps, 4);
    Application& app = row.application;
    app.source = format_id(IdKind::application, row.id);
    members.rows_of(row.id, [&](const RawQuery& q) { app.members.push_back(read_member_row(q, 1)); });
    costs.rows_of(row.id, [&](const RawQuery& q) { app.costs.push_back(read_cost_row(q, 1)); });
    incomes.rows_of(row.id, [&](const RawQuery& q) { app.incomes.push_back(read_income_row(q, 1)); });
    latest.rows_of(row.id, [&](const RawQuery& q) { row.latest_amount = Money::from_ore(q.i64(1)); });
    fn(row);
  }
}

}  // namespace

void scan_applications(const Database& store, period::Month first, period::Month last,
                       const std::function<void(ScannedApplication&)>& fn) {
  const Database::Impl& s = store.impl();
  try {
    for (period::Month m = first; m <= last; m = m.plus(1)) scan_month(s.db, m, fn);
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

}  // namespace eb::store
