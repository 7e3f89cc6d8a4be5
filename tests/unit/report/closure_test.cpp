// SPDX-License-Identifier: MIT
// Tests of the closure rules: a closure reopened by the first later application, whether a
// case is closed on a day, and when a case may be closed or get an arbetsplan.
#include "report/closure.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "report/arbetsplan.hpp"
#include "support.hpp"

using eb::period::Date;
using eb::report::Closure;
using eb::report::ClosureReason;

namespace {

std::string conflict_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const eb::Conflict& e) {
    return e.what();
  }
  return "";
}

const std::vector<Date> k_arrivals{Date(2026, 1, 5), Date(2026, 2, 3), Date(2026, 9, 3)};

}  // namespace

TEST_CASE("with_reopenings", "[report][closure]") {
  SECTION("the first application that arrived after the closure reopens it") {
    const auto c =
        eb::report::with_reopenings({{Date(2026, 6, 30), ClosureReason::another_benefit, std::nullopt}}, k_arrivals);
    REQUIRE(c.size() == 1);
    CHECK(c[0].reopened_on == Date(2026, 9, 3));
  }
  SECTION("an application that arrived on the closing day does not reopen it") {
    const auto c = eb::report::with_reopenings({{Date(2026, 9, 3), ClosureReason::work, std::nullopt}}, k_arrivals);
    CHECK_FALSE(c[0].reopened_on);
  }
  SECTION("closures come oldest first, whatever the order given") {
    const auto c = eb::report::with_reopenings({{Date(2026, 9, 30), ClosureReason::moved, std::nullopt},
                                                {Date(2026, 1, 20), ClosureReason::work, std::nullopt}},
                                               k_arrivals);
    CHECK(c[0].closed_on == Date(2026, 1, 20));
    CHECK(c[0].reopened_on == Date(2026, 2, 3));
    CHECK_FALSE(c[1].reopened_on);
  }
}

TEST_CASE("is_closed_on", "[report][closure]") {
  const auto c =
      eb::report::with_reopenings({{Date(2026, 6, 30), ClosureReason::another_benefit, std::nullopt}}, k_arrivals);
  CHECK_FALSE(eb::report::is_closed_on(c, Date(2026, 6, 29)));
  CHECK(eb::report::is_closed_on(c, Date(2026, 6, 30)));
  CHECK(eb::report::is_closed_on(c, Date(2026, 9, 2)));
  CHECK_FALSE(eb::report::is_closed_on(c, Date(2026, 9, 3)));
  CHECK_FALSE(eb::report::is_closed_on({}, Date(2026, 9, 3)));
}

TEST_CASE("check_closure", "[report][closure]") {
  const Date today(2026, 10, 1);
  SECTION("an open case may be closed after its last application arrived") {
    CHECK_NOTHROW(eb::report::check_closure("C-4", k_arrivals, {}, Date(2026, 9, 30), today));
  }
  SECTION("a day after today is a typing error") {
    CHECK(eb::test::input_error_of([&] {
            eb::report::check_closure("C-4", k_arrivals, {}, Date(2026, 10, 2), today);
          }) == "--on = 2026-10-02: is after today (2026-10-01)");
  }
  SECTION("an application that arrived after the day would reopen the case at once") {
    CHECK(conflict_of([&] { eb::report::check_closure("C-4", k_arrivals, {}, Date(2026, 6, 30), today); }) ==
          "C-4 cannot be closed on 2026-06-30: an application arrived after it (2026-09-03), which reopens the "
          "case; close it on that day or later");
  }
  SECTION("not before the first application") {
    CHECK(conflict_of([&] { eb::report::check_closure("C-4", k_arrivals, {}, Date(2026, 1, 4), today); }) ==
          "C-4 cannot be closed on 2026-01-04: its first application arrived 2026-01-05");
  }
  SECTION("not a case without applications") {
    CHECK(conflict_of([&] { eb::report::check_closure("C-4", {}, {}, Date(2026, 1, 4), today); }) ==
          "C-4 has no application; there is nothing to close");
  }
  SECTION("a closed case is not closed again until an application reopens it") {
    const std::vector<Date> arrivals{Date(2026, 1, 5), Date(2026, 2, 3)};
    const auto closed = eb::report::with_reopenings({{Date(2026, 6, 30), ClosureReason::work, std::nullopt}}, arrivals);
    CHECK(conflict_of([&] { eb::report::check_closure("C-4", arrivals, closed, Date(2026, 7, 31), today); }) ==
          "C-4 is closed already (2026-06-30, work); a later application reopens it");
    const auto reopened =
        eb::report::with_reopenings({{Date(2026, 6, 30), ClosureReason::work, std::nullopt}}, k_arrivals);
    CHECK_NOTHROW(eb::report::check_closure("C-4", k_arrivals, reopened, Date(2026, 9, 30), today));
    CHECK(conflict_of([&] { eb::report::check_closure("C-4", k_arrivals, reopened, Date(2026, 6, 1), today); }) ==
          "C-4 cannot be closed on 2026-06-01, before its last closure (2026-06-30)");
  }
}

TEST_CASE("check_arbetsplan", "[report][closure]") {
  const Date today(2026, 10, 1);
  const auto closed = eb::report::with_reopenings({{Date(2026, 6, 30), ClosureReason::work, std::nullopt}}, k_arrivals);
  SECTION("a new day of an open case") {
    CHECK_NOTHROW(eb::report::check_arbetsplan("C-4", {Date(2026, 3, 1)}, closed, Date(2026, 3, 2), today));
    CHECK_NOTHROW(eb::report::check_arbetsplan("C-4", {}, closed, Date(2026, 9, 3), today));
  }
  SECTION("refuses the same day twice") {
    CHECK(conflict_of([&] { eb::report::check_arbetsplan("C-4", {Date(2026, 3, 1)}, {}, Date(2026, 3, 1), today); }) ==
          "the arbetsplan of C-4 is recorded as made or renewed on 2026-03-01 already");
  }
  SECTION("refuses a day the case is closed") {
    CHECK(conflict_of([&] { eb::report::check_arbetsplan("C-4", {}, closed, Date(2026, 8, 1), today); }) ==
          "C-4 is closed on 2026-08-01; an arbetsplan is recorded for an open case (a later application reopens it)");
  }
  SECTION("refuses a day after today") {
    CHECK(eb::test::input_error_of([&] { eb::report::check_arbetsplan("C-4", {}, {}, Date(2026, 10, 2), today); }) ==
          "--on = 2026-10-02: is after today (2026-10-01)");
  }
}

TEST_CASE("check_closure_note", "[report][closure]") {
  SECTION("a plain note, with Swedish letters, passes") {
    CHECK_NOTHROW(eb::report::check_closure_note(""));
    CHECK_NOTHROW(eb::report::check_closure_note("anställd på Åhléns"));
  }
  SECTION("refuses a control character, shown escaped") {
    CHECK(eb::test::input_error_of([] { eb::report::check_closure_note("a\x1b[2Jb"); }) ==
          "--note = \"a\\x1b[2Jb\": contains a control character (U+001B)");
  }
  SECTION("refuses a line break and a note longer than an application's text field") {
    CHECK(eb::test::input_error_of([] { eb::report::check_closure_note("rad 1\nrad 2"); }).find("control character") !=
          std::string::npos);
    CHECK(eb::test::input_error_of([] {
            eb::report::check_closure_note(std::string(1001, 'x'));
          }).find("at most 1000 fit") != std::string::npos);
  }
}
