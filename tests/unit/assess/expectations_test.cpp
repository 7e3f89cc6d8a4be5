// SPDX-License-Identifier: MIT
// Tests of golden-case expectations (eb test, issue #17): reading the [expect] table, comparing
// it with assessments and refusals exactly to the öre, with the statute of each line.
#include "assess/expectations.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expectations_support.hpp"

using eb::InputError;
using eb::Problem;
using eb::assess::Assessment;
using eb::assess::CaseRefusal;
using eb::assess::compare;
using eb::assess::Difference;
using eb::assess::Expectations;
using eb::assess::parse_expectations;
using eb::assess::Total;
using eb::money::Money;

using eb::test::expectations::assessed;
using eb::test::expectations::case_options;
using eb::test::expectations::expect_of;
using eb::test::expectations::k_app;
using eb::test::expectations::line_in_case;
using eb::test::expectations::norm_2026;
using eb::test::expectations::only_problem;

TEST_CASE("parse_expectations", "[expectations]") {
  SECTION("a file without [expect] has none") {
    CHECK_FALSE(parse_expectations(k_app, "case.toml").has_value());
  }
  SECTION("reads totals in kronor, whole or with öre, in canonical order") {
    const Expectations e = expect_of("[expect]\nnorm = \"5220.50\"\namount = 12120\n");
    REQUIRE(e.totals.size() == 2);
    CHECK(e.totals[0].total == Total::amount);
    CHECK(e.totals[0].amount == Money::from_ore(1212000));
    CHECK(e.totals[1].total == Total::norm);
    CHECK(e.totals[1].amount == Money::from_ore(522050));
    CHECK(e.line == line_in_case("[expect]\n", "[expect]"));
  }
  SECTION("a rule id as a dotted key, a quoted key or a subtable is the same rule") {
    const Expectations e = expect_of(
        "[expect]\nriksnorm.single = 3940\n\"income.aktivitetsstod\" = 5600\n[expect.cost]\nrent = \"6900.00\"\n");
    REQUIRE(e.rules.size() == 3);
    CHECK(e.rules[0].rule == "cost.rent");
    CHECK(e.rules[1].rule == "income.aktivitetsstod");
    CHECK(e.rules[2].rule == "riksnorm.single");
    CHECK_FALSE(e.rules[2].per_line);
    CHECK(e.rules[2].amounts == std::vector<Money>{Money::from_kr(3940)});
  }
  SECTION("a list is one amount per line; the minskningsbelopp line is negative") {
    const Expectations e =
        expect_of("[expect]\n\"riksnorm.child_band\" = [\"1910.50\", 3820]\n\"riksnorm.large_household\" = -650\n");
    REQUIRE(e.rules.size() == 2);
    CHECK(e.rules[0].per_line);
    CHECK(e.rules[0].amounts == std::vector<Money>{Money::from_ore(191050), Money::from_kr(3820)});
    CHECK(e.rules[1].amounts == std::vector<Money>{Money::from_kr(-650)});
  }
  SECTION("reads an expected refusal") {
    const Expectations e =
        expect_of("[expect]\nerror = \"InputError\"\nfield = \"member[1].pnr\"\nline = 4\nmessage = \"2387\"\n");
    REQUIRE(e.refusal.has_value());
    CHECK(e.refusal->kind == "InputError");
    CHECK(e.refusal->field == "member[1].pnr");
    CHECK(e.refusal->line == 4);
    CHECK(e.refusal->message == "2387");
    CHECK(e.totals.empty());
  }
  SECTION("refuses an unknown key, naming file, line and field") {
    const std::string table = "[expect]\namount = 12120\namout = 12120\n";
    const Problem p = only_problem(table);
    CHECK(p.file == "case.toml");
    CHECK(p.field == "expect.amout");
    CHECK(p.line == line_in_case(table, "amout"));
    CHECK(p.message.rfind("unknown key (a total: amount, need", 0) == 0);
  }
  SECTION("refuses an unknown rule id") {
    const Problem p = only_problem("[expect]\nriksnorm.singel = 3940\n");
    CHECK(p.field == "expect.riksnorm.singel");
    CHECK(p.message.rfind("unknown rule id", 0) == 0);
    CHECK(only_problem("[expect]\n\"cost.heating\" = 1\n").field == "expect.cost.heating");
  }
  SECTION("refuses a float, a negative total and a bad list element") {
    const Problem f = only_problem("[expect]\namount = 12120.5\n");
    CHECK(f.field == "expect.amount");
    CHECK(f.message.find("not as a float") != std::string::npos);
    CHECK(only_problem("[expect]\namount = -1\n").message == "must not be negative");
    const Problem l = only_problem("[expect]\n\"riksnorm.child_band\" = [3820, \"abc\"]\n");
    CHECK(l.field == "expect.riksnorm.child_band[2]");
    CHECK(l.value == "\"abc\"");
  }
  SECTION("refuses a refusal mixed with amounts") {
    const Problem p = only_problem("[expect]\namount = 0\nerror = \"InputError\"\n");
    CHECK(p.field == "expect.error");
    CHECK(p.message == "a case expects either a refusal (error, field, line, message) or amounts, not both");
  }
  SECTION("refuses an unknown error kind, a refusal without its kind, and a line without a field") {
    CHECK(only_problem("[expect]\nerror = \"Oops\"\n").message ==
          "unknown error kind (InputError, NotFound, Conflict, StoreError, NormError)");
    CHECK(only_problem("[expect]\nfield = \"month\"\n").field == "expect.error");
    CHECK(only_problem("[expect]\nerror = \"InputError\"\nline = 3\n").field == "expect.line");
  }
  SECTION("refuses an empty table and a rule named twice") {
    CHECK(only_problem("[expect]\n").message.rfind("names nothing", 0) == 0);
    CHECK(only_problem("[expect]\nriksnorm.single = 1\n\"riksnorm.single\" = 2\n").message ==
          "the rule \"riksnorm.single\" is named twice");
  }
  SECTION("a TOML syntax error names the file and the line") {
    const auto problems =
        eb::test::input_problems_of([&] { parse_expectations(k_app + "\n[expect]\namount = \n", "case.toml"); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "case.toml");
    CHECK(problems[0].line == line_in_case("[expect]\namount = \n", "amount = \n"));
    CHECK(problems[0].message.rfind("TOML syntax error", 0) == 0);
  }
}

TEST_CASE("compare", "[expectations]") {
  // riksnorm-2026: 3 940 + 3 820 × 15/30 + 1 410 (2 persons) = 7 260; + rent 6 900 = 14 160;
  // − 5 600 = 8 560 (example 07 of the spec, without its electricity).
  const Assessment got = assessed(k_app);
  REQUIRE(got.totals.amount == Money::from_kr(8560));

  SECTION("every expectation holds: no differences") {
    const Expectations e = expect_of(
        "[expect]\namount = 8560\nnorm = 7260\nneed = 14160\nincome = 5600\nriksnorm.child_band = \"1910\"\n");
    CHECK(compare(e, got, norm_2026()).empty());
  }
  SECTION("a differing total: expected, got, the difference to the öre and the statute") {
    const auto d = compare(expect_of("[expect]\namount = \"8559.99\"\nneed = 14160\n"), got, norm_2026());
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "amount");
    CHECK(d[0].expected == Money::from_ore(855999));
    CHECK(d[0].got == Money::from_ore(856000));
    CHECK(d[0].difference() == Money::from_ore(1));
    CHECK(d[0].statute == *norm_2026().find_ref("payable", eb::period::Date(2026, 3, 1)));
  }
  SECTION("a rule as a sum of its lines, with the line's label and statute") {
    const auto d = compare(expect_of("[expect]\nriksnorm.child_band = 3820\n"), got, norm_2026());
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "riksnorm.child_band");
    CHECK(d[0].label == "Personliga kostnader, barn 8 år");
    CHECK(d[0].got == Money::from_kr(1910));
    CHECK(d[0].difference() == Money::from_kr(-1910));
    CHECK(d[0].statute == *norm_2026().find_ref("norm_personal", eb::period::Date(2026, 3, 1)));
  }
  SECTION("a rule with no line sums to 0; a list names the missing and the extra lines") {
    CHECK(compare(expect_of("[expect]\n\"exemption.jobbstimulans\" = 0\n"), got, norm_2026()).empty());
    const auto d = compare(expect_of("[expect]\n\"riksnorm.child_band\" = [1910, 1910]\n"), got, norm_2026());
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "riksnorm.child_band[2]");
    CHECK(d[0].expected == Money::from_kr(1910));
    CHECK_FALSE(d[0].got.has_value());
    CHECK(d[0].difference() == Money::from_kr(-1910));
  }
  SECTION("a refusal expected, an assessment got") {
    const auto d = compare(expect_of("[expect]\nerror = \"InputError\"\nfield = \"month\"\n"), got, norm_2026());
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "error");
    CHECK_FALSE(d[0].is_amount());
    CHECK(d[0].expected_text == "InputError naming month");
    CHECK(d[0].got_text == "assessed: 8 560 kr to pay");
  }
}

