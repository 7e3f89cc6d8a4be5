// SPDX-License-Identifier: MIT
// Tests of the transitional rules (norms/transitional.toml): which rules an application gets by
// its month, its arrival date and the decision date (issue #13, point 3 and 4).
#include "norms/transitional.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using eb::norms::TransitionKind;
using eb::norms::Transitions;
using eb::period::Date;
using eb::period::Month;

namespace {

const Transitions& shipped() {
  return eb::test::bundled_catalog().transitions();
}

bool applied(const eb::norms::RuleChoice& c, const std::string& sfs) {
  for (const auto& a : c.applied) {
    if (a.sfs == sfs) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Transitions::choose", "[norms][transitional]") {
  SECTION("the shipped file lists the acts with their entry into force") {
    REQUIRE(shipped().all().size() == 5);
    CHECK(shipped().all().front().sfs == "2025:400");
    CHECK(shipped().all().front().kind == TransitionKind::decision_date);
    CHECK(shipped().all().back().sfs == "2026:1127");
    CHECK(shipped().all().back().in_force == Date(2028, 1, 1));
  }
  SECTION("a December 2026 application received in January 2027 gets the rules of 2027") {
    const auto c = shipped().choose(Month(2026, 12), Date(2027, 1, 10), Date(2027, 1, 12));
    CHECK(c.norm_day == Date(2027, 1, 1));
    CHECK(c.law_day == Date(2027, 1, 1));
    CHECK(applied(c, "2026:897"));
    CHECK(applied(c, "2026:1126"));
    CHECK_FALSE(applied(c, "2026:1127"));
    REQUIRE(c.notes.size() == 2);
    CHECK(c.notes[0].find("arrived 2027-01-10") != std::string::npos);
  }
  SECTION("a December 2026 application received in December keeps the older rules, decided in January") {
    const auto c = shipped().choose(Month(2026, 12), Date(2026, 12, 20), Date(2027, 1, 5));
    CHECK(c.norm_day == Date(2026, 12, 1));
    CHECK(c.law_day == Date(2026, 12, 1));
    CHECK(c.applied.empty());
  }
  SECTION("a January 2027 application received in December 2026 concerns time after: new rules") {
    const auto c = shipped().choose(Month(2027, 1), Date(2026, 12, 28), Date(2027, 1, 4));
    CHECK(c.norm_day == Date(2027, 1, 1));
    CHECK(c.applied.empty());
  }
  SECTION("a June 2026 application received in July gets the läkarintyg rules of SFS 2026:896") {
    const auto c = shipped().choose(Month(2026, 6), Date(2026, 7, 2), Date(2026, 7, 3));
    CHECK(c.norm_day == Date(2026, 7, 1));
    CHECK(applied(c, "2026:896"));
  }
  SECTION("a January 2025 month decided in August 2025 cites SoL (2025:400)") {
    const auto c = shipped().choose(Month(2025, 1), Date(2025, 1, 3), Date(2025, 8, 11));
    CHECK(c.norm_day == Date(2025, 1, 1));
    CHECK(c.law_day == Date(2025, 7, 1));
    CHECK(applied(c, "2025:400"));
  }
  SECTION("decided before 2025-07-01 the old act is cited") {
    const auto c = shipped().choose(Month(2025, 1), Date(2025, 1, 3), Date(2025, 6, 30));
    CHECK(c.law_day == Date(2025, 1, 1));
    CHECK(c.applied.empty());
  }
  SECTION("without an arrival date the month decides, and a note says so") {
    const auto c = shipped().choose(Month(2026, 12), std::nullopt, Date(2027, 1, 12));
    CHECK(c.norm_day == Date(2026, 12, 1));
    REQUIRE_FALSE(c.notes.empty());
    CHECK(c.notes[0].find("no arrival date") != std::string::npos);
  }
}

TEST_CASE("Transitions::parse", "[norms][transitional]") {
  SECTION("refuses an unknown kind, naming the field") {
    const std::string text =
        "[[act]]\nsfs = \"2030:1\"\ntitle = \"x\"\nin_force = 2030-01-01\nkind = \"monthly\"\n"
        "subject = \"s\"\nsource = \"s\"\n";
    const std::string msg = eb::test::input_error_of([&] { (void)Transitions::parse(text, "t.toml"); });
    CHECK(msg.find("act[1].kind") != std::string::npos);
    CHECK(msg.find("arrival_and_period") != std::string::npos);
  }
  SECTION("refuses an unknown key and a missing one") {
    const std::string text = "[[act]]\nsfs = \"2030:1\"\nin_force = 2030-01-01\nkind = \"decision_date\"\nwhen = 1\n";
    const std::string msg = eb::test::input_error_of([&] { (void)Transitions::parse(text, "t.toml"); });
    CHECK(msg.find("when") != std::string::npos);
    CHECK(msg.find("title") != std::string::npos);
  }
}
