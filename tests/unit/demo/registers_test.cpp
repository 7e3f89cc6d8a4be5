// SPDX-License-Identifier: MIT
// Tests of the register rows' CSV text (RFC 4180) and the income kinds' sources.
#include "demo/registers.hpp"

#include <catch2/catch.hpp>

using eb::assess::IncomeKind;
using eb::demo::csv_field;
using eb::demo::IncomeRow;
using eb::demo::PopulationRow;
using eb::demo::RegisterSource;
using eb::person::parse_personnummer;

TEST_CASE("csv_field", "[demo]") {
  SECTION("leaves plain text alone") {
    CHECK(csv_field("19850312-2387") == "19850312-2387");
  }
  SECTION("quotes a comma, a quote or a line break, doubling quotes") {
    CHECK(csv_field("Gatan 1, 123 45 Stad") == "\"Gatan 1, 123 45 Stad\"");
    CHECK(csv_field("Port \"B\"") == "\"Port \"\"B\"\"\"");
    CHECK(csv_field("rad\nrad") == "\"rad\nrad\"");
  }
}

TEST_CASE("income_register_line", "[demo]") {
  const auto pnr = parse_personnummer("19850312-2387", "pnr");
  SECTION("writes the fut.md columns, kronor without öre when whole, CRLF") {
    const IncomeRow row{pnr,
                        eb::period::Month(2026, 3),
                        RegisterSource::fk,
                        IncomeKind::sjukpenning,
                        eb::money::Money::from_kr(5400),
                        eb::period::Date(2026, 3, 25)};
    CHECK(eb::demo::income_register_header() == "pnr,month,source,kind,amount,paid_on\r\n");
    CHECK(eb::demo::income_register_line(row) == "19850312-2387,2026-03,FK,sjukpenning,5400,2026-03-25\r\n");
  }
  SECTION("writes öre with two decimals") {
    const IncomeRow row{pnr,
                        eb::period::Month(2026, 3),
                        RegisterSource::akassa,
                        IncomeKind::a_kassa,
                        eb::money::Money::from_ore(540005),
                        eb::period::Date(2026, 3, 18)};
    CHECK(eb::demo::income_register_line(row) == "19850312-2387,2026-03,AKASSA,a_kassa,5400.05,2026-03-18\r\n");
  }
}

TEST_CASE("population_line", "[demo]") {
  const auto pnr = parse_personnummer("19850312-2387", "pnr");
  SECTION("quotes the address and leaves deceased_on empty for the living") {
    CHECK(eb::demo::population_header() == "pnr,address,deceased_on\r\n");
    CHECK(eb::demo::population_line(PopulationRow{pnr, "Gatan 1, 123 45 Stad", std::nullopt}) ==
          "19850312-2387,\"Gatan 1, 123 45 Stad\",\r\n");
  }
  SECTION("writes the date of death") {
    CHECK(eb::demo::population_line(PopulationRow{pnr, "Gatan 1", eb::period::Date(2026, 2, 14)}) ==
          "19850312-2387,Gatan 1,2026-02-14\r\n");
  }
}

TEST_CASE("source_of", "[demo]") {
  SECTION("names the paying authority, and none for income no register holds") {
    CHECK(eb::demo::source_of(IncomeKind::salary) == RegisterSource::skv);
    CHECK(eb::demo::source_of(IncomeKind::barnbidrag) == RegisterSource::fk);
    CHECK(eb::demo::source_of(IncomeKind::aktivitetsstod) == RegisterSource::fk);
    CHECK(eb::demo::source_of(IncomeKind::studiebidrag) == RegisterSource::csn);
    CHECK(eb::demo::source_of(IncomeKind::a_kassa) == RegisterSource::akassa);
    CHECK(eb::demo::source_of(IncomeKind::pension) == RegisterSource::pm);
    CHECK_FALSE(eb::demo::source_of(IncomeKind::swish_deposit));
    CHECK(eb::demo::source_name(RegisterSource::akassa) == "AKASSA");
  }
}
