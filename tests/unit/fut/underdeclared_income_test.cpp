// SPDX-License-Identifier: MIT
// Tests of the underdeclared-income rule: a planted difference, a clean household, and the
// tolerance exactly (100 kr is not flagged, 100,01 kr and 101 kr are).
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::assess::IncomeKind;
using eb::fut::k_rule_underdeclared_income;

namespace {

ScreeningInput household(Money declared_amount, Money register_amount) {
  const auto anna = synthetic_pnr(1);
  auto in = input_for(Month(2026, 3));
  auto cm = case_month(7, {anna}, kr(8000));
  cm.incomes = {declared(anna, IncomeKind::sjukpenning, declared_amount, "A-107 income[1]")};
  in.case_months = {cm};
  in.income_rows = {income_row(anna, IncomeKind::sjukpenning, register_amount)};
  return in;
}

}  // namespace

TEST_CASE("find_underdeclared_income", "[fut]") {
  SECTION("flags a declared amount lower than the register's, with both lines as evidence") {
    const auto in = household(kr(3000), kr(4200));
    const auto found = run_rule(k_rule_underdeclared_income, in);
    REQUIRE(found.size() == 1);
    const auto& f = found[0];
    CHECK(f.case_id == 7);
    CHECK(f.amount_at_risk == kr(1200));
    REQUIRE(f.member);
    CHECK(*f.member == synthetic_pnr(1));
    REQUIRE(f.evidence.register_rows.size() == 1);
    CHECK(f.evidence.register_rows[0].key == in.income_rows[0].key);
    REQUIRE(f.evidence.declared.size() == 1);
    CHECK(f.evidence.declared[0].ref == "A-107 income[1]");
    CHECK(f.evidence.note ==
          "Registret visar 4 200 kr sjukpenning för 2026-03 men ansökan A-107 redovisar 3 000 kr "
          "(A-107 income[1]); skillnaden är 1 200 kr.");
  }
  SECTION("declared as the register shows, or more, is clean") {
    CHECK(run_rule(k_rule_underdeclared_income, household(kr(4200), kr(4200))).empty());
    CHECK(run_rule(k_rule_underdeclared_income, household(kr(5000), kr(4200))).empty());
  }
  SECTION("edge: exactly the tolerance (100 kr) is not flagged; 100,01 kr and 101 kr are") {
    CHECK(run_rule(k_rule_underdeclared_income, household(kr(4100), kr(4200))).empty());
    const auto cent = run_rule(k_rule_underdeclared_income, household(kr(4100), kr(4200) + Money::from_ore(1)));
    REQUIRE(cent.size() == 1);
    CHECK(cent[0].amount_at_risk == Money::from_ore(10001));
    const auto over = run_rule(k_rule_underdeclared_income, household(kr(4099), kr(4200)));
    REQUIRE(over.size() == 1);
    CHECK(over[0].amount_at_risk == kr(101));
  }
  SECTION("edge: the tolerance is a parameter") {
    eb::fut::ScreeningParams p;
    eb::fut::set_parameter(p, "underdeclared-income.tolerance", "500");
    CHECK(run_rule(k_rule_underdeclared_income, household(kr(3700), kr(4200)), p).empty());
    CHECK(run_rule(k_rule_underdeclared_income, household(kr(3699), kr(4200)), p).size() == 1);
  }
  SECTION("edge: an undeclared kind is the other rule's, not this one's") {
    auto in = household(kr(4200), kr(4200));
    in.income_rows.push_back(income_row(synthetic_pnr(1), IncomeKind::csn, kr(3000), Source::csn));
    CHECK(run_rule(k_rule_underdeclared_income, in).empty());
    CHECK(run_rule(eb::fut::k_rule_undeclared_income, in).size() == 1);
  }
  SECTION("edge: the household is compared as a whole, whoever declared the income") {
    const auto anna = synthetic_pnr(1);
    const auto bo = synthetic_pnr(2);
    auto in = input_for(Month(2026, 3));
    auto cm = case_month(8, {anna, bo}, kr(8000));
    cm.incomes = {declared(anna, IncomeKind::barnbidrag, kr(2500), "A-108 income[1]")};
    in.case_months = {cm};
    in.income_rows = {income_row(anna, IncomeKind::barnbidrag, kr(1250)),
                      income_row(bo, IncomeKind::barnbidrag, kr(1250))};
    CHECK(run_rule(k_rule_underdeclared_income, in).empty());
    in.income_rows.push_back(
        income_row(bo, IncomeKind::barnbidrag, kr(1250), Source::fk, Month(2026, 3), Date(2026, 3, 26), 9));
    const auto found = run_rule(k_rule_underdeclared_income, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].evidence.register_rows.size() == 3);
    CHECK(found[0].amount_at_risk == kr(1250));
    REQUIRE(found[0].member);
    CHECK(*found[0].member == bo);  // bo's register rows exceed what bo declared (nothing)
  }
  SECTION("the flag names the member whose own lines fall short, not the one paid most") {
    const auto anna = synthetic_pnr(1);
    const auto bo = synthetic_pnr(2);
    auto in = input_for(Month(2026, 3));
    auto cm = case_month(9, {anna, bo}, kr(8000));
    cm.incomes = {declared(anna, IncomeKind::salary, kr(5000), "A-109 income[1]"),
                  declared(bo, IncomeKind::salary, kr(850), "A-109 income[2]")};
    in.case_months = {cm};
    in.income_rows = {income_row(anna, IncomeKind::salary, kr(5000), Source::skv),
                      income_row(bo, IncomeKind::salary, kr(1000), Source::skv)};
    const auto found = run_rule(k_rule_underdeclared_income, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == kr(150));
    REQUIRE(found[0].member);
    CHECK(*found[0].member == bo);
  }
  SECTION("edge: the amount at risk is at most what was paid") {
    auto in = household(kr(1000), kr(20000));
    const auto found = run_rule(k_rule_underdeclared_income, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == kr(8000));
  }
}

TEST_CASE("find_underdeclared_income: evidence keys", "[fut]") {
  auto in = household(kr(3000), kr(4200));
  const auto first = run_rule(k_rule_underdeclared_income, in);
  REQUIRE(first.size() == 1);
  SECTION("the same evidence keeps its key, whatever the tolerance") {
    eb::fut::ScreeningParams p;
    p.underdeclared_tolerance = kr(10);
    CHECK(run_rule(k_rule_underdeclared_income, in, p)[0].evidence_key == first[0].evidence_key);
  }
  SECTION("a new register row of the kind is new evidence") {
    in.income_rows.push_back(income_row(synthetic_pnr(1), IncomeKind::sjukpenning, kr(300), Source::fk, Month(2026, 3),
                                        Date(2026, 3, 30), 5));
    const auto after = run_rule(k_rule_underdeclared_income, in);
    REQUIRE(after.size() == 1);
    CHECK(after[0].evidence_key != first[0].evidence_key);
  }
}
