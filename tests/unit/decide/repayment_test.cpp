// SPDX-License-Identifier: MIT
// Tests of the conditions for repayment a decision states and of the legal ground of a claim
// (återkrav) that refers to such a decision (SoL 2025:400 33 kap. 1–3 §§; SoL 2001:453 9 kap.
// 1–2 §§ for bistånd granted before 2025-07-01). Issue #13.
#include "decide/repayment.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "support.hpp"

using eb::decide::ClaimedDecision;
using eb::decide::ClaimGround;
using eb::decide::Repayment;
using eb::decide::RepaymentCondition;
using eb::period::Date;

namespace {

ClaimedDecision decision_with(std::optional<Repayment> kind) {
  ClaimedDecision d;
  d.id = 8;
  d.decided_on = Date(2026, 11, 10);
  if (kind) d.repayment = RepaymentCondition{*kind, *kind == Repayment::advance ? "FK:sjukpenning" : "", ""};
  return d;
}

}  // namespace

TEST_CASE("repayment_statute", "[decide][repayment]") {
  SECTION("an advance cites 33 kap. 2 § 1 a and 2 (the paragraph has one stycke)") {
    CHECK(eb::decide::repayment_statute(Repayment::advance, Date(2026, 11, 1)) ==
          "SoL (2025:400) 33 kap. 2 § 1 a och 2");
  }
  SECTION("a repayable grant cites 33 kap. 3 §") {
    CHECK(eb::decide::repayment_statute(Repayment::repayable, Date(2026, 11, 1)) == "SoL (2025:400) 33 kap. 3 §");
  }
  SECTION("before 1 July 2025: 9 kap. 2 §, första stycket 1 for an advance, andra stycket for a repayable grant") {
    CHECK(eb::decide::repayment_statute(Repayment::advance, Date(2025, 6, 1)) ==
          "SoL (2001:453) 9 kap. 2 § första stycket 1");
    CHECK(eb::decide::repayment_statute(Repayment::repayable, Date(2025, 6, 1)) ==
          "SoL (2001:453) 9 kap. 2 § andra stycket");
  }
}

TEST_CASE("parse_claim_ground", "[decide][repayment][claim]") {
  SECTION("the three grounds by name") {
    CHECK(eb::decide::parse_claim_ground("wrongly-paid", "--ground") == ClaimGround::wrongly_paid);
    CHECK(eb::decide::parse_claim_ground("advance", "--ground") == ClaimGround::advance);
    CHECK(eb::decide::parse_claim_ground("repayable", "--ground") == ClaimGround::repayable);
    CHECK(eb::decide::claim_ground_name(ClaimGround::advance) == "advance");
  }
  SECTION("an unknown ground is an input error listing them") {
    CHECK(eb::test::input_error_of([] { (void)eb::decide::parse_claim_ground("förskott", "--ground"); }) ==
          "--ground = \"förskott\": unknown ground (wrongly-paid: 33 kap. 1 §, advance: 33 kap. 2 §, repayable: "
          "33 kap. 3 §)");
  }
}

TEST_CASE("claim_ground_statute", "[decide][repayment][claim]") {
  SECTION("SoL (2025:400) 33 kap. 1, 2 and 3 §§ for bistånd granted from 1 July 2025") {
    CHECK(eb::decide::claim_ground_statute(ClaimGround::wrongly_paid, Date(2025, 7, 1)) ==
          "SoL (2025:400) 33 kap. 1 §");
    CHECK(eb::decide::claim_ground_statute(ClaimGround::advance, Date(2026, 11, 10)) ==
          "SoL (2025:400) 33 kap. 2 § 1 a och 2");
    CHECK(eb::decide::claim_ground_statute(ClaimGround::repayable, Date(2026, 11, 10)) == "SoL (2025:400) 33 kap. 3 §");
  }
  SECTION("SoL (2001:453) 9 kap. for bistånd granted before (transitional provision 5 a)") {
    CHECK(eb::decide::claim_ground_statute(ClaimGround::wrongly_paid, Date(2025, 6, 30)) ==
          "SoL (2001:453) 9 kap. 1 §");
    CHECK(eb::decide::claim_ground_statute(ClaimGround::advance, Date(2025, 6, 30)) ==
          "SoL (2001:453) 9 kap. 2 § första stycket 1");
    CHECK(eb::decide::claim_ground_statute(ClaimGround::repayable, Date(2025, 6, 30)) ==
          "SoL (2001:453) 9 kap. 2 § andra stycket");
  }
}

