// SPDX-License-Identifier: MIT
// Tests of the shipped riksnorm files (norms/riksnorm/2013–2027.toml) read through NormCatalog,
// the cross-checks of riksnorm.md §2, the norm parser's refusals, check_norm_set and diff_norms.
#include <algorithm>
#include <catch2/catch.hpp>

#include <string>
#include <vector>
#include "support.hpp"

#include "common/error.hpp"
#include "norms/norm_catalog.hpp"
#include "norms/norm_diff.hpp"
#include "norms/norm_parser.hpp"
#include "norms/norm_set.hpp"
#include "period/date.hpp"

using eb::InputError;
using eb::NormError;
using eb::Problem;
using eb::money::Money;
using eb::norms::check_norm_set;
using eb::norms::ChildBand;
using eb::norms::diff_norms;
using eb::norms::NormCatalog;
using eb::norms::NormChange;
using eb::norms::NormSet;
using eb::norms::NormStatus;
using eb::norms::parse_norm_text;
using eb::period::Date;

namespace {

const NormCatalog& catalog() {
  return eb::test::bundled_catalog();
}

std::int64_t kr(const Money& m) {
  REQUIRE(m.ore() % 100 == 0);
  return m.ore() / 100;
}

// A small valid norm file: the 2026 figures with every required statute key.
const std::string k_valid = R"(id = "test-2026"
valid_from = 2026-01-01
valid_to = 2026-12-31
status = "official"
source = "test"
prisbasbelopp = 59200

[rules]
part_month_rounding = "ore_half_up"

[adults]
single = 3940
couple = 7100

[[child_band]]
label = "0–6 år"
min_age = 0
max_age = 6
amount = 3060
without_lunch = 2720

[[child_band]]
label = "7–20 år"
min_age = 7
max_age = 20
amount = 4390

[common]
amounts = [1280, 1410, 1790, 2030, 2330, 2640, 2830]

[[ref]]
key = "norm_personal"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "norm_common"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "common_share"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "cost"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "other_need"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "income"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "children_earnings"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "jobbstimulans"
text = "a"
valid_from = 2026-01-01
[[ref]]
key = "payable"
text = "a"
valid_from = 2026-01-01
)";

