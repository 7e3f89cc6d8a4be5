// SPDX-License-Identifier: MIT
// Tests of the rules of issue #13 in the calculator: what is cut and why (guideline cap, an
// approved amount, second-hand rent, the large-household limit, a raised norm not granted), the
// rules by arrival date and decision date, members aged 18–20, jobbstimulans from July 2013,
// barnbidrag and the income kinds. The personnummer are synthetic (Luhn by hand).
#include <catch2/catch.hpp>

#include <string>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "assess/assessment_json.hpp"
#include "assess/calculator.hpp"
#include "common/error.hpp"
#include "norms/guideline.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::assess::Assessment;
using eb::assess::calculate;
using eb::assess::Line;
using eb::assess::parse_application;
using eb::assess::Section;
using eb::money::Money;
using eb::period::Date;
using eb::period::Month;

namespace {

const eb::norms::NormCatalog& catalog() {
  return eb::test::bundled_catalog();
}

Money kr(std::int64_t k) {
  return Money::from_kr(k);
}

// Assesses `toml` by the transitional rules for an application that arrived on `received` and
// is decided on `today`.
Assessment assess_on(const std::string& toml, Date today, const eb::norms::Guideline* g = nullptr) {
  const Application app = parse_application(toml, "test.toml");
  const auto rules = catalog().rules_for(app.month, app.received, today);
  return calculate(app, catalog().norm_for(rules), g, &rules);
}

const Line* line_of(const Assessment& a, const std::string& rule) {
  for (const auto& l : a.lines) {
    if (l.rule == rule) return &l;
  }
  return nullptr;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string k_single = R"(
[[member]]
pnr = "19800101-1231"
role = "applicant"
)";

eb::norms::Guideline adopted_cap() {
  eb::norms::Guideline g;
  g.id = "exempelkommun";
  g.title = "Riktlinjer för ekonomiskt bistånd, Socialnämnden i Exempel kommun 2025-11-20 § 88";
  g.status = "adopted";
  g.source = "SN 2025-11-20 § 88";
  g.valid_from = Date(2025, 1, 1);
  eb::norms::CostCap cap;
  cap.kind = "rent";
  cap.label = "1 vuxen, 1–2 barn";
  cap.adults = 1;
  cap.children_min = 1;
  cap.children_max = 2;
  cap.amount = kr(8000);
  g.caps.push_back(cap);
  return g;
}

}  // namespace

