// SPDX-License-Identifier: MIT
// Tests of make_decision against what was applied for (issue #13): a cut is a delbifall with
// its reasons, bifall is refused naming the cut items, the barnkonsekvensanalys is required, a
// norm that is not official needs --allow-unofficial-norm, synnerliga skäl lift the
// large-household limit, conditions for repayment, dissent, the rules of the decision date and
// the routine run. Synthetic personnummer only.
#include <catch2/catch.hpp>

#include <algorithm>

#include "assess/calculator.hpp"
#include "common/error.hpp"
#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"
#include "decide/routine.hpp"
#include "decide_support.hpp"

using eb::decide::Basis;
using eb::decide::Candidate;
using eb::decide::Kind;
using eb::decide::make_decision;
using eb::decide::Repayment;
using eb::decide::Request;
using eb::decide::Role;
using eb::money::Money;
using eb::period::Date;
using eb::test::decider;

namespace {

Money kr(std::int64_t k) {
  return Money::from_kr(k);
}

// An assessment of `toml` by the transitional rules for a decision on `today`.
eb::assess::Assessment assess_on(const std::string& toml, Date today) {
  const auto app = eb::test::application_of(toml);
  const auto& catalog = eb::test::bundled_catalog();
  const auto rules = catalog.rules_for(app.month, app.received, today);
  return eb::assess::calculate(app, catalog.norm_for(rules), nullptr, &rules);
}

struct Fixture {
  eb::assess::Assessment assessment;
  Basis basis;
  Fixture(const std::string& toml, Date today, int children) : assessment(assess_on(toml, today)) {
    basis.application_id = 4;
    basis.assessment_id = 9;
    basis.assessment = &assessment;
    basis.received = eb::test::application_of(toml).received.value_or(today);
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

// A single parent with a child; the electricity applied for is approved at less.
const std::string k_cut = R"(month = "2026-11"
received = "2026-11-02"
address = "Provgatan 1, 123 45 Exempelstad"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[member]]
pnr = "20150606-6784"
role = "child"
[[cost]]
kind = "rent"
applied = 7000
[[cost]]
kind = "electricity"
applied = 900
approved = 600
[[income]]
member = "19800101-1231"
kind = "barnbidrag"
amount = 1250
)";

// Five children, one of them alternating: the 2027 limit (7 a §) takes 1 035 kr.
const std::string k_large = R"(month = "2027-03"
received = "2027-03-01"
address = "Provgatan 1, 123 45 Exempelstad"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[member]]
pnr = "20100505-5676"
role = "child"
[[member]]
pnr = "20120707-7890"
role = "child"
[[member]]
pnr = "20150606-6784"
role = "child"
[[member]]
pnr = "20180808-8916"
role = "child"
[[member]]
pnr = "20200909-9124"
role = "child"
alternating_residence = true
[[cost]]
kind = "rent"
applied = 9000
[[income]]
member = "19800101-1231"
kind = "barnbidrag"
amount = 6000
[[income]]
member = "19800101-1231"
kind = "underhallsstod"
amount = 6000
)";

const std::string k_single = R"(month = "2026-11"
received = "2026-11-02"
address = "Provgatan 1, 123 45 Exempelstad"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[cost]]
kind = "rent"
applied = 6000
)";

}  // namespace

