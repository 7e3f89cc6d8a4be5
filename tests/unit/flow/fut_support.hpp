// SPDX-License-Identifier: MIT
// A store with paid months for the FUT tests: two households of March 2026 (Maja Prov, who
// declares a salary of 2 000 kr and is paid 9 970 kr, C-1; a parent and child paid 16 170 kr,
// C-2) taken in, assessed, decided, paid in batch B-1 on 2026-03-25, exported and confirmed,
// all through the flows (Maja's application decided as the test asks: a bifall, or an advance);
// and register files about them.
#pragma once

#include <string>

#include "flow/assess.hpp"
#include "flow/decide.hpp"
#include "flow/fut_check.hpp"
#include "flow/pay.hpp"
#include "flow/users.hpp"
#include "flow_support.hpp"

namespace eb::test {

inline constexpr const char* k_maja = "19850312-2387";
inline constexpr const char* k_lisa = "19900101-2385";

// An income register file: its header and `rows` (one a line).
inline std::string income_register(const std::string& rows) {
  return "pnr,month,source,kind,amount,paid_on\n" + rows;
}

// Maja's sick pay of 4 200 kr for March 2026, which her application does not declare.
inline std::string undeclared_sick_pay() {
  return income_register(std::string(k_maja) + ",2026-03,FK,sjukpenning,4200,2026-03-25\n");
}

struct PaidMarch {
  store::Database db = memory_store();
  flow::Context ctx = context_on(period::Date(2026, 3, 5));

  // `first`: how Maja's application is decided, e.g. as an advance on sjukpenning.
  explicit PaidMarch(const decide::Request& first = {}) {
    {
      store::Transaction tx(db);
      (void)flow::intake(db, ctx,
                         {{"a.toml", k_single_adult, assess::SourceFormat::toml},
                          {"b.toml", k_parent_and_child, assess::SourceFormat::toml}});
      (void)flow::add_user(db, ctx, "gunnar", "Gunnar Gruppledare", decide::Role::gruppledare);
      (void)flow::add_user(db, ctx, "eva", "Eva Utredare", decide::Role::fut);
      (void)flow::assess_month(db, ctx, period::Month(2026, 3), flow::default_bulk_statuses());
      (void)flow::decide(db, ctx, 1, first, "gunnar");
      (void)flow::decide(db, ctx, 2, {}, "gunnar");
      (void)flow::pay_batch(db, ctx, period::Date(2026, 3, 25), std::nullopt, false);
      (void)flow::pay_export(db, ctx, 1, pay::FileFormat::pain001);
      (void)flow::pay_confirm(db, ctx, 1);
      tx.commit();
    }
    ctx = context_on(period::Date(2026, 4, 2));
    ctx.user = "eva";
  }

  template <class Fn>
  auto in_tx(Fn&& fn) {
    store::Transaction tx(db);
    auto out = fn();
    tx.commit();
    return out;
  }

  flow::FutImportOutcome import_income(const std::string& text, const std::string& file = "income.csv") {
    return in_tx([&] { return flow::fut_import(db, ctx, flow::RegisterKind::income, file, text); });
  }
  flow::FutImportOutcome import_population(const std::string& text, const std::string& file = "population.csv") {
    return in_tx([&] { return flow::fut_import(db, ctx, flow::RegisterKind::population, file, text); });
  }
  flow::FutRunOutcome run(std::vector<std::string> rules = {}, fut::ScreeningParams params = {}) {
    flow::FutRunRequest r;
    r.period = period::parse_month_range("2026-03", "--period");
    r.rules = std::move(rules);
    r.params = params;
    return in_tx([&] { return flow::fut_run(db, ctx, r); });
  }
  std::int64_t count(const std::string& table) {
    return db.impl().db.execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
};

}  // namespace eb::test
