// SPDX-License-Identifier: MIT
// The large-household reduction (minskningsbelopp; SoL 12 kap. 7 a §, SoF 12 kap. 3 b–3 c §§)
// computed by hand for a couple and a single parent with 4, 5 and 4½ children, under the 2027
// factors (0.375 / 0.2, norms/riksnorm/2027.toml) and the 2028 factors (0.75 / 0.4,
// tests/fixtures/norms/2028-draft.toml); and the edges: exactly 3 children, 3½ children.
//
// The amounts are the preliminary ones (referensvärde × jämförelsetal × 1.02, nearest 10 kr):
//   2027, index 1.043: under 1 år 2 400 (utan lunch 2 150), 1 år 2 990 (2 730), 2–5 år 3 000
//     (2 730), 6–9 år 3 130, 10–13 år 3 540, 14–17 år 4 230, 18–20 år 4 560; single 4 540,
//     couple 8 510; common 1–7 persons 740, 950, 1 210, 1 420, 1 650, 1 880, 2 090.
//   2028 draft, index 1.065 (a test assumption): under 1 år 2 450 (2 190), 1 år 3 050 (2 780),
//     2–5 år 3 070 (2 780), 6–9 år 3 200, 10–13 år 3 610, 14–17 år 4 320, 18–20 år 4 660;
//     single 4 640, couple 8 690; common 750, 970, 1 240, 1 450, 1 690, 1 920, 2 130.
//
// The minskningsbelopp per child (SoF 12 kap. 3 c §): the personal cost of each age 0–20, ages
// 1–5 at the utan-lunch amount, summed, / 21, × factor, rounded DOWN to 10 kr.
//   2027: age 0: 2 400; age 1: 2 730; ages 2–5: 4 × 2 730 = 10 920; ages 6–9: 4 × 3 130 = 12 520;
//         ages 10–13: 4 × 3 540 = 14 160; ages 14–17: 4 × 4 230 = 16 920; ages 18–20: 3 × 4 560
//         = 13 680. Sum 73 330; / 21 = 3 491,90…
//         couple: × 0.375 = 1 309,46… → 1 300 kr;  other: × 0.2 = 698,38… → 690 kr.
//   2028: 2 450 + 2 780 + 4 × 2 780 + 4 × 3 200 + 4 × 3 610 + 4 × 4 320 + 3 × 4 660
//         = 2 450 + 2 780 + 11 120 + 12 800 + 14 440 + 17 280 + 13 980 = 74 850; / 21 = 3 564,28…
//         couple: × 0.75 = 2 673,21… → 2 670 kr;  other: × 0.4 = 1 425,71… → 1 420 kr.
// The reduction = minskningsbelopp × children beyond three (a child in växelvis boende counts
// 0.5, and a remaining half child reduces by half an amount).
#include <catch2/catch.hpp>

#include <string>
#include <vector>
#include "support.hpp"

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "assess/calculator.hpp"
#include "norms/norm_catalog.hpp"
#include "norms/norm_parser.hpp"
#include "norms/norm_set.hpp"

using eb::assess::Application;
using eb::assess::Assessment;
using eb::assess::calculate;
using eb::assess::Line;
using eb::assess::parse_application;
using eb::norms::NormSet;

// Synthetic personnummer (Luhn check digits computed by hand). Ages on 2027-03-31 / 2028-03-31:
//   A 20100514-2383: 16 (14–17 år) / 17 (14–17 år)
//   B 20140821-3450: 12 (10–13 år) / 13 (10–13 år)
//   C 20180203-4569:  9 (6–9 år)   / 10 (10–13 år)
//   D 20221130-5673:  4 (2–5 år)   /  5 (2–5 år)
//   E 20260610-6785:  0 (under 1)  /  1 (1 år)
//   F 20200915-7898:  6 (6–9 år)   /  7 (6–9 år), in växelvis boende, 15 days a month

namespace {

const NormSet& norm2027() {
  return eb::test::bundled_catalog().find("2027");
}

const NormSet& norm2028() {
  static const NormSet n = eb::norms::read_norm_file(EB_SOURCE_DIR "/tests/fixtures/norms/2028-draft.toml");
  return n;
}

std::string member(const std::string& pnr, const std::string& role, const std::string& extra = "") {
  return "[[member]]\npnr = \"" + pnr + "\"\nrole = \"" + role + "\"\n" + extra;
}

const std::string k_alternating = "alternating_residence = true\ndays = 15\n";

// A household in `month`: the applicant, a partner when `couple`, and the children `kids`
// (letters as above; F always in växelvis boende).
Application household(const std::string& month, bool couple, const std::string& kids) {
  std::string toml = "month = \"" + month + "\"\n" + member("19850312-2387", "applicant");
  if (couple) toml += member("19830704-1510", "partner");
  for (const char k : kids) {
    switch (k) {
      case 'A':
        toml += member("20100514-2383", "child");
        break;
      case 'B':
        toml += member("20140821-3450", "child");
        break;
      case 'C':
        toml += member("20180203-4569", "child");
        break;
      case 'D':
        toml += member("20221130-5673", "child");
        break;
      case 'E':
        toml += member("20260610-6785", "child");
        break;
      case 'F':
        toml += member("20200915-7898", "child", k_alternating);
        break;
      default:
        FAIL("no such child " << k);
    }
  }
  return parse_application(toml, "test.toml");
}

std::vector<Line> reductions(const Assessment& a) {
  std::vector<Line> out;
  for (const auto& l : a.lines) {
    if (l.rule == "riksnorm.large_household") out.push_back(l);
  }
  return out;
}

// The one reduction line's amount in kronor (negative).
long long reduction_kr(const Assessment& a) {
  const auto lines = reductions(a);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].amount.ore() % 100 == 0);
  return lines[0].amount.ore() / 100;
}

