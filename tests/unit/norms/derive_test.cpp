// SPDX-License-Identifier: MIT
// Tests of the 2027 model as data: the referensvärden file (norms/reference/), derived_amount
// (referensvärde × jämförelsetal × 1.02, nearest 10 kr) by hand, index_problem, derive_norm,
// format_norm_toml, the derivation check of check_norm_set, and that the shipped
// norms/riksnorm/2027.toml and tests/fixtures/norms/2028-draft.toml are exactly what
// `eb norms derive` writes.
#include "norms/derive.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "support.hpp"

#include "common/error.hpp"
#include "money/ratio.hpp"
#include "norms/norm_parser.hpp"
#include "norms/norm_writer.hpp"
#include "norms/reference_values.hpp"

using eb::InputError;
using eb::NormError;
using eb::Problem;
using eb::money::Money;
using eb::money::parse_ratio;
using eb::money::Ratio;
using eb::money::Rounding;
using eb::norms::check_norm_set;
using eb::norms::derive_norm;
using eb::norms::derived_amount;
using eb::norms::DerivedNorm;
using eb::norms::DeriveInput;
using eb::norms::format_norm_toml;
using eb::norms::index_problem;
using eb::norms::NormSet;
using eb::norms::parse_norm_text;
using eb::norms::parse_reference_text;
using eb::norms::ReferenceValues;