TEST_CASE("calculate: cut items", "[assess][cut]") {
  SECTION("a guideline cap is a cut with its reason, measured against what was applied for") {
    const auto g = adopted_cap();
    const Assessment a = assess_on(R"(month = "2026-11"
received = "2026-11-03"
guideline = "exempelkommun"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[member]]
pnr = "20150606-6784"
role = "child"
[[cost]]
kind = "rent"
applied = 11800
[[income]]
member = "19800101-1231"
kind = "barnbidrag"
amount = 1250
)",
                                   Date(2026, 11, 5), &g);
    const Line* rent = line_of(a, "cost.rent");
    REQUIRE(rent);
    CHECK(rent->amount == kr(8000));
    CHECK(rent->applied == kr(11800));
    CHECK(rent->cut_code == "cost-above-guideline");
    CHECK(has(rent->cut_text, "Du har ansökt om 11 800 kr i månaden för boendekostnad"));
    CHECK(has(rent->cut_text, "högst 8 000 kr"));
    CHECK(has(rent->cut_text, "3 800 kr"));
    CHECK(has(rent->cut_text, "Socialnämnden i Exempel kommun"));
    CHECK(rent->ref == "SoL (2025:400) 12 kap. 7 § första stycket 2");
    CHECK(a.totals.applied - a.totals.amount == kr(3800));
  }
  SECTION("an approved amount below the applied one: a cost judged reasonable at less, a need found smaller") {
    const Assessment a = assess_on("month = \"2026-11\"\n" + k_single + R"(
[[cost]]
kind = "electricity"
applied = 900
approved = 600
note = "normal förbrukning för en etta"
[[cost]]
kind = "dental"
applied = 3400
approved = 2900
[[cost]]
kind = "glasses"
applied = 1500
approved = 0
)",
                                   Date(2026, 11, 5));
    CHECK(line_of(a, "cost.electricity")->cut_code == "cost-reduced");
    CHECK(has(line_of(a, "cost.electricity")->cut_text, "Nämndens bedömning: normal förbrukning för en etta."));
    CHECK(line_of(a, "cost.dental")->cut_code == "need-reduced");
    CHECK(line_of(a, "cost.dental")->ref == "SoL (2025:400) 12 kap. 1 §");
    CHECK(line_of(a, "cost.glasses")->cut_code == "need-not-shown");
    CHECK(a.totals.applied - a.totals.amount == kr(300 + 500 + 1500));
  }
  SECTION("what is granted in full is no cut") {
    const Assessment a = assess_on("month = \"2026-11\"\n" + k_single + "[[cost]]\nkind = \"rent\"\napplied = 6000\n",
                                   Date(2026, 11, 5));
    CHECK_FALSE(line_of(a, "cost.rent")->is_cut());
    CHECK(a.totals.applied == a.totals.amount);
  }
  SECTION("second-hand rent without consent (SoL 12 kap. 7 d §, from 2027) is a cut of the whole rent") {
    const Assessment a = assess_on(R"(month = "2027-02"
received = "2027-02-01"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[cost]]
kind = "rent"
applied = 7200
second_hand = true
)",
                                   Date(2027, 2, 3));
    const Line* rent = line_of(a, "cost.rent.second_hand_no_consent");
    REQUIRE(rent);
    CHECK(rent->amount.is_zero());
    CHECK(rent->applied == kr(7200));
    CHECK(rent->cut_code == "second-hand-no-consent");
    CHECK(rent->ref == "SoL (2025:400) 12 kap. 7 d §");
    CHECK(has(rent->cut_text, "Boendekostnaden på 7 200 kr ingår därför inte"));
  }
  SECTION("the large-household limit (7 a §) explains the children counted and the factor") {
    const Assessment a = assess_on(R"(month = "2027-03"
received = "2027-03-01"
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
[[income]]
member = "19800101-1231"
kind = "barnbidrag"
amount = 6000
)",
                                   Date(2027, 3, 3));
    const Line* r = line_of(a, "riksnorm.large_household");
    REQUIRE(r);
    CHECK(r->amount == -kr(1035));  // 1,5 × 690 kr (övriga hushåll, × 0,2)
    CHECK(r->applied.is_zero());
    CHECK(r->cut_code == "large-household-reduction");
    CHECK(has(r->cut_text, "Hushållet har 5 hemmavarande barn och skolungdomar under 21 år"));
    CHECK(has(r->cut_text, "räknas ha 4,5 barn"));
    CHECK(has(r->cut_text, "73 330 kr / 21"));
    CHECK(has(r->cut_text, "gånger 0,2"));
    CHECK(has(r->cut_text, "1,5 barn utöver 3 × 690 kr = 1 035 kr"));
    CHECK(has(r->cut_text, "synnerliga skäl"));
    CHECK(a.totals.applied - a.totals.amount == kr(1035));
  }
  SECTION("a raise of the norm applied for but not granted, 2026: särskilda skäl, 12 kap. 7 § tredje stycket") {
    const Assessment a = assess_on(R"(month = "2026-11"
received = "2026-11-02"
[[member]]
pnr = "19800101-1231"
role = "applicant"
norm_raise = 300
norm_raise_reason = "Fördyrad kost enligt läkarintyg"
norm_raise_applied = 800
)",
                                   Date(2026, 11, 4));
    const Line* r = line_of(a, "riksnorm.raised");
    REQUIRE(r);
    CHECK(r->amount == kr(300));
    CHECK(r->applied == kr(800));
    CHECK(r->ref == "SoL (2025:400) 12 kap. 7 § tredje stycket");
    CHECK(r->cut_code == "norm-raise-refused");
    CHECK(has(r->cut_text, "särskilda skäl för 300 kr men inte för mer. 500 kr beviljas därför inte."));
  }
  SECTION("from 2027 the norm is a ceiling (7 b §): an adult's raise needs synnerliga skäl") {
    const Assessment a = assess_on(R"(month = "2027-02"
received = "2027-02-01"
[[member]]
pnr = "19800101-1231"
role = "applicant"
norm_raise_applied = 600
)",
                                   Date(2027, 2, 3));
    const Line* r = line_of(a, "riksnorm.raised");
    REQUIRE(r);
    CHECK(r->amount.is_zero());
    CHECK(r->ref == "SoL (2025:400) 12 kap. 7 b §");
    CHECK(has(r->cut_text, "inte beräknas till ett högre belopp än riksnormen"));
    CHECK(has(r->cut_text, "inte finns synnerliga skäl"));
  }
  SECTION("cuts survive the stored JSON") {
    const auto g = adopted_cap();
    const Assessment a = assess_on(R"(month = "2026-11"
received = "2026-11-03"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[member]]
pnr = "20150606-6784"
role = "child"
[[cost]]
kind = "rent"
applied = 11800
[[income]]
member = "19800101-1231"
kind = "barnbidrag"
amount = 1250
)",
                                   Date(2026, 11, 5), &g);
    const Assessment back = eb::assess::assessment_from_json(eb::assess::to_json(a));
    CHECK(back.totals.applied == a.totals.applied);
    CHECK(line_of(back, "cost.rent")->cut_code == "cost-above-guideline");
    CHECK(line_of(back, "cost.rent")->cut_text == line_of(a, "cost.rent")->cut_text);
    CHECK(back.law_day == a.law_day);
  }
}

