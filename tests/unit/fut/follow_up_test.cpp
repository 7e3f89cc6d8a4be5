// SPDX-License-Identifier: MIT
// Tests of FUT follow-up: outcomes closing a flag, claims with their deadline and statute, and
// waivers.
#include "fut/follow_up.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "fut_fixture.hpp"
#include "support.hpp"

using namespace eb::test;
using eb::Conflict;
using eb::fut::ClaimRequest;
using eb::fut::FlagState;
using eb::fut::Outcome;
using eb::fut::Resolution;

namespace {

FlagState closed_as(Outcome o) {
  FlagState f;
  f.resolution = Resolution{o, "Lön från arbetsgivare ej redovisad", "Eva Utredare", Date(2026, 4, 10)};
  return f;
}

ClaimRequest request(Money amount = kr(4200)) {
  ClaimRequest r;
  r.amount = amount;
  r.decision = "Beslut 2026-04-12, delegat Eva Utredare";
  r.first_decided_on = Date(2026, 3, 10);
  r.costs_arose_on = Date(2026, 3, 25);
  r.paid = kr(6000);
  r.by = "Eva Utredare";
  r.on = Date(2026, 4, 12);
  return r;
}

}  // namespace

TEST_CASE("parse_outcome", "[fut]") {
  CHECK(eb::fut::parse_outcome("no-error", "--outcome") == Outcome::no_error);
  CHECK(eb::fut::parse_outcome("suspected-crime", "--outcome") == Outcome::suspected_crime);
  CHECK(eb::fut::outcome_label_sv(Outcome::suspected_crime) == "Misstänkt brott");
  CHECK(input_error_of([] { eb::fut::parse_outcome("fraud", "--outcome"); }) ==
        "--outcome = \"fraud\": unknown outcome (no-error, error, suspected-crime)");
}

TEST_CASE("resolve", "[fut]") {
  SECTION("an outcome with note, who and when closes an open flag") {
    const auto r = eb::fut::resolve(FlagState{}, Outcome::error, "Sjukpenning ej redovisad", "Eva", Date(2026, 4, 10));
    CHECK(r.outcome == Outcome::error);
    CHECK(r.note == "Sjukpenning ej redovisad");
    CHECK(r.by == "Eva");
    CHECK(r.on == Date(2026, 4, 10));
  }
  SECTION("a closed flag cannot be closed again") {
    CHECK_THROWS_MATCHES(eb::fut::resolve(closed_as(Outcome::no_error), Outcome::error, "x", "Eva", Date(2026, 5, 1)),
                         Conflict,
                         Catch::Message("the flag is already closed: no-error on 2026-04-10 by Eva Utredare"));
  }
  SECTION("a note and who are required") {
    CHECK(input_error_of([] { eb::fut::resolve(FlagState{}, Outcome::error, "  ", "Eva", Date(2026, 4, 10)); }) ==
          "--note: a note is required: say what the investigation found");
    CHECK(input_error_of([] { eb::fut::resolve(FlagState{}, Outcome::error, "x", "", Date(2026, 4, 10)); }) ==
          "by: who closes the flag is required");
  }
}

TEST_CASE("claim_deadline", "[fut]") {
  SECTION("three years from the day the costs arose (33 kap. 5 §)") {
    CHECK(eb::fut::claim_deadline(Date(2026, 3, 25)) == Date(2029, 3, 25));
  }
  SECTION("29 February gives 28 February three years on") {
    CHECK(eb::fut::claim_deadline(Date(2028, 2, 29)) == Date(2031, 2, 28));
  }
  SECTION("the statute follows when the bistånd was granted") {
    CHECK(eb::fut::claim_deadline_statute(Date(2025, 7, 1)) == "SoL (2025:400) 33 kap. 5 §");
    CHECK(eb::fut::claim_deadline_statute(Date(2025, 6, 30)) == "SoL (2001:453) 9 kap. 3 §");
    CHECK(eb::fut::waiver_statute(Date(2025, 7, 1)) == "SoL (2025:400) 33 kap. 6 §");
    CHECK(eb::fut::waiver_statute(Date(2025, 6, 30)) == "SoL (2001:453) 9 kap. 4 §");
  }
}

