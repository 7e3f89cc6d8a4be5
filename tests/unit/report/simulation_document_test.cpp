// SPDX-License-Identifier: MIT
// Tests of the simulation as a document: Swedish words with singular and plural, Swedish
// numbers, the signed amounts and percentages, the text's cut list of large households
// against the page's full one, the charts on the page only, and the norm warnings (issue 14).
#include "report/simulation_document.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/text.hpp"

using Catch::Contains;
using eb::money::Money;
using eb::report::CaseChange;
using eb::report::SimulationResult;

namespace {

CaseChange change(std::int64_t id, Money before, Money after) {
  CaseChange c;
  c.application_id = id;
  c.case_id = id;
  c.couple = true;
  c.children = 5;
  c.children_halves = 9;
  c.before = before;
  c.after = after;
  c.reduction_after = Money::from_kr(1460);
  return c;
}

// A result of `n` households, every one losing 100 kr; the first `large` hit by the reduction.
SimulationResult result_of(std::int64_t n, std::size_t large = 0) {
  SimulationResult r;
  r.month = eb::period::Month(2026, 11);
  r.as_of = eb::period::Month(2027, 1);
  r.after_month = eb::period::Month(2027, 1);
  r.norms_before = {"riksnorm-2026"};
  r.norms_after = {"riksnorm-2027"};
  r.applications = n;
  for (std::int64_t i = 1; i <= n; ++i) {
    const CaseChange c = change(i, Money::from_kr(10000), Money::from_kr(9900));
    r.total.add(c);
    r.by_type[static_cast<std::size_t>(c.type())].add(c);
    if (static_cast<std::size_t>(i) <= large) {
      r.large_households.push_back(c);
      r.large_reduction_after += c.reduction_after;
    }
  }
  // The band of the change, −100 kr to −0,01 kr; the others empty.
  r.distribution.push_back({Money::from_kr(-100), Money::from_ore(-1), n, Money::from_kr(-100 * n)});
  r.distribution.push_back({Money(), Money(), 0, Money()});
  r.stored_same = n;
  return r;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t k = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++k;
  return k;
}

}  // namespace

TEST_CASE("report::signed_kr", "[report][simulation_document]") {
  CHECK(eb::report::signed_kr(Money::from_kr(1200)) == "+1 200 kr");
  CHECK(eb::report::signed_kr(Money::from_ore(-35050)) == "-350,50 kr");
  CHECK(eb::report::signed_kr(Money()) == "0 kr");
}

TEST_CASE("report::percent_of", "[report][simulation_document]") {
  SECTION("one decimal with a decimal comma and a sign") {
    CHECK(eb::report::percent_of(Money::from_kr(-5339), Money::from_kr(96659)) == "-5,5 %");
    CHECK(eb::report::percent_of(Money::from_kr(28), Money::from_kr(1000)) == "+2,8 %");
    CHECK(eb::report::percent_of(Money(), Money::from_kr(1000)) == "0,0 %");
  }
  SECTION("rounds half away from zero") {
    CHECK(eb::report::percent_of(Money::from_ore(5), Money::from_ore(10000)) == "+0,1 %");   // 0,05 %
    CHECK(eb::report::percent_of(Money::from_ore(-5), Money::from_ore(10000)) == "-0,1 %");  // −0,05 %
    CHECK(eb::report::percent_of(Money::from_ore(4), Money::from_ore(10000)) == "0,0 %");    // 0,04 %
  }
  SECTION("a dash when there is nothing to compare with") {
    CHECK(eb::report::percent_of(Money::from_kr(1), Money()) == "–");
  }
}

