// SPDX-License-Identifier: MIT
// A small hand-built district for the tests of the unit's report: five households of 2026 (and
// two of 2025) whose every figure is worked out by hand in unit_report_test.cpp.
#pragma once

#include <string>
#include <vector>

#include "person/personnummer.hpp"
#include "report/unit_report.hpp"

namespace eb::test {

using period::Date;
using period::Month;
using report::HouseholdMonthRow;
using report::MemberRow;

// A synthetic personnummer born on `birth` ("YYYYMMDD") with serial `serial` (three digits; the
// last one odd for a man, even for a woman) and its Luhn check digit.
inline person::Personnummer synthetic_pnr(const std::string& birth, const std::string& serial) {
  const int check = person::luhn_check_digit(birth.substr(2) + serial);
  return person::parse_personnummer(birth + serial + std::to_string(check), "pnr");
}

// A member as the store scan delivers it: sex and birth date from the pnr.
inline MemberRow member(std::int64_t id, const std::string& birth, const std::string& serial, bool adult,
                        std::string hinder = "") {
  const person::Personnummer pnr = synthetic_pnr(birth, serial);
  return MemberRow{id, pnr.sex(), pnr.birth_date(), adult, std::move(hinder)};
}

struct District {
  // Anna (woman, 1980), alone: C1, bistånd January–September 2026: exactly 9 months.
  MemberRow anna = member(1, "19800510", "002", true, "arbetslos");
  // Bo (man, 1975), alone: C2, January–October 2026: exactly 10 months; January–August 2025.
  MemberRow bo = member(2, "19750203", "011", true, "sjukskriven");
  // Cecilia and David, a couple with Elsa (girl, 2015) and Filip (boy, 18 on 20 June 2026, in
  // school): C3, all of 2025 and 2026; both adults are long-term.
  MemberRow cecilia = member(3, "19900701", "024", true, "arbetslos");
  MemberRow david = member(4, "19881111", "035", true, "sjukskriven");
  MemberRow elsa = member(5, "20150303", "046", false);
  MemberRow filip = member(6, "20080620", "057", false);
  // Greta (woman, 23 in 2026), single parent of Hugo (boy, 2024): C4, January–June 2026 (in a
  // vandrarhem January–March), closed to another benefit on 30 June, reopened by an application
  // arriving 3 September, bistånd September–October again.
  MemberRow greta = member(7, "20030404", "068", true, "foraldraledig");
  MemberRow hugo = member(8, "20240115", "079", false);
  // Ivan (man, 1970), homeless in a härbärge: C5, March–April 2026, closed to studies 5 May.
  MemberRow ivan = member(9, "19701212", "081", true, "sociala_medicinska");
  // Jonas (man, 1985): C6, applied for May 2026 and got avslag: nothing paid.
  MemberRow jonas = member(10, "19850101", "093", true, "arbetslos");

  std::vector<HouseholdMonthRow> months() const {
    using assess::Housing;
    std::vector<HouseholdMonthRow> rows;
    const auto add = [&](std::int64_t c, Month m, std::vector<MemberRow> members, std::int64_t kr,
                         std::optional<Housing> housing) {
      rows.push_back(HouseholdMonthRow{c, m, std::move(members), money::Money::from_kr(kr), housing});
    };
    for (int m = 1; m <= 12; ++m) {
      if (m <= 9) add(1, Month(2026, m), {anna}, 8000, Housing::second_hand);
      if (m <= 10) add(2, Month(2026, m), {bo}, 9000, std::nullopt);
      add(3, Month(2026, m), {cecilia, david, elsa, filip}, 15000, Housing::own_lease);
      if (m <= 6 || m == 9 || m == 10) {
        add(4, Month(2026, m), {greta, hugo}, 10000, m <= 3 ? Housing::vandrarhem : Housing::own_lease);
      }
      if (m == 3 || m == 4) add(5, Month(2026, m), {ivan}, 5000, Housing::harbarge);
      // 2025: C3 all year at 14 000 kr, C2 January–August at 9 000 kr.
      add(3, Month(2025, m), {cecilia, david, elsa, filip}, 14000, Housing::own_lease);
      if (m <= 8) add(2, Month(2025, m), {bo}, 9000, std::nullopt);
    }
    add(6, Month(2026, 5), {jonas}, 0, Housing::own_lease);  // the avslag: a row, but no bistånd
    return rows;
  }

