// SPDX-License-Identifier: MIT
// Tests of the paid-after-death rule: a payment for a month after a member's death, with the
// deceased's share at risk.
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::fut::k_rule_paid_after_death;

TEST_CASE("find_paid_after_death", "[fut]") {
  const auto anna = synthetic_pnr(1);
  const auto bo = synthetic_pnr(2);
  auto in = input_for(Month(2026, 4));

  SECTION("flags a one-person case paid after the death: the whole payment is at risk") {
    in.case_months = {case_month(6, {anna}, kr(5000), Month(2026, 4))};
    in.population_rows = {population_row(anna, Date(2026, 3, 15), 4)};
    const auto found = run_rule(k_rule_paid_after_death, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 6);
    REQUIRE(found[0].member);
    CHECK(*found[0].member == anna);
    CHECK(found[0].amount_at_risk == kr(5000));
    REQUIRE(found[0].evidence.population);
    CHECK(found[0].evidence.population->key == in.population_rows[0].key);
    CHECK(found[0].evidence.population->line == 4);
    CHECK(found[0].evidence.note ==
          "5 000 kr betalades ut för 2026-04, men sökande avled den 2026-03-15 enligt folkbokföringen; i risk: hela "
          "utbetalningen.");
  }
  SECTION("living members, and rows without a date of death, are clean") {
    in.case_months = {case_month(6, {anna, bo}, kr(9000), Month(2026, 4))};
    in.population_rows = {population_row(anna, std::nullopt), population_row(bo, std::nullopt, 3)};
    CHECK(run_rule(k_rule_paid_after_death, in).empty());
  }
  SECTION("edge: a death in the month paid, or the month after it, is not flagged") {
    in.period = {Month(2026, 3), Month(2026, 4)};
    in.case_months = {case_month(6, {anna}, kr(5000), Month(2026, 3)), case_month(7, {bo}, kr(5000), Month(2026, 3))};
    in.population_rows = {population_row(anna, Date(2026, 3, 15)), population_row(bo, Date(2026, 4, 2), 3)};
    CHECK(run_rule(k_rule_paid_after_death, in).empty());
  }
  SECTION("edge: in a larger household the share is per capita, or the member's riksnorm line if given") {
    auto cm = case_month(8, {anna, bo, synthetic_pnr(3, 2015)}, kr(10000), Month(2026, 4));
    in.case_months = {cm};
    in.population_rows = {population_row(bo, Date(2026, 2, 1))};
    auto found = run_rule(k_rule_paid_after_death, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == Money::from_ore(333333));  // 10 000 kr / 3, rounded to öre
    in.case_months[0].members[1].norm_share = kr(3360);
    found = run_rule(k_rule_paid_after_death, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == kr(3360));
    CHECK(found[0].evidence.note ==
          "10 000 kr betalades ut för 2026-04, men medsökande avled den 2026-02-01 enligt folkbokföringen; i risk: "
          "medlemmens andel enligt riksnormen, 3 360 kr.");
  }
  SECTION("edge: two dates of death for one person use the earliest; the key follows that row") {
    in.case_months = {case_month(6, {anna}, kr(5000), Month(2026, 4))};
    in.population_rows = {population_row(anna, Date(2026, 3, 20), 2), population_row(anna, Date(2026, 3, 10), 3)};
    const auto found = run_rule(k_rule_paid_after_death, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].evidence.population->deceased_on == Date(2026, 3, 10));
    in.population_rows.pop_back();
    const auto key_other_row = run_rule(k_rule_paid_after_death, in)[0].evidence_key;
    CHECK(key_other_row != found[0].evidence_key);
  }
  SECTION("one finding per month paid after the death") {
    in.period = {Month(2026, 4), Month(2026, 5)};
    in.case_months = {case_month(6, {anna}, kr(5000), Month(2026, 4)), case_month(6, {anna}, kr(5000), Month(2026, 5))};
    in.population_rows = {population_row(anna, Date(2026, 3, 15))};
    const auto found = run_rule(k_rule_paid_after_death, in);
    REQUIRE(found.size() == 2);
    CHECK(found[0].month == Month(2026, 4));
    CHECK(found[1].month == Month(2026, 5));
    CHECK(found[0].evidence_key != found[1].evidence_key);
  }
}