TEST_CASE("calculate: the rules by arrival date and decision date", "[assess][transitional]") {
  const std::string december = R"(month = "2026-12"
received = "2027-01-11"
[[member]]
pnr = "19800101-1231"
role = "applicant"
[[cost]]
kind = "rent"
applied = 7200
second_hand = true
)";
  SECTION("a December 2026 application received in January 2027 is assessed under the 2027 rules") {
    const Assessment a = assess_on(december, Date(2027, 1, 13));
    CHECK(a.month == Month(2026, 12));
    CHECK(a.norm_id == "riksnorm-2027");
    CHECK(a.norm_day == Date(2027, 1, 1));
    CHECK(line_of(a, "cost.rent.second_hand_no_consent") != nullptr);
    REQUIRE(a.transitions.size() == 2);
    CHECK(has(a.notes.front(), "SFS 2026:897"));
  }
  SECTION("the same month received in December is assessed under the 2026 rules") {
    std::string on_time = december;
    on_time.replace(on_time.find("2027-01-11"), 10, "2026-12-14");
    const Assessment a = assess_on(on_time, Date(2027, 1, 13));
    CHECK(a.norm_id == "riksnorm-2026");
    CHECK(line_of(a, "cost.rent")->amount == kr(7200));
    CHECK(a.transitions.empty());
  }
  SECTION("a January 2025 month decided in August 2025 cites SoL (2025:400)") {
    const std::string jan = "month = \"2025-01\"\nreceived = \"2025-01-02\"\n" + k_single;
    const Assessment a = assess_on(jan, Date(2025, 8, 11));
    CHECK(a.norm_id == "riksnorm-2025");
    CHECK(a.law_day == Date(2025, 7, 1));
    CHECK(line_of(a, "riksnorm.single")->ref ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2 §");
    const Assessment before = assess_on(jan, Date(2025, 1, 10));
    CHECK(line_of(before, "riksnorm.single")->ref ==
          "SoL (2001:453) 4 kap. 3 § första stycket 1; SoF (2001:937) 2 kap. 1 §");
  }
  SECTION("a 2020 month decided in 2026 cites SoL (2025:400) with the amounts of 2020") {
    const Assessment a = assess_on("month = \"2020-05\"\nreceived = \"2020-05-04\"\n" + k_single, Date(2026, 3, 2));
    CHECK(a.norm_id == "riksnorm-2020");
    CHECK(line_of(a, "riksnorm.single")->ref ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2001:937) 2 kap. 1 § i lydelsen för 2020");
  }
  SECTION("the 2027 file cites the stycke of 12 kap. 7 §") {
    const Assessment a = assess_on(
        "month = \"2027-02\"\nreceived = \"2027-02-01\"\n" + k_single + "[[cost]]\nkind = \"rent\"\napplied = 5000\n",
        Date(2027, 2, 2));
    CHECK(has(line_of(a, "riksnorm.single")->ref, "SoL (2025:400) 12 kap. 7 § första stycket 1;"));
    CHECK(line_of(a, "cost.rent")->ref == "SoL (2025:400) 12 kap. 7 § första stycket 2");
  }
}

