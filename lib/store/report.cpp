// SPDX-License-Identifier: MIT
// The report's reads. Month by month, the applications of the month come in id order through
// the application_month index, and the rows of their members (with the person), payments and
// decisions come ordered by application id, merged in step (as scan.cpp reads applications):
//  - by range: when the month's ids are dense, each child table's key or index from the
//    month's first to its last id, read in order; rows of other months in between are skipped;
//  - by month: otherwise, joined from the month's applications.
// CROSS JOIN fixes the join order, so SQLite walks the child table in key order and sorts
// nothing. Each household-month is handed on as soon as it is read, from one reused row;
// only the few cases with a supplement that month (the partial index application_supplement)
// are held until the month is read, to be joined into one row. First decisions dated in the
// period for applications of other months (a retroactive application, a month decided in
// advance) are found through the covering index decision_first_decided and read one by one;
// there are few.
#include "store/report.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "store/database_impl.hpp"
#include "store/raw_query.hpp"

namespace eb::store {

namespace {

using money::Money;
using period::Date;
using period::Month;
using report::CaseRow;
using report::DecidedApplicationRow;
using report::HouseholdMonthRow;
using report::MemberRow;

// "YYYY-MM-DD" as the store writes it (checked by the schema), without the general parser; a
// value of another shape (a store edited behind eb's back) is a StoreError.
Date stored_date(std::string_view s) {
  const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (std::size_t i = 0; ok && i < s.size(); ++i) ok = i == 4 || i == 7 || digit(i);
  if (!ok) throw StoreError("not a stored date: " + text::quoted(s));
  const auto n = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  try {
    return Date(n(0, 4), n(5, 2), n(8, 2));
  } catch (const std::out_of_range&) {
    throw StoreError("not a stored date: " + text::quoted(s));
  }
}

decide::Kind stored_kind(std::string_view k) {
  return k == "avslag" ? decide::Kind::avslag : k == "delbifall" ? decide::Kind::delbifall : decide::Kind::bifall;
}

std::optional<Date> optional_date(const RawQuery& q, int i) {
  if (q.is_null(i)) return std::nullopt;
  return stored_date(q.text(i));
}

struct Plan {
  bool by_range = false;
  std::string month;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
};

struct ReportSql {
  std::string span = "SELECT count(*), min(id), max(id) FROM application WHERE month = ?1";
  // The cases of the month with a supplement (tilläggsansökan), from the partial index
  // application_supplement: their rows are joined before they are delivered.
  std::string supplements =
      "SELECT DISTINCT arende_id FROM application INDEXED BY application_supplement "
      "WHERE month = ?1 AND kind = 'supplement'";
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

// `text` with ?1 = the month, or ?1..?2 = the id range when `by_range`.
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

// A child query read in step with the applications: column 0 is the application id.
class Cursor {
 public:
  Cursor(const SQLite::Database& db, const std::string& by_range, const std::string& by_month, const Plan& plan)
      : m_q(prepare(db, plan.by_range ? by_range : by_month, plan, plan.by_range)) {
    m_has_row = m_q->step();
  }

  template <typename Fn>
  void rows_of(std::int64_t id, Fn&& fn) {
    while (m_has_row && m_q->integer(0) < id) m_has_row = m_q->step();  // another month's
    while (m_has_row && m_q->integer(0) == id) {
      fn(*m_q);
      m_has_row = m_q->step();
    }
  }

 private:
  std::unique_ptr<RawQuery> m_q;
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