TEST_CASE("make_decision: measured against what was applied for", "[decide][cut]") {
  Fixture f(k_cut, Date(2026, 11, 5), 1);
  SECTION("bifall of an assessment with a cut is refused, naming the cut items") {
    CHECK_THROWS_WITH(
        make_decision(f.basis, request(Kind::bifall), decider(Role::gruppledare, "gunnar"), Date(2026, 11, 5)),
        Catch::Contains("A-4: the assessment grants") &&
            Catch::Contains("electricity (900 kr applied for, 600 kr counted: cost-reduced)") &&
            Catch::Contains("is a delbifall") && Catch::Contains("--child-impact TEXT"));
  }
  SECTION("the cut makes a delbifall, with the barnkonsekvensanalys required") {
    CHECK_THROWS_WITH(
        make_decision(f.basis, request(Kind::delbifall), decider(Role::gruppledare, "gunnar"), Date(2026, 11, 5)),
        Catch::StartsWith("--child-impact: the household has 1 child: a delbifall needs a barnkonsekvensanalys") &&
            Catch::Contains("cut items: electricity"));
  }
  SECTION("a delbifall on the cut alone: applied, granted and refused per item, the reason and statute") {
    Request r = request(Kind::delbifall);
    r.child_impact = "Barnet påverkas inte: hushållet får full ersättning för hyran.";
    const auto d = make_decision(f.basis, r, decider(Role::gruppledare, "gunnar"), Date(2026, 11, 5));
    CHECK(d.kind == Kind::delbifall);
    CHECK(d.granted == f.assessment.totals.amount);
    CHECK(d.applied - d.granted == kr(300));
    const auto el = std::find_if(d.lines.begin(), d.lines.end(), [](const auto& l) { return l.item == "electricity"; });
    REQUIRE(el != d.lines.end());
    CHECK(el->applied == kr(900));
    CHECK(el->granted == kr(600));
    CHECK(el->refused() == kr(300));
    CHECK(el->outcome == Kind::delbifall);
    CHECK(el->reason_code == "cost-reduced");
    CHECK(el->reason.find("Du har ansökt om 900 kr för hushållsel") != std::string::npos);
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 7 § första stycket 2"));
    CHECK(has(d.statutes, "SoL (2025:400) 3 kap. 1–2 §§"));
  }
  SECTION("a --reject on top of the cut adds to what is refused") {
    Request r = request(Kind::delbifall);
    r.child_impact = "Barnet påverkas inte.";
    r.rejections.push_back(eb::decide::parse_rejection("rent:500:cost-not-reasonable", "--reject"));
    const auto d = make_decision(f.basis, r, decider(Role::gruppledare, "gunnar"), Date(2026, 11, 5));
    CHECK(d.applied - d.granted == kr(800));
  }
}

TEST_CASE("make_decision: a norm that is not official", "[decide][norm_status]") {
  const std::string jan2027 = R"(month = "2027-01"
received = "2027-01-04"
address = "Provgatan 1, 123 45 Exempelstad"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[cost]]
kind = "rent"
applied = 6000
)";
  Fixture f(jan2027, Date(2027, 1, 8), 0);
  REQUIRE(f.assessment.norm_status == eb::norms::NormStatus::preliminary);
  SECTION("a granting decision on the preliminary 2027 norm is refused") {
    CHECK_THROWS_AS(make_decision(f.basis, request(Kind::bifall), decider(Role::socialsekreterare), Date(2027, 1, 8)),
                    eb::Conflict);
    CHECK_THROWS_WITH(make_decision(f.basis, request(Kind::bifall), decider(Role::socialsekreterare), Date(2027, 1, 8)),
                      Catch::Contains("riksnorm-2027, whose status is preliminary") &&
                          Catch::Contains("SoF 12 kap. 1 b och 2 §§") &&
                          Catch::Contains("--allow-unofficial-norm REASON"));
  }
  SECTION("with --allow-unofficial-norm it is decided, and the reason recorded") {
    Request r = request(Kind::bifall);
    r.unofficial_norm_reason = "Regeringen har inte fastställt 2027 års belopp; beslutet kan inte vänta.";
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2027, 1, 8));
    REQUIRE(d.unofficial_norm);
    CHECK(d.unofficial_norm->find("inte fastställt") != std::string::npos);
  }
  SECTION("an avslag needs no permission") {
    Request r = request(Kind::avslag);
    r.reasons.push_back(eb::decide::parse_reason("incomplete", "--reason"));
    CHECK_NOTHROW(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2027, 1, 8)));
  }
  SECTION("--allow-unofficial-norm on an official norm is an input error") {
    Fixture g(k_single, Date(2026, 11, 5), 0);
    Request r = request(Kind::bifall);
    r.unofficial_norm_reason = "Ingen anledning.";
    CHECK_THROWS_WITH(make_decision(g.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::StartsWith("--allow-unofficial-norm = \"Ingen anledning.\": riksnorm-2026 is official"));
  }
}

