// SPDX-License-Identifier: MIT
// Tests of the rule table (ids, names, parameters, selection), of screen() over all rules, and
// that the man page documents every rule.
#include "fut/rule_table.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "common/file.hpp"
#include "fut_fixture.hpp"
#include "support.hpp"

using namespace eb::test;
using eb::fut::rule_table;
using eb::fut::select_rules;

TEST_CASE("rule_table", "[fut]") {
  SECTION("holds the seven rules of fut.md in order, each with a name, statute, needs and a function") {
    std::vector<std::string> ids;
    for (const auto& r : rule_table()) {
      ids.emplace_back(r.id);
      CHECK_FALSE(r.name_sv.empty());
      CHECK_FALSE(r.statute.empty());
      CHECK_FALSE(r.summary.empty());
      CHECK_FALSE(r.at_risk.empty());
      CHECK_FALSE(r.needs.empty());
      CHECK(r.run != nullptr);
    }
    CHECK(ids == std::vector<std::string>{"undeclared-income", "underdeclared-income", "overpayment",
                                          "person-in-two-cases", "shared-account", "paid-after-death",
                                          "address-concentration"});
  }
  SECTION("the parameters and their defaults match ScreeningParams") {
    const auto* under = eb::fut::find_rule("underdeclared-income");
    REQUIRE(under);
    REQUIRE(under->parameters.size() == 1);
    CHECK(under->parameters[0].name == "tolerance");
    CHECK(eb::money::parse_money(under->parameters[0].default_value, "x") ==
          eb::fut::ScreeningParams{}.underdeclared_tolerance);
    const auto* address = eb::fut::find_rule("address-concentration");
    REQUIRE(address);
    REQUIRE(address->parameters.size() == 1);
    CHECK(address->parameters[0].default_value == std::to_string(eb::fut::ScreeningParams{}.address_max_cases));
  }
}

TEST_CASE("select_rules", "[fut]") {
  SECTION("no ids select every rule") {
    CHECK(select_rules({}).size() == 7);
  }
  SECTION("the named rules, once each, in table order") {
    const auto r = select_rules({"shared-account", "overpayment", "shared-account"});
    REQUIRE(r.size() == 2);
    CHECK(r[0]->id == "overpayment");
    CHECK(r[1]->id == "shared-account");
  }
  SECTION("an unknown id is refused with the known ones") {
    CHECK(input_error_of([] {
            select_rules({"overpayment", "double-payment"});
          }) ==
          "--rule = \"double-payment\": unknown rule (undeclared-income, underdeclared-income, overpayment, "
          "person-in-two-cases, shared-account, paid-after-death, address-concentration)");
  }
}

TEST_CASE("set_parameter", "[fut]") {
  eb::fut::ScreeningParams p;
  SECTION("sets a rule's parameter") {
    eb::fut::set_parameter(p, "underdeclared-income.tolerance", "250,50");
    CHECK(p.underdeclared_tolerance == Money::from_ore(25050));
    eb::fut::set_parameter(p, "address-concentration.max-cases", "10");
    CHECK(p.address_max_cases == 10);
  }
  SECTION("refuses unknown parameters and bad values") {
    CHECK(input_error_of([&] { eb::fut::set_parameter(p, "overpayment.tolerance", "1"); }) ==
          "overpayment.tolerance = \"1\": unknown rule parameter (underdeclared-income.tolerance, "
          "address-concentration.max-cases)");
    CHECK(input_error_of([&] { eb::fut::set_parameter(p, "underdeclared-income.tolerance", "-1"); }) ==
          "underdeclared-income.tolerance = \"-1\": must not be negative");
    CHECK(input_error_of([&] { eb::fut::set_parameter(p, "address-concentration.max-cases", "0"); }) ==
          "address-concentration.max-cases = \"0\": must be a whole number, 1 or more");
  }
}

TEST_CASE("screen", "[fut]") {
  const auto anna = synthetic_pnr(1);
  const auto bo = synthetic_pnr(2);
  auto in = input_for(Month(2026, 3));
  auto one = case_month(1, {anna}, kr(6000));
  one.granted = kr(5000);
  auto two = case_month(2, {anna, bo}, kr(4000));
  in.case_months = {two, one};
  in.income_rows = {income_row(bo, eb::assess::IncomeKind::csn, kr(2000), Source::csn)};

  SECTION("lists the findings by rule order, then month and case") {
    const auto found = eb::fut::screen(in, select_rules({}));
    REQUIRE(found.size() == 3);
    CHECK(found[0].rule == "undeclared-income");
    CHECK(found[1].rule == "overpayment");
    CHECK(found[2].rule == "person-in-two-cases");
  }
  SECTION("a case-month given twice gives each finding once") {
    in.case_months.push_back(one);
    const auto found = eb::fut::screen(in, select_rules({"overpayment"}));
    CHECK(found.size() == 1);
  }
  SECTION("no finding has the evidence key of another") {
    const auto found = eb::fut::screen(in, select_rules({}));
    std::set<eb::fut::ContentKey> keys;
    for (const auto& f : found) keys.insert(f.evidence_key);
    CHECK(keys.size() == found.size());
  }
  SECTION("a re-run gives the same keys") {
    const auto a = eb::fut::screen(in, select_rules({}));
    const auto b = eb::fut::screen(in, select_rules({}));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].evidence_key == b[i].evidence_key);
  }
}

TEST_CASE("man/eb-fut-check.1 documents every rule", "[fut]") {
  std::string page = eb::read_file(EB_SOURCE_DIR "/man/eb-fut-check.1");
  // roff writes a hyphen as "\-".
  for (std::size_t at; (at = page.find("\\-")) != std::string::npos;) page.replace(at, 2, "-");
  for (const auto& r : rule_table()) {
    INFO(r.id);
    CHECK(page.find(".B " + std::string(r.id)) != std::string::npos);
    for (const auto& p : r.parameters)
      CHECK(page.find(std::string(r.id) + "." + std::string(p.name)) != std::string::npos);
  }
}