TEST_CASE("report::simulation_document", "[report][simulation_document]") {
  SECTION("one application and one household: singular") {
    const std::string t = eb::doc::to_text(eb::report::simulation_document(result_of(1)));
    CHECK_THAT(t, Contains("1 ansökan har lästs och 1 hushåll har simulerats."));
    CHECK_THAT(t, Contains("Simulering av 2026-11, bedömd som 2027-01 (inget sparas)"));
  }
  SECTION("two applications: plural") {
    const std::string t = eb::doc::to_text(eb::report::simulation_document(result_of(2)));
    CHECK_THAT(t, Contains("2 ansökningar har lästs och 2 hushåll har simulerats."));
  }
  SECTION("counts and amounts in Swedish: a space between thousands, '-' as the minus sign") {
    SimulationResult r = result_of(3);
    r.stored_same = 12345;
    const std::string t = eb::doc::to_text(eb::report::simulation_document(r));
    CHECK_THAT(t, Contains("samma belopp                 12 345"));
    CHECK_THAT(t, Contains("-300 kr"));                  // 3 × −100 kr
    CHECK_THAT(t, Contains("30 000 kr"));                // before, in total
    CHECK_THAT(t, Contains("-1,0 %"));                   // −300 of 30 000
    CHECK(t.find("\xe2\x88\x92") == std::string::npos);  // no U+2212: one minus sign
  }
  SECTION("no English in the text or on the page") {
    SimulationResult r = result_of(3, 1);
    r.errors.push_back({4, 4, "", "the message is eb's own"});
    r.applications = 4;
    const auto d = eb::report::simulation_document(r);
    for (const std::string& out : {eb::doc::to_text(d), eb::doc::to_html(d)}) {
      for (const char* word : {"household", "Simulation", "before", "gain", "lose", "Largest", "Totals", "Stored",
                               "unchanged", "could not"}) {
        INFO(word);
        CHECK(out.find(word) == std::string::npos);
      }
    }
    CHECK_THAT(eb::doc::to_text(d), Contains("A-4 (C-4) efter: the message is eb's own"));
    CHECK_THAT(eb::doc::to_text(d), Contains("; 1 kunde inte bedömas."));
  }
  SECTION("the text lists the first 20 large households, the page all of them") {
    const auto d = eb::report::simulation_document(result_of(25, 25));
    const std::string t = eb::doc::to_text(d);
    const std::string h = eb::doc::to_html(d);
    CHECK_THAT(t, Contains("… och 5 till (--csv, --json och --html visar alla)."));
    CHECK_THAT(t, Contains("A-20 "));
    CHECK(t.find("A-21 ") == std::string::npos);
    CHECK_THAT(h, Contains("<td>A-25</td>"));
    CHECK(h.find("… och") == std::string::npos);
    CHECK_THAT(t, Contains("efter: 25 hushåll, 36 500 kr totalt"));
  }
  SECTION("the charts are on the page only, the band's table in both") {
    const auto d = eb::report::simulation_document(result_of(3));
    CHECK(count_of(eb::doc::to_html(d), "<svg") == 3);
    CHECK_THAT(eb::doc::to_text(d), Contains("minskar 0–100 kr        3  -300 kr"));
    CHECK(count_of(eb::doc::to_text(d), "###") == 0);
  }
  SECTION("a preliminary norm is a warning, in Swedish") {
    SimulationResult r = result_of(1);
    r.flagged_norms.emplace_back("riksnorm-2027", eb::norms::NormStatus::preliminary);
    r.warnings.push_back("riksnorm-2027 is PRELIMINARY: …");
    const auto d = eb::report::simulation_document(r);
    CHECK_THAT(eb::doc::to_text(d), Contains("Varning: riksnorm-2027 är PRELIMINÄR"));
    CHECK_THAT(eb::doc::to_html(d), Contains("<p class=\"notice warning\"><strong>Varning:</strong> riksnorm-2027 är"));
    CHECK(eb::doc::to_text(d).find("PRELIMINARY") == std::string::npos);
  }
  SECTION("every text line fits 78 columns") {
    SimulationResult r = result_of(25, 25);
    r.flagged_norms.emplace_back("riksnorm-2024", eb::norms::NormStatus::estimate);
    const std::string t = eb::doc::to_text(eb::report::simulation_document(r));
    std::size_t start = 0;
    while (start < t.size()) {
      std::size_t end = t.find('\n', start);
      if (end == std::string::npos) end = t.size();
      INFO(t.substr(start, end - start));
      CHECK(eb::text::display_width(std::string_view(t).substr(start, end - start)) <= 78);
      start = end + 1;
    }
  }
}
