// SPDX-License-Identifier: MIT
// Tests of the shared-account rule: one account paid for cases with no member in common.
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::fut::k_rule_shared_account;

TEST_CASE("find_shared_account", "[fut]") {
  const auto anna = synthetic_pnr(1);
  const auto bo = synthetic_pnr(2);
  const auto cia = synthetic_pnr(3);
  auto in = input_for(Month(2026, 3));
  auto one = case_month(1, {anna}, kr(5000));
  auto two = case_month(2, {cia}, kr(4000));
  one.accounts = {"50001234560"};
  two.accounts = {"50001234560"};

  SECTION("flags two unrelated cases paid to one account, as a signal") {
    in.case_months = {one, two};
    const auto found = run_rule(k_rule_shared_account, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 1);
    CHECK(found[0].cases == std::vector<std::int64_t>{1, 2});
    CHECK(found[0].amount_at_risk.is_zero());
    CHECK_FALSE(found[0].member);
    CHECK(found[0].evidence.account == "50001234560");
    CHECK(found[0].evidence.note ==
          "Samma konto fick utbetalningar för 2026-03 i 2 ärenden (C-1 och C-2), och minst två av dem saknar gemensam "
          "medlem.");
  }
  SECTION("cases paid to their own accounts, or by avi, are clean") {
    two.accounts = {"50001234578"};
    auto avi = case_month(3, {bo}, kr(3000));
    in.case_months = {one, two, avi};
    CHECK(run_rule(k_rule_shared_account, in).empty());
  }
  SECTION("edge: two members of one household on one account are not flagged") {
    auto household = case_month(5, {anna, bo}, kr(9000));
    household.accounts = {"50001234560", "50001234560"};
    in.case_months = {household};
    CHECK(run_rule(k_rule_shared_account, in).empty());
  }
  SECTION("edge: cases with a member in common may share an account") {
    auto with_anna = case_month(2, {anna, cia}, kr(4000));
    with_anna.accounts = {"50001234560"};
    in.case_months = {one, with_anna};
    CHECK(run_rule(k_rule_shared_account, in).empty());
  }
  SECTION("edge: the same account in different months is not flagged") {
    in.period = {Month(2026, 3), Month(2026, 4)};
    two.month = Month(2026, 4);
    in.case_months = {one, two};
    CHECK(run_rule(k_rule_shared_account, in).empty());
  }
  SECTION("one finding per account and month; a new case on it is new evidence") {
    auto three = case_month(3, {bo}, kr(3000));
    three.accounts = {"50001234560"};
    in.case_months = {one, two};
    const auto key = run_rule(k_rule_shared_account, in)[0].evidence_key;
    in.case_months.push_back(three);
    const auto found = run_rule(k_rule_shared_account, in);
    REQUIRE(found.size() == 1);
    CHECK(found[0].cases.size() == 3);
    CHECK(found[0].evidence_key != key);
  }
}
