// SPDX-License-Identifier: MIT
// Tests of the calculator (calculation.md) with the shipped riksnorm files: child bands by age at
// the end of the month, utan-lunch variants, part months, common costs with housemates and
// beyond 7 persons, the income exemptions, rounding, guideline caps, norm status, and the eight
// worked examples against expected.json.
#include "assess/calculator.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>
#include "support.hpp"

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "common/error.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_catalog.hpp"
#include "norms/norm_set.hpp"

using eb::NormError;
using eb::assess::Application;
using eb::assess::Assessment;
using eb::assess::calculate;
using eb::assess::Line;
using eb::assess::parse_application;
using eb::assess::Section;
using eb::money::Money;
using eb::norms::CostCap;
using eb::norms::Guideline;
using eb::norms::NormCatalog;
using eb::norms::NormSet;

// The personnummer below are synthetic, with check digits computed by hand (Luhn). All ages are
// at the end of the month applied for, 2026-03-31 unless a test says otherwise.

namespace {

const NormCatalog& catalog() {
  return eb::test::bundled_catalog();
}

const NormSet& norm2026() {
  return catalog().find("2026");
}

Application app_of(const std::string& toml) {
  return parse_application(toml, "test.toml");
}

// Assesses `toml` under the norm valid in its month (the 2026 file for 2026 months).
Assessment assess(const std::string& toml, const eb::norms::Guideline* guideline = nullptr) {
  const Application app = app_of(toml);
  return calculate(app, catalog().valid_on(app.month.first_day()), guideline);
}

// A single applicant (41) in `month`, with `rest` appended (more members, costs, incomes).
std::string single(const std::string& rest, const std::string& month = "2026-03") {
  return "month = \"" + month + "\"\n[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n" + rest;
}

std::string child(const std::string& pnr, const std::string& extra = "") {
  return "[[member]]\npnr = \"" + pnr + "\"\nrole = \"child\"\n" + extra;
}

// The lines produced by `rule`, in order.
std::vector<Line> lines_of(const Assessment& a, const std::string& rule) {
  std::vector<Line> out;
  for (const auto& l : a.lines) {
    if (l.rule == rule) out.push_back(l);
  }
  return out;
}

// The one line produced by `rule`.
Line line_of(const Assessment& a, const std::string& rule) {
  const auto lines = lines_of(a, rule);
  INFO(rule);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

// The norm line of the one child in a single-parent household.
Line child_line(const std::string& pnr, const std::string& extra = "", const std::string& month = "2026-03") {
  return line_of(assess(single(child(pnr, extra), month)), "riksnorm.child_band");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has(const std::vector<std::string>& list, const std::string& text) {
  for (const auto& s : list) {
    if (s == text) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("calculate: adults", "[assess]") {
  SECTION("a single adult gets the single amount and common costs for 1") {
    const Assessment a = assess(single(""));
    const Line adult = line_of(a, "riksnorm.single");
    CHECK(adult.section == Section::norm);
    CHECK(adult.amount.ore() == 394000);
    CHECK(adult.member == "19850312-XXXX");
    CHECK(adult.label == "Personliga kostnader, ensamstående");
    CHECK(adult.ref == "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2 §");
    const Line common = line_of(a, "riksnorm.common");
    CHECK(common.section == Section::common);
    CHECK(common.amount.ore() == 128000);
    CHECK(common.label == "Gemensamma hushållskostnader, 1 person");
    CHECK(a.totals.norm.ore() == 522000);  // 3 940 + 1 280 = 5 220
    CHECK(a.totals.amount.ore() == 522000);
  }
  SECTION("a couple gets the couple amount once and common costs for 2") {
    const Assessment a = assess(single("[[member]]\npnr = \"19830704-1510\"\nrole = \"partner\"\n"));
    const Line couple = line_of(a, "riksnorm.couple");
    CHECK(couple.amount.ore() == 710000);
    CHECK(couple.member == "19850312-XXXX + 19830704-XXXX");
    CHECK(lines_of(a, "riksnorm.single").empty());
    CHECK(a.totals.norm.ore() == 851000);  // 7 100 + 1 410 = 8 510
  }
  SECTION("records the norm file it used") {
    const Assessment a = assess(single(""));
    CHECK(a.norm_id == "riksnorm-2026");
    CHECK(a.norm_sha256 == norm2026().sha256);
    CHECK(a.month.to_string() == "2026-03");
    CHECK(a.warnings.empty());
  }
}

TEST_CASE("calculate: child age bands", "[assess]") {
  SECTION("a birthday on the last day of the month moves the child to the new band") {
    // born 2019-03-31: 7 on 2026-03-31 → 7–10 år, 3 820 kr
    const Line l = child_line("20190331-1239");
    CHECK(l.amount.ore() == 382000);
    CHECK(l.label == "Personliga kostnader, barn 7 år");
    CHECK(l.member == "20190331-XXXX");
    CHECK(l.detail == "riksnorm-2026: barn 7–10 år med lunch, 3 820 kr");
  }
  SECTION("a birthday on the day after the month does not") {
    // born 2019-04-01: 6 on 2026-03-31 → 4–6 år, 3 060 kr
    const Line l = child_line("20190401-1234");
    CHECK(l.amount.ore() == 306000);
    CHECK(l.label == "Personliga kostnader, barn 6 år");
  }
  SECTION("every band edge") {
    CHECK(child_line("20250401-2341").amount.ore() == 274000);                        // 0 → under 1 år, 2 740
    CHECK(child_line("20250331-2346").amount.ore() == 306000);                        // 1 → 1–2 år, 3 060
    CHECK(child_line("20230401-2343").amount.ore() == 306000);                        // 2 → 1–2 år, 3 060
    CHECK(child_line("20230315-2348").amount.ore() == 272000);                        // 3 → 3 år, 2 720
    CHECK(child_line("20220401-2344").amount.ore() == 272000);                        // 3 → 3 år, 2 720
    CHECK(child_line("20220331-2349").amount.ore() == 306000);                        // 4 → 4–6 år, 3 060
    CHECK(child_line("20150401-2343").amount.ore() == 382000);                        // 10 → 7–10 år, 3 820
    CHECK(child_line("20150331-2348").amount.ore() == 439000);                        // 11 → 11–14 år, 4 390
    CHECK(child_line("20110401-2347").amount.ore() == 439000);                        // 14 → 11–14 år, 4 390
    CHECK(child_line("20110331-2342").amount.ore() == 496000);                        // 15 → 15–18 år, 4 960
    CHECK(child_line("20070401-2343", "in_school = true\n").amount.ore() == 496000);  // 18 → 15–18 år, 4 960
    CHECK(child_line("20070331-2348", "in_school = true\n").amount.ore() == 500000);  // 19 → 19–20 år, 5 000
  }
  SECTION("a samordningsnummer child is aged from the real birth date") {
    // 20190391: born 2019-03-31 (91 − 60) → 7 → 3 820
    const Line l = child_line("20190391-1236");
    CHECK(l.amount.ore() == 382000);
    CHECK(l.member == "20190391-XXXX");
    // 20190461: born 2019-04-01 → 6 → 3 060
    CHECK(child_line("20190461-1231").amount.ore() == 306000);
  }
}

TEST_CASE("calculate: a child born on 29 February", "[assess]") {
  // born 2024-02-29; 2025 is not a leap year. 2025 norm: under 1 år 2 720, 1–2 år 3 030.
  const std::string toml = single(child("20240229-2342"), "2025-02");
  SECTION("is still 0 at the end of February 2025 by default (birthday on 1 March)") {
    const Line l = line_of(assess(toml), "riksnorm.child_band");
    CHECK(l.label == "Personliga kostnader, barn 0 år");
    CHECK(l.amount.ore() == 272000);
  }
  SECTION("is 1 at the end of February 2025 with leap_day_birthday = feb28") {
    NormSet feb28 = catalog().find("2025");
    feb28.rules.leap_day_on_feb28 = true;
    const Line l = line_of(calculate(app_of(toml), feb28), "riksnorm.child_band");
    CHECK(l.label == "Personliga kostnader, barn 1 år");
    CHECK(l.amount.ore() == 303000);
  }
  SECTION("is 1 at the end of March 2025 under both rules") {
    const Line l = line_of(assess(single(child("20240229-2342"), "2025-03")), "riksnorm.child_band");
    CHECK(l.amount.ore() == 303000);
  }
}

TEST_CASE("calculate: utan lunch", "[assess]") {
  const std::string lunch = "preschool_lunch = true\n";
  SECTION("applies the lower amount in each band that has one") {
    CHECK(child_line("20250401-2341", lunch).amount.ore() == 256000);  // 0: 2 560
    CHECK(child_line("20250331-2346", lunch).amount.ore() == 280000);  // 1: 2 800
    CHECK(child_line("20230315-2348", lunch).amount.ore() == 250000);  // 3: 2 500
    CHECK(child_line("20220331-2349", lunch).amount.ore() == 272000);  // 4: 2 720
    CHECK(child_line("20190401-1234", lunch).amount.ore() == 272000);  // 6: 2 720
  }
  SECTION("says so in the detail") {
    CHECK(child_line("20220331-2349", lunch).detail ==
          "riksnorm-2026: barn 4–6 år utan lunch (lunch i förskola), 2 720 kr");
  }
  SECTION("has no effect for an older child, and a note says so") {
    const Assessment a = assess(single(child("20170405-2099", lunch)));
    CHECK(line_of(a, "riksnorm.child_band").amount.ore() == 382000);  // 8: 3 820 either way
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0] ==
          "preschool_lunch has no effect for the child aged 8 (20170405-XXXX): the band 7–10 år has one amount");
  }
  SECTION("is an error where the year's figure is UNCONFIRMED (2023)") {
    // born 2019-03-31: 4 on 2023-03-31 → band "4–6 år", whose utan-lunch figure is not known
    const Application app = app_of(single(child("20190331-1239", lunch), "2023-03"));
    CHECK_THROWS_WITH(calculate(app, catalog().find("2023")),
                      "riksnorm-2023: the \"utan lunch\" amount for children 4–6 år is UNCONFIRMED for this year (no "
                      "source found), so preschool_lunch = true cannot be assessed under it; enter the amount the "
                      "nämnd applies with an approved override, or assess without preschool_lunch");
    try {
      calculate(app, catalog().find("2023"));
    } catch (const NormError& e) {
      CHECK(e.exit_code() == eb::ExitCode::not_found);
    }
  }
  SECTION("the same 2023 child without preschool_lunch is assessed") {
    const Line l = line_of(assess(single(child("20190331-1239"), "2023-03")), "riksnorm.child_band");
    CHECK(l.amount.ore() == 270000);  // 2023, 4–6 år: 2 700
  }
}

TEST_CASE("calculate: part months", "[assess]") {
  SECTION("15 days is half the amount") {
    // 3 820 × 15/30 = 1 910
    const Line l = child_line("20170405-2099", "days = 15\n");
    CHECK(l.amount.ore() == 191000);
    CHECK(l.detail == "riksnorm-2026: barn 7–10 år med lunch, 3 820 kr × 15/30 days = 1 910 kr (ore_half_up)");
  }
  SECTION("1 day is 1/30, rounded half up to whole öre: down") {
    // 382 000 öre / 30 = 12 733,33 öre → 12 733 (127,33 kr)
    CHECK(child_line("20170405-2099", "days = 1\n").amount.ore() == 12733);
  }
  SECTION("1 day is 1/30, rounded half up to whole öre: up") {
    // 3 år: 272 000 öre / 30 = 9 066,67 öre → 9 067 (90,67 kr)
    CHECK(child_line("20230315-2348", "days = 1\n").amount.ore() == 9067);
  }
  SECTION("29 days") {
    // 382 000 × 29 / 30 = 369 266,67 → 369 267
    CHECK(child_line("20170405-2099", "days = 29\n").amount.ore() == 369267);
  }
  SECTION("applies to the utan-lunch amount") {
    // 2 720 × 15/30 = 1 360
    CHECK(child_line("20220331-2349", "preschool_lunch = true\ndays = 15\n").amount.ore() == 136000);
  }
  SECTION("the month is always 30 days, also in February") {
    // 2026-02 has 28 days; 3 820 × 15/30 = 1 910 all the same
    CHECK(child_line("20170405-2099", "days = 15\n", "2026-02").amount.ore() == 191000);
  }
  SECTION("a part-month child still counts as one person for the common costs") {
    const Assessment a = assess(single(child("20170405-2099", "days = 1\n")));
    CHECK(line_of(a, "riksnorm.common").amount.ore() == 141000);  // 2 persons: 1 410
  }
}

TEST_CASE("calculate: common costs", "[assess]") {
  SECTION("with housemates the case bears k/N: 2 330 × 1/5 = 466") {
    const Assessment a = assess("housemates = 4\n" + single(""));
    const Line l = line_of(a, "riksnorm.common_share");
    CHECK(l.section == Section::common);
    CHECK(l.amount.ore() == 46600);
    CHECK(l.label == "Gemensamma hushållskostnader, andel 1/5");
    CHECK(l.ref == "SoF (2025:468) 12 kap. 3 § andra stycket");
    CHECK(a.totals.norm.ore() == 440600);  // 3 940 + 466 = 4 406
    CHECK(lines_of(a, "riksnorm.common").empty());
  }
  SECTION("the share is rounded half up to whole öre: up") {
    // 1 790 × 1/3 = 596,666… → 596,67
    CHECK(line_of(assess("housemates = 2\n" + single("")), "riksnorm.common_share").amount.ore() == 59667);
  }
  SECTION("the share is rounded half up to whole öre: down") {
    // couple + 1 housemate: 1 790 × 2/3 = 1 193,333… → 1 193,33
    const Assessment a =
        assess("housemates = 1\n" + single("[[member]]\npnr = \"19830704-1510\"\nrole = \"partner\"\n"));
    const Line l = line_of(a, "riksnorm.common_share");
    CHECK(l.label == "Gemensamma hushållskostnader, andel 2/3");
    CHECK(l.amount.ore() == 119333);
  }
  SECTION("7 persons: 2 830 × 1/7 = 404,2857 → 404,29") {
    CHECK(line_of(assess("housemates = 6\n" + single("")), "riksnorm.common_share").amount.ore() == 40429);
  }
  SECTION("beyond 7 persons with housemates: (2 830 + 190) × 1/8 = 377,50") {
    CHECK(line_of(assess("housemates = 7\n" + single("")), "riksnorm.common_share").amount.ore() == 37750);
  }
  SECTION("a household of 9: 2 830 + 2 × (2 830 − 2 640) = 3 210") {
    // couple + seven children aged 13, 12, 10, 7, 5, 4 and 1
    const Assessment a =
        assess(single("[[member]]\npnr = \"19830704-1510\"\nrole = \"partner\"\n" + child("20130101-3452") +
                      child("20140202-3459") + child("20160303-3455") + child("20180404-3451") +
                      child("20200505-3455") + child("20210606-3452") + child("20240707-3457")));
    const Line l = line_of(a, "riksnorm.common");
    CHECK(l.amount.ore() == 321000);
    CHECK(l.label == "Gemensamma hushållskostnader, 9 personer");
    CHECK(l.detail ==
          "riksnorm-2026: gemensamma hushållskostnader för 9 personer, 3 210 kr (7 personer + 2 × "
          "skillnaden mellan 6 och 7 personer)");
    // 7 100 + 2 × 4 390 + 2 × 3 820 + 3 × 3 060 + 3 210 = 7 100 + 8 780 + 7 640 + 9 180 + 3 210 = 35 910
    CHECK(a.totals.norm.ore() == 3591000);
  }
}

TEST_CASE("calculate: costs", "[assess]") {
  SECTION("costs outside the norm and other needs go to their own totals") {
    const Assessment a =
        assess(single("[[cost]]\nkind = \"rent\"\napplied = 6500\n"
                      "[[cost]]\nkind = \"dental\"\napplied = 1200\n"));
    CHECK(a.totals.costs.ore() == 650000);
    CHECK(a.totals.other.ore() == 120000);
    CHECK(a.totals.need.ore() == 1292000);  // 5 220 + 6 500 + 1 200 = 12 920
    const Line rent = line_of(a, "cost.rent");
    CHECK(rent.section == Section::cost);
    CHECK(rent.label == "Boendekostnad");
    CHECK(rent.kind == "rent");
    CHECK(rent.ref == "SoL (2025:400) 12 kap. 7 § första stycket 2");
    const Line dental = line_of(a, "cost.dental");
    CHECK(dental.section == Section::other);
    CHECK(dental.ref == "SoL (2025:400) 12 kap. 1 §");
  }
  SECTION("öre amounts are kept exactly") {
    // 5 220 + 250,55 = 5 470,55 → payable 5 471
    const Assessment a = assess(single("[[cost]]\nkind = \"electricity\"\napplied = \"250.55\"\n"));
    CHECK(line_of(a, "cost.electricity").amount.ore() == 25055);
    CHECK(a.totals.costs.ore() == 25055);
    CHECK(a.totals.need.ore() == 547055);
    CHECK(a.totals.amount.ore() == 547100);
  }
  SECTION("the approved amount replaces the applied one") {
    const Line l = line_of(assess(single("[[cost]]\nkind = \"rent\"\napplied = 7000\napproved = 6800\n")), "cost.rent");
    CHECK(l.amount.ore() == 680000);
    CHECK(l.applied.ore() == 700000);
    CHECK(l.detail == "ansökt 7 000 kr, godkänt 6 800 kr (handläggarens bedömning)");
  }
}

TEST_CASE("calculate: rounding of the amount payable", "[assess]") {
  SECTION("50 öre rounds up to the next krona") {
    // 5 220 + 250,50 = 5 470,50 → 5 471
    const Assessment a = assess(single("[[cost]]\nkind = \"electricity\"\napplied = \"250.50\"\n"));
    CHECK(a.totals.need.ore() == 547050);
    CHECK(a.totals.amount.ore() == 547100);
  }
  SECTION("49 öre rounds down") {
    // 5 220 + 250,49 = 5 470,49 → 5 470
    CHECK(assess(single("[[cost]]\nkind = \"electricity\"\napplied = \"250.49\"\n")).totals.amount.ore() == 547000);
  }
  SECTION("rounds need minus income, not each part") {
    // need 5 220 + 250,25 = 5 470,25; income 0,25 → 5 470,00 exactly
    const Assessment a =
        assess(single("[[cost]]\nkind = \"electricity\"\napplied = \"250.25\"\n"
                      "[[income]]\nmember = \"19850312-2387\"\nkind = \"tax_refund\"\namount = \"0.25\"\n"));
    CHECK(a.totals.income.ore() == 25);
    CHECK(a.totals.amount.ore() == 547000);
  }
  SECTION("the amount is never negative") {
    // need 5 220 + 5 200 = 10 420 < income 21 000 → 0
    const Assessment a =
        assess(single("[[cost]]\nkind = \"rent\"\napplied = 5200\n"
                      "[[income]]\nmember = \"19850312-2387\"\nkind = \"salary\"\namount = 21000\n"));
    CHECK(a.totals.need.ore() == 1042000);
    CHECK(a.totals.income.ore() == 2100000);
    CHECK(a.totals.amount.ore() == 0);
  }
  SECTION("income equal to the need gives 0") {
    const Assessment a = assess(single("[[income]]\nmember = \"19850312-2387\"\nkind = \"a_kassa\"\namount = 5220\n"));
    CHECK(a.totals.amount.ore() == 0);
  }
}

TEST_CASE("calculate: jobbstimulans", "[assess]") {
  // A single applicant with rent 6 000 and a salary of 9 000: need 5 220 + 6 000 = 11 220.
  // With jobbstimulans 9 000 / 4 = 2 250 is not counted: 11 220 − 6 750 = 4 470.
  // Without it: 11 220 − 9 000 = 2 220.
  const auto with = [](const std::string& adult_fields, const std::string& kind = "salary",
                       const std::string& amount = "9000") {
    return "month = \"2026-03\"\n[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n" + adult_fields +
           "[[cost]]\nkind = \"rent\"\napplied = 6000\n[[income]]\nmember = \"19850312-2387\"\nkind = \"" + kind +
           "\"\namount = " + amount + "\n";
  };
  SECTION("applies in the first month of the period (month 0)") {
    const Assessment a = assess(with("stimulus_start = \"2026-03\"\n"));
    const Line l = line_of(a, "exemption.jobbstimulans");
    CHECK(l.section == Section::exemption);
    CHECK(l.amount.ore() == 225000);
    CHECK(l.member == "19850312-XXXX");
    CHECK(l.detail == "25 % av 9 000 kr = 2 250 kr (ore_half_up)");
    CHECK(l.ref == "SoL (2025:400) 12 kap. 8 §");
    CHECK(has(a.notes, "jobbstimulans for 19850312-XXXX: month 1 of 24 (started 2026-03)"));
    CHECK(a.totals.exempt.ore() == 225000);
    CHECK(a.totals.income.ore() == 675000);
    CHECK(a.totals.amount.ore() == 447000);
  }
  SECTION("applies in month 23 of the period") {
    // 2024-04 → 2026-03 is 23 months
    const Assessment a = assess(with("stimulus_start = \"2024-04\"\n"));
    CHECK(line_of(a, "exemption.jobbstimulans").amount.ore() == 225000);
    CHECK(has(a.notes, "jobbstimulans for 19850312-XXXX: month 24 of 24 (started 2024-04)"));
    CHECK(a.totals.amount.ore() == 447000);
  }
  SECTION("does not apply in month 24") {
    // 2024-03 → 2026-03 is 24 months: the two years are over
    const Assessment a = assess(with("stimulus_start = \"2024-03\"\n"));
    CHECK(lines_of(a, "exemption.jobbstimulans").empty());
    CHECK(has(a.notes, "jobbstimulans for 19850312-XXXX: the period that started 2024-03 has ended"));
    CHECK(a.totals.exempt.ore() == 0);
    CHECK(a.totals.amount.ore() == 222000);
  }
  SECTION("does not start again right after the two years, even with six months of assistance") {
    const Assessment a = assess(with("assistance_months = 7\nstimulus_start = \"2024-03\"\n"));
    CHECK(lines_of(a, "exemption.jobbstimulans").empty());
  }
  SECTION("does not apply after 5 months of assistance") {
    const Assessment a = assess(with("assistance_months = 5\n"));
    CHECK(lines_of(a, "exemption.jobbstimulans").empty());
    CHECK(a.totals.amount.ore() == 222000);
  }
  SECTION("applies after 6 months of assistance") {
    const Assessment a = assess(with("assistance_months = 6\n"));
    CHECK(line_of(a, "exemption.jobbstimulans").amount.ore() == 225000);
    CHECK(has(a.notes, "jobbstimulans for 19850312-XXXX: qualified by 6 months in a row; the period starts 2026-03"));
    CHECK(a.stimulus_starts == std::vector<std::string>{"198503122387"});
    CHECK(a.totals.amount.ore() == 447000);
  }
  SECTION("does not apply without either field") {
    CHECK(lines_of(assess(with("")), "exemption.jobbstimulans").empty());
  }
  SECTION("does not apply to self_employment") {
    const Assessment a = assess(with("assistance_months = 7\n", "self_employment"));
    CHECK(lines_of(a, "exemption.jobbstimulans").empty());
    CHECK(a.totals.income.ore() == 900000);
    CHECK(a.totals.amount.ore() == 222000);
  }
  SECTION("does not apply to other income") {
    CHECK(lines_of(assess(with("assistance_months = 7\n", "a_kassa")), "exemption.jobbstimulans").empty());
  }
  SECTION("the exempt quarter is rounded half up to whole öre") {
    // 9 000,02 / 4 = 2 250,005 → 2 250,01
    const Assessment a = assess(with("assistance_months = 7\n", "salary", "\"9000.02\""));
    CHECK(line_of(a, "exemption.jobbstimulans").amount.ore() == 225001);
  }
  SECTION("applies to each qualifying adult separately") {
    const Assessment a = assess(
        "month = \"2026-03\"\n"
        "[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\nassistance_months = 6\n"
        "[[member]]\npnr = \"19830704-1510\"\nrole = \"partner\"\nassistance_months = 5\n"
        "[[income]]\nmember = \"19850312-2387\"\nkind = \"salary\"\namount = 8000\n"
        "[[income]]\nmember = \"19830704-1510\"\nkind = \"salary\"\namount = 4000\n");
    const Line l = line_of(a, "exemption.jobbstimulans");
    CHECK(l.member == "19850312-XXXX");
    CHECK(l.amount.ore() == 200000);          // 8 000 / 4; the partner's 4 000 counts in full
    CHECK(a.totals.income.ore() == 1000000);  // 12 000 − 2 000
  }
}

TEST_CASE("calculate: children's earnings", "[assess]") {
  // A single parent and a child of 15 (born 2011-03-31). Prisbasbelopp 2026: 59 200.
  const auto with = [](const std::string& earned_before, const std::string& incomes) {
    return single(child("20110331-2342", "earned_this_year_before = " + earned_before + "\n") + incomes);
  };
  const std::string salary_4000 = "[[income]]\nmember = \"20110331-2342\"\nkind = \"salary\"\namount = 4000\n";
  SECTION("are not counted up to the prisbasbelopp, and counted beyond it") {
    // left of the year's limit: 59 200 − 57 000 = 2 200; exempt min(4 000, 2 200) = 2 200; 1 800 counted
    const Assessment a = assess(with("57000", salary_4000));
    const Line l = line_of(a, "exemption.children_earnings");
    CHECK(l.amount.ore() == 220000);
    CHECK(l.member == "20110331-XXXX");
    CHECK(l.ref == "SoL (2025:400) 12 kap. 9 §");
    CHECK(l.detail ==
          "barns arbetsinkomst räknas inte upp till 1 prisbasbelopp per år (59 200 kr); tidigare i år "
          "57 000 kr, undantaget 2 200 kr, över gränsen räknas 1 800 kr");
    CHECK(a.totals.exempt.ore() == 220000);
    CHECK(a.totals.income.ore() == 180000);
  }
  SECTION("are not counted at all below the limit") {
    const Assessment a = assess(with("0", salary_4000));
    CHECK(line_of(a, "exemption.children_earnings").amount.ore() == 400000);
    CHECK(a.totals.income.ore() == 0);
  }
  SECTION("are counted in full once the limit is used up") {
    const Assessment a = assess(with("60000", salary_4000));
    CHECK(a.totals.exempt.ore() == 0);
    CHECK(a.totals.income.ore() == 400000);
  }
  SECTION("the limit is shared by two salary lines in the same month") {
    // 2 200 left: first 1 500 exempt, then 700 of the second 1 500
    const Assessment a = assess(with("57000",
                                     "[[income]]\nmember = \"20110331-2342\"\nkind = \"salary\"\namount = 1500\n"
                                     "[[income]]\nmember = \"20110331-2342\"\nkind = \"salary\"\namount = 1500\n"));
    const auto lines = lines_of(a, "exemption.children_earnings");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].amount.ore() == 150000);
    CHECK(lines[1].amount.ore() == 70000);
    CHECK(a.totals.income.ore() == 80000);  // 3 000 − 2 200
  }
  SECTION("apply to salary only") {
    const Assessment a =
        assess(with("0", "[[income]]\nmember = \"20110331-2342\"\nkind = \"studiebidrag\"\namount = 1250\n"));
    CHECK(lines_of(a, "exemption.children_earnings").empty());
    CHECK(a.totals.income.ore() == 125000);
  }
  SECTION("apply to children only") {
    const Assessment a =
        assess(with("0", "[[income]]\nmember = \"19850312-2387\"\nkind = \"salary\"\namount = 4000\n"));
    CHECK(lines_of(a, "exemption.children_earnings").empty());
    CHECK(a.totals.income.ore() == 400000);
  }
}

TEST_CASE("calculate: guideline caps", "[assess]") {
  Guideline g;
  g.id = "test-riktlinje";
  g.title = "Test";
  g.status = "adopted";
  g.source = "nämndens beslut";
  CostCap cap;
  cap.kind = "rent";
  cap.label = "1 vuxen, inga barn";
  cap.adults = 1;
  cap.children_min = 0;
  cap.children_max = 0;
  cap.amount = Money::from_kr(6000);
  g.caps.push_back(cap);
  const std::string rent_7000 = "[[cost]]\nkind = \"rent\"\napplied = 7000\n";
  SECTION("caps a cost above the cap, showing both figures and the source") {
    const Assessment a = assess(single(rent_7000), &g);
    const Line l = line_of(a, "cost.rent");
    CHECK(l.amount.ore() == 600000);
    CHECK(l.applied.ore() == 700000);
    CHECK(l.detail ==
          "ansökt 7 000 kr, begränsat till 6 000 kr enligt riktlinje test-riktlinje (1 vuxen, inga barn; "
          "nämndens beslut)");
    CHECK(a.guideline_id == "test-riktlinje");
    CHECK(a.totals.costs.ore() == 600000);
    CHECK(a.warnings.empty());
  }
  SECTION("leaves a cost below the cap") {
    CHECK(line_of(assess(single("[[cost]]\nkind = \"rent\"\napplied = 5000\n"), &g), "cost.rent").amount.ore() ==
          500000);
  }
  SECTION("the approved amount overrides the cap") {
    const Line l =
        line_of(assess(single("[[cost]]\nkind = \"rent\"\napplied = 7000\napproved = 6800\n"), &g), "cost.rent");
    CHECK(l.amount.ore() == 680000);
  }
  SECTION("applies only to the household type it names") {
    // one adult and one child: the cap is for households without children
    CHECK(line_of(assess(single(child("20170405-2099") + rent_7000), &g), "cost.rent").amount.ore() == 700000);
  }
  SECTION("applies only to the cost kind it names") {
    CHECK(line_of(assess(single("[[cost]]\nkind = \"electricity\"\napplied = 7000\n"), &g), "cost.electricity")
              .amount.ore() == 700000);
  }
  SECTION("an EXAMPLE guideline warns when it caps") {
    g.status = "example";
    const Assessment a = assess(single(rent_7000), &g);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] ==
          "cost capped by guideline 'test-riktlinje', which is an EXAMPLE, not a nämnd's adopted figures");
  }
}