long long kr(eb::money::Money m) {
  REQUIRE(m.ore() % 100 == 0);
  return m.ore() / 100;
}

}  // namespace

TEST_CASE("calculate: large-household reduction, 2027 factors", "[assess][large_household]") {
  REQUIRE(norm2027().large_household.has_value());
  SECTION("the reduction line: label, statute, computation") {
    const Assessment a = calculate(household("2027-03", true, "ABCD"), norm2027());
    const auto lines = reductions(a);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].label == "Minskningsbelopp, fler än 3 barn");
    CHECK(lines[0].ref == "SoL (2025:400) 12 kap. 7 a §; SoF (2025:468) 12 kap. 3 b–3 c §§");
    CHECK(lines[0].member == "");
    CHECK(lines[0].detail ==
          "minskningsbelopp = medel av personliga kostnader 0–20 år (73 330 kr / 21) × 0.375 (gifta/sambor), "
          "down_10_kr = 1 300 kr; × 1 barn utöver 3 = 1 300 kr");
  }
  SECTION("couple, 4 children: 1 × 1 300 = 1 300 kr") {
    const Assessment a = calculate(household("2027-03", true, "ABCD"), norm2027());
    CHECK(reduction_kr(a) == -1300);
    // 8 510 + (4 230 + 3 540 + 3 130 + 3 000 = 13 900) − 1 300 + common(6) 1 880 = 22 990
    CHECK(kr(a.totals.norm) == 22990);
    CHECK(kr(a.totals.amount) == 22990);
  }
  SECTION("couple, 5 children: 2 × 1 300 = 2 600 kr") {
    const Assessment a = calculate(household("2027-03", true, "ABCDE"), norm2027());
    CHECK(reduction_kr(a) == -2600);
    // 8 510 + (13 900 + 2 400 = 16 300) − 2 600 + common(7) 2 090 = 24 300
    CHECK(kr(a.totals.norm) == 24300);
    CHECK(kr(a.totals.amount) == 24300);
  }
  SECTION("couple, 4½ children (one in växelvis boende): 1,5 × 1 300 = 1 950 kr") {
    const Assessment a = calculate(household("2027-03", true, "ABCDF"), norm2027());
    CHECK(reduction_kr(a) == -1950);
    CHECK(reductions(a)[0].detail.find("× 1,5 barn utöver 3 = 1 950 kr") != std::string::npos);
    // F: 3 130 × 15/30 = 1 565. 8 510 + 13 900 + 1 565 − 1 950 + common(7) 2 090 = 24 115
    CHECK(kr(a.totals.norm) == 24115);
    CHECK(kr(a.totals.amount) == 24115);
  }
  SECTION("single parent, 4 children: 1 × 690 = 690 kr") {
    const Assessment a = calculate(household("2027-03", false, "ABCD"), norm2027());
    CHECK(reduction_kr(a) == -690);
    CHECK(reductions(a)[0].detail.find("× 0.2 (övriga hushåll), down_10_kr = 690 kr") != std::string::npos);
    // 4 540 + 13 900 − 690 + common(5) 1 650 = 19 400
    CHECK(kr(a.totals.amount) == 19400);
  }
  SECTION("single parent, 5 children: 2 × 690 = 1 380 kr") {
    const Assessment a = calculate(household("2027-03", false, "ABCDE"), norm2027());
    CHECK(reduction_kr(a) == -1380);
    // 4 540 + 16 300 − 1 380 + common(6) 1 880 = 21 340
    CHECK(kr(a.totals.amount) == 21340);
  }
  SECTION("single parent, 4½ children: 1,5 × 690 = 1 035 kr") {
    const Assessment a = calculate(household("2027-03", false, "ABCDF"), norm2027());
    CHECK(reduction_kr(a) == -1035);
    // 4 540 + 13 900 + 1 565 − 1 035 + common(6) 1 880 = 20 850
    CHECK(kr(a.totals.amount) == 20850);
  }
  SECTION("exactly 3 children: no reduction line") {
    const Assessment a = calculate(household("2027-03", true, "ABC"), norm2027());
    CHECK(reductions(a).empty());
    // 8 510 + (4 230 + 3 540 + 3 130 = 10 900) + common(5) 1 650 = 21 060
    CHECK(kr(a.totals.amount) == 21060);
  }
  SECTION("3½ children: half a reduction, 0,5 × 1 300 = 650 kr") {
    const Assessment a = calculate(household("2027-03", true, "ABCF"), norm2027());
    CHECK(reduction_kr(a) == -650);
    CHECK(reductions(a)[0].detail.find("× 0,5 barn utöver 3 = 650 kr") != std::string::npos);
    // 8 510 + 10 900 + 1 565 − 650 + common(6) 1 880 = 22 205
    CHECK(kr(a.totals.amount) == 22205);
  }
  SECTION("3 children of whom one in växelvis boende (2½): no reduction") {
    CHECK(reductions(calculate(household("2027-03", true, "ABF"), norm2027())).empty());
  }
}

