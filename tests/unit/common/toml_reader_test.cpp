// SPDX-License-Identifier: MIT
// Tests of TomlDocument and TomlReader: the TOML and JSON entry points, and the JSON side's
// refusals by value (issue 11: duplicate keys were last-wins, 18446744073709551615 wrapped to
// -1, and 1e400 was an internal error).
#include "common/toml_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support.hpp"

using eb::InputLimits;
using eb::Problem;
using eb::ProblemList;
using eb::TomlDocument;
using eb::TomlReader;
using eb::TomlValue;

namespace {

std::vector<Problem> json_problems(const std::string& text) {
  return eb::test::input_problems_of([&] { (void)TomlDocument::parse_json(text, "stdin:1"); });
}

}  // namespace

TEST_CASE("TomlDocument::parse", "[common][toml]") {
  SECTION("reads typed values with their lines") {
    const TomlDocument doc = TomlDocument::parse("a = \"x\"\nb = 7\n[[t]]\nc = true\n", "f.toml");
    ProblemList problems;
    TomlReader r = doc.root(problems);
    CHECK(r.string("a") == "x");
    CHECK(r.integer("b") == 7);
    CHECK(r.line_of("b") == 2);
    auto tables = r.tables("t");
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].boolean("c") == true);
    CHECK(tables[0].field("c") == "t[1].c");
    tables[0].finish();
    r.finish();
    CHECK(problems.empty());
  }
  SECTION("reports a syntax error with the file and line") {
    CHECK(eb::test::input_error_of([] {
            (void)TomlDocument::parse("a = 1\nb = \n", "f.toml");
          }).rfind("f.toml:2: TOML syntax error: ", 0) == 0);
  }
  SECTION("refuses too deep a text before toml++ sees it") {
    CHECK(eb::test::input_error_of([] {
            (void)TomlDocument::parse("a.b.c = 1\n", "f.toml", InputLimits{100, 1});
          }) == "f.toml:1: nests deeper than 1 levels (arrays, tables and the parts of dotted keys)");
  }
  SECTION("shows an array in a message shortly, whatever its size") {
    std::string text = "a = [";
    for (int i = 0; i < 10000; ++i) text += std::to_string(i) + ", ";
    text += "1]\n";
    const TomlDocument doc = TomlDocument::parse(text, "f.toml");
    ProblemList problems;
    TomlReader r = doc.root(problems);
    CHECK_FALSE(r.string("a").has_value());
    REQUIRE(problems.items().size() == 1);
    CHECK(problems.items()[0].value.size() <= 60);
    CHECK(problems.items()[0].value.rfind("[0, 1, 2", 0) == 0);
  }
  SECTION("counts the tables of an array before they are read") {
    const TomlDocument doc = TomlDocument::parse("[[t]]\n[[t]]\n[[t]]\n", "f.toml");
    ProblemList problems;
    const TomlReader r = doc.root(problems);
    CHECK(r.count("t") == 3);
    CHECK(r.count("none") == 0);
  }
}

TEST_CASE("TomlDocument::parse_json", "[common][toml][json]") {
  SECTION("reads an object into the same model as TOML, with field paths for arrays") {
    const TomlDocument doc = TomlDocument::parse_json(
        R"({"a": "x", "n": -5, "t": [{"c": true}, {"c": false}], "s": ["p", "q"]})", "stdin:1");
    ProblemList problems;
    TomlReader r = doc.root(problems);
    CHECK(r.string("a") == "x");
    CHECK(r.integer("n") == -5);
    auto tables = r.tables("t");
    REQUIRE(tables.size() == 2);
    CHECK(tables[1].boolean("c") == false);
    CHECK(tables[1].field("c") == "t[2].c");
    CHECK(r.strings("s") == std::vector<std::string>{"p", "q"});
  }
  SECTION("keeps a float for the typed getters to refuse, as in TOML") {
    const TomlDocument doc = TomlDocument::parse_json(R"({"f": 6500.5})", "stdin:1");
    ProblemList problems;
    TomlReader r = doc.root(problems);
    const auto v = r.value("f");
    REQUIRE(v.has_value());
    CHECK(v->kind == TomlValue::Kind::floating);
    CHECK(v->shown == "6500.5");
  }
  SECTION("refuses a duplicate key, naming it, at any level") {
    auto p = json_problems(R"({"month": "2026-10", "month": "2026-11"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "month");
    CHECK(p[0].message == "appears more than once in this object (a key may be given once, as in TOML)");
    p = json_problems(R"({"member": [{"pnr": "1", "role": "child"}, {"pnr": "2", "pnr": {"x": [1]}}]})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "member[2].pnr");
  }
  SECTION("refuses whole numbers beyond 64 bits by their value, never wrapping") {
    auto p = json_problems(R"({"cost": [{"applied": 18446744073709551615}]})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "cost[1].applied");
    CHECK(p[0].value == "18446744073709551615");
    p = json_problems(R"({"a": 9223372036854775808, "b": 99999999999999999999999, "c": -9223372036854775809})");
    REQUIRE(p.size() == 3);
    CHECK(p[0].value == "9223372036854775808");
    CHECK(p[1].value == "99999999999999999999999");
    CHECK(p[2].value == "-9223372036854775809");
    CHECK(json_problems(R"({"a": 9223372036854775807, "b": -9223372036854775808})").empty());
  }
  SECTION("refuses a number no double holds (1e400) as input, naming field and value") {
    const auto p = json_problems(R"({"cost": [{"kind": "rent", "applied": 1e400}]})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "stdin:1");
    CHECK(p[0].field == "cost[1].applied");
    CHECK(p[0].value == "1e400");
  }
  SECTION("refuses null and a list in a list, and reports every problem of the object") {
    const auto p = json_problems(R"({"month": null, "x": [[1], "a", null], "y": 1})");
    REQUIRE(p.size() == 3);
    CHECK(p[0].field == "month");
    CHECK(p[0].message == "unsupported value (null?)");
    CHECK(p[1].field == "x[1]");
    CHECK(p[1].message == "unsupported value in a list");
    CHECK(p[2].field == "x[3]");
  }
  SECTION("refuses anything but one object") {
    for (const char* text : {"[1, 2]", "5", "\"x\"", "null"}) {
      INFO(text);
      const auto p = json_problems(text);
      REQUIRE(p.size() == 1);
      CHECK(p[0].message == "each line must be one JSON object");
    }
    const auto p = json_problems("{} {}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.rfind("JSON syntax error: ", 0) == 0);
  }
  SECTION("refuses too deep a text before nlohmann sees it") {
    const std::string deep = "{\"x\":" + std::string(20000, '[') + std::string(20000, ']') + "}";
    const auto p = json_problems(deep);
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "nests deeper than 32 levels (arrays, tables and the parts of dotted keys)");
  }
  SECTION("keeps a NUL byte in a string for the application's text rule to refuse") {
    const TomlDocument doc = TomlDocument::parse_json(R"({"name": "Karin\u0000Ek"})", "stdin:1");
    ProblemList problems;
    TomlReader r = doc.root(problems);
    CHECK(r.string("name") == std::string("Karin\0Ek", 8));
  }
}
