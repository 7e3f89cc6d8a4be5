// SPDX-License-Identifier: MIT
// Tests of make_decision: per-item outcomes, totals, reasons, statutes, handling days, and every
// refusal (delegation, child impact, twice without --replaces, FL 37 §).
#include "decide/make_decision.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "common/error.hpp"
#include "decide/reasons.hpp"
#include "decide_support.hpp"

using eb::decide::Basis;
using eb::decide::Kind;
using eb::decide::make_decision;
using eb::decide::parse_reason;
using eb::decide::parse_rejection;
using eb::decide::Request;
using eb::decide::Role;
using eb::money::Money;
using eb::period::Date;
using eb::test::decider;

namespace {

struct Fixture {
  eb::assess::Assessment assessment;
  Basis basis;
  explicit Fixture(const char* toml, int children = 0) : assessment(eb::test::assessment_of(toml)) {
    basis.application_id = 3;
    basis.assessment_id = 7;
    basis.assessment = &assessment;
    basis.received = Date(2026, 3, 2);
    basis.children = children;
  }
};

Request request(Kind k) {
  Request r;
  r.kind = k;
  return r;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("decide::parse_rejection", "[decide]") {
  SECTION("reads ITEM:KRONOR") {
    const auto r = parse_rejection("rent:1200", "--reject");
    CHECK(r.item == "rent");
    CHECK(r.amount == Money::from_kr(1200));
    CHECK_FALSE(r.reason);
  }
  SECTION("reads öre and a reason") {
    const auto r = parse_rejection("rent:1200,50:cost-above-guideline", "--reject");
    CHECK(r.amount == Money::from_ore(120050));
    REQUIRE(r.reason);
    CHECK(r.reason->code == "cost-above-guideline");
  }
  SECTION("refuses a missing amount, naming the field and value") {
    CHECK_THROWS_WITH(parse_rejection("rent", "--reject"), "--reject = \"rent\": write ITEM:KRONOR, e.g. rent:1200");
    CHECK_THROWS_AS(parse_rejection("rent:lots", "--reject"), eb::InputError);
    CHECK_THROWS_WITH(parse_rejection("rent:0", "--reject"), "--reject = \"rent:0\": the amount must be above 0");
  }
}

TEST_CASE("decide::decision_lines", "[decide]") {
  const Fixture f(eb::test::k_single_adult);
  const auto lines = eb::decide::decision_lines(f.assessment);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].item == "riksnorm.single");
  CHECK(lines[1].item == "riksnorm.common");
  CHECK(lines[2].item == "rent");
  CHECK(lines[3].item == "electricity");
  CHECK(lines[2].assessed == Money::from_kr(6500));
}

TEST_CASE("decide::make_decision bifall", "[decide]") {
  const Fixture f(eb::test::k_single_adult);
  REQUIRE(f.assessment.totals.amount == Money::from_kr(9970));
  const auto d = make_decision(f.basis, request(Kind::bifall), decider(Role::socialsekreterare), Date(2026, 3, 5));
  SECTION("grants the assessed amount on every line") {
    CHECK(d.kind == Kind::bifall);
    CHECK(d.granted == Money::from_kr(9970));
    CHECK(d.assessed == Money::from_kr(9970));
    CHECK(std::all_of(d.lines.begin(), d.lines.end(),
                      [](const auto& l) { return l.granted == l.assessed && l.outcome == Kind::bifall; }));
  }
  SECTION("records who, the delegation, the authority and the handling days") {
    CHECK(d.decided_by == "anna");
    CHECK(d.delegation.rfind("punkt 3.1 i exempeldelegationsordningen", 0) == 0);
    CHECK(d.authority == "Socialnämnden i Exempel kommun");
    CHECK(d.decided_on == Date(2026, 3, 5));
    CHECK(d.handling_days == 4);  // 2, 3, 4, 5 March 2026
    CHECK(d.application_id == 3);
    CHECK(d.assessment_id == 7);
    CHECK_FALSE(d.routine);
  }
  SECTION("names the rules applied, the right first") {
    REQUIRE_FALSE(d.statutes.empty());
    CHECK(d.statutes.front() == "SoL (2025:400) 12 kap. 1 §");
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 7 § första stycket 2"));
    CHECK(has(d.statutes, "SoF (2025:468) 12 kap. 2 §"));
  }
}

