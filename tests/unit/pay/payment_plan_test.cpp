// SPDX-License-Identifier: MIT
// Tests of what `eb pay batch` pays and claims, on hand-made application states.
#include <catch2/catch.hpp>

#include "pay/payment_plan.hpp"

using eb::money::Money;
using eb::pay::ApplicationState;
using eb::pay::BatchStatus;
using eb::pay::PaymentFact;
using eb::pay::plan_batch;
using eb::period::Date;
using eb::period::Month;

namespace {

Money kr(std::int64_t k) {
  return Money::from_kr(k);
}

ApplicationState state(std::int64_t app, std::int64_t decision, Money granted, std::string account = "") {
  ApplicationState s;
  s.application_id = app;
  s.case_id = 100 + app;
  s.month = Month(2026, 3);
  s.decision_id = decision;
  s.granted = granted;
  s.first_decided_on = Date(2026, 3, 10);
  s.payee_name = "Anna Exempel";
  s.address = "Storgatan 1, 123 45 Exempelstad";
  s.account = std::move(account);
  return s;
}

PaymentFact payment(std::int64_t id, std::int64_t decision, Money amount, BatchStatus status, bool returned = false,
                    std::optional<std::int64_t> reissue_of = std::nullopt) {
  PaymentFact p;
  p.id = id;
  p.batch_id = 1;
  p.decision_id = decision;
  p.amount = amount;
  p.batch_status = status;
  p.returned = returned;
  p.reissue_of = reissue_of;
  return p;
}

}  // namespace

TEST_CASE("plan_batch: what is due is paid once", "[pay]") {
  SECTION("a new decision is paid in full: by avi without an account, else to the account") {
    const auto plan = plan_batch({state(1, 11, kr(5000)), state(2, 12, kr(300), "5000 1234560")}, {});
    REQUIRE(plan.payments.size() == 2);
    CHECK(plan.payments[0].amount == kr(5000));
    CHECK(plan.payments[0].decision_id == 11);
    CHECK_FALSE(plan.payments[0].reissue_of);
    CHECK_FALSE(plan.payments[0].payee.account);
    CHECK(plan.payments[0].payee.address == "Storgatan 1, 123 45 Exempelstad");
    REQUIRE(plan.payments[1].payee.account);
    CHECK(plan.payments[1].payee.account->bank == "SEB");
    CHECK(plan.total() == kr(5300));
    CHECK(plan.to_accounts() == 1);
    CHECK(plan.claims.empty());
    CHECK(plan.warnings.empty());
  }
  SECTION("nothing is due when the decision is paid, pending, or grants nothing") {
    auto paid = state(1, 11, kr(5000));
    paid.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed));
    auto pending = state(2, 12, kr(5000));
    pending.payments.push_back(payment(2, 12, kr(5000), BatchStatus::created));
    const auto plan = plan_batch({paid, pending, state(3, 13, Money())}, {});
    CHECK(plan.payments.empty());
    CHECK(plan.claims.empty());
  }
  SECTION("a replacing decision that grants more pays only the difference") {
    auto s = state(1, 12, kr(6000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::exported));
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].amount == kr(1000));
    CHECK(plan.payments[0].decision_id == 12);
    CHECK(eb::pay::due(s) == kr(1000));
  }
  SECTION("a replacing decision that grants less, after the money left, raises one claim") {
    auto s = state(1, 12, kr(3000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed));
    const auto plan = plan_batch({s}, {});
    CHECK(plan.payments.empty());
    REQUIRE(plan.claims.size() == 1);
    CHECK(plan.claims[0].amount == kr(2000));
    CHECK(plan.claims[0].decision_id == 12);
    CHECK(plan.claims[0].statute == "SoL (2025:400) 33 kap. 1 §");
    CHECK(plan.claims[0].reason ==
          "Beslut D-12 för 2026-03 beviljar 3 000 kr men 5 000 kr har redan betalats ut; mellanskillnaden 2 000 kr "
          "kan krävas åter om förutsättningarna för återkrav är uppfyllda.");
    // Once claimed, nothing more is due or claimed.
    s.claims.push_back({1, 12, kr(2000)});
    CHECK(eb::pay::due(s).is_zero());
    CHECK(plan_batch({s}, {}).claims.empty());
  }
  SECTION("a claim lets a later, higher decision pay again what the claim took back") {
    auto s = state(1, 13, kr(5000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed));
    s.claims.push_back({1, 12, kr(2000)});
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].amount == kr(2000));
  }
  SECTION("a lower decision while the money is still in a created batch: a warning, no claim") {
    auto s = state(1, 12, kr(3000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::created));
    const auto plan = plan_batch({s}, {});
    CHECK(plan.payments.empty());
    CHECK(plan.claims.empty());
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0] ==
          "A-1 (C-101, 2026-03): batch B-1, not yet exported, holds 2 000 kr more than decision D-12 grants; cancel "
          "it (eb pay cancel) and run eb pay batch again");
  }
  SECTION("the statute of a claim follows when the bistånd was granted") {
    CHECK(eb::pay::claim_statute(Date(2025, 6, 30)) == "SoL (2001:453) 9 kap. 1 §");
    CHECK(eb::pay::claim_statute(Date(2025, 7, 1)) == "SoL (2025:400) 33 kap. 1 §");
  }
}

