// SPDX-License-Identifier: MIT
// Tests of the streamed JSON writer: the same bytes as dumping the whole document.
#include "common/json_stream.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "common/json_number.hpp"

using nlohmann::json;

namespace {

// A flag-like element: nested objects, arrays, text with quotes and newlines, a decimal.
json element(std::size_t i) {
  return {{"id", "F-" + std::to_string(i)},
          {"amount_ore", static_cast<std::int64_t>(i) * 100 - 50},
          {"cases", json::array({"C-1", "C-" + std::to_string(i)})},
          {"empty", json::array()},
          {"none", json::object()},
          {"share", eb::decimal_number(i % 2 ? "0.5" : "12")},
          {"evidence", {{"note", "rad 1\nrad \"2\""}, {"rows", json::array({{{"k", i}}, {{"k", nullptr}}})}}}};
}

std::string whole(json head, const std::string& key, std::size_t n) {
  json arr = json::array();
  for (std::size_t i = 0; i < n; ++i) arr.push_back(element(i));
  head[key] = arr;
  return eb::dump_json(head, 2) + "\n";
}

}  // namespace

TEST_CASE("write_json_with_array", "[common]") {
  const json head = {{"period", "2026"}, {"run", nullptr}, {"screened", {{"case_months", 3}}}, {"zeta", true}};
  for (const std::size_t n : {0U, 1U, 2U, 7U}) {
    SECTION("the bytes of the whole document, " + std::to_string(n) + " elements") {
      std::ostringstream out;
      eb::write_json_with_array(out, head, "flags", n, element);
      CHECK(out.str() == whole(head, "flags", n));
    }
  }
  SECTION("the array's key sorts among the head's keys as in the whole document") {
    std::ostringstream out;
    eb::write_json_with_array(out, head, "a_first", 2, element);
    CHECK(out.str() == whole(head, "a_first", 2));
  }
  SECTION("a head that already has the key, or is not an object, is a bug") {
    std::ostringstream out;
    CHECK_THROWS_AS(eb::write_json_with_array(out, head, "period", 1, element), std::logic_error);
    CHECK_THROWS_AS(eb::write_json_with_array(out, json::array(), "x", 1, element), std::logic_error);
  }
}

TEST_CASE("write_json_array", "[common]") {
  for (const std::size_t n : {0U, 1U, 5U}) {
    std::ostringstream out;
    eb::write_json_array(out, n, element);
    json arr = json::array();
    for (std::size_t i = 0; i < n; ++i) arr.push_back(element(i));
    CHECK(out.str() == eb::dump_json(arr, 2) + "\n");
  }
}
