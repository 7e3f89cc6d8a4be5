// SPDX-License-Identifier: MIT
// Tests of the ledger's arithmetic and of how repayments are booked on claims.
#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "pay/ledger.hpp"

using eb::money::Money;
using eb::pay::Claim;
using eb::pay::LedgerFigures;
using eb::pay::LedgerRow;
using eb::period::Month;

namespace {
Money kr(std::int64_t k) {
  return Money::from_kr(k);
}
std::string conflict_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const eb::Conflict& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("LedgerFigures: the derived balances", "[pay]") {
  LedgerFigures f;
  f.decided = kr(3000);
  f.paid = kr(5000);
  f.claimed = kr(2000);
  f.claimed_on_decisions = kr(2000);
  f.repaid = kr(500);
  CHECK(f.net_paid() == kr(5000));
  CHECK(f.to_pay().is_zero());
  CHECK(f.owed() == kr(1500));
  CHECK(f.balance() == kr(-1500));

  SECTION("a return makes the amount due again") {
    f.returned = kr(5000);
    CHECK(f.to_pay() == kr(5000));
  }
  SECTION("a claim not from a decision (FUT) is owed but not paid again") {
    LedgerFigures g;
    g.decided = kr(5000);
    g.paid = kr(5000);
    g.claimed = kr(3000);
    CHECK(g.to_pay().is_zero());
    CHECK(g.balance() == kr(-3000));
  }
}

TEST_CASE("make_ledger", "[pay]") {
  LedgerFigures a;
  a.decided = kr(100);
  LedgerFigures b;
  b.paid = kr(40);
  const std::vector<LedgerRow> entries{{2, Month(2026, 3), a}, {1, Month(2026, 4), b}, {1, Month(2026, 3), a}};
  const auto by_case = eb::pay::make_ledger(entries, false);
  REQUIRE(by_case.rows.size() == 2);
  CHECK(by_case.rows[0].case_id == 1);
  CHECK(by_case.rows[0].figures.decided == kr(100));
  CHECK(by_case.rows[0].figures.paid == kr(40));
  CHECK_FALSE(by_case.rows[0].month);
  CHECK(by_case.total.decided == kr(200));
  const auto by_month = eb::pay::make_ledger(entries, true);
  REQUIRE(by_month.rows.size() == 3);
  CHECK(by_month.rows[0].month == Month(2026, 3));
  CHECK(by_month.rows[1].month == Month(2026, 4));
  CHECK(by_month.total == by_case.total);
}

TEST_CASE("allocate_repayment", "[pay]") {
  Claim k1;
  k1.id = 1;
  k1.amount = kr(1000);
  k1.repaid = kr(400);
  k1.raised_on = eb::period::Date(2026, 4, 1);
  Claim k2 = k1;
  k2.id = 2;
  k2.repaid = Money();
  k2.raised_on = eb::period::Date(2026, 3, 1);
  const std::vector<Claim> claims{k1, k2};

  SECTION("oldest claim first, split where needed") {
    const auto parts = eb::pay::allocate_repayment(claims, kr(1200), std::nullopt);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == std::pair<std::int64_t, Money>(2, kr(1000)));
    CHECK(parts[1] == std::pair<std::int64_t, Money>(1, kr(200)));
  }
  SECTION("on the claim named") {
    CHECK(eb::pay::allocate_repayment(claims, kr(600), 1).size() == 1);
  }
  SECTION("never more than is left") {
    CHECK(conflict_of([&] { eb::pay::allocate_repayment(claims, kr(601), 1); }) ==
          "a repayment of 601 kr is more than is left of claim K-1: 600 kr of 1 000 kr");
    CHECK(conflict_of([&] { eb::pay::allocate_repayment(claims, kr(1601), std::nullopt); }) ==
          "a repayment of 1 601 kr is more than the case owes: 1 600 kr is left of K-1, K-2");
    CHECK(conflict_of([&] { eb::pay::allocate_repayment({}, kr(1), std::nullopt); }).find("the case has no claim") ==
          0);
    CHECK(conflict_of([&] { eb::pay::allocate_repayment(claims, kr(1), 3); }) == "K-3 is not a claim of this case");
  }
}
