// SPDX-License-Identifier: MIT
// The report's reads. Month by month, the applications of the month come in id order through
// the application_month index, and the rows of their members (with the person), payments and
// decisions come ordered by application id, merged in step (as scan.cpp reads applications):
//  - by range: when the month's ids are dense, each child table's key or index from the
//    month's first to its last id, read in order; rows of other months in between are skipped;
//  - by month: otherwise, joined from the month's applications.
// CROSS JOIN fixes the join order, so SQLite walks the child table in key order and sorts
// nothing. First decisions dated in the period for applications of other months (a
// retroactive application) are found through the covering index decision_first_decided and
// read one by one; there are few.
#include "store/report.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using money::Money;
using period::Date;
using period::Month;
using report::CaseRow;
using report::DecidedApplicationRow;
using report::HouseholdMonthRow;
using report::MemberRow;

// "YYYY-MM-DD" as the store writes it (checked by the schema), without the general parser.
Date stored_date(const char* s) {
  const auto n = [&](int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return Date(n(0, 4), n(5, 2), n(8, 2));
}

std::optional<Date> stored_optional_date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return stored_date(c.getText());
}

decide::Kind stored_kind(const char* s) {
  const std::string_view k(s);
  return k == "avslag" ? decide::Kind::avslag : k == "delbifall" ? decide::Kind::delbifall : decide::Kind::bifall;
}

struct Plan {
  bool by_range = false;
  std::string month;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
};

struct ReportSql {
  std::string span = "SELECT count(*), min(id), max(id) FROM application WHERE month = ?1";
  std::string applications =
      "SELECT a.id, a.arende_id, a.kind, a.housing, a.received_on, a.complete_on FROM application a "
      "WHERE a.month = ?1 ORDER BY a.id";
  std::string members_by_range =
      "SELECT m.application_id, m.person_id, m.role, m.hinder, p.sex, p.birth_date FROM member m "
      "CROSS JOIN person p ON p.id = m.person_id WHERE m.application_id BETWEEN ?1 AND ?2 "
      "ORDER BY m.application_id, m.seq";
  std::string members_by_month =
      "SELECT a.id, m.person_id, m.role, m.hinder, p.sex, p.birth_date FROM application a "
      "CROSS JOIN member m ON m.application_id = a.id CROSS JOIN person p ON p.id = m.person_id "
      "WHERE a.month = ?1 ORDER BY a.id, m.seq";
  // The net paid: sent (exported or confirmed), not cancelled, not returned by the bank.
  std::string payments_by_range =
      "SELECT p.application_id, p.amount_ore FROM payment p CROSS JOIN batch b ON b.id = p.batch_id "
      "WHERE p.application_id BETWEEN ?1 AND ?2 AND p.cancelled = 0 AND b.status IN ('exported', 'confirmed') "
      "AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id) ORDER BY p.application_id";
  std::string payments_by_month =
      "SELECT a.id, p.amount_ore FROM application a CROSS JOIN payment p ON p.application_id = a.id "
      "CROSS JOIN batch b ON b.id = p.batch_id WHERE a.month = ?1 AND p.cancelled = 0 "
      "AND b.status IN ('exported', 'confirmed') "
      "AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id) ORDER BY a.id";
  std::string decisions_by_range =
      "SELECT d.application_id, d.kind, d.decided_on, d.replaces IS NULL, d.child_impact IS NOT NULL "
      "FROM decision d WHERE d.application_id BETWEEN ?1 AND ?2 ORDER BY d.application_id, d.id";
  std::string decisions_by_month =
      "SELECT a.id, d.kind, d.decided_on, d.replaces IS NULL, d.child_impact IS NOT NULL FROM application a "
      "CROSS JOIN decision d ON d.application_id = a.id WHERE a.month = ?1 ORDER BY a.id, d.id";
  // First decisions dated in the period (?1..?2), from the covering partial index alone.
  std::string first_decisions =
      "SELECT application_id FROM decision INDEXED BY decision_first_decided "
      "WHERE replaces IS NULL AND decided_on BETWEEN ?1 AND ?2";
  std::string one_application =
      "SELECT a.arende_id, a.month, a.received_on, a.complete_on, "
      "EXISTS (SELECT 1 FROM member m WHERE m.application_id = a.id AND m.role = 'child') "
      "FROM application a WHERE a.id = ?1";
  std::string one_application_decisions =
      "SELECT d.application_id, d.kind, d.decided_on, d.replaces IS NULL, d.child_impact IS NOT NULL "
      "FROM decision d WHERE d.application_id = ?1 ORDER BY d.id";
  // Closures up to the period's end (?2) that matter from its start (?1) on, each with the
  // arrival of the first later application of its case (application_case_received).
  std::string closures =
      "SELECT arende_id, closed_on, reason, reopened FROM (SELECT c.arende_id, c.closed_on, c.reason, "
      "(SELECT min(a.received_on) FROM application a WHERE a.arende_id = c.arende_id AND a.received_on > c.closed_on) "
      "AS reopened FROM closure c WHERE c.closed_on <= ?2) "
      "WHERE closed_on >= ?1 OR reopened IS NULL OR reopened >= ?1";
  std::string plans = "SELECT arende_id, made_on FROM arbetsplan WHERE made_on BETWEEN ?1 AND ?2";
};