TEST_CASE("make_decision: the large-household limit and synnerliga skäl", "[decide][large_household]") {
  Fixture f(k_large, Date(2027, 3, 3), 5);
  Request base = request(Kind::bifall);
  base.unofficial_norm_reason = "2027 års belopp är inte fastställda.";
  SECTION("the reduction is a cut: bifall refused, delbifall with its reason") {
    CHECK_THROWS_WITH(make_decision(f.basis, base, decider(Role::gruppledare), Date(2027, 3, 3)),
                      Catch::Contains("riksnorm.large_household (0 kr applied for, -1 035 kr counted: "
                                      "large-household-reduction)"));
    Request r = base;
    r.kind = Kind::delbifall;
    r.child_impact = "Barnen bor kvar; minskningen motsvarar 1 035 kr i månaden.";
    const auto d = make_decision(f.basis, r, decider(Role::gruppledare), Date(2027, 3, 3));
    CHECK(d.applied - d.granted == kr(1035));
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 7 a §"));
    CHECK(has(d.statutes, "SoF (2025:468) 12 kap. 3 b–3 c §§"));
  }
  SECTION("synnerliga skäl lift it: a bifall of what was applied for, with the reason recorded") {
    Request r = base;
    r.large_household_exempt = "Ett av barnen har en svår sjukdom som ger stora merkostnader.";
    const auto d = make_decision(f.basis, r, decider(Role::gruppledare), Date(2027, 3, 3));
    CHECK(d.kind == Kind::bifall);
    CHECK(d.granted == f.assessment.totals.amount + kr(1035));
    CHECK(d.granted == d.applied);
    REQUIRE(d.large_household_exempt);
  }
  SECTION("--synnerliga-skal without a reduction is an input error") {
    Fixture g(k_single, Date(2026, 11, 5), 0);
    Request r = request(Kind::bifall);
    r.large_household_exempt = "Synnerliga skäl.";
    CHECK_THROWS_WITH(make_decision(g.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::Contains("no large-household reduction to lift"));
  }
}

TEST_CASE("make_decision: conditions for repayment and dissent", "[decide][repayment]") {
  Fixture f(k_single, Date(2026, 11, 5), 0);
  SECTION("an advance on sjukpenning (SoL 33 kap. 2 §)") {
    Request r = request(Kind::bifall);
    r.advance_on = "FK:sjukpenning";
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5));
    REQUIRE(d.repayment);
    CHECK(d.repayment->kind == Repayment::advance);
    CHECK(d.repayment->on == "FK:sjukpenning");
    CHECK(has(d.statutes, "SoL (2025:400) 33 kap. 2 § 1 a och 2"));
  }
  SECTION("an unknown payer or benefit is an input error naming the option") {
    Request r = request(Kind::bifall);
    r.advance_on = "XX:sjukpenning";
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::StartsWith("--advance-on = \"XX:sjukpenning\": unknown payer"));
    r.advance_on = "FK:salary";
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::Contains("unknown benefit \"salary\""));
  }
  SECTION("repayable (33 kap. 3 §) needs its grounds, and rests on 12 kap. 2 §") {
    Request r = request(Kind::bifall);
    r.repayable = true;
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::StartsWith("--reason: --repayable needs the circumstances"));
    r.reasons.push_back(eb::decide::parse_reason("Du väntar på ett arv som betalas ut i december.", "--reason"));
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5));
    REQUIRE(d.repayment);
    CHECK(d.repayment->grounds == "Du väntar på ett arv som betalas ut i december.");
    CHECK(d.statutes.front() == "SoL (2025:400) 12 kap. 2 §");
    CHECK(has(d.statutes, "SoL (2025:400) 33 kap. 3 §"));
  }
  SECTION("no condition on an avslag") {
    Request r = request(Kind::avslag);
    r.reasons.push_back(eb::decide::parse_reason("incomplete", "--reason"));
    r.advance_on = "FK:sjukpenning";
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::StartsWith("--advance-on: an avslag grants nothing to repay"));
  }
  SECTION("a dissent is recorded, not among the statutes the decision rests on; the decider cannot dissent") {
    Request r = request(Kind::bifall);
    r.dissents.push_back({"gunnar", "Hyran borde ha prövats mot riktlinjen."});
    const auto d = make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5));
    REQUIRE(d.dissents.size() == 1);
    // FL 30 and 33 §§ are cited where the letter records the dissent: the decision does not rest on them.
    CHECK_FALSE(has(d.statutes, "FL (2017:900) 30 § andra stycket och 33 § andra stycket"));
    r.dissents = {{"anna", "Jag håller inte med mig själv."}};
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::StartsWith("--dissent = \"anna\": the one who decides cannot dissent"));
  }
  SECTION("a reason code whose rule is not yet in force is refused") {
    Request r = request(Kind::avslag);
    r.reasons.push_back(eb::decide::parse_reason("refused-rehabilitation", "--reason"));
    CHECK_THROWS_WITH(make_decision(f.basis, r, decider(Role::socialsekreterare), Date(2026, 11, 5)),
                      Catch::Contains("refused-rehabilitation rests on a rule in force from 2027-01-01"));
  }
}