TEST_CASE("calculate: norm status and validity", "[assess]") {
  SECTION("the 2024 estimate produces a warning") {
    const Assessment a = assess(single("", "2024-03"));
    const NormSet& n = catalog().find("2024");
    CHECK(a.norm_status == eb::norms::NormStatus::estimate);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] == "riksnorm-2024 is an ESTIMATE, not the official table (" + n.source_note +
                               "); check the amounts against the SFS before deciding");
    CHECK(a.totals.norm == n.single + n.common_for(1));
  }
  SECTION("a municipal copy produces a note, not a warning") {
    const Assessment a = assess(single("", "2023-03"));
    CHECK(a.warnings.empty());
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0] == "riksnorm-2023 has status municipal: " + catalog().find("2023").source_note);
  }
  SECTION("a norm that does not cover the month is refused") {
    CHECK_THROWS_WITH(calculate(app_of(single("", "2025-12")), norm2026()),
                      "riksnorm-2026 is valid 2026-01-01 to 2026-12-31, not for 2025-12");
  }
  SECTION("lines cite the statute valid on the first day of the month") {
    CHECK(line_of(assess(single("", "2025-06")), "riksnorm.single").ref ==
          "SoL (2001:453) 4 kap. 3 § första stycket 1; SoF (2001:937) 2 kap. 1 §");
    CHECK(line_of(assess(single("", "2025-07")), "riksnorm.single").ref ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2 §");
  }
}