const ReportSql& sql() {
  static const ReportSql s;
  return s;
}

SQLite::Statement prepare(const SQLite::Database& db, const std::string& text, const Plan& plan, bool by_range) {
  SQLite::Statement q(db, text);
  if (by_range) {
    q.bind(1, plan.first_id);
    q.bind(2, plan.last_id);
  } else {
    q.bind(1, plan.month);
  }
  return q;
}

// A child query read in step with the applications: column 0 is the application id.
class Cursor {
 public:
  Cursor(const SQLite::Database& db, const std::string& by_range, const std::string& by_month, const Plan& plan)
      : m_q(prepare(db, plan.by_range ? by_range : by_month, plan, plan.by_range)) {
    m_has_row = m_q.executeStep();
  }

  template <typename Fn>
  void rows_of(std::int64_t id, Fn&& fn) {
    while (m_has_row && m_q.getColumn(0).getInt64() < id) m_has_row = m_q.executeStep();  // another month's
    while (m_has_row && m_q.getColumn(0).getInt64() == id) {
      fn(m_q);
      m_has_row = m_q.executeStep();
    }
  }

 private:
  SQLite::Statement m_q;
  bool m_has_row = false;
};

// The first and the current decision of one application, from its decisions in id order: the
// first has no `replaces`; the decisions form one chain (schema v3) with rising ids, so the
// current one is the last.
struct Decisions {
  bool any = false;
  std::optional<Date> first;
  decide::Kind current = decide::Kind::bifall;
  bool child_impact = false;

  void add(SQLite::Statement& q) {
    any = true;
    if (q.getColumn(3).getInt() != 0) first = stored_date(q.getColumn(2).getText());
    current = stored_kind(q.getColumn(1).getText());
    child_impact = q.getColumn(4).getInt() != 0;
  }
};