TEST_CASE("decide::make_decision delbifall", "[decide]") {
  const Fixture f(eb::test::k_single_adult);
  Request r = request(Kind::delbifall);
  r.rejections.push_back(parse_rejection("rent:1200:cost-above-guideline", "--reject"));
  r.reasons.push_back(parse_reason("Hyran är högre än skäligt.", "--reason"));
  SECTION("takes the rejected amount off the item and the total") {
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5));
    CHECK(d.granted == Money::from_kr(8770));
    const auto& rent = d.lines[2];
    CHECK(rent.item == "rent");
    CHECK(rent.granted == Money::from_kr(5300));
    CHECK(rent.outcome == Kind::delbifall);
    CHECK_THAT(rent.reason, Catch::StartsWith("Kostnaden är högre än"));
    CHECK(d.lines[0].outcome == Kind::bifall);
  }
  SECTION("marks an item rejected in full as avslag, and accepts the rule name") {
    r.rejections = {parse_rejection("cost.electricity:250", "--reject")};
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5));
    CHECK(d.lines[3].outcome == Kind::avslag);
    CHECK(d.granted == Money::from_kr(9720));
  }
  SECTION("needs a --reject") {
    r.rejections.clear();
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::StartsWith("--reject: --delbifall needs at least one --reject ITEM:KRONOR, or an "
                                        "assessment that counts less than was applied for (items: "
                                        "riksnorm.single, riksnorm.common, rent, electricity)"));
  }
  SECTION("refuses an unknown item, naming it and listing the items") {
    r.rejections = {parse_rejection("dental:100", "--reject")};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::StartsWith("--reject = \"dental\": no such item in assessment of A-3"));
  }
  SECTION("refuses more than the item") {
    r.rejections = {parse_rejection("rent:6500,01", "--reject")};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      "--reject = rent:6 500,01: more than the 6 500 kr left of Boendekostnad");
  }
  SECTION("needs a reason unless every rejection has one") {
    r.reasons.clear();
    CHECK_NOTHROW(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)));
    r.rejections = {parse_rejection("rent:1200", "--reject")};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::StartsWith("--reason: a delbifall needs its reasons"));
  }
  SECTION("adds the statute of each reason") {
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5));
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 7 § första stycket 2"));
  }
  SECTION("a rejection of everything is an avslag") {
    r.rejections = {parse_rejection("rent:6500", "--reject"), parse_rejection("riksnorm.single:3940", "--reject")};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::Contains("that is an avslag (--avslag)"));
  }
}

TEST_CASE("decide::make_decision avslag", "[decide]") {
  const Fixture f(eb::test::k_single_adult);
  Request r = request(Kind::avslag);
  r.reasons.push_back(parse_reason("not-available-for-work", "--reason"));
  SECTION("grants nothing, line by line") {
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5));
    CHECK(d.granted.is_zero());
    CHECK(d.assessed == Money::from_kr(9970));
    CHECK(std::all_of(d.lines.begin(), d.lines.end(),
                      [](const auto& l) { return l.granted.is_zero() && l.outcome == Kind::avslag; }));
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 3 §"));
    REQUIRE(d.reasons.size() == 1);
    CHECK(d.reasons[0].code == "not-available-for-work");
  }
  SECTION("needs a reason") {
    r.reasons.clear();
    CHECK_THROWS_AS(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)), eb::InputError);
  }
  SECTION("takes no --reject") {
    r.rejections = {parse_rejection("rent:100", "--reject")};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::Contains("--avslag takes no --reject"));
  }
}

TEST_CASE("decide::make_decision with children", "[decide]") {
  const Fixture f(eb::test::k_parent_and_child, 1);
  REQUIRE(f.assessment.totals.amount == Money::from_kr(16170));
  Request r = request(Kind::avslag);
  r.reasons.push_back(parse_reason("incomplete", "--reason"));
  SECTION("an avslag without a barnkonsekvensanalys is refused, naming --child-impact") {
    CHECK_THROWS_AS(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)), eb::InputError);
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)),
                      "--child-impact: the household has 1 child: an avslag needs a barnkonsekvensanalys (how the "
                      "decision affects the children)");
  }
  SECTION("a blank child impact does not count") {
    r.child_impact = "  ";
    CHECK_THROWS_AS(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)), eb::InputError);
  }
  SECTION("with one it is recorded") {
    r.child_impact = "Barnets boende påverkas inte.";
    const auto d = make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5));
    CHECK(d.child_impact == "Barnets boende påverkas inte.");
  }
  SECTION("a delbifall needs one too") {
    Request p = request(Kind::delbifall);
    p.rejections = {parse_rejection("rent:500", "--reject")};
    p.reasons = {parse_reason("Hyran är för hög.", "--reason")};
    CHECK_THROWS_AS(make_decision(f.basis, p, decider(Role::enhetschef), Date(2026, 3, 5)), eb::InputError);
  }
  SECTION("a bifall does not") {
    CHECK_NOTHROW(make_decision(f.basis, request(Kind::bifall), decider(Role::gruppledare), Date(2026, 3, 5)));
  }
}

