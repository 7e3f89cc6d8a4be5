// SPDX-License-Identifier: MIT
// Screening a generated month (bench/fut_generated_month.hpp): every planted error is flagged
// with the right evidence, no clean case is flagged, and a re-run after new register rows
// flags only the new evidence.
#include <catch2/catch.hpp>

#include <set>

#include "../../../bench/fut_generated_month.hpp"
#include "fut/rule_table.hpp"

TEST_CASE("screen: a generated month", "[fut]") {
  const eb::period::Month month(2026, 3);
  const auto g = eb::bench::generate_month(3000, 7000, 40, month, 7);
  const auto findings = eb::fut::screen(g.input, eb::fut::select_rules({}));

  SECTION("every planted error is flagged (recall 100 %), and nothing else (precision 100 %)") {
    const auto s = eb::bench::score(findings, g.truth);
    CHECK(s.planted == 75);
    std::set<std::string> rules;
    for (const auto& p : g.truth) rules.insert(p.rule);
    CHECK(rules.size() == 7);
    CHECK(s.missed.empty());
    CHECK(s.planted_found == s.planted);
    CHECK(s.false_findings == 0);
  }
  SECTION("a re-run after a new register row flags only the new evidence") {
    auto more = g.input;
    auto row = more.income_rows.front();
    row.kind = eb::assess::IncomeKind::tax_refund;
    row.source = eb::fut::Source::skv;
    row.month = month;
    row.key = eb::fut::income_row_key(row);
    more.income_rows.push_back(row);
    const auto again = eb::fut::screen(more, eb::fut::select_rules({}));
    std::set<eb::fut::ContentKey> before;
    for (const auto& f : findings) before.insert(f.evidence_key);
    std::vector<eb::fut::Finding> fresh;
    for (const auto& f : again) {
      if (!before.count(f.evidence_key)) fresh.push_back(f);
    }
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].rule == "undeclared-income");
    CHECK(fresh[0].evidence.register_rows.at(0).key == row.key);
    CHECK(again.size() == findings.size() + 1);
  }
}

TEST_CASE("Screening", "[fut]") {
  // Three generated months as one input (with register rows of the months around them) and the
  // same input cut into its months, as the store reads it: each month's case-months and
  // register rows, and every population row.
  eb::fut::ScreeningInput whole;
  whole.period = {eb::period::Month(2026, 3), eb::period::Month(2026, 5)};
  for (int k = 0; k < 3; ++k) {
    const auto g =
        eb::bench::generate_month(800, 1800, 30, eb::period::Month(2026, 3 + k), 11 + static_cast<unsigned>(k));
    for (const auto& cm : g.input.case_months) whole.case_months.push_back(cm);
    for (const auto& r : g.input.income_rows) whole.income_rows.push_back(r);
    for (const auto& r : g.input.population_rows) whole.population_rows.push_back(r);
  }
  std::vector<eb::fut::ScreeningInput> parts;
  for (int k = 0; k < 3; ++k) {
    const eb::period::Month month(2026, 3 + k);
    eb::fut::ScreeningInput part;
    part.period = {month, month};
    for (const auto& cm : whole.case_months) {
      if (cm.month == month) part.case_months.push_back(cm);
    }
    for (const auto& r : whole.income_rows) {
      if (r.month == month) part.income_rows.push_back(r);
    }
    part.population_rows = whole.population_rows;
    parts.push_back(std::move(part));
  }
  const auto rules = eb::fut::select_rules({});
  const auto at_once = eb::fut::screen(whole, rules);

  SECTION("a month at a time finds what the whole period finds, in the same order") {
    eb::fut::Screening s(rules, {});
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) s.add(*it);  // in any order of parts
    const auto by_month = std::move(s).findings();
    REQUIRE(at_once.size() > 40);
    REQUIRE(by_month.size() == at_once.size());
    std::set<int> months;
    std::set<std::string> kinds;
    for (std::size_t i = 0; i < at_once.size(); ++i) {
      CHECK(by_month[i].rule == at_once[i].rule);
      CHECK(by_month[i].case_id == at_once[i].case_id);
      CHECK(by_month[i].month == at_once[i].month);
      CHECK(by_month[i].evidence_key == at_once[i].evidence_key);
      CHECK(by_month[i].amount_at_risk == at_once[i].amount_at_risk);
      CHECK(by_month[i].evidence.note == at_once[i].evidence.note);
      months.insert(at_once[i].month.month());
      kinds.insert(at_once[i].rule);
    }
    CHECK(months.size() == 3);
    CHECK(kinds.size() == 7);
  }
}
