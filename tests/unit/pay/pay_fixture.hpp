// SPDX-License-Identifier: MIT
// A case store in a temporary file for the payment tests, with the cases, applications and
// decisions written straight into the tables (a test-only path: payments need decisions, not
// the way they are made), and the steps of `eb pay` each in its own transaction.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>

#include "common/sha256.hpp"
#include "pay/payment_plan.hpp"
#include "store/payments.hpp"
#include "store/database_impl.hpp"
#include "store/store_support.hpp"

namespace eb::test {

using money::Money;

class PayFixture {
 public:
  PayFixture() {
    exec("INSERT INTO user (name, full_name, role, created_at) VALUES ('anna', 'Anna', 'enhetschef', '2026-01-01')");
    exec("INSERT INTO norm_file (sha256, id, path, content) VALUES ('" + norm_sha() + "', 'riksnorm-2026', 'x', 'x')");
  }
  PayFixture(const PayFixture&) = delete;
  PayFixture& operator=(const PayFixture&) = delete;
  ~PayFixture() = default;

  store::Database& store() { return m_store.db(); }
  SQLite::Database& db() { return m_store.db().impl().db; }
  // The fixture's own rows go in a transaction of their own (unless one is open), so the store
  // seals them and records an audit entry at commit, as it does for eb's writes.
  template <class Fn>
  auto written(Fn&& fn) {
    if (store().in_transaction()) return fn();
    store::Transaction tx(store());
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      tx.commit();
    } else {
      auto out = fn();
      tx.commit();
      return out;
    }
  }
  void exec(const std::string& sql) {
    written([&] { db().exec(sql); });
  }
  std::int64_t scalar(const std::string& sql) { return db().execAndGet(sql).getInt64(); }

  store::WriteContext ctx(period::Date today = period::Date(2026, 3, 20)) {
    return {today.to_string() + "T12:00:00+0100", "tester", "test", today};
  }

  // A new case whose applicant is person `n` (a synthetic personnummer); returns the case id.
  std::int64_t add_case(const std::string& name = "Anna Exempel") {
    return written([&] { return add_case_rows(name); });
  }
  std::int64_t add_case_rows(const std::string& name) {
    const std::int64_t n = ++m_persons;
    SQLite::Statement p(db(), "INSERT INTO person (pnr, birth_date, sex, name) VALUES (?, '1980-01-01', 'K', ?)");
    p.bind(1, "19800101" + std::to_string(1000 + n));
    p.bind(2, name);
    p.exec();
    const std::int64_t person = db().getLastInsertRowid();
    SQLite::Statement c(db(), "INSERT INTO arende (applicant_id, opened_on) VALUES (?, '2026-01-01')");
    c.bind(1, person);
    c.exec();
    return db().getLastInsertRowid();
  }

  // An application of case `case_id` for `month` (a supplement if the month has one already),
  // with an assessment; returns the application id.
  std::int64_t add_application(std::int64_t case_id, period::Month month, const std::string& account = "",
                               const std::string& address = "Storgatan 1, 123 45 Exempelstad") {
    return written([&] { return add_application_rows(case_id, month, account, address); });
  }
  std::int64_t add_application_rows(std::int64_t case_id, period::Month month, const std::string& account,
                                    const std::string& address) {
    const bool first = scalar("SELECT count(*) FROM application WHERE arende_id = " + std::to_string(case_id) +
                              " AND month = '" + month.to_string() + "'") == 0;
    SQLite::Statement a(db(),
                        "INSERT INTO application (arende_id, month, kind, received_on, address, account, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00')");
    a.bind(1, case_id);
    a.bind(2, month.to_string());
    a.bind(3, first ? "new" : "supplement");
    a.bind(4, month.first_day().to_string());
    a.bind(5, address);
    a.bind(6, account);
    a.exec();
    const std::int64_t app = db().getLastInsertRowid();
    exec("INSERT INTO member (application_id, seq, person_id, role) SELECT " + std::to_string(app) +
         ", 1, applicant_id, 'applicant' FROM arende WHERE id = " + std::to_string(case_id));
    exec(
        "INSERT INTO assessment (application_id, assessed_on, assessed_by, norm_sha256, norm_ore, costs_ore, "
        "other_ore, need_ore, income_ore, exempt_ore, amount_ore, has_warnings, result_json) VALUES (" +
        std::to_string(app) + ", '2026-01-01', 'tester', '" + norm_sha() + "', 0, 0, 0, 0, 0, 0, " +
        std::to_string(k_assessed) +
        ", 0, '{}')");
    return app;
  }

