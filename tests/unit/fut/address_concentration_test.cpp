// SPDX-License-Identifier: MIT
// Tests of the address-concentration rule: more than N paid cases at one address in a month.
#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;
using eb::fut::k_rule_address_concentration;

namespace {

// `n` one-person cases (ids 1..n) at `address`, paid for March 2026.
ScreeningInput at_one_address(int n, const std::string& address = "Storgatan 1, 123 45 Exempelstad") {
  auto in = input_for(Month(2026, 3));
  for (int i = 1; i <= n; ++i) {
    auto cm = case_month(i, {synthetic_pnr(i)}, kr(4000));
    cm.address = address;
    in.case_months.push_back(cm);
  }
  return in;
}

}  // namespace

TEST_CASE("find_address_concentration", "[fut]") {
  SECTION("flags five paid cases at one address, as a signal") {
    const auto found = run_rule(k_rule_address_concentration, at_one_address(5));
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_id == 1);
    CHECK(found[0].cases == std::vector<std::int64_t>{1, 2, 3, 4, 5});
    CHECK(found[0].amount_at_risk.is_zero());
    CHECK(found[0].evidence.address == "storgatan 1, 123 45 exempelstad");
    CHECK(found[0].evidence.note ==
          "5 ärenden med bistånd för 2026-03 har samma adress (C-1, C-2, C-3, C-4 och C-5); gränsen är 4.");
  }
  SECTION("cases at different addresses are clean") {
    auto in = at_one_address(5);
    for (auto& cm : in.case_months) cm.address = "Storgatan " + std::to_string(cm.case_id);
    CHECK(run_rule(k_rule_address_concentration, in).empty());
  }
  SECTION("edge: exactly 4 cases at one address are not flagged") {
    CHECK(run_rule(k_rule_address_concentration, at_one_address(4)).empty());
  }
  SECTION("edge: one address written with other case, spaces and commas is one address") {
    auto in = at_one_address(4);
    auto fifth = case_month(5, {synthetic_pnr(5)}, kr(4000));
    fifth.address = "  STORGATAN 1 ,123 45\nExempelstad ";
    in.case_months.push_back(fifth);
    REQUIRE(run_rule(k_rule_address_concentration, in).size() == 1);
  }
  SECTION("edge: unpaid cases, other months and empty addresses do not count") {
    auto in = at_one_address(4);
    auto unpaid = case_month(5, {synthetic_pnr(5)}, Money());
    unpaid.address = in.case_months[0].address;
    auto april = case_month(6, {synthetic_pnr(6)}, kr(4000), Month(2026, 4));
    april.address = in.case_months[0].address;
    in.case_months.push_back(unpaid);
    in.case_months.push_back(april);
    CHECK(run_rule(k_rule_address_concentration, in).empty());
    CHECK(run_rule(k_rule_address_concentration, at_one_address(6, "")).empty());
  }
  SECTION("edge: the limit is a parameter") {
    eb::fut::ScreeningParams p;
    eb::fut::set_parameter(p, "address-concentration.max-cases", "5");
    CHECK(run_rule(k_rule_address_concentration, at_one_address(5), p).empty());
    CHECK(run_rule(k_rule_address_concentration, at_one_address(6), p).size() == 1);
  }
  SECTION("the same cases keep the key; a sixth case is new evidence") {
    const auto key = run_rule(k_rule_address_concentration, at_one_address(5))[0].evidence_key;
    CHECK(run_rule(k_rule_address_concentration, at_one_address(5))[0].evidence_key == key);
    CHECK(run_rule(k_rule_address_concentration, at_one_address(6))[0].evidence_key != key);
  }
}