TEST_CASE("decide::basis_of: the rules of the decision date", "[decide][transitional]") {
  const std::string jan2025 = R"(month = "2025-01"
received = "2025-01-02"
address = "Provgatan 1, 123 45 Exempelstad"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[cost]]
kind = "rent"
applied = 6000
)";
  const auto& catalog = eb::test::bundled_catalog();
  Candidate c;
  c.application_id = 5;
  c.assessment_id = 8;
  c.received = Date(2025, 1, 2);
  SECTION("a January 2025 month assessed and decided in August 2025 cites SoL (2025:400)") {
    c.assessment = assess_on(jan2025, Date(2025, 8, 11));
    c.rules_now = catalog.rules_for(eb::period::Month(2025, 1), c.received, Date(2025, 8, 12));
    const Basis b = eb::decide::basis_of(c);
    const auto d = make_decision(b, request(Kind::bifall), decider(Role::socialsekreterare), Date(2025, 8, 12));
    CHECK(d.statutes.front() == "SoL (2025:400) 12 kap. 1 §");
    CHECK(has(d.statutes, "SoL (2025:400) 12 kap. 7 § första stycket 2"));
    for (const auto& s : d.statutes) CHECK(s.find("2001:453") == std::string::npos);
  }
  SECTION("assessed in June 2025 and decided in August: assess again") {
    c.assessment = assess_on(jan2025, Date(2025, 6, 10));
    c.rules_now = catalog.rules_for(eb::period::Month(2025, 1), c.received, Date(2025, 8, 12));
    CHECK_THROWS_WITH(eb::decide::basis_of(c), Catch::Contains("A-5 was assessed under the rules of 2025-01-01") &&
                                                   Catch::Contains("follows those of 2025-07-01 (SFS 2025:400)") &&
                                                   Catch::Contains("eb assess A-5"));
  }
}

TEST_CASE("decide::plan_routine: what needs judgement goes to manual handling", "[decide][routine][cut]") {
  Candidate cut;
  cut.application_id = 1;
  cut.received = Date(2026, 11, 2);
  cut.children = 1;
  cut.assessment_id = 1;
  cut.assessment = assess_on(k_cut, Date(2026, 11, 5));
  Candidate plain = cut;
  plain.application_id = 2;
  plain.children = 0;
  plain.assessment = assess_on(k_single, Date(2026, 11, 5));
  const auto plan = eb::decide::plan_routine({cut, plain}, decider(Role::gruppledare), Date(2026, 11, 5));
  REQUIRE(plan.decisions.size() == 1);
  CHECK(plan.decisions[0].application_id == 2);
  REQUIRE(plan.manual.size() == 1);
  CHECK_THAT(plan.manual[0].why, Catch::Contains("counts less than was applied for: electricity") &&
                                     Catch::Contains("a delbifall is decided by hand, with a barnkonsekvensanalys"));
}
