// SPDX-License-Identifier: MIT
// Helpers for the flow tests: a fresh in-memory case store, a Context with the bundled norms and
// the shipped example delegation order and payer, synthetic households and personnummer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/file.hpp"
#include "decide/decide_support.hpp"
#include "flow/context.hpp"
#include "flow/intake.hpp"
#include "pay/payer.hpp"
#include "person/personnummer.hpp"
#include "store/database.hpp"
#include "store/database_impl.hpp"
#include "support.hpp"

namespace eb::test {

inline store::Database memory_store() {
  return store::Database::open(":memory:", store::OpenMode::create);
}

inline const pay::Payer& example_payer() {
  static const pay::Payer p =
      pay::parse_payer(read_file(EB_SOURCE_DIR "/norms/local/payer.example.toml"), "payer.example.toml");
  return p;
}

// A context on `today` for user "tester", with the bundled norms and the shipped examples.
inline flow::Context context_on(period::Date today) {
  flow::Context c;
  c.today = today;
  c.at = today.to_string() + "T10:00:00+0100";
  c.user = "tester";
  c.catalog = []() -> const norms::NormCatalog& { return bundled_catalog(); };
  c.delegation = []() -> const decide::Delegation& { return example_delegation(); };
  c.payer = []() -> const pay::Payer& { return example_payer(); };
  return c;
}

// A valid synthetic personnummer: born 1970-01-01 plus `n` days' worth of dates in 1970–1999,
// serial from `n`, with its Luhn check digit.
inline std::string synthetic_pnr(int n) {
  const int year = 1970 + (n / 336) % 30;
  const int month = 1 + (n / 28) % 12;
  const int day = 1 + n % 28;
  const int serial = 100 + (n / 10080) % 900;
  const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  const std::string date = two(month) + two(day);
  const std::string nine = two(year % 100) + date + std::to_string(serial);
  return std::to_string(year) + date + "-" + std::to_string(serial) + std::to_string(person::luhn_check_digit(nine));
}

// One adult's application for `month` as TOML: rent and a salary that vary with `n`.
inline std::string household_toml(int n, const std::string& month) {
  const std::string pnr = synthetic_pnr(n);
  return "month = \"" + month + "\"\nreceived = \"" + month + "-01\"\naddress = \"Provgatan " + std::to_string(n) +
         ", 123 45 Exempelstad\"\n\n[[member]]\npnr = \"" + pnr + "\"\nname = \"Prov Person " + std::to_string(n) +
         "\"\nrole = \"applicant\"\n\n[[cost]]\nkind = \"rent\"\napplied = " + std::to_string(4000 + (n * 37) % 5000) +
         "\n\n[[income]]\nmember = \"" + pnr + "\"\nkind = \"salary\"\namount = " + std::to_string((n * 53) % 9000) +
         "\n";
}

// Takes in `toml` texts through the intake flow in one transaction; returns the outcome.
inline flow::IntakeOutcome take_in(store::Database& db, const flow::Context& ctx, const std::vector<std::string>& tomls) {
  std::vector<flow::IntakeSource> sources;
  for (std::size_t i = 0; i < tomls.size(); ++i) {
    sources.push_back({"test-" + std::to_string(i + 1) + ".toml", tomls[i], assess::SourceFormat::toml});
  }
  store::Transaction tx(db);
  auto out = flow::intake(db, ctx, sources);
  tx.commit();
  return out;
}

// Every row of every table, for "nothing was written".
inline std::string dump_all(store::Database& db) {
  std::string out;
  SQLite::Statement tables(db.impl().db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
  for (const auto& t : names) {
    SQLite::Statement q(db.impl().db, "SELECT * FROM \"" + t + "\"");
    while (q.executeStep()) {
      out += t;
      for (int i = 0; i < q.getColumnCount(); ++i) out += "|" + q.getColumn(i).getString();
      out += "\n";
    }
  }
  return out;
}

}  // namespace eb::test