TEST_CASE("calculate: the worked examples", "[assess]") {
  const std::string dir = EB_SOURCE_DIR "/tests/fixtures/examples/";
  const nlohmann::json expected = nlohmann::json::parse(read_text(dir + "expected.json"));
  REQUIRE(expected.size() == 8);
  for (const auto& [name, totals] : expected.items()) {
    SECTION(name) {
      const Application app = parse_application(read_text(dir + name + ".toml"), name + ".toml");
      const Assessment a = calculate(app, catalog().valid_on(app.month.first_day()));
      CHECK(a.norm_id == "riksnorm-2026");
      CHECK(a.totals.norm.ore() == totals.at("norm_ore").get<std::int64_t>());
      CHECK(a.totals.costs.ore() == totals.at("costs_ore").get<std::int64_t>());
      CHECK(a.totals.other.ore() == totals.at("other_ore").get<std::int64_t>());
      CHECK(a.totals.need.ore() == totals.at("need_ore").get<std::int64_t>());
      CHECK(a.totals.income.ore() == totals.at("income_ore").get<std::int64_t>());
      CHECK(a.totals.exempt.ore() == totals.at("exempt_ore").get<std::int64_t>());
      CHECK(a.totals.amount.ore() == totals.at("amount_ore").get<std::int64_t>());
    }
  }
  SECTION("02: couple 7 100, child 4 utan lunch 2 720, child 8 3 820, common(4) 2 030 = 15 670") {
    const Application app = parse_application(read_text(dir + "02-couple-two-children.toml"), "02");
    const Assessment a = calculate(app, norm2026());
    CHECK(a.totals.norm.ore() == 1567000);    // 7 100 + 2 720 + 3 820 + 2 030
    CHECK(a.totals.amount.ore() == 1848000);  // 27 100 − 8 620
  }
  SECTION("08: common(8) = 2 830 + 190 = 3 020") {
    const Application app = parse_application(read_text(dir + "08-eight-person-household.toml"), "08");
    CHECK(line_of(calculate(app, norm2026()), "riksnorm.common").amount.ore() == 302000);
  }
  SECTION("SoF 12 kap. 3 § is cited for the common costs of more than seven persons only") {
    const Application eight = parse_application(read_text(dir + "08-eight-person-household.toml"), "08");
    CHECK(line_of(calculate(eight, norm2026()), "riksnorm.common").ref ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2–3 §§");
    const Application two = parse_application(read_text(dir + "02-couple-two-children.toml"), "02");
    CHECK(line_of(calculate(two, norm2026()), "riksnorm.common").ref ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2 §");
  }
}

// Issue 11: 1 100 incomes of 90 000 000 000 000 kr assessed to "Försörjningsstöd att betala
// 85 467 440 737 100 736 kr". The parser's limits refuse such a file; the calculator's checked
// sums are the second guard, for an Application built any other way.
TEST_CASE("calculate: a sum that overflows", "[assess][limits]") {
  const Application base = app_of(R"(month = "2026-03"
[[member]]
pnr = "19850312-2387"
role = "applicant"
)");
  const auto error_of = [&](const Application& app) {
    return eb::test::input_problems_of([&] { (void)calculate(app, norm2026()); });
  };
  SECTION("names the income whose amount takes the sum past Money's range") {
    Application app = base;
    for (int i = 0; i < 1100; ++i) {
      eb::assess::Income in;
      in.member = app.members[0].pnr;
      in.amount = Money::from_kr(90'000'000'000'000);
      in.line = 10 + 5 * i;
      app.incomes.push_back(in);
    }
    const auto p = error_of(app);
    REQUIRE(p.size() == 1);
    // 1 024 × 9 × 10^15 öre fit below 2^63 − 1; the 1 025th does not.
    CHECK(p[0].field == "income[1025].amount");
    CHECK(p[0].file == "test.toml");
    CHECK(p[0].line == 10 + 5 * 1024);
    CHECK(p[0].value == "90 000 000 000 000 kr");
    CHECK(p[0].message.find("the sum of the section \"income\" goes beyond") == 0);
  }
  SECTION("names the cost, by the amount that counts (approved over applied)") {
    Application app = base;
    for (int i = 0; i < 1100; ++i) {
      eb::assess::Cost c;
      c.applied = Money::from_kr(1);
      c.approved = Money::from_kr(90'000'000'000'000);
      app.costs.push_back(c);
    }
    const auto p = error_of(app);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "cost[1025].approved");
  }
  SECTION("refuses a need minus income that overflows, naming the totals") {
    Application app = base;
    for (int i = 0; i < 1000; ++i) {
      eb::assess::Cost c;
      c.applied = Money::from_kr(90'000'000'000'000);
      app.costs.push_back(c);
    }
    for (int i = 0; i < 1000; ++i) {
      eb::assess::Cost c;
      c.kind = eb::assess::CostKind::dental;
      c.applied = Money::from_kr(90'000'000'000'000);
      app.costs.push_back(c);
    }
    const auto p = error_of(app);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "totals");
  }
}