// `k_valid` with the first `from` replaced by `to`.
std::string valid_with(const std::string& from, const std::string& to) {
  std::string text = k_valid;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// The 1-based line of the first occurrence of `needle` in `text`.
long line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// The problems parse_norm_text reports for `text`; none if it parses.
std::vector<Problem> parse_problems(const std::string& text) {
  return eb::test::input_problems_of([&] { parse_norm_text(text, "test.toml"); });
}

const NormChange* find_change(const std::vector<NormChange>& changes, const std::string& prefix) {
  for (const auto& c : changes) {
    if (c.item.rfind(prefix, 0) == 0) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("NormCatalog::load", "[norms]") {
  SECTION("reads the fifteen files 2013–2027 in order") {
    const auto& sets = catalog().all();
    REQUIRE(sets.size() == 15);
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const int year = 2013 + static_cast<int>(i);
      INFO(sets[i].path);
      CHECK(sets[i].id == "riksnorm-" + std::to_string(year));
      CHECK(sets[i].valid_from == Date(year, 1, 1));
      CHECK(sets[i].valid_to == Date(year, 12, 31));
      CHECK(sets[i].path == std::string(EB_SOURCE_DIR "/norms/riksnorm/") + std::to_string(year) + ".toml");
      CHECK(sets[i].sha256.size() == 64);
    }
  }
  SECTION("refuses a folder without a riksnorm folder") {
    CHECK_THROWS_WITH(NormCatalog::load(EB_SOURCE_DIR "/tests"),
                      "no norms folder at " EB_SOURCE_DIR "/tests/riksnorm (set --norms or $EB_NORMS)");
  }
}

TEST_CASE("check_norm_set on the shipped files", "[norms]") {
  SECTION("every file passes") {
    for (const auto& n : catalog().all()) {
      INFO(n.path);
      std::string all;
      for (const auto& p : check_norm_set(n)) all += p.to_string() + "\n";
      CHECK(all == "");
    }
  }
}

TEST_CASE("NormCatalog::valid_on", "[norms]") {
  SECTION("gives each year's file for its first and last day") {
    for (int year = 2013; year <= 2027; ++year) {
      INFO(year);
      CHECK(catalog().valid_on(Date(year, 1, 1)).id == "riksnorm-" + std::to_string(year));
      CHECK(catalog().valid_on(Date(year, 7, 1)).id == "riksnorm-" + std::to_string(year));
      CHECK(catalog().valid_on(Date(year, 12, 31)).id == "riksnorm-" + std::to_string(year));
    }
  }
  SECTION("refuses a day before the first file, naming the period covered") {
    CHECK_THROWS_WITH(catalog().valid_on(Date(2012, 12, 31)),
                      "no riksnorm is valid on 2012-12-31 (the norm files cover 2013-01-01 to 2027-12-31)");
  }
  SECTION("refuses a day after the last file") {
    CHECK_THROWS_AS(catalog().valid_on(Date(2028, 1, 1)), NormError);
    try {
      catalog().valid_on(Date(2028, 1, 1));
    } catch (const NormError& e) {
      CHECK(e.exit_code() == eb::ExitCode::not_found);
    }
  }
}

TEST_CASE("NormCatalog::find", "[norms]") {
  SECTION("finds by year and by id") {
    CHECK(catalog().find("2026").id == "riksnorm-2026");
    CHECK(catalog().find("riksnorm-2013").id == "riksnorm-2013");
  }
  SECTION("refuses an unknown name") {
    CHECK_THROWS_WITH(catalog().find("1999"),
                      "no norm file named '1999' in " EB_SOURCE_DIR "/norms (try `eb norms list`)");
  }
}

TEST_CASE("NormCatalog::NormCatalog", "[norms]") {
  SECTION("refuses two sets that cover the same day") {
    NormSet a = catalog().find("2026");
    NormSet b = a;
    a.path = "a.toml";
    b.path = "b.toml";
    b.valid_from = Date(2026, 12, 31);
    b.valid_to = Date(2027, 12, 31);
    CHECK_THROWS_WITH(NormCatalog({a, b}), "b.toml: valid_from 2026-12-31 overlaps a.toml (valid to 2026-12-31)");
  }
}

TEST_CASE("riksnorm cross-checks", "[norms]") {
  SECTION("2026: single 3 940 + 1 280 = 5 220, couple 7 100 + 1 410 = 8 510") {
    const NormSet& n = catalog().find("2026");
    CHECK(kr(n.single) == 3940);
    CHECK(kr(n.common_for(1)) == 1280);
    CHECK(kr(n.single + n.common_for(1)) == 5220);
    CHECK(kr(n.couple) == 7100);
    CHECK(kr(n.common_for(2)) == 1410);
    CHECK(kr(n.couple + n.common_for(2)) == 8510);
  }
  SECTION("2023: 6 300 + 2 × 2 700 + 1 790 = 13 490 for two adults and two small children") {
    const NormSet& n = catalog().find("2023");
    const ChildBand* small = n.band_for_age(2);  // 1–2 år
    REQUIRE(small != nullptr);
    CHECK(kr(small->amount) == 2700);
    CHECK(kr(n.couple + small->amount * 2 + n.common_for(4)) == 13490);
  }
  SECTION("2014: 1 710 ÷ 5 + 2 950 = 3 292 in a shared household of five") {
    const NormSet& n = catalog().find("2014");
    CHECK(kr(n.common_for(5)) == 1710);
    // 1 710 / 5 = 342, whole kronor
    CHECK(kr(n.common_for(5).scaled(1, 5, eb::money::Rounding::exact) + n.single) == 3292);
  }
  SECTION("2017: 1 740 ÷ 5 + 2 980 = 3 328 in a shared household of five") {
    const NormSet& n = catalog().find("2017");
    CHECK(kr(n.common_for(5)) == 1740);
    // 1 740 / 5 = 348
    CHECK(kr(n.common_for(5).scaled(1, 5, eb::money::Rounding::exact) + n.single) == 3328);
  }
  SECTION("2026: 2 330 ÷ 5 + 3 940 = 4 406 (calculation.md §3)") {
    const NormSet& n = catalog().find("2026");
    CHECK(kr(n.common_for(5).scaled(1, 5, eb::money::Rounding::exact) + n.single) == 4406);
  }
}

TEST_CASE("NormSet::common_for", "[norms]") {
  SECTION("beyond 7 persons, each adds hh7 − hh6, in every file") {
    for (const auto& n : catalog().all()) {
      INFO(n.id);
      REQUIRE(n.common.size() == 7);
      const Money step = n.common[6] - n.common[5];
      CHECK(n.common_for(7) == n.common[6]);
      CHECK(n.common_for(8) == n.common[6] + step);
      CHECK(n.common_for(10) == n.common[6] + step * 3);
    }
  }
  SECTION("2026: 8 persons = 2 830 + (2 830 − 2 640) = 3 020, 9 persons = 3 210") {
    const NormSet& n = catalog().find("2026");
    CHECK(kr(n.common_for(8)) == 3020);
    CHECK(kr(n.common_for(9)) == 3210);
  }
  SECTION("refuses 0 persons") {
    CHECK_THROWS_WITH(catalog().find("2026").common_for(0), "riksnorm-2026: no common household costs for 0 persons");
  }
}

TEST_CASE("NormSet status and unconfirmed figures", "[norms]") {
  SECTION("2024 is an estimate") {
    CHECK(catalog().find("2024").status == NormStatus::estimate);
  }
  SECTION("2025 and 2026 are official") {
    CHECK(catalog().find("2025").status == NormStatus::official);
    CHECK(catalog().find("2026").status == NormStatus::official);
  }
  SECTION("2027 is preliminary: derived from referensvärden and an assumed index") {
    const NormSet& n = catalog().find("2027");
    CHECK(n.status == NormStatus::preliminary);
    REQUIRE(n.derivation.has_value());
    CHECK(n.derivation->index.to_string() == "1.043");
    CHECK(n.derivation->index_source.rfind("ASSUMPTION", 0) == 0);
  }
  SECTION("2022–2024: the bands 0–6 have an unconfirmed utan-lunch figure and no amount for it") {
    for (const char* year : {"2022", "2023", "2024"}) {
      const NormSet& n = catalog().find(year);
      INFO(n.id);
      REQUIRE(n.bands.size() == 8);
      for (const auto& b : n.bands) {
        INFO(b.label);
        CHECK(b.without_lunch_unconfirmed == (b.max_age <= 6));
        CHECK_FALSE(b.without_lunch.has_value());
      }
    }
  }
  SECTION("2013–2026 (but 2022–2024) have utan-lunch figures for the bands 0–6 only") {
    for (const auto& n : catalog().all()) {
      if (n.id == "riksnorm-2022" || n.id == "riksnorm-2023" || n.id == "riksnorm-2024") continue;
      if (n.valid_from.year() >= 2027) continue;
      INFO(n.id);
      for (const auto& b : n.bands) {
        INFO(b.label);
        CHECK(b.without_lunch.has_value() == (b.max_age <= 6));
        CHECK_FALSE(b.without_lunch_unconfirmed);
      }
    }
  }
}

TEST_CASE("the 2027 norm's structure", "[norms]") {
  const NormSet& n = catalog().find("2027");
  SECTION("seven bands; the utan-lunch variant for under 1, 1 and 2–5 år only") {
    REQUIRE(n.bands.size() == 7);
    std::vector<std::string> labels;
    for (const auto& b : n.bands) {
      labels.push_back(b.label);
      INFO(b.label);
      CHECK(b.without_lunch.has_value() == (b.max_age <= 5));
      CHECK(b.reference.has_value());
    }
    CHECK(labels ==
          std::vector<std::string>{"under 1 år", "1 år", "2–5 år", "6–9 år", "10–13 år", "14–17 år", "18–20 år"});
  }
  SECTION("the large-household block: factors 0.375 / 0.2, ages 0–20, utan lunch 1–5, down to 10 kr") {
    REQUIRE(n.large_household.has_value());
    const auto& lh = *n.large_household;
    CHECK(lh.above_children == 3);
    CHECK(lh.factor_couple.to_string() == "0.375");
    CHECK(lh.factor_other.to_string() == "0.2");
    CHECK(lh.average_min_age == 0);
    CHECK(lh.average_max_age == 20);
    CHECK(lh.without_lunch_min_age == 1);
    CHECK(lh.without_lunch_max_age == 5);
    CHECK(lh.rounding == eb::money::Rounding::down_10_kr);
  }
  SECTION("what the norm covers: \"internet och telefoni\", not \"dagstidning och telefon\"") {
    CHECK(std::find(n.items.begin(), n.items.end(), "internet och telefoni") != n.items.end());
  }
}

TEST_CASE("NormSet::ref", "[norms]") {
  const NormSet& n = catalog().find("2025");
  SECTION("gives the old SoL (2001:453) text up to 2025-06-30") {
    CHECK(n.ref("norm_personal", Date(2025, 6, 30)) ==
          "SoL (2001:453) 4 kap. 3 § första stycket 1; SoF (2001:937) 2 kap. 1 §");
    CHECK(n.ref("jobbstimulans", Date(2025, 6, 30)) == "SoL (2001:453) 4 kap. 1 b §");
  }
  SECTION("gives the new SoL (2025:400) text from 2025-07-01") {
    CHECK(n.ref("norm_personal", Date(2025, 7, 1)) ==
          "SoL (2025:400) 12 kap. 7 § första stycket 1; SoF (2025:468) 12 kap. 2 §");
    CHECK(n.ref("jobbstimulans", Date(2025, 7, 1)) == "SoL (2025:400) 12 kap. 8 §");
  }
  SECTION("refuses an unknown key") {
    CHECK_THROWS_WITH(n.ref("nope", Date(2025, 7, 1)),
                      "riksnorm-2025: no statute reference 'nope' valid on 2025-07-01");
  }
}

TEST_CASE("NormSet::band_for_age", "[norms]") {
  const NormSet& n = catalog().find("2026");
  SECTION("finds the band at its edges") {
    CHECK(n.band_for_age(0)->label == "under 1 år");
    CHECK(n.band_for_age(6)->label == "4–6 år");
    CHECK(n.band_for_age(7)->label == "7–10 år");
    CHECK(n.band_for_age(20)->label == "19–20 år");
  }
  SECTION("has no band for 21") {
    CHECK(n.band_for_age(21) == nullptr);
  }
}

TEST_CASE("parse_norm_text", "[norms]") {
  SECTION("reads a valid file") {
    const NormSet n = parse_norm_text(k_valid, "test.toml");
    CHECK(n.id == "test-2026");
    CHECK(n.single.ore() == 394000);
    CHECK(n.bands.size() == 2);
    CHECK(n.bands[0].without_lunch == Money::from_kr(2720));
    CHECK(n.common.size() == 7);
    CHECK(n.refs.size() == 9);
    CHECK(check_norm_set(n).empty());
  }
  SECTION("refuses an unknown key, naming its path and line") {
    const std::string text = valid_with("couple = 7100\n", "couple = 7100\nsingel = 3940\n");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "test.toml");
    CHECK(problems[0].line == line_of(text, "singel"));
    CHECK(problems[0].field == "adults.singel");
    CHECK(problems[0].message == "unknown key (check the spelling against the file format in the manual)");
  }
  SECTION("refuses an unknown key in a band, naming the band") {
    const std::string text = valid_with("amount = 4390\n", "amount = 4390\nwithout_lunsh = 4000\n");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "child_band[2].without_lunsh");
    CHECK(problems[0].line == line_of(text, "without_lunsh"));
  }
  SECTION("refuses a file without the single amount") {
    const std::string text = valid_with("single = 3940\n", "");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "adults.single");
    CHECK(problems[0].line == line_of(text, "[adults]"));
    CHECK(problems[0].message == "missing (this field is required)");
  }
  SECTION("refuses a float amount") {
    const std::string text = valid_with("single = 3940", "single = 3940.0");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "adults.single");
    CHECK(problems[0].value == "3940.0");
    CHECK(problems[0].line == line_of(text, "single"));
    CHECK(problems[0].message ==
          "write kronor as a whole number (8200) or as a string with öre (\"8200.50\"), not as a float");
  }
  SECTION("refuses an unknown rounding name") {
    const std::string text = valid_with("\"ore_half_up\"", "\"bankers\"");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "rules.part_month_rounding");
    CHECK(problems[0].value == "\"bankers\"");
    CHECK(problems[0].line == line_of(text, "part_month_rounding"));
    CHECK(problems[0].message == "unknown rounding rule (ore_half_up, krona_half_up, down_10_kr, nearest_10_kr)");
  }
  SECTION("refuses a file without a status") {
    const Problem p = parse_problems(valid_with("status = \"official\"\n", "")).at(0);
    CHECK(p.field == "status");
    CHECK(p.line == 1);
    CHECK(p.message == "missing (this field is required)");
  }
  SECTION("refuses an unknown status") {
    const auto problems = parse_problems(valid_with("\"official\"", "\"guess\""));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "status");
    CHECK(problems[0].message == "unknown status (official, municipal, derived, estimate, preliminary)");
  }
  SECTION("reports every problem at once") {
    const std::string text = valid_with("single = 3940\ncouple = 7100\n", "couple = 7100.5\n");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "adults.single");
    CHECK(problems[1].field == "adults.couple");
  }
  SECTION("refuses a TOML syntax error with its line") {
    const std::string text = valid_with("couple = 7100", "couple = = 7100");
    const auto problems = parse_problems(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == line_of(text, "couple"));
    CHECK(problems[0].message.rfind("TOML syntax error: ", 0) == 0);
  }
}