  std::vector<report::DecidedApplicationRow> decisions() const {
    using decide::Kind;
    const auto d = [](const char* iso) { return period::parse_date(iso, "test"); };
    return {
        // Arrives on a Friday, decided the next Thursday: Fri, Mon–Thu = 5 days.
        {101, 1, Month(2026, 3), d("2026-02-27"), std::nullopt, d("2026-03-05"), Kind::bifall, false, false},
        // Across Easter (Långfredagen 3 April, Annandag påsk 6 April): Thu 2, Tue 7, Wed 8 = 3 days.
        {102, 2, Month(2026, 4), d("2026-04-02"), std::nullopt, d("2026-04-08"), Kind::bifall, false, false},
        // Across Kristi himmelfärdsdag (Thursday 14 May): Tue 12, Wed 13, Fri 15, Mon 18, Tue 19 = 5 days.
        {103, 3, Month(2026, 6), d("2026-05-12"), std::nullopt, d("2026-05-19"), Kind::delbifall, true, true},
        // The avslag: complete two days after arrival, counted from then: Wed 22 – Tue 28 = 5 days.
        {104, 6, Month(2026, 5), d("2026-04-20"), d("2026-04-22"), d("2026-04-28"), Kind::avslag, false, false},
        // The reopening application: Thu 3 – Mon 14 September = 8 days, a delbifall without analysis.
        {105, 4, Month(2026, 9), d("2026-09-03"), std::nullopt, d("2026-09-14"), Kind::delbifall, true, false},
        // Decided the day it arrived: 1 day.
        {106, 4, Month(2026, 2), d("2026-01-26"), std::nullopt, d("2026-01-26"), Kind::bifall, true, false},
        // Arrives on a Saturday, decided Monday: the count starts Monday, 1 day.
        {107, 5, Month(2026, 3), d("2026-02-28"), std::nullopt, d("2026-03-02"), Kind::bifall, false, false},
    };
  }

  std::vector<report::CaseRow> cases() const {
    using report::ClosureReason;
    const auto d = [](const char* iso) { return period::parse_date(iso, "test"); };
    return {
        {1, {{d("2026-09-30"), ClosureReason::work, std::nullopt}}, {d("2026-01-15"), d("2026-09-05")}},
        {2, {{d("2026-10-31"), ClosureReason::moved, std::nullopt}}, {d("2026-03-01")}},
        {3, {}, {d("2026-07-01"), d("2026-03-10")}},
        {4, {{d("2026-06-30"), ClosureReason::another_benefit, d("2026-09-03")}}, {}},
        {5, {{d("2026-05-05"), ClosureReason::studies, std::nullopt}}, {}},
    };
  }

  // The population of the area in 2025 and 2026, the budget and the targets.
  static constexpr const char* k_config = R"toml(
status = "example"
unit = "Enheten för ekonomiskt bistånd, Exempelby"

[arbetsplan]
current_months = 6

[[hinder]]
code = "arbetslos"
label = "arbetslöshet"

[[hinder]]
code = "sjukskriven"
label = "sjukskrivning"

[[hinder]]
code = "sociala_medicinska"
label = "sociala/medicinska skäl"

[[hinder]]
code = "foraldraledig"
label = "föräldraledighet"

[[population]]
year = 2025
persons = 1000
women = 500
men = 500
adults = 800
adult_women = 400
adult_men = 400
children = 200
girls = 100
boys = 100
young = 100
young_women = 50
young_men = 50

[[population]]
year = 2026
persons = 1000
women = 500
men = 500
adults = 800
adult_women = 400
adult_men = 400
children = 200
girls = 100
boys = 100
young = 100
young_women = 50
young_men = 50

[[budget]]
year = 2026
forsorjningsstod_tkr = 400

[[target]]
year = 2026
indicator = "persons_share"
target = "0,8 %"
kf_target = "1,6 %"

[[target]]
year = 2026
indicator = "homeless"
target = "195 st"
kf_target = "tas fram av nämnden"
)toml";

  // The fold of `period` over every row above, as of `today`.
  report::UnitReportFold fold(const char* period, const char* today, const report::ReportConfig& config) const {
    report::ReportSetup setup;
    setup.period = period::parse_month_range(period, "--period");
    setup.today = period::parse_date(today, "today");
    setup.data_from = Month(2025, 1);
    setup.config = config;
    report::UnitReportFold f(setup);
    for (const auto& r : months()) f.add(r);
    for (const auto& r : decisions()) f.add(r);
    for (const auto& r : cases()) f.add(r);
    return f;
  }
};

}  // namespace eb::test