TEST_CASE("make_claim", "[fut]") {
  SECTION("a flag closed as error gets a claim with statute and deadline") {
    const auto c = eb::fut::make_claim(closed_as(Outcome::error), request());
    CHECK(c.amount == kr(4200));
    CHECK(c.statute == "SoL (2025:400) 33 kap. 1 §");
    CHECK(c.deadline == Date(2029, 3, 25));
    CHECK(c.deadline_statute == "SoL (2025:400) 33 kap. 5 §");
    CHECK(c.by == "Eva Utredare");
    CHECK(c.on == Date(2026, 4, 12));
    CHECK_FALSE(c.is_past_deadline(Date(2029, 3, 25)));
    CHECK(c.is_past_deadline(Date(2029, 3, 26)));
    CHECK(c.days_to_deadline(Date(2029, 3, 20)) == 5);
  }
  SECTION("bistånd granted before 2025-07-01 is claimed under the old act") {
    auto r = request();
    r.first_decided_on = Date(2025, 6, 20);
    r.costs_arose_on = Date(2025, 6, 25);
    const auto c = eb::fut::make_claim(closed_as(Outcome::suspected_crime), r);
    CHECK(c.statute == "SoL (2001:453) 9 kap. 1 §");
    CHECK(c.deadline_statute == "SoL (2001:453) 9 kap. 3 §");
    CHECK(c.deadline == Date(2028, 6, 25));
  }
  SECTION("an open flag, one closed as no error, or one with a claim gets none") {
    CHECK_THROWS_AS(eb::fut::make_claim(FlagState{}, request()), Conflict);
    CHECK_THROWS_AS(eb::fut::make_claim(closed_as(Outcome::no_error), request()), Conflict);
    auto claimed = closed_as(Outcome::error);
    claimed.has_claim = true;
    CHECK_THROWS_AS(eb::fut::make_claim(claimed, request()), Conflict);
  }
  SECTION("the amount must be more than 0 and at most what was paid; a decision is required") {
    CHECK(input_error_of([] { eb::fut::make_claim(closed_as(Outcome::error), request(Money())); }) ==
          "--amount = 0 kr: a claim must be more than 0 kr");
    CHECK(input_error_of([] { eb::fut::make_claim(closed_as(Outcome::error), request(kr(6001))); }) ==
          "--amount = 6 001 kr: is more than was paid (6 000 kr)");
    auto r = request();
    r.decision = "";
    CHECK(input_error_of([&] { eb::fut::make_claim(closed_as(Outcome::error), r); }) ==
          "--decision: the nämnd's decision on the claim is required");
  }
}

TEST_CASE("make_claim: the ground and the decision it refers to (SoL 33 kap. 1–3 §§)", "[fut][claim]") {
  eb::decide::ClaimedDecision advance;
  advance.id = 8;
  advance.decided_on = Date(2026, 3, 10);
  advance.repayment = eb::decide::RepaymentCondition{eb::decide::Repayment::advance, "FK:sjukpenning", ""};
  SECTION("by default a claim rests on 33 kap. 1 § and refers to no decision") {
    const auto c = eb::fut::make_claim(closed_as(Outcome::error), request());
    CHECK(c.ground == eb::decide::ClaimGround::wrongly_paid);
    CHECK_FALSE(c.on_decision);
  }
  SECTION("a claim under 33 kap. 2 § on the decision that stated the advance records it, with its deadline") {
    auto r = request();
    r.ground = eb::decide::ClaimGround::advance;
    r.on_decision = advance;
    const auto c = eb::fut::make_claim(closed_as(Outcome::error), r);
    CHECK(c.ground == eb::decide::ClaimGround::advance);
    CHECK(c.on_decision == 8);
    CHECK(c.statute == "SoL (2025:400) 33 kap. 2 § 1 a och 2");
    CHECK(c.deadline == Date(2029, 3, 25));
    CHECK(c.deadline_statute == "SoL (2025:400) 33 kap. 5 §");
  }
  SECTION("33 kap. 2 § on a decision without the condition is refused, naming the decision") {
    auto r = request();
    r.ground = eb::decide::ClaimGround::advance;
    advance.repayment.reset();
    r.on_decision = advance;
    CHECK_THROWS_AS(eb::fut::make_claim(closed_as(Outcome::error), r), Conflict);
    CHECK_THROWS_WITH(eb::fut::make_claim(closed_as(Outcome::error), r), Catch::StartsWith("D-8 of 2026-03-10"));
    r.on_decision.reset();
    CHECK(input_error_of([&] { eb::fut::make_claim(closed_as(Outcome::error), r); }) ==
          "--on-decision: a claim under SoL 33 kap. 2 § rests on the decision that stated the condition in writing: "
          "give it (D-n)");
  }
  SECTION("33 kap. 1 § may name a decision that stated no condition") {
    auto r = request();
    advance.repayment.reset();
    r.on_decision = advance;
    CHECK(eb::fut::make_claim(closed_as(Outcome::error), r).on_decision == 8);
  }
  SECTION("an advance granted before 2025-07-01 is claimed under the old act's 9 kap. 2 §") {
    auto r = request();
    r.ground = eb::decide::ClaimGround::advance;
    r.on_decision = advance;
    r.first_decided_on = Date(2025, 6, 20);
    CHECK(eb::fut::make_claim(closed_as(Outcome::error), r).statute == "SoL (2001:453) 9 kap. 2 § första stycket 1");
  }
}

