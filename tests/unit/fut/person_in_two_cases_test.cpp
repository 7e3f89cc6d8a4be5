// SPDX-License-Identifier: MIT
// Tests of the person-in-two-cases rule: one pnr in two cases paid for the same month.
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::fut::k_rule_person_in_two_cases;

TEST_CASE("find_person_in_two_cases", "[fut]") {
  const auto anna = synthetic_pnr(1);
  const auto bo = synthetic_pnr(2);
  const auto cia = synthetic_pnr(3);
  auto in = input_for(Month(2026, 3));

  SECTION("flags a person in two paid cases: the smaller payment is at risk") {
    in.case_months = {case_month(1, {anna, bo}, kr(9000)), case_month(2, {bo}, kr(5000))};
    const auto found = run_rule(k_rule_person_in_two_cases, in);
    REQUIRE(found.size() == 1);
    const auto& f = found[0];
    CHECK(f.case_id == 2);
    CHECK(f.cases == std::vector<std::int64_t>{1, 2});
    REQUIRE(f.member);
    CHECK(*f.member == bo);
    CHECK(f.amount_at_risk == kr(5000));
    CHECK(f.evidence.payments.size() == 2);
    CHECK(
        f.evidence.note ==
        "Samma person är medsökande i C-1 (9 000 kr) och sökande i C-2 (5 000 kr), som båda fått bistånd för 2026-03.");
  }
  SECTION("different people in different cases are clean") {
    in.case_months = {case_month(1, {anna, bo}, kr(9000)), case_month(2, {cia}, kr(5000))};
    CHECK(run_rule(k_rule_person_in_two_cases, in).empty());
  }
  SECTION("edge: two cases in different months, or one not paid, are not flagged") {
    in.period = {Month(2026, 3), Month(2026, 4)};
    in.case_months = {case_month(1, {anna}, kr(9000)), case_month(2, {anna}, kr(5000), Month(2026, 4)),
                      case_month(3, {anna}, Money())};
    CHECK(run_rule(k_rule_person_in_two_cases, in).empty());
  }
  SECTION("edge: three cases put all but the largest at risk; equal payments name the newer case") {
    in.case_months = {case_month(1, {anna}, kr(4000)), case_month(2, {anna}, kr(4000)),
                      case_month(3, {anna}, kr(1000))};
    auto found = run_rule(k_rule_person_in_two_cases, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 3);
    CHECK(found[0].amount_at_risk == kr(5000));
    in.case_months.pop_back();
    found = run_rule(k_rule_person_in_two_cases, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 2);
    CHECK(found[0].amount_at_risk == kr(4000));
  }
  SECTION("the key is the person, month and cases; a third case is new evidence") {
    in.case_months = {case_month(1, {anna}, kr(4000)), case_month(2, {anna}, kr(3000))};
    const auto key = run_rule(k_rule_person_in_two_cases, in)[0].evidence_key;
    in.case_months[0].paid = kr(4500);
    CHECK(run_rule(k_rule_person_in_two_cases, in)[0].evidence_key == key);
    in.case_months.push_back(case_month(9, {anna}, kr(100)));
    CHECK(run_rule(k_rule_person_in_two_cases, in)[0].evidence_key != key);
  }
}