TEST_CASE("check_norm_set", "[norms]") {
  NormSet n = catalog().find("2026");
  REQUIRE(check_norm_set(n).empty());
  SECTION("reports a gap in the bands") {
    n.bands.erase(n.bands.begin() + 1);  // drop 1–2 år: "3 år" now follows "under 1 år"
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == n.path);
    CHECK(problems[0].field == "child_band[2].min_age");
    CHECK(problems[0].value == "3");
    CHECK(problems[0].message == "bands must cover ages 0–20 in order without gaps or overlaps (expected 1)");
  }
  SECTION("reports bands that stop before 20") {
    n.bands.pop_back();
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "child_band");
    CHECK(problems[0].message == "bands must end at age 20 (they end at 18)");
  }
  SECTION("reports common costs that do not increase") {
    n.common[2] = n.common[1];  // 3 persons 1 410 = 2 persons 1 410
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "common.amounts");
    CHECK(problems[0].value == "1 410 kr");
    CHECK(problems[0].message == "must increase with household size (3 persons ≤ 2)");
  }
  SECTION("reports a common table of the wrong length") {
    n.common.pop_back();
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "common.amounts");
    CHECK(problems[0].value == "6 amounts");
    CHECK(problems[0].message == "must give 7 amounts, for 1–7 persons");
  }
  SECTION("reports a missing statute key") {
    n.refs.erase(std::remove_if(n.refs.begin(), n.refs.end(), [](const auto& r) { return r.key == "payable"; }),
                 n.refs.end());
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "ref");
    CHECK(problems[0].value == "payable");
    CHECK(problems[0].message == "no statute reference valid on 2026-01-01");
  }
  SECTION("reports a statute key that stops before valid_to") {
    for (auto& r : n.refs) {
      if (r.key == "income") r.valid_to = Date(2026, 6, 30);
    }
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "ref");
    CHECK(problems[0].value == "income");
    CHECK(problems[0].message == "no statute reference valid on 2026-07-01");
  }
  SECTION("reports a non-positive amount") {
    n.single = Money();
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "adults.single");
    CHECK(problems[0].value == "0 kr");
    CHECK(problems[0].message == "must be positive");
  }
  SECTION("reports valid_to before valid_from") {
    n.valid_to = Date(2025, 12, 31);
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "valid_to");
    CHECK(problems[0].message == "is before valid_from 2026-01-01");
  }
}

