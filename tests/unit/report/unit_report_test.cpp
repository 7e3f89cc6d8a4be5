// SPDX-License-Identifier: MIT
// Tests of the unit's report over a hand-built district (report_fixture.hpp): every figure is
// worked out by hand in the comments next to it.
#include "report/unit_report.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "report/report_config.hpp"
#include "report_fixture.hpp"
#include "support.hpp"

using eb::money::Money;
using eb::period::Month;
using eb::period::MonthRange;
using eb::report::ClosureReason;
using eb::report::Fraction;
using eb::report::HandlingCount;
using eb::report::IndicatorKind;
using eb::report::IndicatorRow;
using eb::report::PrognosisMethod;
using eb::report::UnitFigures;
using eb::report::UnitReport;

namespace {

eb::report::ReportConfig config() {
  return eb::report::parse_report_config(eb::test::District::k_config, "report.toml");
}

const IndicatorRow& indicator(const UnitReport& r, const std::string& id) {
  for (const auto& i : r.indicators) {
    if (eb::report::indicator_id_text(i.id) == id) return i;
  }
  throw std::out_of_range("no indicator " + id);
}

Fraction value(const eb::report::Cell& c) {
  REQUIRE(c.value.has_value());
  return *c.value;
}

}  // namespace

TEST_CASE("UnitReportFold::finish", "[report]") {
  const eb::test::District district;
  const UnitReport r = district.fold("2026", "2027-01-20", config()).finish();
  const UnitFigures& f = r.figures;

  SECTION("bidragshushåll per month, household-months, average and distinct; the avslag is none") {
    // C1 Jan–Sep, C2 Jan–Oct, C3 all year, C4 Jan–Jun and Sep–Oct, C5 Mar–Apr; C6 (avslag) never.
    const std::vector<std::int64_t> expected{4, 4, 5, 5, 4, 4, 3, 3, 4, 3, 1, 1};
    REQUIRE(f.households.per_month.size() == 12);
    for (std::size_t i = 0; i < 12; ++i) {
      CHECK(f.households.per_month[i].month == Month(2026, static_cast<int>(i) + 1));
      CHECK(f.households.per_month[i].value == expected[i]);
    }
    CHECK(f.households.household_months == 9 + 10 + 12 + 8 + 2);
    CHECK(f.households.distinct == 5);
    CHECK(f.households.with_children == 2);  // C3, C4
    CHECK(f.households.average == Fraction{41, 12});
  }
  SECTION("persons: the couple's two adults both count; women and men from the pnr") {
    // Adults: Anna, Bo, Cecilia, David, Greta, Ivan (Jonas had no bistånd). Children: Elsa,
    // Filip, Hugo; Hugo's only adult is Greta.
    CHECK(f.persons.adults == 6);
    CHECK(f.persons.women == 3);  // Anna, Cecilia, Greta
    CHECK(f.persons.men == 3);    // Bo, David, Ivan
    CHECK(f.persons.children == 3);
    CHECK(f.persons.girls == 1);
    CHECK(f.persons.boys == 2);
    CHECK(f.persons.children_single_parent == 1);
    CHECK(f.persons.boys_single_parent == 1);
    CHECK(f.persons.persons() == 9);
    // 18–24 on 31 December 2026: Filip (18, a child in school) and Greta (23).
    CHECK(f.persons.young == 2);
    CHECK(f.persons.young_women == 1);
    CHECK(f.persons.young_men == 1);
  }
  SECTION("utbetalt and medelbidrag per household-month and per household") {
    // 9 × 8 000 + 10 × 9 000 + 12 × 15 000 + 8 × 10 000 + 2 × 5 000 = 432 000 kr.
    CHECK(f.money.paid == Money::from_kr(432'000));
    CHECK(f.money.per_month[0].value == Money::from_kr(42'000).ore());  // 8 + 9 + 15 + 10
    CHECK(f.money.per_month[2].value == Money::from_kr(47'000).ore());  // + Ivan's 5 000
    CHECK(f.money.per_month[9].value == Money::from_kr(34'000).ore());  // Bo, C3, Greta
    // 43 200 000 öre ÷ 41 = 1 053 658,54 → 1 053 659 öre; ÷ 5 households = 86 400 kr.
    CHECK(f.money.per_household_month == Money::from_ore(1'053'659));
    CHECK(f.money.per_household_year == Money::from_kr(86'400));
    // July: 32 000 kr ÷ 3 = 10 666,666… kr → 1 066 667 öre.
    CHECK(f.money.medelbidrag_per_month[6] == Money::from_ore(1'066'667));
  }
  SECTION("long-term: exactly 10 months counts, exactly 9 does not") {
    // 2026: Bo 10, Cecilia 12, David 12 months; Anna 9, Greta 8, Ivan 2.
    CHECK(f.long_term.window == MonthRange{Month(2026, 1), Month(2026, 12)});
    CHECK(f.long_term.adults == 3);
    CHECK(f.long_term.women == 1);
    CHECK(f.long_term.men == 2);
  }
  SECTION("försörjningshinder in the period's last month, configured codes first") {
    // December: only C3, Cecilia arbetslös and David sjukskriven.
    CHECK(f.hinder.month == Month(2026, 12));
    CHECK(f.hinder.adults == 2);
    CHECK(f.hinder.households == 1);
    REQUIRE(f.hinder.codes.size() == 4);
    CHECK(f.hinder.codes[0].code == "arbetslos");
    CHECK(f.hinder.codes[0].share == Fraction{1, 2});
    CHECK(f.hinder.codes[0].household_share == Fraction{1, 1});
    CHECK(f.hinder.codes[1].code == "sjukskriven");
    CHECK(f.hinder.codes[1].adults == 1);
    CHECK(f.hinder.codes[2].code == "sociala_medicinska");
    CHECK(f.hinder.codes[2].share == Fraction{0, 2});
    CHECK(f.hinder.codes[3].code == "foraldraledig");
  }
  SECTION("went on to their own or another support: closed to work; the reopened case does not count") {
    std::map<std::string, eb::report::HinderSupport> by;
    for (const auto& h : f.hinder_support) by[h.code] = h;
    // Anna's C1 closed to work 30 Sep; Cecilia's C3 never closed.
    CHECK(by["arbetslos"].persons == 2);
    CHECK(by["arbetslos"].supported == 1);
    CHECK(by["arbetslos"].supported_women == 1);
    // Bo's C2 closed because he moved: not a support reason. David never closed.
    CHECK(by["sjukskriven"].persons == 2);
    CHECK(by["sjukskriven"].supported == 0);
    // Greta's C4 closed to another benefit 30 June but reopened 3 September, within 2026.
    CHECK(by["foraldraledig"].persons == 1);
    CHECK(by["foraldraledig"].supported == 0);
    // Ivan's C5 closed to studies.
    CHECK(by["sociala_medicinska"].supported == 1);
    CHECK(by["sociala_medicinska"].supported_men == 1);
  }
  SECTION("handläggningstid: Friday arrival, Easter, Kristi himmelfärd, complete date, Saturday arrival") {
    // Days 5, 3, 5, 5, 8, 1, 1 → sorted 1 1 3 5 5 5 8: median 5, six of seven within 5.
    CHECK(f.handling.decided == 7);
    REQUIRE(f.handling.median_days.has_value());
    CHECK(*f.handling.median_days == Fraction{5, 1});
    CHECK(f.handling.within_target == 6);
    CHECK(f.handling.within_5_share() == Fraction{6, 7});
    CHECK(f.handling.distribution == std::vector<std::int64_t>{0, 2, 0, 1, 0, 3, 0, 0, 1});
  }
  SECTION("decisions by kind and the avslag share") {
    CHECK(f.decisions.bifall == 4);
    CHECK(f.decisions.delbifall == 2);
    CHECK(f.decisions.avslag == 1);
    CHECK(f.decisions.avslag_share() == Fraction{1, 7});
  }
  SECTION("closures by reason and reopenings") {
    CHECK(f.closures.count(ClosureReason::work) == 1);
    CHECK(f.closures.count(ClosureReason::moved) == 1);
    CHECK(f.closures.count(ClosureReason::another_benefit) == 1);
    CHECK(f.closures.count(ClosureReason::studies) == 1);
    CHECK(f.closures.count(ClosureReason::deceased) == 0);
    CHECK(f.closures.total() == 4);
    CHECK(f.closures.reopened == 1);
  }
  SECTION("homeless: the adult in a härbärge and the parent in a vandrarhem; families without stable housing") {
    CHECK(f.housing.homeless == 2);  // Greta, Ivan
    CHECK(f.housing.homeless_women == 1);
    CHECK(f.housing.homeless_men == 1);
    CHECK(f.housing.homeless_children == 1);  // Hugo
    CHECK(f.housing.families_unstable == 1);  // C4
  }
  SECTION("internal control: barnkonsekvensanalys and current arbetsplan") {
    // Delbifall with children: C3 (with analysis) and C4 (without); bifall with children does not count.
    CHECK(f.control.child_decisions == 2);
    CHECK(f.control.child_impact_share() == Fraction{1, 2});
    // December: C3, whose plan of 1 July is within the 6 months July–December.
    CHECK(f.control.cases == 1);
    CHECK(f.control.arbetsplan_share() == Fraction{1, 1});
  }
  SECTION("FUT: absent data is said, not zeros") {
    CHECK_FALSE(f.fut.available);
  }
  SECTION("the year before from the same rows") {
    REQUIRE(r.year_before.has_value());
    const UnitFigures& y = *r.year_before;
    CHECK(y.households.household_months == 12 + 8);
    CHECK(y.households.distinct == 2);
    CHECK(y.money.paid == Money::from_kr(12 * 14'000 + 8 * 9'000));
    CHECK(y.persons.persons() == 5);
    CHECK(y.persons.young == 0);     // Filip is 17 on 31 December 2025
    CHECK(y.long_term.adults == 2);  // Cecilia and David; Bo had 8 months
  }
  SECTION("indicators: outcome, by sex, the year before, prognosis, targets") {
    const IndicatorRow& persons = indicator(r, "persons_share");
    CHECK(value(persons.outcome) == Fraction{9, 1000});
    CHECK(value(persons.women) == Fraction{4, 500});  // Anna, Cecilia, Greta, Elsa
    CHECK(value(persons.men) == Fraction{5, 500});
    CHECK(value(persons.year_before) == Fraction{5, 1000});
    CHECK(value(persons.prognosis) == Fraction{9, 1000});  // a whole year: the outcome
    REQUIRE(persons.target.has_value());
    CHECK(persons.target->text == "0,8 %");
    CHECK(*persons.target->share == Fraction{8, 1000});
    CHECK(persons.kf_target->text == "1,6 %");

    CHECK(value(indicator(r, "children_share").outcome) == Fraction{3, 200});
    CHECK(value(indicator(r, "children_share").women) == Fraction{1, 100});
    CHECK(value(indicator(r, "children_single_parent_share").outcome) == Fraction{1, 200});
    CHECK(value(indicator(r, "young_share").outcome) == Fraction{2, 100});
    CHECK(value(indicator(r, "long_term_share").outcome) == Fraction{3, 800});
    CHECK(value(indicator(r, "long_term_share").men) == Fraction{2, 400});
    CHECK(value(indicator(r, "hinder_households:sjukskriven").outcome) == Fraction{1, 1});
    CHECK(value(indicator(r, "hinder_support:arbetslos").outcome) == Fraction{1, 2});
    CHECK(indicator(r, "hinder_support:arbetslos").men.missing == "inga män med hindret i perioden");
    const IndicatorRow& homeless = indicator(r, "homeless");
    CHECK_FALSE(homeless.share);
    CHECK(value(homeless.outcome) == Fraction{2, 1});
    CHECK(value(homeless.year_before) == Fraction{0, 1});
    CHECK(homeless.target->count == 195);
    CHECK(homeless.kf_target->text == "tas fram av nämnden");
    CHECK_FALSE(homeless.kf_target->count.has_value());
    CHECK(value(indicator(r, "families_without_stable_housing").outcome) == Fraction{1, 1});
    CHECK(value(indicator(r, "handlaggningstid").outcome) == Fraction{6, 7});
    CHECK(value(indicator(r, "barnkonsekvensanalys").outcome) == Fraction{1, 2});
    CHECK(value(indicator(r, "arbetsplan").outcome) == Fraction{1, 1});
    CHECK_FALSE(indicator(r, "handlaggningstid").prognosis.value.has_value());
  }
  SECTION("the indicators come in the seeds' order, one hinder row per configured code") {
    std::vector<std::string> ids;
    for (const auto& i : r.indicators) ids.push_back(eb::report::indicator_id_text(i.id));
    CHECK(ids == std::vector<std::string>{"children_share", "children_single_parent_share", "persons_share",
                                          "young_share", "long_term_share", "hinder_households:arbetslos",
                                          "hinder_households:sjukskriven", "hinder_households:sociala_medicinska",
                                          "hinder_households:foraldraledig", "hinder_support:arbetslos",
                                          "hinder_support:sjukskriven", "hinder_support:sociala_medicinska",
                                          "hinder_support:foraldraledig", "homeless", "families_without_stable_housing",
                                          "handlaggningstid", "barnkonsekvensanalys", "arbetsplan"});
  }
  SECTION("budget: utfall, budget, avvikelse; prognossäkerhet once the year has ended") {
    const auto& b = r.budget;
    CHECK(b.outcome == Money::from_kr(432'000));
    CHECK(b.budget == Money::from_kr(400'000));
    CHECK(b.deviation == Money::from_kr(-32'000));
    CHECK(b.prognosis.method == PrognosisMethod::outcome);
    CHECK(b.prognosis.amount == Money::from_kr(432'000));
    CHECK(b.deviation_year == Money::from_kr(-32'000));
    // T2 prognosis: Jan–Aug 2026 = 326 000 kr × 2025's 240 000 ÷ Jan–Aug 2025's 184 000
    // = 425 217,391… kr → 42 521 739 öre; the year's 432 000 kr is 678 261 öre more.
    REQUIRE(b.accuracy.has_value());
    CHECK(b.accuracy->t2.method == PrognosisMethod::last_year_profile);
    CHECK(b.accuracy->t2.amount == Money::from_ore(42'521'739));
    CHECK(b.accuracy->outcome == Money::from_kr(432'000));
    CHECK(b.accuracy->difference == Money::from_ore(678'261));
    CHECK(b.accuracy->of_budget == Fraction{678'261, 40'000'000});
  }
  SECTION("notes: the example config and Stockholm's medelbidrag") {
    CHECK_FALSE(r.preliminary);
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0].find("EXEMPEL") != std::string::npos);
    CHECK(r.notes[1].find("Stockholms stads definition") != std::string::npos);
  }
}

TEST_CASE("UnitReportFold::finish at T2", "[report]") {
  const eb::test::District district;
  const UnitReport r = district.fold("2026-T2", "2026-09-15", config()).finish();
  const UnitFigures& f = r.figures;

  SECTION("figures of January–August") {
    CHECK(f.households.household_months == 4 + 4 + 5 + 5 + 4 + 4 + 3 + 3);
    CHECK(f.money.paid == Money::from_kr(326'000));
    CHECK(f.persons.young == 2);  // Filip turned 18 on 20 June
    // The rolling year September 2025 – August 2026: Cecilia and David 12 months, Bo 8.
    CHECK(f.long_term.window == MonthRange{Month(2025, 9), Month(2026, 8)});
    CHECK(f.long_term.adults == 2);
    CHECK(f.long_term.women == 1);
  }
  SECTION("hinder in August: two of four adults arbetslösa, in two of three households") {
    CHECK(f.hinder.adults == 4);
    CHECK(f.hinder.households == 3);
    CHECK(f.hinder.codes[0].share == Fraction{2, 4});
    CHECK(f.hinder.codes[0].household_share == Fraction{2, 3});
  }
  SECTION("a closure reopened after the period's end counts as support within it") {
    std::map<std::string, eb::report::HinderSupport> by;
    for (const auto& h : f.hinder_support) by[h.code] = h;
    CHECK(by["foraldraledig"].supported == 1);  // closed 30 June, reopened 3 September
    CHECK(by["arbetslos"].supported == 0);      // Anna's closure on 30 September is after T2
    CHECK(f.closures.total() == 2);
    CHECK(f.closures.reopened == 0);
  }
  SECTION("arbetsplan in August: a plan of January is too old, one after August is not yet made") {
    // C1's plans 15 Jan and 5 Sep; C2's 1 Mar (within March–August); C3's 1 Jul.
    CHECK(f.control.cases == 3);
    CHECK(f.control.with_current_plan == 2);
  }
  SECTION("budget for eight months and the prognosis from last year's profile") {
    const auto& b = r.budget;
    // 400 000 kr × 8 ÷ 12 = 266 666,666… kr → 26 666 667 öre.
    CHECK(b.budget == Money::from_ore(26'666'667));
    CHECK(b.deviation == Money::from_ore(26'666'667 - 32'600'000));
    CHECK(b.prognosis.method == PrognosisMethod::last_year_profile);
    CHECK(b.prognosis.amount == Money::from_ore(42'521'739));
    CHECK(b.deviation_year == Money::from_ore(40'000'000 - 42'521'739));
    CHECK_FALSE(b.accuracy.has_value());
    CHECK(b.accuracy_missing == "visas för en period som slutar i december");
  }
  SECTION("indicator prognosis from last year's profile, or why there is none") {
    // Children: 3 now × 2 in 2025 ÷ 2 in T2 2025 = 3.
    CHECK(value(indicator(r, "children_share").prognosis) == Fraction{3, 200});
    CHECK(value(indicator(r, "children_share").year_before) == Fraction{2, 200});
    // Long-term at T2 2025 (window Sep 2024 – Aug 2025, the store from Jan 2025): nobody.
    CHECK(indicator(r, "long_term_share").prognosis.missing ==
          "ingen prognos: inget utfall samma period föregående år");
  }
  SECTION("the period has not ended: preliminary") {
    CHECK_FALSE(r.preliminary);
    const UnitReport early = district.fold("2026-T2", "2026-08-20", config()).finish();
    CHECK(early.preliminary);
    CHECK(early.notes[0] == "Perioden är inte avslutad (2026-08-20): siffrorna är preliminära.");
  }
}

TEST_CASE("UnitReportFold conventions", "[report]") {
  const eb::test::District district;

  SECTION("four working days counted from the day after the arrival stamp") {
    auto c = config();
    c.handling = {HandlingCount::after_arrival, 4};
    const UnitFigures f = district.fold("2026", "2027-01-20", c).finish().figures;
    // Days 4, 2, 4, 4, 7, 0, 1 → sorted 0 1 2 4 4 4 7: median 4; six within 4 and within 5.
    CHECK(*f.handling.median_days == Fraction{4, 1});
    CHECK(f.handling.within_target == 6);
    CHECK(f.handling.within_5 == 6);
    CHECK(f.handling.distribution == std::vector<std::int64_t>{1, 1, 1, 0, 3, 0, 0, 1});
  }
  SECTION("the median of an even count is the mean of the middle two") {
    eb::report::ReportSetup setup;
    setup.period = {Month(2026, 5), Month(2026, 5)};
    setup.today = eb::period::Date(2026, 6, 10);
    setup.data_from = Month(2026, 1);
    eb::report::UnitReportFold fold(setup);
    const auto d = [](int day) { return eb::period::Date(2026, 5, day); };
    fold.add({1, 1, Month(2026, 5), d(4), std::nullopt, d(5), eb::decide::Kind::bifall, false, false});  // 2
    fold.add({2, 2, Month(2026, 5), d(4), std::nullopt, d(8), eb::decide::Kind::bifall, false, false});  // 5
    CHECK(*fold.finish().figures.handling.median_days == Fraction{7, 2});
  }
  SECTION("long-term over the calendar year only: nobody reaches 10 months by August") {
    auto c = config();
    c.long_term_window = eb::report::LongTermWindow::calendar_year;
    const UnitFigures f = district.fold("2026-T2", "2026-09-15", c).finish().figures;
    CHECK(f.long_term.window == MonthRange{Month(2026, 1), Month(2026, 8)});
    CHECK(f.long_term.adults == 0);
  }
  SECTION("without a config: no population, no budget, the spec's five-day target") {
    const UnitReport r = district.fold("2026", "2027-01-20", eb::report::ReportConfig{}).finish();
    CHECK(indicator(r, "persons_share").outcome.missing == "befolkning för 2026 saknas i konfigurationen");
    CHECK(r.budget.budget_missing == "budget för 2026 saknas i konfigurationen");
    CHECK_FALSE(r.budget.budget.has_value());
    CHECK(r.budget.prognosis.amount == Money::from_kr(432'000));
    CHECK(indicator(r, "arbetsplan").outcome.missing ==
          "arbetsplanens giltighetstid ([arbetsplan] current_months) saknas i konfigurationen");
    CHECK(r.figures.handling.convention.target_days == 5);
    // Without hinder codes in the config, the hinder rows follow the data (December: two codes).
    CHECK(indicator(r, "hinder_households:arbetslos").outcome.value == Fraction{1, 1});
    CHECK(r.notes[0].find("Ingen konfiguration") == 0);
  }
  SECTION("a population count that is missing is named") {
    auto c = config();
    c.population[1].girls.reset();
    const UnitReport r = district.fold("2026", "2027-01-20", c).finish();
    CHECK(indicator(r, "children_share").women.missing == "girls saknas i befolkningen för 2026 i konfigurationen");
    CHECK(indicator(r, "children_share").outcome.value == Fraction{3, 200});
  }
  SECTION("the run rate when the store has no last year") {
    eb::report::ReportSetup setup;
    setup.period = eb::period::parse_month_range("2026-T1", "--period");
    setup.today = eb::period::Date(2026, 5, 10);
    setup.data_from = Month(2026, 2);
    eb::report::UnitReportFold fold(setup);
    for (const auto& row : district.months()) {
      if (row.month >= Month(2026, 2)) fold.add(row);
    }
    const UnitReport r = fold.finish();
    // February–April: (42 000 + 47 000 + 47 000) kr × 12 ÷ 3 months.
    CHECK(r.budget.prognosis.method == PrognosisMethod::run_rate);
    CHECK(r.budget.prognosis.amount == Money::from_kr((42'000 + 47'000 + 47'000) * 4));
    CHECK(r.year_before_missing == "T1 2025 finns inte i databasen (den har uppgifter från 2026-02)");
    CHECK(indicator(r, "children_share").year_before.missing == r.year_before_missing);
  }
}

TEST_CASE("UnitReportFold over a period with no data", "[report]") {
  eb::report::ReportSetup setup;
  setup.period = eb::period::parse_month_range("2030-T1", "--period");
  setup.today = eb::period::Date(2030, 6, 1);
  setup.config = eb::report::parse_report_config(eb::test::District::k_config, "report.toml");
  const UnitReport r = eb::report::UnitReportFold(setup).finish();
  const UnitFigures& f = r.figures;

  SECTION("zeros, not a division by zero") {
    CHECK(f.households.distinct == 0);
    CHECK(f.households.household_months == 0);
    CHECK(f.households.average == Fraction{0, 4});
    CHECK(f.money.paid == Money());
    CHECK_FALSE(f.money.per_household_month.has_value());
    CHECK_FALSE(f.money.per_household_year.has_value());
    CHECK_FALSE(f.handling.median_days.has_value());
    CHECK_FALSE(f.handling.within_5_share().defined());
    CHECK_FALSE(f.decisions.avslag_share().defined());
    CHECK_FALSE(f.hinder.codes[0].share.defined());
    CHECK(f.long_term.adults == 0);
  }
  SECTION("no data, said per figure") {
    CHECK(r.year_before_missing == "databasen har inga ansökningar");
    CHECK(r.budget.prognosis.method == PrognosisMethod::none);
    CHECK_FALSE(r.budget.prognosis.amount.has_value());
    CHECK(indicator(r, "persons_share").outcome.missing == "befolkning för 2030 saknas i konfigurationen");
    CHECK(indicator(r, "handlaggningstid").outcome.missing == "inga beslut i perioden");
    CHECK(indicator(r, "hinder_households:arbetslos").outcome.missing == "inga bidragshushåll i periodens sista månad");
    CHECK(value(indicator(r, "homeless").outcome) == Fraction{0, 1});
    CHECK(r.notes.back().find("Medelbidrag") == 0);
  }
}

TEST_CASE("UnitReportFold Stockholm 2017 medelbidrag", "[report]") {
  // Stockholm 2017 (rules-reference.md §6): 927 975 tkr over 101 580 biståndsmånader in 14 572
  // households: 9 135 kr per household and month, 63 682 kr per household and year.
  eb::report::ReportSetup setup;
  setup.period = eb::period::parse_month_range("2017", "--period");
  setup.today = eb::period::Date(2018, 3, 1);
  setup.data_from = Month(2017, 1);
  eb::report::UnitReportFold fold(setup);
  constexpr std::int64_t k_total = 927'975'000LL * 100;
  constexpr std::int64_t k_months = 101'580;
  constexpr std::int64_t k_households = 14'572;
  // 14 148 households with 7 months and 424 with 6: 99 036 + 2 544 = 101 580.
  std::int64_t row = 0;
  for (std::int64_t h = 0; h < k_households; ++h) {
    const int months = h < 14'148 ? 7 : 6;
    for (int m = 1; m <= months; ++m, ++row) {
      // The total spread over the rows to the öre: the first `rest` rows get one öre more.
      const std::int64_t ore = k_total / k_months + (row < k_total % k_months ? 1 : 0);
      fold.add(eb::report::HouseholdMonthRow{h + 1,
                                             Month(2017, m),
                                             {{h + 1, eb::person::Sex::woman, eb::period::Date(1980, 1, 1), true, ""}},
                                             Money::from_ore(ore),
                                             std::nullopt});
    }
  }
  const UnitFigures f = fold.figures(setup.period);
  CHECK(f.money.paid == Money::from_ore(k_total));
  CHECK(f.households.household_months == k_months);
  CHECK(f.households.distinct == k_households);
  CHECK(f.money.per_household_month->rounded(eb::money::Rounding::krona_half_up) == Money::from_kr(9'135));
  CHECK(f.money.per_household_year->rounded(eb::money::Rounding::krona_half_up) == Money::from_kr(63'682));
  CHECK(f.money.per_household_month == Money::from_ore(913'541));
  CHECK(f.money.per_household_year == Money::from_ore(6'368'206));
}

TEST_CASE("net_paid_by_month", "[report]") {
  using eb::report::PaymentRow;
  const auto d = [](const char* iso) { return eb::period::parse_date(iso, "test"); };
  const auto paid = eb::report::net_paid_by_month({
      {2, Month(2026, 3), d("2026-04-02"), Money::from_kr(9000), true, false},  // March's, paid in April
      {2, Month(2026, 4), d("2026-04-25"), Money::from_kr(9000), true, false},
      {2, Month(2026, 4), d("2026-04-25"), Money::from_kr(500), true, true},     // returned
      {2, Month(2026, 5), d("2026-05-25"), Money::from_kr(9000), false, false},  // not sent yet
  });
  SECTION("a March payment made in April counts for March") {
    CHECK(paid.at({2, Month(2026, 3)}) == Money::from_kr(9000));
    CHECK(paid.at({2, Month(2026, 4)}) == Money::from_kr(9000));
  }
  SECTION("returned and unsent payments are not paid") {
    CHECK(paid.count({2, Month(2026, 5)}) == 0);
    CHECK(paid.size() == 2);
  }
}

TEST_CASE("UnitReportFold::add", "[report]") {
  eb::report::ReportSetup setup;
  setup.period = {Month(2026, 1), Month(2026, 3)};
  eb::report::UnitReportFold fold(setup);
  const eb::report::HouseholdMonthRow row{1, Month(2026, 2), {}, Money::from_kr(100), std::nullopt};

  SECTION("refuses the same case and month twice, and a negative payment") {
    fold.add(row);
    CHECK_THROWS_AS(fold.add(row), std::invalid_argument);
    auto negative = row;
    negative.month = Month(2026, 3);
    negative.paid = Money::from_kr(-1);
    CHECK_THROWS_AS(fold.add(negative), std::invalid_argument);
  }
  SECTION("ignores rows outside the input months and refuses figures outside them") {
    CHECK(fold.input() == MonthRange{Month(2024, 4), Month(2026, 3)});
    auto late = row;
    late.month = Month(2026, 4);
    fold.add(late);
    CHECK(fold.paid(fold.input()) == Money());
    CHECK_THROWS_AS(fold.figures({Month(2026, 1), Month(2026, 4)}), std::invalid_argument);
  }
  SECTION("the order of the rows does not matter") {
    const eb::test::District district;
    auto rows = district.months();
    const auto forward = district.fold("2026", "2027-01-20", config()).finish();
    eb::report::ReportSetup s2;
    s2.period = eb::period::parse_month_range("2026", "--period");
    s2.today = eb::period::Date(2027, 1, 20);
    s2.data_from = Month(2025, 1);
    s2.config = config();
    eb::report::UnitReportFold backward(s2);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) backward.add(*it);
    const auto cases = district.cases();
    for (auto it = cases.rbegin(); it != cases.rend(); ++it) backward.add(*it);
    const auto decisions = district.decisions();
    for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) backward.add(*it);
    const auto b = backward.finish();
    CHECK(b.figures.persons.young == forward.figures.persons.young);
    CHECK(b.figures.long_term.adults == forward.figures.long_term.adults);
    CHECK(b.figures.handling.distribution == forward.figures.handling.distribution);
    CHECK(b.figures.hinder_support.size() == forward.figures.hinder_support.size());
    CHECK(b.budget.accuracy->t2.amount == forward.budget.accuracy->t2.amount);
  }
  SECTION("without configured codes, the hinder lists are in code order whatever the row order") {
    const eb::test::District district;
    const auto rows = district.months();
    eb::report::ReportSetup s2;
    s2.period = eb::period::parse_month_range("2026", "--period");
    s2.today = eb::period::Date(2027, 1, 20);
    s2.data_from = Month(2025, 1);
    eb::report::UnitReportFold forward(s2);
    eb::report::UnitReportFold backward(s2);
    for (const auto& r : rows) forward.add(r);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) backward.add(*it);
    const auto codes = [](const UnitFigures& f) {
      std::vector<std::string> out;
      for (const auto& h : f.hinder_support) out.push_back(h.code);
      return out;
    };
    const auto a = forward.figures(s2.period);
    CHECK(codes(a) == std::vector<std::string>{"arbetslos", "foraldraledig", "sjukskriven", "sociala_medicinska"});
    CHECK(codes(backward.figures(s2.period)) == codes(a));
  }
  SECTION("FUT events by the month of their date") {
    const auto d = [](int m, int day) { return eb::period::Date(2026, m, day); };
    fold.set_fut_available();
    fold.add({eb::report::FutEventKind::flag_raised, d(1, 10), Money()});
    fold.add({eb::report::FutEventKind::flag_raised, d(2, 10), Money()});
    fold.add({eb::report::FutEventKind::flag_closed_error, d(2, 20), Money()});
    fold.add({eb::report::FutEventKind::claim_raised, d(2, 20), Money::from_kr(4000)});
    fold.add({eb::report::FutEventKind::claim_repaid, d(3, 5), Money::from_kr(500)});
    fold.add({eb::report::FutEventKind::police_report, d(3, 6), Money()});
    fold.add({eb::report::FutEventKind::flag_raised, d(4, 1), Money()});  // after the period
    const auto f = fold.figures(setup.period).fut;
    CHECK(f.available);
    CHECK(f.flags_raised == 2);
    CHECK(f.closed_error == 1);
    CHECK(f.claims_raised == 1);
    CHECK(f.claimed == Money::from_kr(4000));
    CHECK(f.repaid == Money::from_kr(500));
    CHECK(f.police_reports == 1);
  }
}

TEST_CASE("input_months", "[report]") {
  SECTION("the period, a year back, last January and the long-term windows") {
    CHECK(eb::report::input_months({Month(2026, 1), Month(2026, 8)}) == MonthRange{Month(2024, 9), Month(2026, 8)});
    CHECK(eb::report::input_months({Month(2026, 1), Month(2026, 12)}) == MonthRange{Month(2025, 1), Month(2026, 12)});
    CHECK(eb::report::input_months({Month(2026, 3), Month(2026, 3)}) == MonthRange{Month(2024, 4), Month(2026, 3)});
  }
  SECTION("refuses a period of more than 36 months") {
    CHECK(eb::test::input_error_of([] {
            eb::report::input_months({Month(2020, 1), Month(2023, 1)});
          }) == "--period = 2020-01..2023-01: is longer than 36 months (a report covers at most that)");
  }
}

TEST_CASE("period_label", "[report]") {
  using eb::report::period_label;
  CHECK(period_label({Month(2026, 1), Month(2026, 12)}) == "2026");
  CHECK(period_label({Month(2026, 1), Month(2026, 4)}) == "T1 2026");
  CHECK(period_label({Month(2026, 1), Month(2026, 8)}) == "T2 2026");
  CHECK(period_label({Month(2026, 3), Month(2026, 3)}) == "mars 2026");
  CHECK(period_label({Month(2026, 1), Month(2026, 6)}) == "januari–juni 2026");
  CHECK(period_label({Month(2025, 11), Month(2026, 2)}) == "november 2025–februari 2026");
}