TEST_CASE("calculate: large-household reduction, 2028 factors from a new file only", "[assess][large_household]") {
  // 2028 needs no code: the draft file carries factor_couple = "0.75", factor_other = "0.4".
  REQUIRE(norm2028().large_household.has_value());
  CHECK(norm2028().large_household->factor_couple.to_string() == "0.75");
  CHECK(norm2028().large_household->factor_other.to_string() == "0.4");
  // Children on 2028-03-31: A 4 320, B 3 610, C 3 610, D 3 070 (sum 14 610), E 3 050,
  // F 3 200 × 15/30 = 1 600.
  SECTION("couple, 4 children: 1 × 2 670 = 2 670 kr") {
    const Assessment a = calculate(household("2028-03", true, "ABCD"), norm2028());
    CHECK(reduction_kr(a) == -2670);
    CHECK(reductions(a)[0].detail ==
          "minskningsbelopp = medel av personliga kostnader 0–20 år (74 850 kr / 21) × 0.75 (gifta/sambor), "
          "down_10_kr = 2 670 kr; × 1 barn utöver 3 = 2 670 kr");
    // 8 690 + 14 610 − 2 670 + common(6) 1 920 = 22 550
    CHECK(kr(a.totals.amount) == 22550);
  }
  SECTION("couple, 5 children: 2 × 2 670 = 5 340 kr") {
    const Assessment a = calculate(household("2028-03", true, "ABCDE"), norm2028());
    CHECK(reduction_kr(a) == -5340);
    // 8 690 + (14 610 + 3 050 = 17 660) − 5 340 + common(7) 2 130 = 23 140
    CHECK(kr(a.totals.amount) == 23140);
  }
  SECTION("couple, 4½ children: 1,5 × 2 670 = 4 005 kr") {
    const Assessment a = calculate(household("2028-03", true, "ABCDF"), norm2028());
    CHECK(reduction_kr(a) == -4005);
    // 8 690 + 14 610 + 1 600 − 4 005 + common(7) 2 130 = 23 025
    CHECK(kr(a.totals.amount) == 23025);
  }
  SECTION("single parent, 4 children: 1 × 1 420 = 1 420 kr") {
    const Assessment a = calculate(household("2028-03", false, "ABCD"), norm2028());
    CHECK(reduction_kr(a) == -1420);
    // 4 640 + 14 610 − 1 420 + common(5) 1 690 = 19 520
    CHECK(kr(a.totals.amount) == 19520);
  }
  SECTION("single parent, 5 children: 2 × 1 420 = 2 840 kr") {
    const Assessment a = calculate(household("2028-03", false, "ABCDE"), norm2028());
    CHECK(reduction_kr(a) == -2840);
    // 4 640 + 17 660 − 2 840 + common(6) 1 920 = 21 380
    CHECK(kr(a.totals.amount) == 21380);
  }
  SECTION("single parent, 4½ children: 1,5 × 1 420 = 2 130 kr") {
    const Assessment a = calculate(household("2028-03", false, "ABCDF"), norm2028());
    CHECK(reduction_kr(a) == -2130);
    // 4 640 + 14 610 + 1 600 − 2 130 + common(6) 1 920 = 20 640
    CHECK(kr(a.totals.amount) == 20640);
  }
  SECTION("exactly 3 children: no reduction; 3½: half of 2 670 = 1 335 kr") {
    CHECK(reductions(calculate(household("2028-03", true, "ABC"), norm2028())).empty());
    CHECK(reduction_kr(calculate(household("2028-03", true, "ABCF"), norm2028())) == -1335);
  }
  SECTION("a catalog with the 2027 file and the 2028 draft picks each year's factors") {
    std::vector<NormSet> sets{norm2027(), norm2028()};
    const eb::norms::NormCatalog both(sets);
    const auto& y27 = both.valid_on(eb::period::Date(2027, 12, 31));
    const auto& y28 = both.valid_on(eb::period::Date(2028, 1, 1));
    CHECK(reduction_kr(calculate(household("2027-12", true, "ABCD"), y27)) == -1300);
    CHECK(reduction_kr(calculate(household("2028-01", true, "ABCD"), y28)) == -2670);
  }
}