// Application ids already read, as bits.
class IdSet {
 public:
  void add(std::int64_t id) {
    const auto i = static_cast<std::size_t>(id);
    if (m_bits.size() <= i / 64) m_bits.resize(i / 64 + 1, 0);
    m_bits[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  bool has(std::int64_t id) const {
    const auto i = static_cast<std::size_t>(id);
    return i / 64 < m_bits.size() && (m_bits[i / 64] >> (i % 64) & 1U) != 0;
  }

 private:
  std::vector<std::uint64_t> m_bits;
};

struct MonthEntry {
  std::int64_t case_id = 0;
  bool supplement = false;
  HouseholdMonthRow row;
};

void read_month(const SQLite::Database& db, Month month, const ReportRowSink& sink, IdSet& seen,
                std::vector<MonthEntry>& entries) {
  const ReportSql& s = sql();
  Plan plan;
  plan.month = month.to_string();
  {
    SQLite::Statement span = prepare(db, s.span, plan, false);
    span.executeStep();
    const std::int64_t count = span.getColumn(0).getInt64();
    if (count == 0) return;
    plan.first_id = span.getColumn(1).getInt64();
    plan.last_id = span.getColumn(2).getInt64();
    plan.by_range = plan.last_id - plan.first_id + 1 <= 2 * count;  // at most half the ids of other months
  }
  SQLite::Statement apps = prepare(db, s.applications, plan, false);
  Cursor members(db, s.members_by_range, s.members_by_month, plan);
  Cursor payments(db, s.payments_by_range, s.payments_by_month, plan);
  Cursor decisions(db, s.decisions_by_range, s.decisions_by_month, plan);

  entries.clear();
  while (apps.executeStep()) {
    const std::int64_t id = apps.getColumn(0).getInt64();
    seen.add(id);
    MonthEntry e;
    e.case_id = apps.getColumn(1).getInt64();
    e.supplement = std::string_view(apps.getColumn(2).getText()) == "supplement";
    HouseholdMonthRow& row = e.row;
    row.case_id = e.case_id;
    row.month = month;
    if (!apps.getColumn(3).isNull()) row.housing = assess::housing_from(apps.getColumn(3).getText());
    bool children = false;
    members.rows_of(id, [&](SQLite::Statement& q) {
      MemberRow m;
      m.person_id = q.getColumn(1).getInt64();
      const std::string_view role(q.getColumn(2).getText());
      m.adult = role != "child";
      children = children || !m.adult;
      m.hinder = q.getColumn(3).getString();
      m.sex = std::string_view(q.getColumn(4).getText()) == "K" ? person::Sex::woman : person::Sex::man;
      m.birth_date = stored_date(q.getColumn(5).getText());
      row.members.push_back(std::move(m));
    });
    std::int64_t paid = 0;
    payments.rows_of(id, [&](SQLite::Statement& q) { paid += q.getColumn(1).getInt64(); });
    row.paid = Money::from_ore(paid);
    Decisions d;
    decisions.rows_of(id, [&](SQLite::Statement& q) { d.add(q); });
    if (d.first && sink.decided) {
      DecidedApplicationRow r;
      r.application_id = id;
      r.case_id = e.case_id;
      r.month = month;
      r.arrived = stored_date(apps.getColumn(4).getText());
      r.complete = stored_optional_date(apps.getColumn(5));
      r.first_decided = *d.first;
      r.kind = d.current;
      r.children = children;
      r.child_impact = d.child_impact;
      sink.decided(r);
    }
    entries.push_back(std::move(e));
  }
  if (!sink.household_month) return;
  // One row per case: the new or renewal application's members and housing, with what the
  // month's supplements paid added.
  std::stable_sort(entries.begin(), entries.end(), [](const MonthEntry& a, const MonthEntry& b) {
    return a.case_id != b.case_id ? a.case_id < b.case_id : !a.supplement && b.supplement;
  });
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    Money paid = entries[i].row.paid;
    for (; j < entries.size() && entries[j].case_id == entries[i].case_id; ++j) paid += entries[j].row.paid;
    entries[i].row.paid = paid;
    sink.household_month(entries[i].row);
    i = j;
  }
}

// First decisions dated in `months` of applications of other months.
void read_other_decisions(const SQLite::Database& db, const period::MonthRange& months, const ReportRowSink& sink,
                          const IdSet& seen) {
  const ReportSql& s = sql();
  std::vector<std::int64_t> others;
  {
    SQLite::Statement q(db, s.first_decisions);
    q.bind(1, months.first.first_day().to_string());
    q.bind(2, months.last.last_day().to_string());
    while (q.executeStep()) {
      const std::int64_t id = q.getColumn(0).getInt64();
      if (!seen.has(id)) others.push_back(id);
    }
  }
  if (others.empty()) return;
  std::sort(others.begin(), others.end());
  SQLite::Statement app(db, s.one_application);
  SQLite::Statement dec(db, s.one_application_decisions);
  for (const std::int64_t id : others) {
    app.reset();
    app.bind(1, id);
    if (!app.executeStep()) continue;
    dec.reset();
    dec.bind(1, id);
    Decisions d;
    while (dec.executeStep()) d.add(dec);
    if (!d.first) continue;
    DecidedApplicationRow r;
    r.application_id = id;
    r.case_id = app.getColumn(0).getInt64();
    r.month = period::parse_month(app.getColumn(1).getString(), "application.month");
    r.arrived = stored_date(app.getColumn(2).getText());
    r.complete = stored_optional_date(app.getColumn(3));
    r.first_decided = *d.first;
    r.kind = d.current;
    r.children = app.getColumn(4).getInt() != 0;
    r.child_impact = d.child_impact;
    sink.decided(r);
  }
}

void read_case_facts(const SQLite::Database& db, const period::MonthRange& months, const ReportRowSink& sink) {
  const ReportSql& s = sql();
  std::map<std::int64_t, CaseRow> cases;
  {
    SQLite::Statement q(db, s.closures);
    q.bind(1, months.first.first_day().to_string());
    q.bind(2, months.last.last_day().to_string());
    while (q.executeStep()) {
      CaseRow& c = cases[q.getColumn(0).getInt64()];
      report::Closure cl;
      cl.closed_on = stored_date(q.getColumn(1).getText());
      cl.reason = report::closure_reason_from(q.getColumn(2).getText()).value_or(report::ClosureReason::other);
      cl.reopened_on = stored_optional_date(q.getColumn(3));
      c.closures.push_back(cl);
    }
  }
  {
    SQLite::Statement q(db, s.plans);
    q.bind(1, months.first.plus(-60).first_day().to_string());  // [arbetsplan] current_months is at most 60
    q.bind(2, months.last.last_day().to_string());
    while (q.executeStep())
      cases[q.getColumn(0).getInt64()].arbetsplan.push_back(stored_date(q.getColumn(1).getText()));
  }
  for (auto& [id, c] : cases) {
    c.case_id = id;
    sink.case_facts(c);
  }
}

}  // namespace

std::optional<period::Month> first_application_month(const Database& store) {
  const Database::Impl& s = store.impl();
  try {
    SQLite::Statement q(s.db, "SELECT min(month) FROM application");  // the application_month index
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return period::parse_month(q.getColumn(0).getString(), "application.month");
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

void read_report_rows(const Database& store, const period::MonthRange& months, const ReportRowSink& sink) {
  const Database::Impl& s = store.impl();
  try {
    IdSet seen;
    std::vector<MonthEntry> entries;
    for (Month m = months.first; m <= months.last; m = m.plus(1)) read_month(s.db, m, sink, seen, entries);
    if (sink.decided) read_other_decisions(s.db, months, sink, seen);
    if (sink.case_facts) read_case_facts(s.db, months, sink);
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

}  // namespace eb::store
