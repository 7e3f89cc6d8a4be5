// SPDX-License-Identifier: MIT
// Shared by the tests of golden-case expectations: a small case and its assessment.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "assess/expectations.hpp"
#include "support.hpp"

namespace eb::test::expectations {

using eb::Problem;
using eb::assess::Assessment;
using eb::assess::Expectations;
using eb::assess::parse_expectations;
using eb::assess::ParseOptions;

// A single parent in March 2026 (riksnorm-2026) and a child of 8 for half the month. The
// personnummer are synthetic.
inline const std::string k_app = R"(month = "2026-03"

[[member]]
pnr = "19850312-2387"
role = "applicant"

[[member]]
pnr = "20170405-2099"
role = "child"
days = 15

[[cost]]
kind = "rent"
applied = 6900

[[income]]
member = "19850312-2387"
kind = "aktivitetsstod"
amount = 5600
)";

inline ParseOptions case_options() {
  ParseOptions o;
  o.caller_keys = {"expect"};
  return o;
}

inline Assessment assessed(const std::string& text) {
  const auto& catalog = eb::test::bundled_catalog();
  const auto app = eb::assess::read_application(text, "case.toml", eb::assess::SourceFormat::toml, catalog,
                                                case_options());
  return eb::assess::calculate(app, catalog.valid_on(app.month.first_day()));
}

inline const eb::norms::NormSet& norm_2026() {
  return eb::test::bundled_catalog().valid_on(eb::period::Date(2026, 3, 1));
}

inline Expectations expect_of(const std::string& table) {
  const auto e = parse_expectations(k_app + "\n" + table, "case.toml");
  REQUIRE(e.has_value());
  return *e;
}

inline Problem only_problem(const std::string& table) {
  const auto problems = eb::test::input_problems_of([&] { parse_expectations(k_app + "\n" + table, "case.toml"); });
  std::string all;
  for (const auto& p : problems) all += p.to_string() + "\n";
  INFO(all);
  REQUIRE(problems.size() == 1);
  return problems.front();
}

// The line number of the first line of `text` + "\n" + `table` that contains `needle`.
inline long line_in_case(const std::string& table, const std::string& needle) {
  const std::string text = k_app + "\n" + table;
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}


}  // namespace eb::test::expectations
