// SPDX-License-Identifier: MIT
// Tests of the Swedish working-day calendar against hand-written tables of 2025–2027.
#include "period/working_days.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/error.hpp"

using eb::period::Date;
using eb::period::day_off_name;
using eb::period::is_working_day;
using eb::period::nth_working_day;
using eb::period::public_holiday_name;
using eb::period::working_days_between;

namespace {

Date d(const char* iso) {
  return eb::period::parse_date(iso, "test");
}

// Every named public holiday of 2025–2027, written from the Swedish calendar (Easter 2025-04-20,
// 2026-04-05, 2027-03-28) and checked with a separate standard-library Python script using
// Gauss's Easter formula rather than the Meeus/Jones/Butcher one in date.cpp.
const std::map<std::string, std::string> k_holidays = {
    {"2025-01-01", "Nyårsdagen"},
    {"2025-01-06", "Trettondedag jul"},
    {"2025-04-18", "Långfredagen"},
    {"2025-04-20", "Påskdagen"},
    {"2025-04-21", "Annandag påsk"},
    {"2025-05-01", "Första maj"},
    {"2025-05-29", "Kristi himmelfärdsdag"},
    {"2025-06-06", "Nationaldagen"},
    {"2025-06-08", "Pingstdagen"},
    {"2025-06-21", "Midsommardagen"},
    {"2025-11-01", "Alla helgons dag"},
    {"2025-12-25", "Juldagen"},
    {"2025-12-26", "Annandag jul"},

    {"2026-01-01", "Nyårsdagen"},
    {"2026-01-06", "Trettondedag jul"},
    {"2026-04-03", "Långfredagen"},
    {"2026-04-05", "Påskdagen"},
    {"2026-04-06", "Annandag påsk"},
    {"2026-05-01", "Första maj"},
    {"2026-05-14", "Kristi himmelfärdsdag"},
    {"2026-05-24", "Pingstdagen"},
    {"2026-06-06", "Nationaldagen"},
    {"2026-06-20", "Midsommardagen"},
    {"2026-10-31", "Alla helgons dag"},
    {"2026-12-25", "Juldagen"},
    {"2026-12-26", "Annandag jul"},

    {"2027-01-01", "Nyårsdagen"},
    {"2027-01-06", "Trettondedag jul"},
    {"2027-03-26", "Långfredagen"},
    {"2027-03-28", "Påskdagen"},
    {"2027-03-29", "Annandag påsk"},
    {"2027-05-01", "Första maj"},
    {"2027-05-06", "Kristi himmelfärdsdag"},
    {"2027-05-16", "Pingstdagen"},
    {"2027-06-06", "Nationaldagen"},
    {"2027-06-26", "Midsommardagen"},
    {"2027-11-06", "Alla helgons dag"},
    {"2027-12-25", "Juldagen"},
    {"2027-12-26", "Annandag jul"},
};

// Every day off that is not a public holiday, 2025–2027.
const std::map<std::string, std::string> k_days_off = {
    {"2025-06-20", "Midsommarafton"}, {"2025-12-24", "Julafton"}, {"2025-12-31", "Nyårsafton"},
    {"2026-06-19", "Midsommarafton"}, {"2026-12-24", "Julafton"}, {"2026-12-31", "Nyårsafton"},
    {"2027-06-25", "Midsommarafton"}, {"2027-12-24", "Julafton"}, {"2027-12-31", "Nyårsafton"},
};

std::optional<std::string> lookup(const std::map<std::string, std::string>& table, Date day) {
  const auto it = table.find(day.to_string());
  if (it == table.end()) return std::nullopt;
  return it->second;
}

struct BetweenRow {
  const char* arrived;
  const char* decided;
  int working_days;
  const char* why;
};

// Counted by hand day by day, then checked with the Python script.
const std::vector<BetweenRow> k_between_rows = {
    {"2025-04-17", "2025-04-24", 4, "Easter 2025: Långfredagen and Annandag påsk off"},
    {"2026-04-01", "2026-04-08", 4, "Easter 2026: 3 and 6 April off"},
    {"2027-03-24", "2027-03-31", 4, "Easter 2027: 26 and 29 March off"},
    {"2025-06-18", "2025-06-25", 5, "Midsommar 2025: Midsommarafton 20 June off"},
    {"2026-06-17", "2026-06-24", 5, "Midsommar 2026: Midsommarafton 19 June off"},
    {"2027-06-23", "2027-06-30", 5, "Midsommar 2027: Midsommarafton 25 June off"},
    {"2025-12-22", "2025-12-30", 4, "Christmas 2025: 24, 25, 26 December off"},
    {"2026-12-22", "2026-12-31", 5, "Christmas 2026: Julafton, Juldagen and Nyårsafton off"},
    {"2027-12-21", "2027-12-31", 7, "Christmas 2027: Julafton and Nyårsafton on Fridays"},
    {"2024-12-30", "2025-01-07", 4, "New Year 2025: Nyårsafton, Nyårsdagen, Trettondedag jul off"},
    {"2025-12-29", "2026-01-07", 5, "New Year 2026"},
    {"2026-12-30", "2027-01-08", 5, "New Year 2027"},
    {"2026-05-13", "2026-05-15", 2, "Kristi himmelfärdsdag 2026"},
    {"2025-04-30", "2025-05-30", 21, "May 2025: Första maj and Kristi himmelfärdsdag off"},
    {"2025-06-02", "2025-06-09", 5, "Nationaldagen off; annandag pingst 9 June is a working day"},
    {"2026-10-30", "2026-11-02", 2, "the Friday before Alla helgons dag is a working day"},
    {"2026-04-04", "2026-04-10", 4, "arrived on Påskafton, a Saturday"},
    {"2025-03-01", "2025-03-07", 5, "arrived on an ordinary Saturday"},
};

}  // namespace

