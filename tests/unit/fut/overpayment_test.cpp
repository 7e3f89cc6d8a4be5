// SPDX-License-Identifier: MIT
// Tests of the overpayment rule ("double payment"): paid beyond what the decisions in force
// grant, e.g. after a decision was lowered on reconsideration once paid.
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::fut::k_rule_overpayment;

TEST_CASE("find_overpayment", "[fut]") {
  const auto anna = synthetic_pnr(1);
  auto in = input_for(Month(2026, 3));
  auto cm = case_month(4, {anna, synthetic_pnr(2)}, kr(6000));

  SECTION("flags a decision lowered after it was paid: the excess is at risk") {
    cm.granted = kr(5000);
    in.case_months = {cm};
    const auto found = run_rule(k_rule_overpayment, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 4);
    CHECK(found[0].amount_at_risk == kr(1000));
    REQUIRE(found[0].member);
    CHECK(*found[0].member == anna);
    REQUIRE(found[0].evidence.payments.size() == 1);
    CHECK(found[0].evidence.payments[0].paid == kr(6000));
    CHECK(found[0].evidence.payments[0].granted == kr(5000));
    CHECK(found[0].evidence.note ==
          "För 2026-03 har 6 000 kr betalats ut men besluten i kraft beviljar 5 000 kr; 1 000 kr är utbetalt för "
          "mycket.");
  }
  SECTION("flags a payment made twice") {
    cm.paid = kr(12000);
    in.case_months = {cm};
    const auto found = run_rule(k_rule_overpayment, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == kr(6000));
  }
  SECTION("paid as granted, or less, is clean") {
    auto less = case_month(5, {anna}, kr(4000));
    less.granted = kr(5000);
    in.case_months = {cm, less};
    CHECK(run_rule(k_rule_overpayment, in).empty());
  }
  SECTION("edge: an excess already claimed is not flagged; a part claimed leaves the rest") {
    cm.granted = kr(5000);
    cm.claimed = kr(1000);
    in.case_months = {cm};
    CHECK(run_rule(k_rule_overpayment, in).empty());
    in.case_months[0].claimed = kr(400);
    const auto found = run_rule(k_rule_overpayment, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount_at_risk == kr(600));
  }
  SECTION("edge: a month outside the period is not screened") {
    cm.granted = kr(5000);
    cm.month = Month(2026, 4);
    in.case_months = {cm};
    CHECK(run_rule(k_rule_overpayment, in).empty());
  }
  SECTION("a claim on the finding keeps its key; another payment gives a new one") {
    cm.granted = kr(5000);
    in.case_months = {cm};
    const auto key = run_rule(k_rule_overpayment, in)[0].evidence_key;
    in.case_months[0].claimed = kr(500);
    CHECK(run_rule(k_rule_overpayment, in)[0].evidence_key == key);
    in.case_months[0].paid = kr(7000);
    CHECK(run_rule(k_rule_overpayment, in)[0].evidence_key != key);
  }
}