TEST_CASE("decide::make_decision refusals", "[decide]") {
  Fixture f(eb::test::k_parent_and_child, 1);
  SECTION("above the delegation: Conflict naming user, role, limit and amount") {
    CHECK_THROWS_AS(make_decision(f.basis, request(Kind::bifall), decider(Role::socialsekreterare), Date(2026, 3, 5)),
                    eb::Conflict);
    CHECK_THROWS_WITH(make_decision(f.basis, request(Kind::bifall), decider(Role::socialsekreterare), Date(2026, 3, 5)),
                      Catch::StartsWith("anna (socialsekreterare) may grant at most 15 000 kr per month") &&
                          Catch::Contains("this decision grants 16 170 kr for 2026-03"));
  }
  SECTION("a second decision without --replaces: Conflict naming the existing decision") {
    f.basis.current_decision = 4;
    f.basis.current_granted = Money::from_kr(16170);
    CHECK_THROWS_AS(make_decision(f.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 3, 5)),
                    eb::Conflict);
    CHECK_THROWS_WITH(make_decision(f.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 3, 5)),
                      "A-3 already has decision D-4; decisions are never edited: to decide again, make a new decision "
                      "that replaces it (--replaces D-4)");
  }
  SECTION("--replaces must name the current decision") {
    f.basis.current_decision = 4;
    Request r = request(Kind::bifall);
    r.replaces = 2;
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)),
                      "--replaces D-2: the current decision of A-3 is D-4; only the current decision can be replaced");
    f.basis.current_decision.reset();
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)),
                      "--replaces D-2: A-3 has no decision to replace");
  }
  SECTION("a replacing decision that grants less needs a reason (FL 37 §), and cites it") {
    f.basis.current_decision = 4;
    f.basis.current_granted = Money::from_kr(20000);
    Request r = request(Kind::bifall);
    r.replaces = 4;
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)),
                      Catch::StartsWith("--reason: this decision grants 16 170 kr, less than the 20 000 kr of D-4") &&
                          Catch::Contains("FL 37 §"));
    r.reasons = {parse_reason("Hyran har sänkts enligt nytt hyresavtal.", "--reason")};
    const auto d = make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5));
    CHECK(d.replaces == 4);
    CHECK(has(d.statutes, "FL (2017:900) 37 § andra stycket"));
  }
  SECTION("a replacing decision that grants as much needs no reason") {
    f.basis.current_decision = 4;
    f.basis.current_granted = Money::from_kr(10000);
    Request r = request(Kind::bifall);
    r.replaces = 4;
    CHECK(make_decision(f.basis, r, decider(Role::enhetschef), Date(2026, 3, 5)).replaces == 4);
  }
  SECTION("a bifall of 0 kr is refused") {
    const Fixture zero(R"(month = "2026-03"
received = "2026-03-02"
address = "x"
[[member]]
pnr = "19850312-2387"
role = "applicant"
[[income]]
member = "19850312-2387"
kind = "salary"
amount = 30000
)");
    CHECK_THROWS_WITH(make_decision(zero.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 3, 5)),
                      Catch::Contains("decide --avslag --reason income-exceeds-need"));
  }
  SECTION("a decision date before the arrival is refused") {
    CHECK_THROWS_AS(make_decision(f.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 3, 1)),
                    eb::InputError);
  }
}

TEST_CASE("decide::make_decision handling days", "[decide]") {
  Fixture f(eb::test::k_single_adult);
  SECTION("counts working days across Easter 2026, arrival = day 1") {
    f.basis.received = Date(2026, 4, 1);
    // 1, 2, 7, 8 April: 3 and 6 April are Långfredagen and Annandag påsk.
    CHECK(make_decision(f.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 4, 8)).handling_days ==
          4);
  }
  SECTION("is 0 when decided on a weekend day of arrival") {
    f.basis.received = Date(2026, 3, 14);
    CHECK(make_decision(f.basis, request(Kind::bifall), decider(Role::enhetschef), Date(2026, 3, 14)).handling_days ==
          0);
  }
}

TEST_CASE("decide::routine_refusal", "[decide]") {
  Fixture f(eb::test::k_single_adult);
  SECTION("nothing for a plain assessment within the delegation") {
    CHECK_FALSE(eb::decide::routine_refusal(f.basis, decider(Role::socialsekreterare), Date(2026, 3, 5)));
  }
  SECTION("warnings") {
    f.assessment.warnings = {"first", "second"};
    CHECK(eb::decide::routine_refusal(f.basis, decider(Role::socialsekreterare), Date(2026, 3, 5)) ==
          "the assessment has warnings: first (and 1 more)");
  }
  SECTION("above the delegation") {
    CHECK_THAT(*eb::decide::routine_refusal(f.basis, decider(Role::fut), Date(2026, 3, 5)),
               Catch::Contains("has no delegation"));
  }
}
