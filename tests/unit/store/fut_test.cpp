// SPDX-License-Identifier: MIT
// Tests of the FUT part of the case store: what screening reads for a period (paid net of
// returns, the current decision, members, declared incomes with their refs, accounts), register
// rows unique by content key, flags unique by evidence key, and the schema's refusals (a second
// outcome, a claim on an open flag, a waiver beyond what is outstanding), all sealed.
#include "store/fut.hpp"

#include <catch2/catch.hpp>

#include "decide/reasons.hpp"
#include "flow/fut_support.hpp"
#include "fut/rule_table.hpp"
#include "store/payments.hpp"

using eb::money::Money;
using eb::period::Date;
using eb::period::Month;
using eb::test::PaidMarch;

namespace {

const eb::fut::PaidCaseMonth* case_month(const eb::fut::ScreeningInput& in, std::int64_t case_id) {
  for (const auto& cm : in.case_months) {
    if (cm.case_id == case_id) return &cm;
  }
  return nullptr;
}

eb::fut::ScreeningInput march(const eb::store::Database& db) {
  return eb::store::screening_input(db, {Month(2026, 3), Month(2026, 3)});
}

// The message of the refusal of `sql`, run in a transaction that is rolled back.
std::string refusal_of(PaidMarch& p, const std::string& sql) {
  eb::store::Transaction tx(p.db);
  try {
    p.db.impl().db.exec(sql);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("store::screening_input", "[store][fut]") {
  PaidMarch p;

  SECTION("each paid case-month with what was sent, granted, its members, incomes and address") {
    const auto in = march(p.db);
    REQUIRE(in.case_months.size() == 2);
    const auto* maja = case_month(in, 1);
    REQUIRE(maja);
    CHECK(maja->month == Month(2026, 3));
    CHECK(maja->paid == Money::from_kr(9970));
    CHECK(maja->granted == Money::from_kr(9970));
    CHECK(maja->claimed == Money());
    CHECK(maja->application_ids == std::vector<std::int64_t>{1});
    REQUIRE(maja->members.size() == 1);
    CHECK(maja->members[0].pnr.digits() == "198503122387");
    REQUIRE(maja->incomes.size() == 1);
    CHECK(maja->incomes[0].kind == eb::assess::IncomeKind::salary);
    CHECK(maja->incomes[0].amount == Money::from_kr(2000));
    CHECK(maja->incomes[0].ref == "A-1 income[1]");
    CHECK(maja->address == "Provgatan 1, 123 45 Exempelstad");
    CHECK(maja->accounts.empty());  // paid by avi
    const auto* lisa = case_month(in, 2);
    REQUIRE(lisa);
    REQUIRE(lisa->members.size() == 2);
    CHECK(lisa->members[1].role == eb::assess::Role::child);
  }
  SECTION("a month outside the period, or one with nothing sent, is not read") {
    CHECK(eb::store::screening_input(p.db, {Month(2026, 4), Month(2026, 6)}).case_months.empty());
    (void)p.in_tx([&] { return eb::flow::pay_return(p.db, p.ctx, 1, Date(2026, 3, 27), "konto avslutat"); });
    const auto in = march(p.db);
    CHECK(in.case_months.size() == 1);
    CHECK_FALSE(case_month(in, 1));
  }
  SECTION("a decision lowered after payment: granted is the current decision's") {
    eb::decide::Request lower;
    lower.kind = eb::decide::Kind::delbifall;
    lower.rejections = {eb::decide::parse_rejection("rent:1000", "--reject")};
    lower.reasons = {eb::decide::parse_reason("Omprövning efter utbetalning", "--reason")};
    lower.replaces = 1;
    (void)p.in_tx([&] { return eb::flow::decide(p.db, p.ctx, 1, lower, "gunnar"); });
    const auto in = march(p.db);  // kept: case_month points into it
    const auto* maja = case_month(in, 1);
    REQUIRE(maja);
    CHECK(maja->paid == Money::from_kr(9970));
    CHECK(maja->granted == Money::from_kr(8970));
  }
  SECTION("register rows: only those of a member of a paid case-month in its month") {
    p.import_income(eb::test::income_register(std::string(eb::test::k_maja) +
                                              ",2026-03,FK,sjukpenning,4200,2026-03-25\n" + eb::test::k_maja +
                                              ",2026-04,FK,sjukpenning,4200,2026-04-25\n"
                                              "19900101-2385,2026-02,FK,barnbidrag,1250,2026-02-20\n"));
    const auto in = march(p.db);
    REQUIRE(in.income_rows.size() == 1);
    CHECK(in.income_rows[0].month == Month(2026, 3));
    CHECK(in.income_rows[0].line == 2);
    CHECK(in.income_rows[0].import_id == 1);
  }
  SECTION("population rows with a date of death") {
    p.import_population(std::string("pnr,address,deceased_on\n") + eb::test::k_maja + ",\"Provgatan 1\",2026-02-14\n" +
                        eb::test::k_lisa + ",\"Barnvägen 2\",\n");
    const auto in = march(p.db);
    REQUIRE(in.population_rows.size() == 1);
    CHECK(in.population_rows[0].deceased_on == Date(2026, 2, 14));
  }
}

TEST_CASE("store::import_income_rows", "[store][fut]") {
  PaidMarch p;
  auto rows = eb::fut::parse_income_register(eb::test::undeclared_sick_pay(), "a.csv");
  const eb::store::WriteContext ctx = p.ctx.write("test");
  const auto first =
      p.in_tx([&] { return eb::store::import_income_rows(p.db, "a.csv", std::string(64, 'a'), rows, ctx); });
  CHECK(first.added == std::vector<std::size_t>{0});
  CHECK(rows[0].import_id == first.import.id);
  auto again = eb::fut::parse_income_register(eb::test::undeclared_sick_pay(), "b.csv");
  const auto second =
      p.in_tx([&] { return eb::store::import_income_rows(p.db, "b.csv", std::string(64, 'b'), again, ctx); });
  CHECK(second.added.empty());
  CHECK(again[0].import_id == 0);
  const auto imports = eb::store::fut_imports(p.db);
  REQUIRE(imports.size() == 2);
  CHECK(imports[1].file == "b.csv");
  CHECK(imports[1].rows_read == 1);
  CHECK(imports[1].rows_added == 0);
  CHECK(p.db.check().problems.empty());
}

TEST_CASE("store::store_flags", "[store][fut]") {
  PaidMarch p;
  p.import_income(eb::test::undeclared_sick_pay());
  const auto findings = eb::fut::screen(march(p.db), eb::fut::select_rules({}));
  REQUIRE(findings.size() == 1);
  const eb::store::WriteContext ctx = p.ctx.write("test");
  const auto ids = p.in_tx([&] { return eb::store::store_flags(p.db, {&findings[0]}, 1, "2026-03", ctx); });
  REQUIRE(ids.at(0) == 1);

  SECTION("the same evidence twice is stored once") {
    const auto again = p.in_tx([&] { return eb::store::store_flags(p.db, {&findings[0]}, 2, "2026-03", ctx); });
    CHECK_FALSE(again.at(0));
    CHECK(eb::store::flag_ids_of(p.db, findings).at(0) == 1);
    CHECK(eb::store::next_fut_run(p.db) == 2);
  }
  SECTION("a flag reads back as it was found") {
    const auto f = eb::store::load_flag(p.db, 1);
    CHECK(f.finding.evidence_key == findings[0].evidence_key);
    CHECK(f.finding.rule == findings[0].rule);
    CHECK(f.finding.member == findings[0].member);
    CHECK(f.finding.amount_at_risk == findings[0].amount_at_risk);
    CHECK(f.finding.evidence.note == findings[0].evidence.note);
    REQUIRE(f.finding.evidence.register_rows.size() == 1);
    CHECK(f.finding.evidence.register_rows[0].key == findings[0].evidence.register_rows[0].key);
    CHECK(f.finding.evidence.payments.at(0).paid == Money::from_kr(9970));
    CHECK_FALSE(f.resolution);
    CHECK(f.first_run == 1);
    CHECK(eb::store::list_flags(p.db, {true, std::nullopt}).size() == 1);
    CHECK(eb::store::list_flags(p.db, {false, std::string("overpayment")}).empty());
  }
  SECTION("the schema refuses a second outcome, a claim on an open flag and edits") {
    CHECK_THAT(refusal_of(p,
                          "INSERT INTO claim (arende_id, month, amount_ore, reason, statute, raised_on, created_at, "
                          "created_by, fut_flag_id, deadline) VALUES (1, '2026-03', 100, 'r', 's', '2026-04-02', "
                          "'x', 'y', 1, '2029-03-25')"),
               Catch::Contains("a FUT claim needs its flag closed"));
    const eb::fut::Resolution r{eb::fut::Outcome::error, "fel", "eva", Date(2026, 4, 2)};
    p.in_tx([&] {
      eb::store::store_outcome(p.db, 1, r, ctx);
      return 0;
    });
    CHECK_THROWS_AS(p.in_tx([&] {
      eb::store::store_outcome(p.db, 1, r, ctx);
      return 0;
    }),
                    eb::Conflict);
    CHECK_THAT(refusal_of(p, "UPDATE fut_outcome SET outcome = 'no-error'"), Catch::Contains("never changed"));
    CHECK_THAT(refusal_of(p, "DELETE FROM fut_flag"), Catch::Contains("never deleted"));
    CHECK_THAT(refusal_of(p, "UPDATE fut_income_row SET amount_ore = 1"), Catch::Contains("never edited"));
    CHECK(p.db.check().problems.empty());
  }
  SECTION("the schema keeps waivers and repayments within the claim") {
    const std::int64_t flag = 1;
    (void)p.in_tx([&] {
      return eb::flow::fut_resolve(p.db, p.ctx, flag, eb::fut::Outcome::error, "Inkomsten redovisades inte");
    });
    const auto c = p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, flag, Money::from_kr(1000), "SN § 1"); });
    CHECK_THAT(refusal_of(p,
                          "INSERT INTO fut_follow_up (flag_id, kind, claim_id, amount_ore, statute, on_date, "
                          "created_at, created_by) VALUES (1, 'waiver', " +
                              std::to_string(c.claim_id) + ", 100001, 's', '2026-04-02', 'x', 'y')"),
               Catch::Contains("at most what is outstanding"));
    (void)p.in_tx([&] { return eb::flow::fut_waive(p.db, p.ctx, flag, Money::from_kr(600), "skäl"); });
    CHECK_THAT(refusal_of(p,
                          "INSERT INTO repayment (arende_id, claim_id, amount_ore, paid_on, created_at, created_by) "
                          "VALUES (1, " +
                              std::to_string(c.claim_id) + ", 40001, '2026-04-03', 'x', 'y')"),
               Catch::Contains("repayments of a claim never exceed it"));
    CHECK(p.db.check().problems.empty());
  }
}