TEST_CASE("calculate: members and income rules", "[assess][members]") {
  const auto with_child = [](const std::string& month, const std::string& child_pnr, bool in_school) {
    return "month = \"" + month + "\"\nreceived = \"" + month + "-01\"\n" + k_single + "[[member]]\npnr = \"" +
           child_pnr + "\"\nrole = \"child\"\n" + (in_school ? "in_school = true\n" : "");
  };
  SECTION("a child aged 18 not in school is refused (SoL 12 kap. 9 §)") {
    const std::string msg = eb::test::input_error_of(
        [&] { (void)parse_application(with_child("2026-11", "20080315-3451", false), "t.toml"); });
    CHECK(has(msg, "member[2].in_school"));
    CHECK(has(msg, "a child aged 18"));
    CHECK(has(msg, "SoL 12 kap. 9 §"));
  }
  SECTION("in school, the 18-year-old counts") {
    CHECK_NOTHROW(parse_application(with_child("2026-11", "20080315-3451", true), "t.toml"));
  }
  SECTION("in the month of the 18th birthday the age at the end of the month decides") {
    // 20080315: 17 on 2026-03-01, 18 on 2026-03-31.
    CHECK_FALSE(eb::test::input_error_of([&] {
                  (void)parse_application(with_child("2026-03", "20080315-3451", false), "t.toml");
                }).empty());
    CHECK_NOTHROW(parse_application(with_child("2026-02", "20080315-3451", false), "t.toml"));
    eb::assess::ParseOptions start;
    start.in_school_age_on_first_day = true;
    CHECK_NOTHROW(parse_application(with_child("2026-03", "20080315-3451", false), "t.toml", start));
  }
  SECTION("a stored application is checked again by the calculator") {
    Application app = parse_application(with_child("2026-11", "20080315-3451", true), "t.toml");
    app.members[1].in_school = false;
    const std::string msg = eb::test::input_error_of([&] { (void)calculate(app, catalog().find("2026")); });
    CHECK(has(msg, "member[2].in_school"));
  }
  const auto jobb = [](const std::string& month) {
    return "month = \"" + month + "\"\n" + R"(
[[member]]
pnr = "19800101-1231"
role = "applicant"
assistance_months = 7
[[income]]
member = "19800101-1231"
kind = "salary"
amount = 8000
)";
  };
  SECTION("jobbstimulans does not apply to income of June 2013 (Lag 2013:421)") {
    const Assessment a = calculate(parse_application(jobb("2013-06"), "t.toml"), catalog().find("2013"));
    CHECK(line_of(a, "exemption.jobbstimulans") == nullptr);
    CHECK(a.stimulus_starts.empty());
    bool noted = false;
    for (const auto& n : a.notes) noted = noted || has(n, "Lag 2013:421");
    CHECK(noted);
  }
  SECTION("jobbstimulans applies to income of July 2013") {
    const Assessment a = calculate(parse_application(jobb("2013-07"), "t.toml"), catalog().find("2013"));
    REQUIRE(line_of(a, "exemption.jobbstimulans") != nullptr);
    CHECK(line_of(a, "exemption.jobbstimulans")->amount == kr(2000));
  }
  SECTION("a household with a child under 16 and no barnbidrag gets a warning") {
    const Assessment a = assess_on(with_child("2026-11", "20150606-6784", false), Date(2026, 11, 3));
    REQUIRE(a.warnings.size() == 1);
    CHECK(has(a.warnings[0], "no barnbidrag is declared"));
    CHECK(has(a.warnings[0], "1 child under 16"));
    const Assessment b = assess_on(with_child("2026-11", "20150606-6784", false) +
                                       "[[income]]\nmember = \"19800101-1231\"\nkind = \"barnbidrag\"\namount = 1250\n",
                                   Date(2026, 11, 3));
    CHECK(b.warnings.empty());
  }
  SECTION("no barnbidrag warning for a child of 16 or more") {
    const Assessment a = assess_on(with_child("2026-11", "20100505-5676", false), Date(2026, 11, 3));
    CHECK(a.warnings.empty());
  }
  SECTION("flerbarnstillägg, underhållsbidrag, bostadstillägg, vårdbidrag and omvårdnadsbidrag count in full") {
    std::string toml = "month = \"2026-11\"\n" + k_single;
    for (const char* kind :
         {"flerbarnstillagg", "underhallsbidrag", "bostadstillagg", "vardbidrag", "omvardnadsbidrag"})
      toml += std::string("[[income]]\nmember = \"19800101-1231\"\nkind = \"") + kind + "\"\namount = 100\n";
    const Assessment a = calculate(parse_application(toml, "t.toml"), catalog().find("2026"));
    CHECK(a.totals.income == kr(500));
    CHECK(line_of(a, "income.vardbidrag")->label == "Vårdbidrag, skattepliktig del");
  }
}