  // A decision granting `granted` for application `app`, replacing its current decision if it
  // has one; decided on `on`. Returns the decision id.
  std::int64_t decide(std::int64_t app, Money granted, period::Date on = period::Date(2026, 3, 10)) {
    return written([&] { return decide_rows(app, granted, on); });
  }
  std::int64_t decide_rows(std::int64_t app, Money granted, period::Date on) {
    const std::string a = std::to_string(app);
    const std::int64_t current = scalar("SELECT coalesce((SELECT id FROM decision d WHERE application_id = " + a +
                                        " AND NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id)), 0)");
    const char* kind = granted.ore() == k_assessed ? "bifall" : granted.is_zero() ? "avslag" : "delbifall";
    SQLite::Statement q(
        db(),
        "INSERT INTO decision (application_id, assessment_id, kind, decided_on, decided_by, delegation, "
        "assessed_ore, granted_ore, handling_days, replaces, created_at) VALUES (?, (SELECT max(id) "
        "FROM assessment WHERE application_id = ?), ?, ?, 1, 'test', ?, ?, 1, ?, '2026-01-01')");
    q.bind(1, app);
    q.bind(2, app);
    q.bind(3, kind);
    q.bind(4, on.to_string());
    q.bind(5, k_assessed);
    q.bind(6, granted.ore());
    if (current != 0) {
      q.bind(7, current);
    } else {
      q.bind(7);
    }
    q.exec();
    return db().getLastInsertRowid();
  }

  // `eb pay batch`: plan and store in one transaction.
  store::BatchOutcome run_batch(std::optional<period::Month> month = std::nullopt, pay::PlanOptions options = {},
                                period::Date pay_date = period::Date(2026, 3, 25)) {
    store::Transaction tx(store());
    const pay::Plan plan = pay::plan_batch(store::payment_states(store(), month), options);
    if (!plan.problems.empty()) throw InputError(plan.problems);
    auto out = store::store_batch(store(), plan, pay_date, month, ctx());
    tx.commit();
    return out;
  }

  // `eb pay export` of batch `id` as pain.001 (the file is made but not written anywhere).
  std::string export_batch(std::int64_t id) {
    store::Transaction tx(store());
    const pay::Batch b = store::load_batch(store(), id);
    const auto payments = store::batch_payments(store(), id);
    if (b.status == pay::BatchStatus::cancelled) {
      // As `eb pay export` does: refused before any file is made.
      store::record_export(store(), id, {}, {}, ctx());
    }
    const pay::Debtor debtor =
        b.debtor.value_or(pay::Debtor{"Exempelby kommun", "SE45 5000 0000 0583 9825 7466", "ESSESESS", "212000-1231"});
    pay::BatchExport file;
    file.format = pay::FileFormat::pain001;
    file.exported_at = b.export_of(file.format) ? b.export_of(file.format)->exported_at : "2026-03-20T12:00:00+01:00";
    const std::string xml = pay::write_pain001(pay::payment_file(b, payments, debtor, file.exported_at));
    file.sha256 = sha256_hex(xml);
    file.bytes = static_cast<std::int64_t>(xml.size());
    store::record_export(store(), id, file, debtor, ctx());
    tx.commit();
    return xml;
  }

  template <class Fn>
  void in_transaction(Fn&& fn) {
    store::Transaction tx(store());
    fn();
    tx.commit();
  }

  // Every row of the payment tables and the audit log, for "the database is unchanged".
  std::string dump() {
    std::string out;
    for (const char* table : {"batch", "payment", "batch_export", "payment_return", "claim", "repayment", "audit"}) {
      SQLite::Statement q(db(), std::string("SELECT * FROM ") + table + " ORDER BY 1");
      while (q.executeStep()) {
        out += table;
        for (int i = 0; i < q.getColumnCount(); ++i) out += "|" + q.getColumn(i).getString();
        out += "\n";
      }
    }
    return out;
  }

  // The id of the fixture's one norm file ("x"): its SHA-256, as eb archives norm files.
  static std::string norm_sha() { return sha256_hex("x"); }

  // The assessed amount of every application (10 000 000 kr): a decision grants at most this,
  // and all of it is a bifall.
  static constexpr std::int64_t k_assessed = 1'000'000'000;

 private:
  TempStore m_store{"pay"};
  std::int64_t m_persons = 0;
};

}  // namespace eb::test
