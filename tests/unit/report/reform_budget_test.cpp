// SPDX-License-Identifier: MIT
// Tests of reform budgets (eb test --reform, issue #17): the reforms file, and a simulation's
// total change held against the expected change and its tolerance, exact to the öre.
#include "report/reform_budget.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

using eb::Problem;
using eb::money::Money;
using eb::period::Month;
using eb::report::check_reform;
using eb::report::parse_reform_budgets;
using eb::report::ReformBudget;
using eb::report::SimulationResult;

namespace {

const std::string k_reforms = R"([[reform]]
name = "2027 model"
month = "2026-11"
as_of = "2027-11"
expected_change_ore = -1642400
tolerance_ore = 500

[[reform]]
name = "band 7-10 +100"
month = "2026-11"
norms_file = "candidate-2026.toml"
expected_change_ore = 30000
)";

Problem only_problem(const std::string& text) {
  const auto problems = eb::test::input_problems_of([&] { parse_reform_budgets(text, "tests/reforms.toml"); });
  std::string all;
  for (const auto& p : problems) all += p.to_string() + "\n";
  INFO(all);
  REQUIRE(problems.size() == 1);
  return problems.front();
}

}  // namespace

TEST_CASE("parse_reform_budgets", "[reform_budget]") {
  SECTION("reads each reform; a relative norm file is beside the reforms file") {
    const auto b = parse_reform_budgets(k_reforms, "tests/reforms.toml");
    REQUIRE(b.size() == 2);
    CHECK(b[0].name == "2027 model");
    CHECK(b[0].month == Month(2026, 11));
    CHECK(b[0].as_of == Month(2027, 11));
    CHECK(b[0].norms_file.empty());
    CHECK(b[0].expected_change == Money::from_ore(-1642400));
    CHECK(b[0].tolerance == Money::from_ore(500));
    CHECK(b[0].line == 1);
    CHECK_FALSE(b[1].as_of.has_value());
    CHECK(b[1].norms_file == "tests/candidate-2026.toml");
    CHECK(b[1].tolerance.is_zero());
    CHECK(parse_reform_budgets("[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nnorms_file = \"/n/x.toml\"\n"
                               "expected_change_ore = 0\n",
                               "r.toml")[0]
              .norms_file == "/n/x.toml");
  }
  SECTION("a reform needs a norm file or an as_of month") {
    const Problem p = only_problem("[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nexpected_change_ore = 0\n");
    CHECK(p.field == "reform[1].norms_file");
    CHECK(p.message == "missing: a reform needs norms_file, as_of, or both");
  }
  SECTION("refuses a missing expected change, a negative tolerance, an unknown key, a repeated name") {
    CHECK(only_problem("[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nas_of = \"2027-11\"\n").field ==
          "reform[1].expected_change_ore");
    const Problem t = only_problem(
        "[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nas_of = \"2027-11\"\nexpected_change_ore = 1\n"
        "tolerance_ore = -1\n");
    CHECK(t.field == "reform[1].tolerance_ore");
    CHECK(t.line == 6);
    CHECK(only_problem("[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nas_of = \"2027-11\"\n"
                       "expected_change_ore = 1\ntolerance = 5\n")
              .field == "reform[1].tolerance");
    const std::string one =
        "[[reform]]\nname = \"x\"\nmonth = \"2026-11\"\nas_of = \"2027-11\"\nexpected_change_ore = 1\n";
    const Problem n = only_problem(one + one);
    CHECK(n.field == "reform[2].name");
    CHECK(n.message == "another [[reform]] has this name");
  }
  SECTION("refuses a file without reforms and a bad month") {
    CHECK(only_problem("").field == "reform");
    CHECK(only_problem("[[reform]]\nname = \"x\"\nmonth = \"2026-13\"\nas_of = \"2027-11\"\nexpected_change_ore = 1\n")
              .field == "reform[1].month");
  }
}

TEST_CASE("check_reform", "[reform_budget]") {
  ReformBudget b;
  b.name = "x";
  b.expected_change = Money::from_ore(-1642400);
  b.tolerance = Money::from_ore(500);
  SimulationResult r;
  r.total.before = Money::from_ore(15291400);
  r.total.households = 15;
  r.total.gain = 7;
  r.total.lose = 7;

  SECTION("inside the tolerance, both ways and at its edge") {
    for (std::int64_t after : {13649000, 13649500, 13648500}) {
      r.total.after = Money::from_ore(after);
      const auto c = check_reform(b, r);
      CHECK(c.within());
      CHECK(c.change == Money::from_ore(after - 15291400));
    }
  }
  SECTION("outside by one öre, either way") {
    for (std::int64_t after : {13649501, 13648499}) {
      r.total.after = Money::from_ore(after);
      const auto c = check_reform(b, r);
      CHECK_FALSE(c.within());
      CHECK(c.deviation() == Money::from_ore(after - 13649000));
    }
  }
  SECTION("counts the households and those whose amount changes") {
    r.total.after = Money::from_ore(13649000);
    const auto c = check_reform(b, r);
    CHECK(c.households == 15);
    CHECK(c.changed == 14);
    CHECK(c.not_assessed == 0);
  }
}