TEST_CASE("store: the schema's rules for the ground of a claim (v10)", "[store][claim]") {
  // Issue #13: a claim under SoL 33 kap. 2 or 3 § rests on a decision that stated that condition
  // in writing; a claim refers to a decision of its own case; a claim on a decision stays within
  // what was paid for its application.
  const std::string insert =
      "INSERT INTO claim (arende_id, application_id, month, amount_ore, reason, statute, raised_on, created_at, "
      "created_by, decision, deadline, ground, on_decision_id) VALUES ";
  SECTION("33 kap. 2 § on a decision without the advance condition, or on none, is refused") {
    PaidMarch p;
    CHECK_THAT(refusal_of(p, insert + "(1, 1, '2026-03', 100, 'r', 's', '2026-04-02', 'x', 'y', 'SN', '2029-03-25', "
                                      "'advance', 1)"),
               Catch::Contains("rests on a decision that stated that condition in writing"));
    CHECK_THAT(refusal_of(p, insert + "(1, 1, '2026-03', 100, 'r', 's', '2026-04-02', 'x', 'y', 'SN', '2029-03-25', "
                                      "'repayable', NULL)"),
               Catch::Contains("rests on a decision that stated that condition in writing"));
    CHECK_FALSE(refusal_of(p, insert + "(1, 1, '2026-03', 100, 'r', 's', '2026-04-02', 'x', 'y', 'SN', '2029-03-25', "
                                       "'förskott', NULL)")
                    .empty());
  }
  SECTION("on the advance decision: within what was paid, of its own case") {
    eb::decide::Request advance;
    advance.advance_on = "FK:sjukpenning";
    PaidMarch p(advance);
    CHECK(refusal_of(p, insert + "(1, 1, '2026-03', 997000, 'r', 's', '2026-04-02', 'x', 'y', 'SN', '2029-03-25', "
                                 "'advance', 1)")
              .empty());
    CHECK_THAT(refusal_of(p, insert + "(1, 1, '2026-03', 997001, 'r', 's', '2026-04-02', 'x', 'y', 'SN', "
                                      "'2029-03-25', 'advance', 1)"),
               Catch::Contains("cannot exceed what was paid out for its application"));
    CHECK_THAT(refusal_of(p, insert + "(2, 2, '2026-03', 100, 'r', 's', '2026-04-02', 'x', 'y', 'SN', '2029-03-25', "
                                      "'wrongly-paid', 1)"),
               Catch::Contains("a decision of its own case and application"));
  }
}
