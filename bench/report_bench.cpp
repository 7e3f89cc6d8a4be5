// SPDX-License-Identifier: MIT
// eb_report_bench: how fast the unit's report fold is, in process, without the store: a
// synthetic year of HOUSEHOLD_MONTHS household-months (default 1 200 000, a national year)
// and as many the year before, folded and finished for the year and for T2. Prints figures;
// never asserts on timing.
//
// Usage: eb_report_bench [HOUSEHOLD_MONTHS]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "report/unit_report.hpp"
#include "report/unit_report_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A household of 1–4 members from its number: one adult, a partner for every third, children
// for every second; 6 to 12 months of bistånd.
void add_year(eb::report::UnitReportFold& fold, int year, std::int64_t household_months) {
  using eb::period::Month;
  eb::report::HouseholdMonthRow row;
  std::int64_t done = 0;
  for (std::int64_t h = 1; done < household_months; ++h) {
    const int months = 6 + static_cast<int>(h % 7);
    row.case_id = h;
    row.members.clear();
    row.members.push_back({h * 4, h % 2 ? eb::person::Sex::man : eb::person::Sex::woman,
                           eb::period::Date(1960 + static_cast<int>(h % 45), 1 + static_cast<int>(h % 12), 1), true,
                           h % 3 ? "arbetslos" : "sjukskriven"});
    if (h % 3 == 0) row.members.push_back({h * 4 + 1, eb::person::Sex::woman, eb::period::Date(1980, 5, 5), true, ""});
    if (h % 2 == 0) row.members.push_back({h * 4 + 2, eb::person::Sex::man, eb::period::Date(2015, 3, 3), false, ""});
    row.housing = h % 50 == 0 ? std::optional(eb::assess::Housing::harbarge) : std::nullopt;
    for (int m = 1; m <= months && done < household_months; ++m, ++done) {
      row.month = Month(year, m);
      row.paid = eb::money::Money::from_kr(5000 + (h % 10) * 1000);
      fold.add(row);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'200'000;
  for (const char* period : {"2026", "2026-T2"}) {
    eb::report::ReportSetup setup;
    setup.period = eb::period::parse_month_range(period, "period");
    setup.today = eb::period::Date(2027, 1, 20);
    setup.data_from = eb::period::Month(2025, 1);
    const auto start = Clock::now();
    eb::report::UnitReportFold fold(setup);
    add_year(fold, 2025, n);
    add_year(fold, 2026, n);
    const double added = ms_since(start);
    const auto r = fold.finish();
    const double finished = ms_since(start);
    const std::string json = eb::report::unit_report_json(r);
    std::printf("%s: 2 × %lld household-months folded in %.0f ms, finished in %.0f ms, JSON in %.0f ms\n", period,
                static_cast<long long>(n), added, finished - added, ms_since(start) - finished);
    std::printf("  %lld distinct households, %lld persons, paid %lld öre\n",
                static_cast<long long>(r.figures.households.distinct),
                static_cast<long long>(r.figures.persons.persons()),
                static_cast<long long>(r.figures.money.paid.ore()));
  }
  return 0;
}
