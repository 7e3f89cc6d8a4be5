// SPDX-License-Identifier: MIT
// Tests of the shape checks that run before toml++ and nlohmann see a text (issue 11: an 80 KB
// TOML file with a 40 000-part dotted key crashed toml++; JSON nested 20 000 deep crashed).
#include "common/input_limits.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support.hpp"

using eb::check_json_shape;
using eb::check_toml_shape;
using eb::InputLimits;

namespace {

const InputLimits k_limits{1000, 4};

std::string toml_error(const std::string& text) {
  return eb::test::input_error_of([&] { check_toml_shape(text, "f.toml", k_limits); });
}

std::string json_error(const std::string& text) {
  return eb::test::input_error_of([&] { check_json_shape(text, "stdin:1", k_limits); });
}

}  // namespace

TEST_CASE("check_toml_shape", "[common][limits]") {
  const std::string too_deep = "f.toml:2: nests deeper than 4 levels (arrays, tables and the parts of dotted keys)";
  SECTION("accepts the shapes of the application format") {
    CHECK(toml_error("month = \"2026-11\"\n[[member]]\npnr = \"1\"\nx = [1.5, 2.5]\n[a.b]\nc = 1\n") == "");
  }
  SECTION("counts the parts of a dotted key and of a table header") {
    CHECK(toml_error("a.b.c.d.e = 1") == "");  // 4 dots: 4 levels
    CHECK(toml_error("x = 1\na.b.c.d.e.f = 1") == too_deep);
    CHECK(toml_error("x = 1\n[a.b.c.d.e]") == too_deep);
  }
  SECTION("counts nested arrays and inline tables") {
    CHECK(toml_error("x = [[[[1]]]]") == "");
    CHECK(toml_error("x = 1\ny = [[[[[1]]]]]") == too_deep);
    CHECK(toml_error("x = 1\ny = {a = {b = {c = {d = {e = 1}}}}}") == too_deep);
  }
  SECTION("skips strings and comments, where brackets and dots are text") {
    CHECK(toml_error("x = \"[[[[[[.......]\"") == "");
    CHECK(toml_error("x = '[[[[[[......'") == "");
    CHECK(toml_error("x = \"\"\"\n[[[[[[.......\n\"\"\"") == "");
    CHECK(toml_error("x = '''\n[[[[[[.......\n'''") == "");
    CHECK(toml_error("x = \"a\\\"[[[[[[.......\"") == "");  // an escaped quote does not end the string
    CHECK(toml_error("# [[[[[[.......\nx = 1") == "");
  }
  SECTION("sees the structure after a string closes, also a multi-line one with extra quotes") {
    CHECK(toml_error("x = \"\"\"a\"\"\"\"\"\ny = [[[[[1]]]]]") == too_deep);
    CHECK(toml_error("x = \"\"\ny = [[[[[1]]]]]") == too_deep);
  }
  SECTION("refuses a text above the size limit, naming the source") {
    CHECK(toml_error(std::string(1001, ' ')) == "f.toml: is 1001 bytes; at most 1000 are read");
  }
  SECTION("refuses the 40 000-part dotted key of issue 11 with the default limits") {
    std::string key = "x";
    for (int i = 0; i < 40000; ++i) key += ".a";
    CHECK_THROWS_AS(check_toml_shape(key + " = 1\n", "f.toml", InputLimits{}), eb::InputError);
  }
}

