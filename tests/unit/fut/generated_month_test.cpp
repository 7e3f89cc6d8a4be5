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