TEST_CASE("diff_norms", "[norms]") {
  const NormSet& y2025 = catalog().find("2025");
  const NormSet& y2026 = catalog().find("2026");
  SECTION("2025 → 2026: the single amount rises by 30 kr") {
    const auto changes = diff_norms(y2025, y2026);
    const NormChange* c = find_change(changes, "adults.single");
    REQUIRE(c != nullptr);
    CHECK(c->before == "3 910 kr");
    CHECK(c->after == "3 940 kr");
    REQUIRE(c->difference.has_value());
    CHECK(c->difference->ore() == 3000);  // 3 940 − 3 910 = +30 kr
  }
  SECTION("2025 → 2026: the couple amount rises by 50 kr and the prisbasbelopp by 400 kr") {
    const auto changes = diff_norms(y2025, y2026);
    const NormChange* couple = find_change(changes, "adults.couple");
    REQUIRE(couple != nullptr);
    CHECK(couple->difference->ore() == 5000);  // 7 100 − 7 050
    const NormChange* pbb = find_change(changes, "prisbasbelopp");
    REQUIRE(pbb != nullptr);
    CHECK(pbb->difference->ore() == 40000);  // 59 200 − 58 800
  }
  SECTION("lists nothing between a set and itself") {
    CHECK(diff_norms(y2026, y2026).empty());
  }
  SECTION("lists a change of band structure before the per-age changes") {
    NormSet merged = y2026;
    // Merge "under 1 år" and "1–2 år" into one band 0–2 of 2 900 kr without an utan-lunch figure.
    merged.bands.erase(merged.bands.begin());
    merged.bands[0].label = "0–2 år";
    merged.bands[0].min_age = 0;
    merged.bands[0].amount = Money::from_kr(2900);
    merged.bands[0].without_lunch.reset();
    const auto changes = diff_norms(y2026, merged);
    const auto structure = std::find_if(changes.begin(), changes.end(),
                                        [](const NormChange& c) { return c.item == "child bands (structure)"; });
    REQUIRE(structure != changes.end());
    CHECK(structure->before == "bands 0, 1–2, 3, 4–6, 7–10, 11–14, 15–18, 19–20 år");
    CHECK(structure->after == "bands 0–2, 3, 4–6, 7–10, 11–14, 15–18, 19–20 år");
    const NormChange* gone = find_change(changes, "child band 1–2 år (merged)");
    REQUIRE(gone != nullptr);
    CHECK(gone->after == "merged into 0–2 år");
    const NormChange* added = find_change(changes, "child band 0–2 år (new)");
    REQUIRE(added != nullptr);
    CHECK(added->before == "0, 1–2 år");
    CHECK(added->after == "0–2 år");
    CHECK_FALSE(structure->difference.has_value());
    const auto first_age = std::find_if(changes.begin(), changes.end(),
                                        [](const NormChange& c) { return c.item.rfind("child age", 0) == 0; });
    REQUIRE(first_age != changes.end());
    CHECK(structure < first_age);
    const NormChange* age0 = find_change(changes, "child age 0 (under 1 år → 0–2 år)");
    REQUIRE(age0 != nullptr);
    CHECK(age0->difference->ore() == 16000);  // 2 900 − 2 740
    const NormChange* age2 = find_change(changes, "child age 2 (1–2 år → 0–2 år)");
    REQUIRE(age2 != nullptr);
    CHECK(age2->difference->ore() == -16000);  // 2 900 − 3 060
    const NormChange* lunch0 = find_change(changes, "child age 0 (under 1 år → 0–2 år) utan lunch");
    REQUIRE(lunch0 != nullptr);
    CHECK(lunch0->before == "2 560 kr");
    CHECK(lunch0->after == "—");
    CHECK_FALSE(lunch0->difference.has_value());
    CHECK(find_change(changes, "child age 3") == nullptr);  // unchanged
  }
}

