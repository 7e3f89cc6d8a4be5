// SPDX-License-Identifier: MIT
// Tests of assess::apply_history, the rule of calculation.md §5: the store wins over the file,
// except where its history is known to be incomplete.
#include "assess/history.hpp"

#include <catch2/catch.hpp>

#include "decide/decide_support.hpp"

using eb::assess::MemberHistory;
using eb::money::Money;
using eb::period::Month;

namespace {

MemberHistory known_from(Month m) {
  MemberHistory h;
  h.known_from = m;
  return h;
}

}  // namespace

TEST_CASE("assess::apply_history", "[assess][history]") {
  auto app = eb::test::application_of(eb::test::k_parent_and_child);  // 2026-03: an adult and a child

  SECTION("no history: the file's values stand, no notes") {
    app.members[0].assistance_months = 5;
    CHECK(eb::assess::apply_history(app, {MemberHistory{}, MemberHistory{}}).empty());
    CHECK(app.members[0].assistance_months == 5);
  }

  SECTION("the store's months in a row replace the file's") {
    app.members[0].assistance_months = 5;
    MemberHistory h = known_from(Month(2025, 6));
    h.assistance_months = 2;
    const auto notes = eb::assess::apply_history(app, {h, MemberHistory{}});
    CHECK(app.members[0].assistance_months == 2);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] ==
          "assistance_months for 19900101-XXXX: the file says 5, the store's history shows 2 months in a "
          "row; the store's value is used");
  }

  SECTION("a larger file value is kept when the store's run reaches the start of its history") {
    app.members[0].assistance_months = 9;
    MemberHistory h = known_from(Month(2026, 1));
    h.assistance_months = 2;  // January and February: all the store knows
    const auto notes = eb::assess::apply_history(app, {h, MemberHistory{}});
    CHECK(app.members[0].assistance_months == 9);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("the file's 9 is kept; the store knows 2 months in a row") != std::string::npos);
  }

  SECTION("an unassessed month stops the run: the store's count is only a lower bound") {
    app.members[0].assistance_months = 4;
    MemberHistory h = known_from(Month(2025, 1));
    h.assistance_months = 1;
    h.stopped_at_unassessed = true;
    const auto notes = eb::assess::apply_history(app, {h, MemberHistory{}});
    CHECK(app.members[0].assistance_months == 4);
    CHECK(notes[0].find("an earlier month is not assessed yet") != std::string::npos);
  }

  SECTION("an unknown count is filled in from the store") {
    MemberHistory h = known_from(Month(2025, 6));
    h.assistance_months = 3;
    const auto notes = eb::assess::apply_history(app, {h, MemberHistory{}});
    CHECK(app.members[0].assistance_months == 3);
    CHECK(notes == std::vector<std::string>{"assistance_months for 19900101-XXXX = 3 from the store"});
  }

  SECTION("the store's jobbstimulans start wins") {
    app.members[0].stimulus_start = Month(2026, 2);
    MemberHistory h = known_from(Month(2025, 6));
    h.stimulus_start = Month(2025, 11);
    (void)eb::assess::apply_history(app, {h, MemberHistory{}});
    CHECK(app.members[0].stimulus_start == Month(2025, 11));
  }

  SECTION("a child's earnings this year come from the store's applications of the year") {
    app.members[1].earned_this_year_before = Money::from_kr(100);
    MemberHistory c = known_from(Month(2026, 1));
    c.applications_this_year = 2;
    c.earned_this_year = Money::from_kr(4000);
    c.first_month_this_year = Month(2026, 1);
    const auto notes = eb::assess::apply_history(app, {MemberHistory{}, c});
    CHECK(app.members[1].earned_this_year_before == Money::from_kr(4000));
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("the store's value is used") != std::string::npos);
  }

  SECTION("a year the store knows only from February keeps a larger file value") {
    app.members[1].earned_this_year_before = Money::from_kr(9000);
    MemberHistory c = known_from(Month(2026, 2));
    c.applications_this_year = 1;
    c.earned_this_year = Money::from_kr(4000);
    c.first_month_this_year = Month(2026, 2);
    const auto notes = eb::assess::apply_history(app, {MemberHistory{}, c});
    CHECK(app.members[1].earned_this_year_before == Money::from_kr(9000));
    CHECK(notes[0].find("is kept; the store's applications this year (from 2026-02)") != std::string::npos);
  }
}