TEST_CASE("plan_batch: returned payments are re-issued", "[pay]") {
  SECTION("in full, as a re-issue of the returned payment") {
    auto s = state(1, 11, kr(5000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed, true));
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].amount == kr(5000));
    CHECK(plan.payments[0].reissue_of == 1);
  }
  SECTION("a returned re-issue is re-issued itself, never the original twice") {
    auto s = state(1, 11, kr(5000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed, true));
    s.payments.push_back(payment(2, 11, kr(5000), BatchStatus::confirmed, true, 1));
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].reissue_of == 2);
  }
  SECTION("only as much as the current decision still grants") {
    auto s = state(1, 12, kr(3000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed, true));
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].amount == kr(3000));
    CHECK(plan.payments[0].reissue_of == 1);
    CHECK(plan.payments[0].decision_id == 12);
  }
  SECTION("re-issues first, then the rest as the new decision's payment") {
    auto s = state(1, 12, kr(7000));
    s.payments.push_back(payment(1, 11, kr(5000), BatchStatus::confirmed, true));
    const auto plan = plan_batch({s}, {});
    REQUIRE(plan.payments.size() == 2);
    CHECK(plan.payments[0].reissue_of == 1);
    CHECK(plan.payments[0].amount == kr(5000));
    CHECK_FALSE(plan.payments[1].reissue_of);
    CHECK(plan.payments[1].amount == kr(2000));
  }
}

TEST_CASE("plan_batch: unusable payee data", "[pay]") {
  auto bad = state(1, 11, kr(5000), "5000 1234561");
  auto no_address = state(2, 12, kr(100));
  no_address.address = "";
  auto good = state(3, 13, kr(200));
  SECTION("every problem is named, with the account masked") {
    const auto plan = plan_batch({bad, no_address, good}, {});
    REQUIRE(plan.problems.size() == 2);
    CHECK(plan.problems[0].field == "C-101 A-1 account");
    CHECK(plan.problems[0].value == "XXXX XXX4561");
    CHECK(plan.problems[0].message.find("is not a valid bank account") == 0);
    CHECK(plan.problems[1].field == "C-102 A-2 address");
    CHECK(plan.payments.size() == 1);  // the caller refuses the batch
  }
  SECTION("with hold_invalid they are left out, with a warning, and stay due") {
    const auto plan = plan_batch({bad, no_address, good}, {true});
    CHECK(plan.problems.empty());
    REQUIRE(plan.payments.size() == 1);
    CHECK(plan.payments[0].application_id == 3);
    REQUIRE(plan.warnings.size() == 2);
    CHECK(plan.warnings[0].find("held A-1 (C-101, 2026-03), 5 000 kr due: C-101 A-1 account = XXXX XXX4561") == 0);
  }
  SECTION("an empty payee name") {
    auto nameless = state(4, 14, kr(100), "5000 1234560");
    nameless.payee_name = " ";
    const auto plan = plan_batch({nameless}, {});
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].field == "C-104 A-4 applicant.name");
  }
}