TEST_CASE("check_claim_ground", "[decide][repayment][claim]") {
  SECTION("a claim under 33 kap. 1 § needs no written condition, with or without a decision") {
    CHECK_NOTHROW(eb::decide::check_claim_ground(ClaimGround::wrongly_paid, std::nullopt));
    CHECK_NOTHROW(eb::decide::check_claim_ground(ClaimGround::wrongly_paid, decision_with(std::nullopt)));
    CHECK_NOTHROW(eb::decide::check_claim_ground(ClaimGround::wrongly_paid, decision_with(Repayment::advance)));
  }
  SECTION("an advance claim on a decision that stated the advance in writing") {
    CHECK_NOTHROW(eb::decide::check_claim_ground(ClaimGround::advance, decision_with(Repayment::advance)));
    CHECK_NOTHROW(eb::decide::check_claim_ground(ClaimGround::repayable, decision_with(Repayment::repayable)));
  }
  SECTION("33 kap. 2 or 3 § without a decision names --on-decision") {
    CHECK(eb::test::input_error_of([] { eb::decide::check_claim_ground(ClaimGround::advance, std::nullopt); }) ==
          "--on-decision: a claim under SoL 33 kap. 2 § rests on the decision that stated the condition in writing: "
          "give it (D-n)");
  }
  SECTION("a decision that stated no condition is refused, naming it") {
    CHECK_THROWS_AS(eb::decide::check_claim_ground(ClaimGround::advance, decision_with(std::nullopt)), eb::Conflict);
    CHECK_THROWS_WITH(eb::decide::check_claim_ground(ClaimGround::advance, decision_with(std::nullopt)),
                      Catch::StartsWith("D-8 of 2026-11-10 states no condition for repayment: a claim under SoL "
                                        "(2025:400) 33 kap. 2 § 1 a och 2 is possible only when the decision on the "
                                        "bistånd stated in writing that it was an advance on a benefit"));
    CHECK_THROWS_WITH(eb::decide::check_claim_ground(ClaimGround::repayable, decision_with(std::nullopt)),
                      Catch::Contains("under SoL (2025:400) 33 kap. 3 § is possible only when the decision on the "
                                      "bistånd stated in writing that it was given on condition of repayment"));
    CHECK_THROWS_WITH(eb::decide::check_claim_ground(ClaimGround::repayable, decision_with(std::nullopt)),
                      Catch::Contains("--ground wrongly-paid (33 kap. 1 §)"));
  }
  SECTION("a decision that stated the other condition is refused, naming the one it stated") {
    CHECK_THROWS_WITH(
        eb::decide::check_claim_ground(ClaimGround::repayable, decision_with(Repayment::advance)),
        Catch::StartsWith("D-8 of 2026-11-10 states an advance on sjukpenning from Försäkringskassan (SoL (2025:400) "
                          "33 kap. 2 § 1 a och 2), not a condition of repayment under 33 kap. 3 §"));
    CHECK_THROWS_AS(eb::decide::check_claim_ground(ClaimGround::advance, decision_with(Repayment::repayable)),
                    eb::Conflict);
  }
  SECTION("the old act's paragraphs for a decision before 1 July 2025") {
    auto d = decision_with(std::nullopt);
    d.decided_on = Date(2025, 6, 10);
    CHECK_THROWS_WITH(eb::decide::check_claim_ground(ClaimGround::advance, d),
                      Catch::Contains("a claim under SoL (2001:453) 9 kap. 2 § första stycket 1 is possible only"));
  }
}

TEST_CASE("claim_ground_warning", "[decide][repayment][claim]") {
  SECTION("a claim on a written condition holds only if the decision was served, which eb does not record") {
    const auto w = eb::decide::claim_ground_warning(ClaimGround::advance, 8);
    REQUIRE(w);
    CHECK_THAT(*w, Catch::Contains("D-8") && Catch::Contains("delgetts") && Catch::Contains("33 kap. 2 § 2 a"));
    CHECK_THAT(*eb::decide::claim_ground_warning(ClaimGround::repayable, 3), Catch::Contains("33 kap. 3 § 2"));
  }
  SECTION("none for a claim under 33 kap. 1 §") {
    CHECK_FALSE(eb::decide::claim_ground_warning(ClaimGround::wrongly_paid, 8));
  }
}
