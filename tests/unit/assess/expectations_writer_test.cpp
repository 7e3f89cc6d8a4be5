// SPDX-License-Identifier: MIT
// Tests of writing golden-case expectations back (eb test --update, issue #17): the canonical
// [expect] table, and its place in the case file with every other byte kept.
#include "assess/expectations_writer.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "expectations_support.hpp"

using eb::Problem;
using eb::assess::Assessment;
using eb::assess::Expectations;
using eb::assess::expectations_of;
using eb::assess::expectations_toml;
using eb::assess::parse_expectations;
using eb::assess::Total;
using eb::assess::with_expectations;
using eb::money::Money;
using eb::test::expectations::assessed;
using eb::test::expectations::case_options;
using eb::test::expectations::expect_of;
using eb::test::expectations::k_app;

TEST_CASE("expectations_toml", "[expectations]") {
  const Assessment got = assessed(k_app);
  SECTION("every total in canonical order, then the rules the file named, in their form") {
    const Expectations previous =
        expect_of("[expect]\nriksnorm.child_band = [1]\n\"income.aktivitetsstod\" = 1\namount = 1\n");
    CHECK(expectations_toml(expectations_of(got, &previous)) ==
          "[expect]\namount = 8560\nneed = 14160\nnorm = 7260\ncosts = 6900\nother = 0\nincome = 5600\nexempt = 0\n"
          "\"income.aktivitetsstod\" = 5600\n\"riksnorm.child_band\" = [1910]\n");
  }
  SECTION("öre as strings; a refusal as its keys") {
    Expectations e;
    e.totals.push_back({Total::norm, Money::from_ore(191050)});
    e.rules.push_back({"riksnorm.large_household", false, {Money::from_ore(-65050)}});
    CHECK(expectations_toml(e) == "[expect]\nnorm = \"1910.50\"\n\"riksnorm.large_household\" = \"-650.50\"\n");
    const Expectations r = expect_of("[expect]\nmessage = \"a \\\"b\\\"\"\nerror = \"InputError\"\n");
    CHECK(expectations_toml(r) == "[expect]\nerror = \"InputError\"\nmessage = \"a \\\"b\\\"\"\n");
  }
  SECTION("reads back as what it was made from") {
    const Expectations e = expectations_of(got, nullptr);
    const std::string text = k_app + "\n" + expectations_toml(e);
    CHECK(expectations_toml(*parse_expectations(text, "case.toml")) == expectations_toml(e));
  }
}

TEST_CASE("with_expectations", "[expectations]") {
  const Assessment got = assessed(k_app);
  const Expectations fresh = expectations_of(got, nullptr);
  const std::string table = expectations_toml(fresh);

  SECTION("appends a table to a file without one") {
    CHECK(with_expectations(k_app, fresh, "case.toml", case_options()) == k_app + "\n" + table);
  }
  SECTION("replaces the table and keeps every other byte, comments before the next table included") {
    const std::string head = "# a comment = [not a table]\nmonth = \"2026-03\"\n";
    const std::string rest = k_app.substr(k_app.find("\n") + 1);
    const std::string before = head + "\n[expect]  # old\namount = 1\n\"riksnorm.child_band\" = [\n  1,\n]\n" +
                               "\n# about the members\n" + rest;
    Expectations e = fresh;
    e.rules.push_back({"riksnorm.child_band", true, {Money::from_kr(1910)}});
    const std::string after = with_expectations(before, e, "case.toml", case_options());
    CHECK(after == head + "\n" + expectations_toml(e) + "\n# about the members\n" + rest);
  }
  SECTION("is stable: the same expectations give the same bytes") {
    const std::string once = with_expectations(k_app, fresh, "case.toml", case_options());
    CHECK(with_expectations(once, fresh, "case.toml", case_options()) == once);
  }
  SECTION("a multi-line string holding a header-like line is not a header") {
    const std::string text = k_app + "\n[expect]\nerror = \"InputError\"\nmessage = \"\"\"\n[[cost]]\"\"\"\n";
    const Expectations e = *parse_expectations(text, "case.toml");
    CHECK(with_expectations(text, e, "case.toml", case_options()) ==
          k_app + "\n[expect]\nerror = \"InputError\"\nmessage = \"[[cost]]\"\n");
  }
  SECTION("refuses a table it cannot replace safely, naming the file") {
    const std::string dotted = "expect.amount = 1\n" + k_app;
    const Problem p =
        eb::test::input_problems_of([&] { with_expectations(dotted, fresh, "case.toml", case_options()); }).at(0);
    CHECK(p.file == "case.toml");
    CHECK(p.field == "expect");
    CHECK(p.message.find("not written under an [expect] header") != std::string::npos);
    // A subtable of [expect] after another table stays behind: the result would not read back.
    std::string split = k_app;
    split.replace(split.find("[[cost]]"), 8, "[expect]\namount = 1\n\n[[cost]]");
    split += "\n[expect.riksnorm]\nsingle = 3940\n";
    REQUIRE(parse_expectations(split, "case.toml").has_value());
    const auto problems =
        eb::test::input_problems_of([&] { with_expectations(split, fresh, "case.toml", case_options()); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("reads back differently") != std::string::npos);
  }
}
