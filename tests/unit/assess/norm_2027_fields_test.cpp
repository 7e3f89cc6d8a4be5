// SPDX-License-Identifier: MIT
// Tests of the application fields the 2027 law needs: a norm raised above the riksnorm with its
// reason (SoL 12 kap. 7 b §), rent for a second-hand lease (7 d §) and synnerliga skäl against
// the large-household reduction (7 a §): parsed strictly, and applied only from the date the
// norm file's statute reference says the rule is in force.
#include <catch2/catch.hpp>

#include <string>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "assess/calculator.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::assess::Assessment;
using eb::assess::calculate;
using eb::assess::Line;
using eb::assess::parse_application;
using eb::money::Money;

namespace {

// Synthetic personnummer with hand-computed check digits (as in calculator_test.cpp).
std::string household(const std::string& month, const std::string& rest) {
  return "month = \"" + month + "\"\n[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n" + rest;
}

Assessment assess(const std::string& toml) {
  const Application app = parse_application(toml, "test.toml");
  return calculate(app, eb::test::bundled_catalog().valid_on(app.month.first_day()), nullptr);
}

const Line* line_with_rule(const Assessment& a, const std::string& rule) {
  for (const Line& l : a.lines) {
    if (l.rule == rule) return &l;
  }
  return nullptr;
}

const Line* cost_line(const Assessment& a, const std::string& kind) {
  for (const Line& l : a.lines) {
    if (l.kind == kind) return &l;
  }
  return nullptr;
}

bool mentions(const std::vector<std::string>& texts, const std::string& part) {
  for (const auto& t : texts) {
    if (t.find(part) != std::string::npos) return true;
  }
  return false;
}

const std::string k_rent_second_hand = "[[cost]]\nkind = \"rent\"\napplied = 7000\nsecond_hand = true\n";

}  // namespace

TEST_CASE("a raised norm needs its reason, and a reason needs an amount", "[assess][2027]") {
  const std::string no_reason = household("2027-01", "norm_raise = 300\n");
  CHECK(eb::test::input_error_of([&] { parse_application(no_reason, "t.toml"); }).find("norm_raise_reason") !=
        std::string::npos);
  const std::string no_amount = household("2027-01", "norm_raise_reason = \"kost\"\n");
  CHECK(eb::test::input_error_of([&] { parse_application(no_amount, "t.toml"); }).find("without a norm_raise amount") !=
        std::string::npos);
}

TEST_CASE("a raised norm is a line of its own with the reason, under 7 b § from 2027", "[assess][2027]") {
  const std::string raise = "norm_raise = 450\nnorm_raise_reason = \"särskild kost enligt läkarintyg\"\n";
  const Assessment before = assess(household("2026-11", ""));
  const Assessment after = assess(household("2026-11", raise));
  const Line* l = line_with_rule(after, "riksnorm.raised");
  REQUIRE(l != nullptr);
  CHECK(l->amount == Money::from_kr(450));
  CHECK(l->detail.find("särskild kost enligt läkarintyg") != std::string::npos);
  CHECK(l->ref.find("12 kap. 7 §") != std::string::npos);  // before 2027: the norm paragraph itself
  CHECK(after.totals.norm - before.totals.norm == Money::from_kr(450));

  const Assessment in_2027 = assess(household("2027-01", raise));
  const Line* l27 = line_with_rule(in_2027, "riksnorm.raised");
  REQUIRE(l27 != nullptr);
  CHECK(l27->ref.find("7 b §") != std::string::npos);
  CHECK(l27->label.find("synnerliga skäl") != std::string::npos);  // an adult: synnerliga skäl

  const Assessment child =
      assess(household("2027-01", "[[member]]\npnr = \"20130101-3452\"\nrole = \"child\"\n" + raise));
  const Line* lc = line_with_rule(child, "riksnorm.raised");
  REQUIRE(lc != nullptr);
  CHECK(lc->label.find("särskilda skäl") != std::string::npos);  // a child: särskilda skäl
  CHECK(lc->member == "20130101-XXXX");
}

TEST_CASE("second-hand rent without consent is not counted from 2027", "[assess][2027]") {
  const Assessment a = assess(household("2027-01", k_rent_second_hand));
  const Line* rent = cost_line(a, "rent");
  REQUIRE(rent != nullptr);
  CHECK(rent->amount == Money());
  CHECK(rent->applied == Money::from_kr(7000));
  CHECK(rent->rule == "cost.rent.second_hand_no_consent");
  CHECK(rent->ref.find("7 d §") != std::string::npos);
  CHECK(mentions(a.warnings, "second-hand lease"));
}

TEST_CASE("second-hand rent counts with consent or särskilda skäl, and before 2027", "[assess][2027]") {
  const Assessment consent = assess(household("2027-01", k_rent_second_hand + "consent = true\n"));
  REQUIRE(cost_line(consent, "rent") != nullptr);
  CHECK(cost_line(consent, "rent")->amount == Money::from_kr(7000));
  CHECK(cost_line(consent, "rent")->rule == "cost.rent.second_hand");
  CHECK_FALSE(mentions(consent.warnings, "second-hand"));  // (the preliminary 2027 norm warns of itself)

  const Assessment reasons =
      assess(household("2027-01", k_rent_second_hand + "special_reasons = \"skyddat boende\"\n"));
  CHECK(cost_line(reasons, "rent")->amount == Money::from_kr(7000));
  CHECK(cost_line(reasons, "rent")->detail.find("skyddat boende") != std::string::npos);

  const Assessment in_2026 = assess(household("2026-12", k_rent_second_hand));
  CHECK(cost_line(in_2026, "rent")->amount == Money::from_kr(7000));
  CHECK(cost_line(in_2026, "rent")->rule == "cost.rent");
  CHECK_FALSE(in_2026.has_warnings());
}

TEST_CASE("second-hand fields belong to rent only", "[assess][2027]") {
  const std::string on_electricity =
      household("2027-01", "[[cost]]\nkind = \"electricity\"\napplied = 400\nsecond_hand = true\n");
  CHECK(eb::test::input_error_of([&] {
          parse_application(on_electricity, "t.toml");
        }).find("only a cost of kind \"rent\"") != std::string::npos);
  const std::string consent_alone = household("2027-01", "[[cost]]\nkind = \"rent\"\napplied = 400\nconsent = true\n");
  CHECK(eb::test::input_error_of([&] { parse_application(consent_alone, "t.toml"); }).find("second_hand = true") !=
        std::string::npos);
}

TEST_CASE("synnerliga skäl exempt a large household from the reduction, traceably", "[assess][2027]") {
  std::string kids;
  for (const char* pnr : {"20130101-3452", "20150101-3450", "20170101-3458", "20190101-3456"}) {
    kids += std::string("[[member]]\npnr = \"") + pnr + "\"\nrole = \"child\"\n";
  }
  const Assessment reduced = assess(household("2027-01", kids));
  const Assessment exempt =
      assess("large_household_exempt = \"barn med omfattande funktionsnedsättning\"\n" + household("2027-01", kids));
  const Line* r = line_with_rule(reduced, "riksnorm.large_household");
  const Line* e = line_with_rule(exempt, "riksnorm.large_household");
  REQUIRE(r != nullptr);
  REQUIRE(e != nullptr);
  CHECK(r->amount.is_negative());
  CHECK(e->amount == Money());
  CHECK(e->detail.find("synnerliga skäl") != std::string::npos);
  CHECK(exempt.totals.norm - reduced.totals.norm == -r->amount);
  CHECK(mentions(exempt.notes, "not applied"));
}