TEST_CASE("public_holiday_name", "[period][working_days]") {
  SECTION("names every holiday of 2025-2027 and nothing else but Sundays") {
    for (Date day = d("2025-01-01"); day <= d("2027-12-31"); day = day.plus_days(1)) {
      INFO(day.to_string());
      auto expected = lookup(k_holidays, day);
      if (!expected && day.iso_weekday() == 7) expected = "Söndag";
      CHECK(public_holiday_name(day) == expected);
    }
  }
  SECTION("names a Sunday that is also a holiday by the holiday") {
    CHECK(public_holiday_name(d("2027-06-06")) == "Nationaldagen");
    CHECK(public_holiday_name(d("2027-12-26")) == "Annandag jul");
    CHECK(public_holiday_name(d("2026-04-05")) == "Påskdagen");
  }
  SECTION("names the fixed-date holiday when two coincide") {
    CHECK(public_holiday_name(d("2008-05-01")) == "Första maj");     // also Kristi himmelfärdsdag
    CHECK(public_holiday_name(d("2049-06-06")) == "Nationaldagen");  // also Pingstdagen
  }
  SECTION("does not name the eves or annandag pingst") {
    CHECK_FALSE(public_holiday_name(d("2026-12-24")));
    CHECK_FALSE(public_holiday_name(d("2026-06-19")));
    CHECK_FALSE(public_holiday_name(d("2026-05-25")));
  }
}

TEST_CASE("day_off_name", "[period][working_days]") {
  SECTION("names midsommarafton, julafton and nyårsafton of 2025-2027 and nothing else") {
    for (Date day = d("2025-01-01"); day <= d("2027-12-31"); day = day.plus_days(1)) {
      INFO(day.to_string());
      CHECK(day_off_name(day) == lookup(k_days_off, day));
    }
  }
  SECTION("finds midsommarafton at both ends of its week") {
    CHECK(day_off_name(d("2021-06-25")) == "Midsommarafton");  // Midsommardagen 26 June
    CHECK(day_off_name(d("2022-06-24")) == "Midsommarafton");
    CHECK(day_off_name(d("2020-06-19")) == "Midsommarafton");  // Midsommardagen 20 June
  }
}

TEST_CASE("is_working_day", "[period][working_days]") {
  SECTION("is true exactly on weekdays that are neither holidays nor days off, 2025-2027") {
    int working_days = 0;
    for (Date day = d("2025-01-01"); day <= d("2027-12-31"); day = day.plus_days(1)) {
      INFO(day.to_string());
      const bool expected = day.iso_weekday() <= 5 && !lookup(k_holidays, day) && !lookup(k_days_off, day);
      CHECK(is_working_day(day) == expected);
      if (is_working_day(day)) ++working_days;
    }
    // Each year has 261 weekdays; 12 (2025), 10 (2026) and 8 (2027) of them are days off.
    CHECK(working_days == 249 + 251 + 253);
  }
  SECTION("is false on weekends") {
    CHECK_FALSE(is_working_day(d("2026-03-14")));
    CHECK_FALSE(is_working_day(d("2026-03-15")));
    CHECK(is_working_day(d("2026-03-16")));
  }
}