namespace {

const char* const k_reference_path = EB_SOURCE_DIR "/norms/reference/2027-referensvarden.toml";

// The index_source the shipped 2027.toml was written with (norms/README.md gives the command).
const char* const k_2027_index_source =
    "ASSUMPTION (issue #6): 1.043 is not SCB's figure; the jämförelsetal for June 2026 (SoF 12 kap. 1 c §, "
    "published by SCB by 31 August 2026) is not in the domain sources";

const ReferenceValues& reference() {
  static const ReferenceValues r = eb::norms::find_reference_values(EB_SOURCE_DIR "/norms", 2027);
  return r;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::int64_t kr(Money m) {
  REQUIRE(m.ore() % 100 == 0);
  return m.ore() / 100;
}

Money derive1043(std::int64_t reference_kr) {
  return derived_amount(Money::from_kr(reference_kr), parse_ratio("1.043", "index"), parse_ratio("1.02", "uplift"),
                        Rounding::nearest_10_kr);
}

DeriveInput input(int year, const char* index, const std::string& source = "") {
  DeriveInput in;
  in.year = year;
  in.index = parse_ratio(index, "--index");
  in.index_source = source;
  return in;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<Problem> reference_problems(const std::string& text) {
  return eb::test::input_problems_of([&] { parse_reference_text(text, "ref.toml"); });
}

}  // namespace

TEST_CASE("derived_amount", "[norms][derive]") {
  SECTION("under 1 år, index 1.043: 2 259 × 1.043 × 1.02 = 2 403,26 → 2 400 kr") {
    // 2 259 × 1.043 = 2 356,137; × 1.02 = 2 403,25974; the nearest ten is 2 400.
    CHECK(kr(derive1043(2259)) == 2400);
  }
  SECTION("1 år, index 1.043: 2 807 × 1.043 × 1.02 = 2 986,26 → 2 990 kr (rounds up)") {
    // 2 807 × 1.043 = 2 927,701; × 1.02 = 2 986,25502; 6,26 above 2 980 is past the half.
    CHECK(kr(derive1043(2807)) == 2990);
  }
  SECTION("6–9 år: 2 944 × 1.06386 = 3 132,00… → 3 130 kr; ensamstående 4 269 → 4 541,62 → 4 540 kr") {
    CHECK(kr(derive1043(2944)) == 3130);
    CHECK(kr(derive1043(4269)) == 4540);
  }
  SECTION("exactly half way rounds away from zero: 2 250 × 1 × 1.02 = 2 295,00 → 2 300 kr") {
    CHECK(derived_amount(Money::from_kr(2250), Ratio{1, 1}, parse_ratio("1.02", "u"), Rounding::nearest_10_kr) ==
          Money::from_kr(2300));
  }
  SECTION("just below half way rounds down: 2 249 × 1.02 = 2 293,98 → 2 290 kr") {
    CHECK(derived_amount(Money::from_kr(2249), Ratio{1, 1}, parse_ratio("1.02", "u"), Rounding::nearest_10_kr) ==
          Money::from_kr(2290));
  }
  SECTION("half way with a nine-decimal index stays exact: 1 000 × 1.004901961 × 1.02 = 1 025,00000022 → 1 030") {
    // 1.004901961 × 1.02 = 1.02500000022: just past 1 025, so up, with no floating point near.
    CHECK(kr(derived_amount(Money::from_kr(1000), parse_ratio("1.004901961", "i"), parse_ratio("1.02", "u"),
                            Rounding::nearest_10_kr)) == 1030);
    // 1.004901960 × 1.02 = 1.0249999992: just below, so down.
    CHECK(kr(derived_amount(Money::from_kr(1000), parse_ratio("1.00490196", "i"), parse_ratio("1.02", "u"),
                            Rounding::nearest_10_kr)) == 1020);
  }
}

TEST_CASE("index_problem", "[norms][derive]") {
  SECTION("accepts 0.8, 1.043 and 2.0, both bounds included") {
    CHECK_FALSE(index_problem(parse_ratio("0.8", "i")).has_value());
    CHECK_FALSE(index_problem(parse_ratio("1.043", "i")).has_value());
    CHECK_FALSE(index_problem(parse_ratio("2.0", "i")).has_value());
  }
  SECTION("refuses zero") {
    CHECK(index_problem(parse_ratio("0", "i")) == std::optional<std::string>("must be positive"));
    CHECK(index_problem(parse_ratio("0.000", "i")) == std::optional<std::string>("must be positive"));
  }
  SECTION("refuses an absurd index, naming the range") {
    const std::string why =
        "outside the plausible range 0.8–2.0 for a jämförelsetal (KPI excluding housing in June of the year before ÷ "
        "the same in June 2024, e.g. \"1.043\")";
    CHECK(index_problem(parse_ratio("10.43", "i")) == std::optional<std::string>(why));
    CHECK(index_problem(parse_ratio("0.1043", "i")) == std::optional<std::string>(why));
    CHECK(index_problem(parse_ratio("0.799999999", "i")) == std::optional<std::string>(why));
    CHECK(index_problem(parse_ratio("2.000000001", "i")) == std::optional<std::string>(why));
  }
}

TEST_CASE("find_reference_values", "[norms][derive]") {
  SECTION("reads the shipped referensvärden (rules-reference.md §9.4)") {
    const ReferenceValues& r = reference();
    CHECK(r.id == "referensvarden-2027");
    CHECK(r.sfs == "2026:1126");
    CHECK(r.price_level == "2024-06");
    CHECK(r.uplift == Ratio{102, 100});
    CHECK(kr(r.single) == 4269);
    CHECK(kr(r.couple) == 7998);
    REQUIRE(r.bands.size() == 7);
    CHECK(kr(*r.bands[0].reference) == 2259);
    CHECK(kr(*r.bands[0].reference_without_lunch) == 2017);
    CHECK(kr(*r.bands[2].reference_without_lunch) == 2563);
    CHECK_FALSE(r.bands[3].reference_without_lunch.has_value());  // 6–9 år has no utan-lunch variant
    CHECK(kr(*r.bands[6].reference) == 4290);
    std::vector<std::int64_t> common;
    for (const auto& c : r.common) common.push_back(kr(c));
    CHECK(common == std::vector<std::int64_t>{694, 889, 1138, 1333, 1555, 1768, 1963});
    REQUIRE(r.large_household.size() == 2);
    CHECK(r.large_household[0].sfs == "2026:1126");
    CHECK(r.large_household[1].sfs == "2026:1127");
    CHECK(eb::norms::check_reference_values(r).empty());
  }
  SECTION("covers 2027 onwards, not 2026") {
    CHECK(reference().covers_year(2027));
    CHECK(reference().covers_year(2040));
    CHECK_THROWS_AS(eb::norms::find_reference_values(EB_SOURCE_DIR "/norms", 2026), NormError);
  }
}

TEST_CASE("parse_reference_text", "[norms][derive]") {
  const std::string text = read_text(k_reference_path);
  SECTION("refuses an amount in a referensvärden band") {
    const auto problems = reference_problems(replaced(text, "reference = 2259\n", "reference = 2259\namount = 2400\n"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "child_band[1].amount");
    CHECK(problems[0].message == "unknown key (check the spelling against the file format in the manual)");
  }
  SECTION("refuses a band without its referensvärde") {
    const auto problems = reference_problems(replaced(text, "reference = 2944\n", ""));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "child_band[4].reference");
    CHECK(problems[0].message == "missing (this field is required)");
  }
  SECTION("refuses overlapping large-household periods") {
    const auto problems = reference_problems(replaced(text, "valid_to = 2027-12-31\n", ""));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "large_household[2].valid_from");
    CHECK(problems[0].message == "overlaps large_household[1] (from 2027-01-01)");
  }
  SECTION("refuses a factor written as a float") {
    const auto problems = reference_problems(replaced(text, "factor_couple = \"0.375\"", "factor_couple = 0.375"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "large_household[1].factor_couple");
    CHECK(problems[0].message == "write the factor as a decimal string, e.g. \"0.375\"");
  }
}

TEST_CASE("derive_norm", "[norms][derive]") {
  SECTION("2027, index 1.043: every amount, the status and the derivation") {
    const DerivedNorm d = derive_norm(reference(), input(2027, "1.043"));
    const NormSet& n = d.norm;
    CHECK(n.id == "riksnorm-2027");
    CHECK(n.status == eb::norms::NormStatus::preliminary);
    CHECK(n.valid_from == eb::period::Date(2027, 1, 1));
    CHECK(n.valid_to == eb::period::Date(2027, 12, 31));
    CHECK(n.sfs.empty());  // no act has fixed the amounts
    CHECK(kr(n.single) == 4540);
    CHECK(kr(n.couple) == 8510);
    // referensvärde × 1.06386: 2 403,26 2 145,81 | 2 986,26 2 725,61 | 3 003,28 2 726,67 | 3 132,00 |
    // 3 539,46 | 4 233,10 | 4 563,96
    const std::vector<std::int64_t> amounts{2400, 2990, 3000, 3130, 3540, 4230, 4560};
    const std::vector<std::int64_t> lunch{2150, 2730, 2730};
    const std::vector<std::string> labels{"under 1 år", "1 år", "2–5 år", "6–9 år", "10–13 år", "14–17 år", "18–20 år"};
    REQUIRE(n.bands.size() == 7);
    for (std::size_t i = 0; i < 7; ++i) {
      INFO(n.bands[i].label);
      CHECK(n.bands[i].label == labels[i]);
      CHECK(kr(n.bands[i].amount) == amounts[i]);
      CHECK(n.bands[i].without_lunch.has_value() == (i < 3));
      if (i < 3) CHECK(kr(*n.bands[i].without_lunch) == lunch[i]);
    }
    std::vector<std::int64_t> common;
    for (const auto& c : n.common) common.push_back(kr(c));
    // 694 → 738,32; 889 → 945,77; 1 138 → 1 210,67; 1 333 → 1 418,13; 1 555 → 1 654,30;
    // 1 768 → 1 880,90; 1 963 → 2 088,36
    CHECK(common == std::vector<std::int64_t>{740, 950, 1210, 1420, 1650, 1880, 2090});
    REQUIRE(n.large_household.has_value());
    CHECK(n.large_household->factor_couple.to_string() == "0.375");
    CHECK(n.large_household->factor_other.to_string() == "0.2");
    CHECK(n.large_household->rounding == Rounding::down_10_kr);
    REQUIRE(n.derivation.has_value());
    CHECK(n.derivation->index.to_string() == "1.043");
    CHECK(kr(n.prisbasbelopp) == 59200);
    CHECK(n.items.back() == "internet och telefoni");
    CHECK(n.ref("large_household", n.valid_from) == "SoL (2025:400) 12 kap. 7 a §; SoF (2025:468) 12 kap. 3 b–3 c §§");
    CHECK(n.ref("norm_ceiling", n.valid_from) == "SoL (2025:400) 12 kap. 7 b §");
    CHECK(n.ref("second_hand_rent", n.valid_from) == "SoL (2025:400) 12 kap. 7 d §");
    CHECK(n.source_note.find("UNCONFIRMED") != std::string::npos);  // the prisbasbelopp stand-in
    CHECK(check_norm_set(n).empty());
  }
  SECTION("2028 takes the 2028 factors from the dated periods (SFS 2026:1127)") {
    DeriveInput in = input(2028, "1.065");
    in.prisbasbelopp = Money::from_kr(59200);
    const NormSet n = derive_norm(reference(), in).norm;
    REQUIRE(n.large_household.has_value());
    CHECK(n.large_household->factor_couple.to_string() == "0.75");
    CHECK(n.large_household->factor_other.to_string() == "0.4");
    CHECK(n.source_note.find("0.75 / 0.4 (SFS 2026:1127)") != std::string::npos);
  }
  SECTION("2028 without a prisbasbelopp is refused, naming --prisbasbelopp") {
    const auto problems = eb::test::input_problems_of([] { derive_norm(reference(), input(2028, "1.065")); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "--prisbasbelopp");
  }
  SECTION("refuses a zero or absurd index, naming --index") {
    for (const char* bad : {"0", "10.43"}) {
      const auto problems = eb::test::input_problems_of([&] { derive_norm(reference(), input(2027, bad)); });
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].field == "--index");
    }
  }
  SECTION("refuses a year the referensvärden do not cover") {
    CHECK_THROWS_AS(derive_norm(reference(), input(2026, "1.043")), NormError);
  }
}

TEST_CASE("format_norm_toml", "[norms][derive]") {
  SECTION("reads back as the same norm, which passes check_norm_set") {
    const DerivedNorm d = derive_norm(reference(), input(2027, "1.043", "quote \" and backslash \\ survive"));
    const NormSet back = parse_norm_text(format_norm_toml(d), "derived.toml");
    CHECK(back.id == d.norm.id);
    CHECK(back.status == d.norm.status);
    CHECK(back.source_note == d.norm.source_note);
    CHECK(back.single == d.norm.single);
    CHECK(back.couple == d.norm.couple);
    REQUIRE(back.bands.size() == d.norm.bands.size());
    for (std::size_t i = 0; i < back.bands.size(); ++i) {
      CHECK(back.bands[i].amount == d.norm.bands[i].amount);
      CHECK(back.bands[i].without_lunch == d.norm.bands[i].without_lunch);
      CHECK(back.bands[i].reference == d.norm.bands[i].reference);
      CHECK(back.bands[i].reference_without_lunch == d.norm.bands[i].reference_without_lunch);
    }
    CHECK(back.common == d.norm.common);
    CHECK(back.items == d.norm.items);
    REQUIRE(back.derivation.has_value());
    CHECK(back.derivation->index_source == "quote \" and backslash \\ survive");
    CHECK(back.derivation->reference_sha256 == reference().sha256);
    CHECK(back.refs.size() == d.norm.refs.size());
    CHECK(check_norm_set(back).empty());
  }
  SECTION("the shipped 2027.toml is exactly `eb norms derive 2027 --index 1.043` (norms/README.md)") {
    // Fails after an edit of the referensvärden file until 2027.toml is derived again.
    const std::string derived = format_norm_toml(derive_norm(reference(), input(2027, "1.043", k_2027_index_source)));
    CHECK(derived == read_text(EB_SOURCE_DIR "/norms/riksnorm/2027.toml"));
  }
  SECTION("the 2028 draft fixture is exactly `eb norms derive 2028 --index 1.065 --prisbasbelopp 59200`") {
    DeriveInput in = input(2028, "1.065", "TEST FIXTURE: an invented jämförelsetal for 2028, not SCB's figure");
    in.prisbasbelopp = Money::from_kr(59200);
    CHECK(format_norm_toml(derive_norm(reference(), in)) ==
          read_text(EB_SOURCE_DIR "/tests/fixtures/norms/2028-draft.toml"));
  }
}

TEST_CASE("check_norm_set: a derived norm's amounts must follow its derivation", "[norms][derive]") {
  NormSet n = eb::test::bundled_catalog().find("2027");
  REQUIRE(check_norm_set(n).empty());
  SECTION("reports a band amount edited by hand") {
    n.bands[2].amount = Money::from_kr(3010);
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "child_band[3].amount");
    CHECK(problems[0].value == "3 010 kr");
    CHECK(problems[0].message == "is not referensvärde 2 823 kr × 1.043 × 1.02 (nearest_10_kr) = 3 000 kr");
  }
  SECTION("reports a changed index without recomputed amounts") {
    n.derivation->index = parse_ratio("1.05", "i");
    // Of the 19 amounts, 17 move; 694 and 889 kr × 1.05 × 1.02 still round to 740 and 950 kr.
    const auto problems = check_norm_set(n);
    CHECK(problems.size() == 17);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].field == "adults.single");
    CHECK(problems[0].message == "is not referensvärde 4 269 kr × 1.05 × 1.02 (nearest_10_kr) = 4 570 kr");
  }
  SECTION("reports an absurd index") {
    n.derivation->index = parse_ratio("10.43", "i");
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "derivation.index");
  }
  SECTION("reports an unknown statute key, and accepts norm_ceiling and second_hand_rent") {
    n.refs.push_back(eb::norms::StatuteRef{"ceiling", "x", eb::period::Date(2027, 1, 1), std::nullopt, 0});
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "ref.key");
    CHECK(problems[0].value == "\"ceiling\"");
  }
  SECTION("reports an optional statute key given twice for the same day") {
    n.refs.push_back(eb::norms::StatuteRef{"norm_ceiling", "x", eb::period::Date(2027, 7, 1), std::nullopt, 0});
    const auto problems = check_norm_set(n);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "norm_ceiling");
    CHECK(problems[0].message == "more than one statute reference valid on 2027-07-01");
  }
}