  void add(const RawQuery& q) {
    any = true;
    if (q.i64(3) != 0) first = stored_date(q.text(2));
    current = stored_kind(q.text(1));
    child_impact = q.i64(4) != 0;
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

// A case's row of a month with a supplement, kept until the month's applications are read.
struct HeldRow {
  bool main = false;  // the members are the new or renewal application's
  HouseholdMonthRow row;
};

void read_month(const SQLite::Database& db, Month month, const ReportRowSink& sink, IdSet& seen) {
  const ReportSql& s = sql();
  Plan plan;
  plan.month = month.to_string();
  {
    const auto span = prepare(db, s.span, plan, false);
    span->step();
    const std::int64_t count = span->integer(0);
    if (count == 0) return;
    plan.first_id = span->integer(1);
    plan.last_id = span->integer(2);
    plan.by_range = plan.last_id - plan.first_id + 1 <= 2 * count;  // at most half the ids of other months
  }
  std::map<std::int64_t, HeldRow> held;  // the cases with a supplement (few)
  {
    const auto q = prepare(db, s.supplements, plan, false);
    while (q->step()) held[q->integer(0)];
  }
  const auto apps_query = prepare(db, s.applications, plan, false);
  RawQuery& apps = *apps_query;
  Cursor members(db, s.members_by_range, s.members_by_month, plan);
  Cursor payments(db, s.payments_by_range, s.payments_by_month, plan);
  Cursor decisions(db, s.decisions_by_range, s.decisions_by_month, plan);

  HouseholdMonthRow row;  // reused: its members keep their strings' storage from row to row
  row.month = month;
  while (apps.step()) {
    const std::int64_t id = apps.i64(0);
    seen.add(id);
    row.case_id = apps.i64(1);
    const bool supplement = std::string_view(apps.text(2)) == "supplement";
    row.housing = apps.is_null(3) ? std::nullopt : assess::housing_from(apps.text(3));
    std::size_t n = 0;
    bool children = false;
    members.rows_of(id, [&](const RawQuery& q) {
      if (row.members.size() <= n) row.members.emplace_back();
      MemberRow& m = row.members[n++];
      m.person_id = q.i64(1);
      m.adult = std::string_view(q.text(2)) != "child";
      children = children || !m.adult;
      m.hinder.assign(q.text(3));
      m.sex = q.text(4).substr(0, 1) == "K" ? person::Sex::woman : person::Sex::man;
      m.birth_date = stored_date(q.text(5));
    });
    row.members.resize(n);
    std::int64_t paid = 0;
    payments.rows_of(id, [&](const RawQuery& q) { paid += q.i64(1); });
    row.paid = Money::from_ore(paid);
    Decisions d;
    decisions.rows_of(id, [&](const RawQuery& q) { d.add(q); });
    if (d.first && sink.decided) {
      DecidedApplicationRow r;
      r.application_id = id;
      r.case_id = row.case_id;
      r.month = month;
      r.arrived = stored_date(apps.text(4));
      r.complete = optional_date(apps, 5);
      r.first_decided = *d.first;
      r.kind = d.current;
      r.children = children;
      r.child_impact = d.child_impact;
      sink.decided(r);
    }
    if (!sink.household_month) continue;
    const auto h = held.find(row.case_id);
    if (h == held.end()) {
      sink.household_month(row);
      continue;
    }
    // A case with a supplement: one row, with the new or renewal application's members and
    // housing (a supplement's when there is none) and what all of them paid.
    HeldRow& k = h->second;
    const Money before = k.row.paid;
    if (!k.main && (!supplement || k.row.members.empty())) {
      k.row = row;
      k.main = !supplement;
    }
    k.row.paid = before + row.paid;
  }
  for (const auto& [case_id, k] : held) {
    if (sink.household_month && !k.row.members.empty()) sink.household_month(k.row);
  }
}

// First decisions dated in `months` of applications of other months.
void read_other_decisions(const SQLite::Database& db, const period::MonthRange& months, const ReportRowSink& sink,
                          const IdSet& seen) {
  const ReportSql& s = sql();
  std::vector<std::int64_t> others;
  {
    RawQuery q(db, s.first_decisions);
    q.bind(1, months.first.first_day().to_string());
    q.bind(2, months.last.last_day().to_string());
    while (q.step()) {
      const std::int64_t id = q.i64(0);
      if (!seen.has(id)) others.push_back(id);
    }
  }
  if (others.empty()) return;
  std::sort(others.begin(), others.end());
  RawQuery app(db, s.one_application);
  RawQuery dec(db, s.one_application_decisions);
  for (const std::int64_t id : others) {
    app.reset();
    app.bind(1, id);
    if (!app.step()) continue;
    dec.reset();
    dec.bind(1, id);
    Decisions d;
    while (dec.step()) d.add(dec);
    if (!d.first) continue;
    DecidedApplicationRow r;
    r.application_id = id;
    r.case_id = app.i64(0);
    r.month = period::parse_month(app.text(1), "application.month");
    r.arrived = stored_date(app.text(2));
    r.complete = optional_date(app, 3);
    r.first_decided = *d.first;
    r.kind = d.current;
    r.children = app.i64(4) != 0;
    r.child_impact = d.child_impact;
    sink.decided(r);
  }
}

void read_case_facts(const SQLite::Database& db, const period::MonthRange& months, const ReportRowSink& sink) {
  const ReportSql& s = sql();
  std::map<std::int64_t, CaseRow> cases;
  {
    RawQuery q(db, s.closures);
    q.bind(1, months.first.first_day().to_string());
    q.bind(2, months.last.last_day().to_string());
    while (q.step()) {
      CaseRow& c = cases[q.i64(0)];
      report::Closure cl;
      cl.closed_on = stored_date(q.text(1));
      cl.reason = report::closure_reason_from(q.text(2)).value_or(report::ClosureReason::other);
      cl.reopened_on = optional_date(q, 3);
      c.closures.push_back(cl);
    }
  }
  {
    RawQuery q(db, s.plans);
    q.bind(1, months.first.plus(-60).first_day().to_string());  // [arbetsplan] current_months is at most 60
    q.bind(2, months.last.last_day().to_string());
    while (q.step()) cases[q.i64(0)].arbetsplan.push_back(stored_date(q.text(1)));
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
    // Not memory-mapped: over a national store the mapped pages took 880 MB of resident memory
    // and saved no time against the page cache (2.2 s either way, bench/results/2026-12-01.txt).
    IdSet seen;
    for (Month m = months.first; m <= months.last; m = m.plus(1)) read_month(s.db, m, sink, seen);
    if (sink.decided) read_other_decisions(s.db, months, sink, seen);
    if (sink.case_facts) read_case_facts(s.db, months, sink);
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

}  // namespace eb::store