TEST_CASE("make_decision_claim", "[fut][claim]") {
  eb::decide::ClaimedDecision repayable;
  repayable.id = 3;
  repayable.decided_on = Date(2026, 3, 10);
  repayable.repayment = eb::decide::RepaymentCondition{eb::decide::Repayment::repayable, "", "Ett arv betalas ut."};
  auto r = request();
  r.ground = eb::decide::ClaimGround::repayable;
  r.on_decision = repayable;
  r.reason = "Arvet har betalats ut.";
  SECTION("a repayable grant is claimed under 33 kap. 3 § on its decision") {
    const auto c = eb::fut::make_decision_claim(r);
    CHECK(c.on_decision == 3);
    CHECK(c.reason == "Arvet har betalats ut.");
    CHECK(c.statute == "SoL (2025:400) 33 kap. 3 §");
    CHECK(c.deadline == Date(2029, 3, 25));
  }
  SECTION("at most what is left to claim of what was paid") {
    r.amount = kr(6001);
    CHECK(input_error_of([&] { eb::fut::make_decision_claim(r); }) ==
          "--amount = 6 001 kr: is more than is left to claim of what was paid under D-3 (6 000 kr)");
  }
  SECTION("the circumstances are required, on one line") {
    r.reason = " ";
    CHECK(input_error_of([&] { eb::fut::make_decision_claim(r); }) ==
          "--reason: the circumstances that ground the claim are required (e.g. what the benefit paid for the same "
          "time)");
    r.reason = "två\nrader";
    CHECK_THAT(input_error_of([&] { eb::fut::make_decision_claim(r); }), Catch::StartsWith("--reason = "));
  }
  SECTION("a decision is required, and it must state the condition") {
    r.on_decision.reset();
    CHECK(input_error_of([&] { eb::fut::make_decision_claim(r); }) ==
          "DECISION-ID: a claim on a decision names the decision on the bistånd claimed (D-n)");
    repayable.repayment.reset();
    r.on_decision = repayable;
    CHECK_THROWS_AS(eb::fut::make_decision_claim(r), Conflict);
  }
}

TEST_CASE("make_waiver", "[fut]") {
  const auto claim = eb::fut::make_claim(closed_as(Outcome::error), request());
  SECTION("waives part of what is outstanding, under 33 kap. 6 §") {
    const auto w =
        eb::fut::make_waiver(claim, {kr(1000), Money()}, kr(2000), "Synnerliga skäl", "Nämnden", Date(2026, 6, 1));
    CHECK(w.amount == kr(2000));
    CHECK_FALSE(w.whole);
    CHECK(w.statute == "SoL (2025:400) 33 kap. 6 §");
  }
  SECTION("waiving all that is outstanding is a whole waiver") {
    CHECK(eb::fut::make_waiver(claim, {kr(1000), kr(200)}, kr(3000), "x", "Nämnden", Date(2026, 6, 1)).whole);
  }
  SECTION("not more than is outstanding, not when nothing is, and with a reason") {
    CHECK(input_error_of([&] {
            eb::fut::make_waiver(claim, {kr(1000), Money()}, kr(3201), "x", "Nämnden", Date(2026, 6, 1));
          }) == "--amount = 3 201 kr: is more than is outstanding (3 200 kr)");
    CHECK_THROWS_AS(eb::fut::make_waiver(claim, {kr(4200), Money()}, kr(1), "x", "Nämnden", Date(2026, 6, 1)),
                    Conflict);
    CHECK(input_error_of([&] { eb::fut::make_waiver(claim, {}, kr(1), "", "Nämnden", Date(2026, 6, 1)); }) ==
          "--reason: the reason for the waiver is required");
  }
  SECTION("outstanding is the amount less repaid and waived") {
    CHECK(eb::fut::outstanding(claim, {kr(1000), kr(500)}) == kr(2700));
  }
}
