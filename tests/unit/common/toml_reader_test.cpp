// SPDX-License-Identifier: MIT
// Tests of TomlReader's readers for tables whose keys are data (eb test's [expect], issue #17).
#include "common/toml_reader.hpp"

#include <catch2/catch.hpp>

using eb::ProblemList;
using eb::TomlReader;
using eb::money::Money;

TEST_CASE("TomlReader::keys", "[toml_reader]") {
  const toml::table doc = eb::parse_toml("b = 1\na.x = 2\n[c]\n", "t.toml");
  ProblemList problems;
  TomlReader r(doc, "t.toml", "", problems);
  CHECK(r.keys() == std::vector<std::string>{"a", "b", "c"});
  CHECK(r.is_table("a"));
  CHECK(r.is_table("c"));
  CHECK_FALSE(r.is_table("b"));
  CHECK_FALSE(r.is_array("b"));
  CHECK_FALSE(r.is_table("nope"));
}

TEST_CASE("TomlReader::amounts", "[toml_reader]") {
  const toml::table doc = eb::parse_toml("a = [1, \"2.50\", -3]\nb = [1.5, \"x\"]\nc = 4\n", "t.toml");
  ProblemList problems;
  TomlReader r(doc, "t.toml", "e", problems);
  SECTION("whole kronor and strings with öre; negative only when allowed") {
    CHECK(r.amounts("a", true) == std::vector<Money>{Money::from_kr(1), Money::from_ore(250), Money::from_kr(-3)});
    CHECK(problems.empty());
    CHECK(r.amounts("a").size() == 2);
    REQUIRE(problems.items().size() == 1);
    CHECK(problems.items()[0].field == "e.a[3]");
    CHECK(problems.items()[0].message == "must not be negative");
  }
  SECTION("each bad element is a problem naming its index and value") {
    CHECK(r.amounts("b").empty());
    REQUIRE(problems.items().size() == 2);
    CHECK(problems.items()[0].field == "e.b[1]");
    CHECK(problems.items()[0].line == 2);
    CHECK(problems.items()[1].field == "e.b[2]");
    CHECK(problems.items()[1].value == "\"x\"");
  }
  SECTION("a value that is not a list") {
    CHECK(r.amounts("c").empty());
    REQUIRE(problems.items().size() == 1);
    CHECK(problems.items()[0].message == "must be a list of amounts in kronor");
  }
}