// Found by tests/fuzz/application_toml_fuzz.cpp: toml++ 3.3 (Debian 12) reaches
// TOML_UNREACHABLE (undefined behaviour) in is_non_ascii_horizontal_whitespace for characters
// U+00A1–U+0499 where it tests for whitespace (marzer/tomlplusplus#190, #295). Such text is
// refused before toml++ sees it; the fixtures tests/fixtures/bad/toml-unicode-*.toml repeat it.
TEST_CASE("check_toml_shape: text toml++ 3.3 cannot read safely", "[common][limits]") {
  SECTION("accepts å ä ö in strings and comments") {
    CHECK(toml_error("name = \"Åsa Öberg\" # född i Västerås\nnote = '''åäö'''\nx = \"\"\"\nåäö\n\"\"\"") == "");
  }
  SECTION("refuses a character that is not ASCII outside quotes (the fuzzer's bare key guidelinlén)") {
    CHECK(toml_error("month = \"2026-11\"\nguidelinlén 15 = 1") ==
          "f.toml:2: a character that is not ASCII outside quotes: TOML keys and values are ASCII, text goes in "
          "double quotes");
    CHECK(toml_error("ålder = 1") != "");
    CHECK(toml_error("x = 1§") != "");
  }
  SECTION("refuses a line-ending backslash followed by a character that is not ASCII (tomlplusplus#190)") {
    const std::string why =
        "a backslash in a multi-line string is followed by a character that is not ASCII; write the text without "
        "the line-ending backslash";
    CHECK(toml_error("s = \"\"\"\\\n\xc2\xa7\"\"\"\n") == "f.toml:2: " + why);
    CHECK(toml_error("s = \"\"\"a \\  \n\n   åker\"\"\"") == "f.toml:3: " + why);
    CHECK(toml_error("s = \"\"\"\\å\"\"\"") == "f.toml:1: " + why);
    CHECK(toml_error("s = \"\"\"a \\\n  aker\"\"\"") == "");  // an ASCII continuation is fine
    CHECK(toml_error("s = \"\\å\"") == "");                   // single-line: toml++ reports the bad escape
  }
  SECTION(
      "refuses a quote in the middle of a value, where toml++ does not see a string (the fuzzer's 2\"Ringvägen\")") {
    CHECK(toml_error("address = 2\"Ringvägen 33\"") ==
          "f.toml:1: a quote in the middle of a key or a value (a string is a whole key or value)");
    CHECK(toml_error("a\"b\" = 1") != "");
    CHECK(toml_error("x = \"a\"\"b\"") != "");
    CHECK(toml_error("x = [\"a\", 'b',\n  \"c\"]\n\"k\".'l' = {\"m\" = 1}\n[[\"t\"]]\n") == "");
  }
  SECTION("refuses a quote inside a bare value, which toml++ reads to the next space (the fuzzer's =-ho=\"d\")") {
    CHECK(toml_error("kind =-hoEEuseN=\"d4-1510rnägg\"") ==
          "f.toml:1: a quote in the middle of a key or a value (a string is a whole key or value)");
    CHECK(toml_error("x = abc[\"dä\"]") != "");
    CHECK(toml_error("x = 1979-05-27 07:32:00\ny = [\n  1.5, # c\n  -2,\n  {a = \"ö\", b = true},\n]\nz = inf\n") ==
          "");
  }
  SECTION("refuses text that is not UTF-8 (tomlplusplus#295), naming the line") {
    CHECK(toml_error("a = 1\nb = \"\xcc\"") == "f.toml:2: is not valid UTF-8 text (TOML files are UTF-8)");
  }
}

TEST_CASE("check_json_shape", "[common][limits]") {
  const std::string too_deep = "stdin:1: nests deeper than 4 levels (arrays, tables and the parts of dotted keys)";
  SECTION("accepts an application's shape") {
    CHECK(json_error(R"({"member": [{"pnr": "1"}], "x": [[1]]})") == "");
  }
  SECTION("refuses nesting beyond the limit") {
    CHECK(json_error(R"({"a": {"b": {"c": {"d": {}}}}})") == too_deep);
    CHECK(json_error("[[[[[1]]]]]") == too_deep);
  }
  SECTION("skips strings, escaped quotes included") {
    CHECK(json_error(R"({"a": "[[[[[[[[", "b": "\"[[[[[[["})") == "");
  }
  SECTION("refuses 20 000 levels before any parser sees them") {
    CHECK_THROWS_AS(check_json_shape(std::string(20000, '[') + std::string(20000, ']'), "stdin:1", InputLimits{}),
                    eb::InputError);
  }
}
