// SPDX-License-Identifier: MIT
// Tests of the undeclared-income rule: a planted register income, a clean household, and the
// edges (declared on another member, another month, the amount at risk capped by what was paid).
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::assess::IncomeKind;
using eb::fut::k_rule_undeclared_income;

TEST_CASE("find_undeclared_income", "[fut]") {
  const auto anna = synthetic_pnr(1);
  const auto bo = synthetic_pnr(2);
  auto in = input_for(Month(2026, 3));
  auto cm = case_month(3, {anna, bo}, kr(9000));
  cm.incomes = {declared(anna, IncomeKind::barnbidrag, kr(1250), "A-103 income[1]")};
  in.case_months = {cm};

  SECTION("flags a planted register income the application did not declare, naming the row") {
    in.income_rows = {
        income_row(anna, IncomeKind::barnbidrag, kr(1250), Source::fk, Month(2026, 3), Date(2026, 3, 20), 2),
        income_row(bo, IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 3), Date(2026, 3, 25), 3)};
    const auto found = run_rule(k_rule_undeclared_income, in);
    REQUIRE(found.size() == 1);
    const auto& f = found[0];
    CHECK(f.rule == "undeclared-income");
    CHECK(f.case_id == 3);
    CHECK(f.cases == std::vector<std::int64_t>{3});
    CHECK(f.month == Month(2026, 3));
    REQUIRE(f.member);
    CHECK(*f.member == bo);
    CHECK(f.amount_at_risk == kr(4200));
    REQUIRE(f.evidence.register_rows.size() == 1);
    CHECK(f.evidence.register_rows[0].key == in.income_rows[1].key);
    CHECK(f.evidence.register_rows[0].line == 3);
    CHECK(f.evidence.declared.empty());
    CHECK(f.evidence.note ==
          "Enligt Försäkringskassan betalades 4 200 kr sjukpenning ut den 2026-03-25 till medsökande för 2026-03; "
          "ansökan A-103 redovisar ingen inkomst av det slaget för hushållet.");
  }
  SECTION("a household that declared every register income is clean") {
    in.income_rows = {income_row(anna, IncomeKind::barnbidrag, kr(1250))};
    CHECK(run_rule(k_rule_undeclared_income, in).empty());
  }
  SECTION("edge: a kind declared on the other member of the household is not undeclared") {
    in.income_rows = {income_row(bo, IncomeKind::barnbidrag, kr(1250))};
    CHECK(run_rule(k_rule_undeclared_income, in).empty());
  }
  SECTION("edge: register income for another month, for a non-member, or of 0 kr is not flagged") {
    const auto stranger = synthetic_pnr(9);
    in.income_rows = {income_row(bo, IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 2)),
                      income_row(stranger, IncomeKind::sjukpenning, kr(4200)),
                      income_row(bo, IncomeKind::a_kassa, Money(), Source::akassa)};
    CHECK(run_rule(k_rule_undeclared_income, in).empty());
  }
  SECTION("edge: a month without bistånd paid is not screened") {
    in.case_months[0].paid = Money();
    in.income_rows = {income_row(bo, IncomeKind::sjukpenning, kr(4200))};
    CHECK(run_rule(k_rule_undeclared_income, in).empty());
  }
  SECTION("edge: the rows of one case-month together put at most what was paid at risk") {
    in.case_months[0].paid = kr(5000);
    in.income_rows = {
        income_row(bo, IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 3), Date(2026, 3, 5), 2),
        income_row(anna, IncomeKind::csn, kr(3000), Source::csn, Month(2026, 3), Date(2026, 3, 25), 3)};
    const auto found = run_rule(k_rule_undeclared_income, in);
    REQUIRE(found.size() == 2);
    Money total;
    for (const auto& f : found) total += f.amount_at_risk;
    CHECK(total == kr(5000));
    // The earlier payment first: 4 200 kr, then the remaining 800 kr.
    for (const auto& f : found) {
      CHECK(f.amount_at_risk == (f.evidence.register_rows[0].kind == IncomeKind::sjukpenning ? kr(4200) : kr(800)));
    }
  }
}

TEST_CASE("find_undeclared_income: evidence keys", "[fut]") {
  const auto anna = synthetic_pnr(1);
  auto in = input_for(Month(2026, 3));
  in.case_months = {case_month(3, {anna}, kr(6000))};
  in.income_rows = {
      income_row(anna, IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 3), Date(2026, 3, 5), 2)};
  const auto first = run_rule(k_rule_undeclared_income, in);
  REQUIRE(first.size() == 1);

  SECTION("a re-run over the same evidence gives the same key") {
    const auto again = run_rule(k_rule_undeclared_income, in);
    REQUIRE(again.size() == 1);
    CHECK(again[0].evidence_key == first[0].evidence_key);
  }
  SECTION("the same row given twice is one finding") {
    in.income_rows.push_back(in.income_rows[0]);
    CHECK(run_rule(k_rule_undeclared_income, in).size() == 1);
  }
  SECTION("a new register row gives one new key and leaves the old one") {
    in.income_rows.push_back(
        income_row(anna, IncomeKind::sjukpenning, kr(1000), Source::fk, Month(2026, 3), Date(2026, 3, 28), 7, 2));
    const auto after = run_rule(k_rule_undeclared_income, in);
    REQUIRE(after.size() == 2);
    int old_keys = 0;
    for (const auto& f : after) old_keys += f.evidence_key == first[0].evidence_key ? 1 : 0;
    CHECK(old_keys == 1);
    CHECK(after[0].evidence_key != after[1].evidence_key);
  }
  SECTION("the key does not depend on where the row was imported") {
    in.income_rows[0].import_id = 5;
    in.income_rows[0].line = 40;
    CHECK(run_rule(k_rule_undeclared_income, in)[0].evidence_key == first[0].evidence_key);
  }
}