TEST_CASE("compare: refusals", "[expectations]") {
  const InputError bad({Problem{"case.toml", 4, "member[1].pnr", "\"19850312-2388\"", "wrong check digit"}});
  const CaseRefusal got = eb::assess::case_refusal_of(bad);
  CHECK(got.kind == "InputError");
  CHECK(got.code == eb::ExitCode::invalid_input);

  SECTION("the kind, the field, its line and a part of the message hold") {
    const Expectations e = expect_of(
        "[expect]\nerror = \"InputError\"\nfield = \"member[1].pnr\"\nline = 4\nmessage = \"19850312-2388\"\n");
    CHECK(compare(e, got).empty());
  }
  SECTION("another kind") {
    const auto d = compare(expect_of("[expect]\nerror = \"NormError\"\n"), got);
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "error");
    CHECK(d[0].got_text == "InputError: case.toml:4: member[1].pnr = \"19850312-2388\": wrong check digit");
  }
  SECTION("another field, another line, a message that is not there") {
    auto d = compare(expect_of("[expect]\nerror = \"InputError\"\nfield = \"member[1].role\"\n"), got);
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "field");
    CHECK(d[0].got_text == "member[1].pnr");
    d = compare(expect_of("[expect]\nerror = \"InputError\"\nfield = \"member[1].pnr\"\nline = 5\n"), got);
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "line");
    CHECK(d[0].got_text == "line 4");
    d = compare(expect_of("[expect]\nerror = \"InputError\"\nmessage = \"2387\"\n"), got);
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "message");
  }
  SECTION("amounts expected, a refusal got") {
    const auto d = compare(expect_of("[expect]\namount = 1\n"), got);
    REQUIRE(d.size() == 1);
    CHECK(d[0].expected_text == "an assessment");
    CHECK(d[0].got_text.rfind("refused: InputError: ", 0) == 0);
  }
  SECTION("the kind of each error") {
    CHECK(eb::assess::case_refusal_of(eb::NormError("no norm", eb::ExitCode::not_found)).kind == "NormError");
    CHECK(eb::assess::case_refusal_of(eb::NotFound("x")).kind == "NotFound");
    CHECK(eb::assess::case_refusal_of(eb::Conflict("x")).kind == "Conflict");
    CHECK(eb::assess::case_refusal_of(eb::StoreError("x")).kind == "StoreError");
  }
}

TEST_CASE("changed_lines", "[expectations]") {
  const Assessment before = assessed(k_app);
  Assessment after = before;
  for (auto& l : after.lines) {
    if (l.rule == "riksnorm.child_band") l.amount = Money::from_kr(1960);
  }
  const auto d = eb::assess::changed_lines(before, after);
  REQUIRE(d.size() == 1);
  CHECK(d[0].key == "riksnorm.child_band");
  CHECK(d[0].label == "Personliga kostnader, barn 8 år");
  CHECK(d[0].expected == Money::from_kr(1910));
  CHECK(d[0].got == Money::from_kr(1960));
  CHECK_FALSE(d[0].statute.empty());
  CHECK(eb::assess::changed_lines(before, before).empty());
}
