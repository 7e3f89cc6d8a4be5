// SPDX-License-Identifier: MIT
// Tests of diff_assessments (`eb assess --diff`): lines are paired by section, member and kind
// (norm lines by rule), amounts are signed by their effect on the amount payable, lines on
// one side only stay visible, and the per-line differences add up to the change in the total.
#include "assess/assessment_diff.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "assess/application.hpp"
#include "assess/calculator.hpp"
#include "support.hpp"

using eb::assess::Assessment;
using eb::assess::diff_assessments;
using eb::assess::LineDiff;
using eb::assess::Section;
using eb::money::Money;

namespace {

Assessment assess_in(const std::string& month, const std::string& rest) {
  const std::string toml =
      "month = \"" + month + "\"\n[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n" + rest;
  const auto app = eb::assess::parse_application(toml, "test.toml");
  return eb::assess::calculate(app, eb::test::bundled_catalog().valid_on(app.month.first_day()), nullptr);
}

const LineDiff* find(const eb::assess::AssessmentDiff& d, const std::string& rule_or_kind) {
  for (const auto& l : d.lines) {
    if (l.rule == rule_or_kind || l.kind == rule_or_kind) return &l;
  }
  return nullptr;
}

// A single parent with four children: the 2027 reduction applies; rent on a second-hand lease
// without consent stops counting in 2027; an income counts negative on both sides.
const std::string k_household =
    "[[member]]\npnr = \"20130101-3452\"\nrole = \"child\"\n"
    "[[member]]\npnr = \"20150101-3450\"\nrole = \"child\"\n"
    "[[member]]\npnr = \"20170101-3458\"\nrole = \"child\"\n"
    "[[member]]\npnr = \"20190101-3456\"\nrole = \"child\"\n"
    "[[cost]]\nkind = \"rent\"\napplied = 9000\nsecond_hand = true\n"
    "[[income]]\nmember = \"19850312-2387\"\nkind = \"barnbidrag\"\namount = 5000\n";

}  // namespace

TEST_CASE("diff_assessments pairs lines and accounts for the whole change", "[assess][diff]") {
  const Assessment before = assess_in("2026-12", k_household);
  const Assessment after = assess_in("2027-01", k_household);
  const auto d = diff_assessments(before, after);

  SECTION("the per-line differences add up to the change in need minus counted income") {
    Money sum;
    for (const auto& l : d.lines) sum += l.difference();
    CHECK(sum == (after.totals.need - after.totals.income) - (before.totals.need - before.totals.income));
  }
  SECTION("rent is paired by kind although its rule gains a suffix in 2027") {
    const LineDiff* rent = find(d, "rent");
    REQUIRE(rent != nullptr);
    REQUIRE(rent->before);
    REQUIRE(rent->after);
    CHECK(*rent->before == Money::from_kr(9000));
    CHECK(*rent->after == Money());
    CHECK(rent->rule == "cost.rent.second_hand_no_consent");  // the rule of the after side
    CHECK(rent->difference() == -Money::from_kr(9000));
  }
  SECTION("the reduction exists only after, and lowers the amount") {
    const LineDiff* r = find(d, "riksnorm.large_household");
    REQUIRE(r != nullptr);
    CHECK_FALSE(r->before);
    REQUIRE(r->after);
    CHECK(r->after->is_negative());
    CHECK_FALSE(r->label_before);
  }
  SECTION("income counts negative on both sides") {
    const LineDiff* b = find(d, "barnbidrag");
    REQUIRE(b != nullptr);
    CHECK(*b->before == -Money::from_kr(5000));
    CHECK(*b->after == -Money::from_kr(5000));
    CHECK(b->difference() == Money());
  }
  SECTION("every line of both sides appears exactly once") {
    std::size_t before_lines = 0, after_lines = 0;
    for (const auto& l : d.lines) {
      before_lines += l.before ? 1U : 0U;
      after_lines += l.after ? 1U : 0U;
    }
    CHECK(before_lines == before.lines.size());
    CHECK(after_lines == after.lines.size());
  }
}

TEST_CASE("diff_assessments of an assessment with itself changes nothing", "[assess][diff]") {
  const Assessment a = assess_in("2026-11", k_household);
  const auto d = diff_assessments(a, a);
  for (const auto& l : d.lines) {
    CHECK(l.before);
    CHECK(l.after);
    CHECK(l.difference() == Money());
  }
  CHECK(d.lines.size() == a.lines.size());
}