TEST_CASE("working_days_between", "[period][working_days]") {
  SECTION("counts working days across Easter, midsommar, Christmas and New Year") {
    for (const auto& row : k_between_rows) {
      INFO(row.arrived << " to " << row.decided << ": " << row.why);
      CHECK(working_days_between(d(row.arrived), d(row.decided)) == row.working_days);
    }
  }
  SECTION("counts the same working day as 1") {
    CHECK(working_days_between(d("2026-03-10"), d("2026-03-10")) == 1);
  }
  SECTION("counts the same non-working day as 0") {
    CHECK(working_days_between(d("2026-03-14"), d("2026-03-14")) == 0);
    CHECK(working_days_between(d("2026-12-25"), d("2026-12-25")) == 0);
  }
  SECTION("starts the count on Monday when the application arrived on a Saturday") {
    CHECK(working_days_between(d("2026-03-14"), d("2026-03-16")) == 1);
  }
  SECTION("throws naming decided when decided is before arrived") {
    CHECK_THROWS_AS(working_days_between(d("2026-04-08"), d("2026-04-07")), eb::InputError);
    CHECK_THROWS_WITH(working_days_between(d("2026-04-08"), d("2026-04-07")),
                      "decided = 2026-04-07: is before the day the application arrived (2026-04-08)");
  }
}

TEST_CASE("nth_working_day", "[period][working_days]") {
  SECTION("gives the five-day deadline over Christmas 2026") {
    // 22, 23, 28, 29, 30 December; 24–27 are Julafton, Juldagen, Annandag jul and a Sunday.
    CHECK(nth_working_day(d("2026-12-22"), 5) == d("2026-12-30"));
    // Then Nyårsafton, Nyårsdagen and a weekend.
    CHECK(nth_working_day(d("2026-12-22"), 6) == d("2027-01-04"));
  }
  SECTION("gives the five-day deadline over Easter and midsommar 2026") {
    CHECK(nth_working_day(d("2026-04-02"), 5) == d("2026-04-10"));
    CHECK(nth_working_day(d("2026-06-17"), 5) == d("2026-06-24"));
    CHECK(nth_working_day(d("2025-12-29"), 5) == d("2026-01-07"));
  }
  SECTION("counts a working arrival day as day 1") {
    CHECK(nth_working_day(d("2026-12-22"), 1) == d("2026-12-22"));
  }
  SECTION("starts on the next working day when the application arrived on a Saturday") {
    CHECK(nth_working_day(d("2026-12-26"), 1) == d("2026-12-28"));
    CHECK(nth_working_day(d("2026-12-26"), 5) == d("2027-01-05"));
  }
  SECTION("is the inverse of working_days_between") {
    for (Date arrived = d("2025-12-01"); arrived <= d("2027-01-31"); arrived = arrived.plus_days(1)) {
      for (int n = 1; n <= 10; ++n) {
        INFO(arrived.to_string() << " n = " << n);
        const Date deadline = nth_working_day(arrived, n);
        CHECK(is_working_day(deadline));
        CHECK(working_days_between(arrived, deadline) == n);
      }
    }
  }
  SECTION("throws on n below 1") {
    CHECK_THROWS_AS(nth_working_day(d("2026-12-22"), 0), std::invalid_argument);
  }
}

TEST_CASE("WorkingDayCounter::between", "[period][working_days]") {
  using eb::period::Date;
  const eb::period::WorkingDayCounter counter(Date(2025, 12, 1), Date(2027, 1, 31));
  SECTION("the same count as working_days_between for every pair of a stretch with holidays") {
    // March–June 2026: Easter, Första maj, Kristi himmelfärd, Nationaldagen, Midsommar.
    for (Date a(2026, 3, 25); a <= Date(2026, 6, 30); a = a.plus_days(3)) {
      for (Date b = a; b <= Date(2026, 6, 30); b = b.plus_days(5)) {
        INFO(a.to_string() << " – " << b.to_string());
        CHECK(counter.between(a, b) == eb::period::working_days_between(a, b));
      }
    }
  }
  SECTION("outside its span it counts day by day, with the same result") {
    CHECK(counter.between(Date(2025, 11, 20), Date(2025, 12, 5)) ==
          eb::period::working_days_between(Date(2025, 11, 20), Date(2025, 12, 5)));
    CHECK(counter.between(Date(2027, 1, 20), Date(2027, 2, 10)) ==
          eb::period::working_days_between(Date(2027, 1, 20), Date(2027, 2, 10)));
  }
  SECTION("the Easter and Kristi himmelfärd examples") {
    CHECK(counter.between(Date(2026, 4, 2), Date(2026, 4, 8)) == 3);
    CHECK(counter.between(Date(2026, 5, 12), Date(2026, 5, 19)) == 5);
    CHECK(counter.between(Date(2026, 2, 28), Date(2026, 3, 2)) == 1);  // a Saturday arrival
  }
  SECTION("a decision before the arrival is refused as working_days_between refuses it") {
    CHECK_THROWS_AS(counter.between(Date(2026, 4, 8), Date(2026, 4, 2)), eb::InputError);
  }
}
