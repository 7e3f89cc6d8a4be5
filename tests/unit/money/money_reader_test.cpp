// SPDX-License-Identifier: MIT
// Tests of money::read_amounts: a list of amounts, each read as read_money reads one (eb test's
// [expect] lines, issue 17).
#include "money/money_reader.hpp"

#include <catch2/catch.hpp>
#include <vector>

using eb::ProblemList;
using eb::TomlDocument;
using eb::TomlReader;
using eb::money::AmountRule;
using eb::money::Money;
using eb::money::read_amounts;

TEST_CASE("read_amounts", "[money_reader]") {
  const TomlDocument doc = TomlDocument::parse("[e]\na = [1, \"2.50\", -3]\nb = [1.5, \"x\"]\nc = 4\n", "t.toml");
  ProblemList problems;
  TomlReader root = doc.root(problems);
  TomlReader r = *root.table("e");
  AmountRule negative;
  negative.allow_negative = true;
  SECTION("whole kronor and strings with öre; negative only when allowed") {
    CHECK(read_amounts(r, "a", negative) ==
          std::vector<Money>{Money::from_kr(1), Money::from_ore(250), Money::from_kr(-3)});
    CHECK(problems.empty());
    CHECK(read_amounts(r, "a").size() == 2);
    REQUIRE(problems.items().size() == 1);
    CHECK(problems.items()[0].field == "e.a[3]");
    CHECK(problems.items()[0].message == "must not be negative");
  }
  SECTION("each bad element is a problem naming its index, line and value") {
    CHECK(read_amounts(r, "b").empty());
    REQUIRE(problems.items().size() == 2);
    CHECK(problems.items()[0].field == "e.b[1]");
    CHECK(problems.items()[0].line == 3);
    CHECK(problems.items()[1].field == "e.b[2]");
    CHECK(problems.items()[1].value == "\"x\"");
  }
  SECTION("a value that is not a list") {
    CHECK(read_amounts(r, "c").empty());
    REQUIRE(problems.items().size() == 1);
    CHECK(problems.items()[0].message == "must be a list of amounts in kronor");
  }
}