TEST_CASE("diff_norms: 2026 → 2027, a change of band structure", "[norms]") {
  const auto changes = diff_norms(catalog().find("2026"), catalog().find("2027"));
  const auto text_of = [&](const std::string& item) {
    const NormChange* c = find_change(changes, item);
    REQUIRE(c != nullptr);
    return c->before + " | " + c->after;
  };
  SECTION("the structure: eight bands become seven") {
    CHECK(text_of("child bands (structure)") ==
          "bands 0, 1–2, 3, 4–6, 7–10, 11–14, 15–18, 19–20 år | bands 0, 1, 2–5, 6–9, 10–13, 14–17, 18–20 år");
  }
  SECTION("each band split or merged away, and each new band with the bands its ages came from") {
    CHECK(text_of("child band 1–2 år (split)") == "1–2 år | split into 1, 2–5 år");
    CHECK(text_of("child band 3 år (merged)") == "3 år | merged into 2–5 år");
    CHECK(text_of("child band 4–6 år (split)") == "4–6 år | split into 2–5, 6–9 år");
    CHECK(text_of("child band 19–20 år (merged)") == "19–20 år | merged into 18–20 år");
    CHECK(text_of("child band 2–5 år (new)") == "1–2, 3, 4–6 år | 2–5 år");
    CHECK(text_of("child band 18–20 år (new)") == "15–18, 19–20 år | 18–20 år");
    CHECK(find_change(changes, "child band 0 år") == nullptr);  // under 1 år keeps its ages
  }
  SECTION("every age, with and without lunch; a variant that ends is shown as absent") {
    const NormChange* age3 = find_change(changes, "child age 3 (3 år → 2–5 år)");
    REQUIRE(age3 != nullptr);
    CHECK(age3->difference->ore() == 28000);  // 3 000 − 2 720
    const NormChange* lunch3 = find_change(changes, "child age 3 (3 år → 2–5 år) utan lunch");
    REQUIRE(lunch3 != nullptr);
    CHECK(lunch3->difference->ore() == 23000);  // 2 730 − 2 500
    const NormChange* lunch6 = find_change(changes, "child age 6 (4–6 år → 6–9 år) utan lunch");
    REQUIRE(lunch6 != nullptr);
    CHECK(lunch6->before == "2 720 kr");
    CHECK(lunch6->after == "—");
    CHECK_FALSE(lunch6->difference.has_value());
    for (int age = 0; age <= 20; ++age) {
      INFO(age);
      CHECK(find_change(changes, "child age " + std::to_string(age) + " (") != nullptr);
    }
  }
  SECTION("referensvärden, items, large household, derivation and new statute keys") {
    CHECK(text_of("child 2–5 år referensvärde") == "— | 2 823 kr");
    CHECK(text_of("items (what the norm covers)").find("internet och telefoni") != std::string::npos);
    CHECK(text_of("large household factor (couple)") == "— | 0.375");
    CHECK(text_of("derivation.index (jämförelsetal)") == "— | 1.043");
    CHECK(text_of("ref.norm_ceiling") == "— | SoL (2025:400) 12 kap. 7 b §");
    CHECK(text_of("status") == "official | preliminary");
    const NormChange* single = find_change(changes, "adults.single");
    REQUIRE(single != nullptr);
    CHECK(single->difference->ore() == 60000);  // 4 540 − 3 940
  }
  SECTION("2027 → 2028 draft: the factors double, the structure stays") {
    const NormSet draft = eb::norms::read_norm_file(EB_SOURCE_DIR "/tests/fixtures/norms/2028-draft.toml");
    const auto next = diff_norms(catalog().find("2027"), draft);
    CHECK(find_change(next, "child bands (structure)") == nullptr);
    const NormChange* couple = find_change(next, "large household factor (couple)");
    REQUIRE(couple != nullptr);
    CHECK(couple->before + " → " + couple->after == "0.375 → 0.75");
    const NormChange* band = find_change(next, "child 2–5 år");
    REQUIRE(band != nullptr);
    CHECK(band->difference->ore() == 7000);  // 3 070 − 3 000
  }
}

// Regression (found in review): the unknown-key message of a norm file pointed to eb-application.
TEST_CASE("parse_norm_text: the unknown-key message points to the norm format", "[norms]") {
  SECTION("does not send the reader to eb-application") {
    const auto problems = parse_problems(valid_with("couple = 7100\n", "couple = 7100\nsingel = 3940\n"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("eb-application") == std::string::npos);
  }
}
