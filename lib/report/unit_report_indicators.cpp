// SPDX-License-Identifier: MIT
// The indicator table, the budget follow-up and the notes of the unit's report, from the
// figures of the fold (unit_report.cpp) and the config.
#include <algorithm>
#include <functional>

#include "report/unit_report.hpp"

namespace eb::report {

namespace {

using period::Month;
using period::MonthRange;
using Count = std::optional<std::int64_t>;

bool is_whole_year(const MonthRange& p) {
  return p.first == Month(p.last.year(), 1) && p.last.month() == 12;
}

std::string days_text(int n) {
  return std::to_string(n) + (n == 1 ? " arbetsdag" : " arbetsdagar");
}

std::string handling_name(const HandlingConvention& c) {
  return "Andel ansökningar beslutade inom " + days_text(c.target_days) +
         (c.count == HandlingCount::including_arrival ? " inklusive ankomstdagen"
                                                      : " räknat från dagen efter ankomststämpeln");
}

// What an indicator's numerator and denominator are in one period.
struct Eval {
  Cell total, women, men;
  std::int64_t numerator = 0;
  bool has_denominator = true;  // the total has a denominator (for a prognosis of the numerator)
  std::int64_t denominator = 1;
};

Cell ratio(std::int64_t num, Count den, const std::string& why_none, const std::string& why_zero) {
  if (!den) return {std::nullopt, why_none};
  if (*den == 0) return {std::nullopt, why_zero};
  return {Fraction{num, *den}, ""};
}

Cell count_cell(std::int64_t n) {
  return {Fraction{n, 1}, ""};
}

// A population count of `year` named `key`, or why there is none.
struct PopulationCount {
  Count value;
  std::string missing;
};
PopulationCount population_count(const ReportConfig& c, int year, Count Population::*field, std::string_view key) {
  const Population* p = c.population_for(year);
  if (p == nullptr) return {std::nullopt, "befolkning för " + std::to_string(year) + " saknas i konfigurationen"};
  if (!(p->*field)) {
    return {std::nullopt,
            std::string(key) + " saknas i befolkningen för " + std::to_string(year) + " i konfigurationen"};
  }
  return {p->*field, ""};
}

// num / population[key], with the parts by sex.
Eval population_share(const ReportConfig& c, int year, std::int64_t num, std::int64_t num_women, std::int64_t num_men,
                      Count Population::*total, std::string_view total_key, Count Population::*women,
                      std::string_view women_key, Count Population::*men, std::string_view men_key) {
  Eval e;
  const auto t = population_count(c, year, total, total_key);
  const auto w = population_count(c, year, women, women_key);
  const auto m = population_count(c, year, men, men_key);
  const std::string zero = "befolkningen för " + std::to_string(year) + " har 0 i ";
  e.total = ratio(num, t.value, t.missing, zero + std::string(total_key));
  e.women = ratio(num_women, w.value, w.missing, zero + std::string(women_key));
  e.men = ratio(num_men, m.value, m.missing, zero + std::string(men_key));
  e.numerator = num;
  e.has_denominator = t.value.has_value() && *t.value != 0;
  e.denominator = t.value.value_or(0);
  return e;
}

Eval evaluate(const IndicatorId& id, const UnitFigures& f, const ReportConfig& c, int year) {
  const PersonFigures& p = f.persons;
  Eval e;
  switch (id.kind) {
    case IndicatorKind::children:
      return population_share(c, year, p.children, p.girls, p.boys, &Population::children, "children",
                              &Population::girls, "girls", &Population::boys, "boys");
    case IndicatorKind::children_single_parent:
      return population_share(c, year, p.children_single_parent, p.girls_single_parent, p.boys_single_parent,
                              &Population::children, "children", &Population::girls, "girls", &Population::boys,
                              "boys");
    case IndicatorKind::persons:
      return population_share(c, year, p.persons(), p.female(), p.male(), &Population::persons, "persons",
                              &Population::women, "women", &Population::men, "men");
    case IndicatorKind::young:
      return population_share(c, year, p.young, p.young_women, p.young_men, &Population::young, "young",
                              &Population::young_women, "young_women", &Population::young_men, "young_men");
    case IndicatorKind::long_term:
      return population_share(c, year, f.long_term.adults, f.long_term.women, f.long_term.men, &Population::adults,
                              "adults", &Population::adult_women, "adult_women", &Population::adult_men, "adult_men");
    case IndicatorKind::hinder_households: {
      std::int64_t n = 0;
      for (const auto& h : f.hinder.codes) {
        if (h.code == id.hinder) n = h.households;
      }
      e.total = ratio(n, f.hinder.households, "", "inga bidragshushåll i periodens sista månad");
      e.numerator = n;
      e.denominator = f.hinder.households;
      return e;
    }
    case IndicatorKind::hinder_support: {
      HinderSupport h;
      for (const auto& s : f.hinder_support) {
        if (s.code == id.hinder) h = s;
      }
      const std::string none = "inga vuxna med hindret i perioden";
      e.total = ratio(h.supported, h.persons, "", none);
      e.women = ratio(h.supported_women, h.women, "", "inga kvinnor med hindret i perioden");
      e.men = ratio(h.supported_men, h.men, "", "inga män med hindret i perioden");
      e.numerator = h.supported;
      e.denominator = h.persons;
      return e;
    }
    case IndicatorKind::homeless:
      e.total = count_cell(f.housing.homeless);
      e.women = count_cell(f.housing.homeless_women);
      e.men = count_cell(f.housing.homeless_men);
      e.numerator = f.housing.homeless;
      return e;
    case IndicatorKind::families_unstable:
      e.total = count_cell(f.housing.families_unstable);
      e.numerator = f.housing.families_unstable;
      return e;
    case IndicatorKind::handlaggningstid:
      e.total = ratio(f.handling.within_target, f.handling.decided, "", "inga beslut i perioden");
      return e;
    case IndicatorKind::barnkonsekvensanalys:
      e.total = ratio(f.control.with_child_impact, f.control.child_decisions, "",
                      "inga avslag eller delbifall i hushåll med barn i perioden");
      return e;
    case IndicatorKind::arbetsplan:
      if (!f.control.arbetsplan_months) {
        e.total = {std::nullopt, "arbetsplanens giltighetstid ([arbetsplan] current_months) saknas i konfigurationen"};
      } else {
        e.total =
            ratio(f.control.with_current_plan, f.control.cases, "", "inga bidragshushåll i periodens sista månad");
      }
      return e;
  }
  return e;
}

// Cumulative counts grow through the year; those get a prognosis from last year's profile.
bool has_prognosis(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::children:
    case IndicatorKind::children_single_parent:
    case IndicatorKind::persons:
    case IndicatorKind::young:
    case IndicatorKind::long_term:
    case IndicatorKind::homeless:
    case IndicatorKind::families_unstable:
      return true;
    default:
      return false;
  }
}

std::string indicator_name(const IndicatorId& id, const ReportConfig& c) {
  switch (id.kind) {
    case IndicatorKind::children:
      return "Andel barn som lever i familjer som har ekonomiskt bistånd";
    case IndicatorKind::children_single_parent:
      return "Andel barn som växer upp i familjer med ensamstående föräldrar som har ekonomiskt bistånd";
    case IndicatorKind::persons:
      return "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen";
    case IndicatorKind::young:
      return "Andel ungdomar 18–24 år som har ekonomiskt bistånd i förhållande till samtliga 18–24-åringar i "
             "befolkningen";
    case IndicatorKind::long_term:
      return "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare";
    case IndicatorKind::hinder_households:
      return "Andel bidragshushåll med " + c.hinder_label(id.hinder) + " som försörjningshinder";
    case IndicatorKind::hinder_support:
      return "Andel personer med " + c.hinder_label(id.hinder) + " som går till egen eller annan försörjning";
    case IndicatorKind::homeless:
      return "Antal hemlösa";
    case IndicatorKind::families_unstable:
      return "Antal familjer med barn som saknar stadigvarande bostad";
    case IndicatorKind::handlaggningstid:
      return handling_name(c.handling);
    case IndicatorKind::barnkonsekvensanalys:
      return "Andel beslut som rör barn med barnkonsekvensanalys";
    case IndicatorKind::arbetsplan:
      return c.arbetsplan_months
                 ? "Andel ärenden med aktuell arbetsplan (upprättad eller förnyad inom " +
                       std::to_string(*c.arbetsplan_months) + (*c.arbetsplan_months == 1 ? " månad)" : " månader)")
                 : "Andel ärenden med aktuell arbetsplan";
  }
  return "";
}

// The indicators in the order of the seeds' tables; one hinder row per configured code (or,
// without codes in the config, per code in the data).
std::vector<IndicatorId> indicator_ids(const UnitFigures& f, const ReportConfig& c) {
  std::vector<std::string> codes;
  for (const auto& [code, label] : c.hinder) codes.push_back(code);
  if (codes.empty()) {
    for (const auto& h : f.hinder.codes) {
      if (!h.code.empty()) codes.push_back(h.code);
    }
  }
  std::vector<IndicatorId> ids;
  for (const IndicatorKind k : k_indicator_kinds) {
    if (k == IndicatorKind::hinder_households || k == IndicatorKind::hinder_support) {
      for (const auto& code : codes) ids.push_back({k, code});
    } else {
      ids.push_back({k, ""});
    }
  }
  return ids;
}

}  // namespace

std::string_view prognosis_method_name(PrognosisMethod m) {
  switch (m) {
    case PrognosisMethod::outcome:
      return "outcome";
    case PrognosisMethod::last_year_profile:
      return "last_year_profile";
    case PrognosisMethod::run_rate:
      return "run_rate";
    case PrognosisMethod::none:
      return "none";
  }
  return "none";
}

namespace {

// The prognos helår of the year of `through`, from the outcome up to `through` (see
// PrognosisMethod).
Prognosis prognosis_at(const UnitReportFold& fold, Month through) {
  const ReportSetup& setup = fold.setup();
  Prognosis p;
  p.through = through;
  const int y = through.year();
  const Month january(y, 1);
  if (!setup.data_from || *setup.data_from > through) return p;  // no month of the year in the store
  const Money ytd = fold.paid({january, through});
  if (through.month() == 12) {
    p.method = PrognosisMethod::outcome;
    p.amount = ytd;
    return p;
  }
  const Month last_january(y - 1, 1);
  if (*setup.data_from <= last_january) {
    const Money last_ytd = fold.paid({last_january, through.plus(-12)});
    const Money last_year = fold.paid({last_january, Month(y - 1, 12)});
    if (last_ytd.ore() > 0) {
      p.method = PrognosisMethod::last_year_profile;
      p.amount = ytd.scaled(last_year.ore(), last_ytd.ore(), money::Rounding::ore_half_up);
      return p;
    }
  }
  const Month from = std::max(january, *setup.data_from);
  p.method = PrognosisMethod::run_rate;
  p.amount = ytd.scaled(12, through.months_since(from) + 1, money::Rounding::ore_half_up);
  return p;
}

BudgetFollowUp budget_follow_up(const UnitReportFold& fold) {
  const ReportSetup& setup = fold.setup();
  const MonthRange& period = setup.period;
  const ReportConfig& c = setup.config;
  BudgetFollowUp b;
  b.year = period.last.year();
  b.outcome = fold.paid(period);
  // The period's budget: each year's budget for its months in the period, pro rata.
  Money budget;
  for (int y = period.first.year(); y <= period.last.year() && b.budget_missing.empty(); ++y) {
    const Budget* yb = c.budget_for(y);
    if (yb == nullptr) {
      b.budget_missing = "budget för " + std::to_string(y) + " saknas i konfigurationen";
      break;
    }
    const Month from = std::max(period.first, Month(y, 1));
    const Month to = std::min(period.last, Month(y, 12));
    budget += yb->forsorjningsstod.scaled(to.months_since(from) + 1, 12, money::Rounding::ore_half_up);
  }
  if (b.budget_missing.empty()) {
    b.budget = budget;
    b.deviation = budget - b.outcome;
  }
  b.prognosis = prognosis_at(fold, period.last);
  if (const Budget* yb = c.budget_for(b.year)) {
    b.budget_year = yb->forsorjningsstod;
    if (b.prognosis.amount) b.deviation_year = yb->forsorjningsstod - *b.prognosis.amount;
  }
  // Prognossäkerhet: once the year has ended, the T2 prognosis against the year's outcome.
  if (period.last.month() != 12) {
    b.accuracy_missing = "visas för en period som slutar i december";
  } else if (setup.today <= period.last.last_day()) {
    b.accuracy_missing = "året är inte slut";
  } else {
    PrognosisAccuracy a;
    a.t2 = prognosis_at(fold, Month(b.year, 8));
    if (!a.t2.amount) {
      b.accuracy_missing = "ingen prognos vid T2: augusti " + std::to_string(b.year) + " finns inte i databasen";
    } else {
      a.outcome = fold.paid({Month(b.year, 1), Month(b.year, 12)});
      a.difference = a.outcome - *a.t2.amount;
      if (b.budget_year && !b.budget_year->is_zero()) a.of_budget = Fraction{a.difference.ore(), b.budget_year->ore()};
      b.accuracy = a;
    }
  }
  return b;
}

}  // namespace

UnitReport UnitReportFold::finish() const {
  const ReportSetup& s = setup();
  const ReportConfig& c = s.config;
  UnitReport r;
  r.period = s.period;
  r.today = s.today;
  r.data_from = s.data_from;
  r.preliminary = s.today <= s.period.last.last_day();
  r.config = c;
  r.figures = figures(s.period);
  const int year = s.period.last.year();

  const MonthRange before = s.period.shifted_years(-1);
  const MonthRange last_year{Month(year - 1, 1), Month(year - 1, 12)};
  if (!s.data_from) {
    r.year_before_missing = "databasen har inga ansökningar";
  } else if (*s.data_from > before.first) {
    r.year_before_missing =
        period_label(before) + " finns inte i databasen (den har uppgifter från " + s.data_from->to_string() + ")";
  } else {
    r.year_before = figures(before);
  }
  std::optional<UnitFigures> last_year_figures;
  if (s.data_from && *s.data_from <= last_year.first) last_year_figures = figures(last_year);

  for (const IndicatorId& id : indicator_ids(r.figures, c)) {
    IndicatorRow row;
    row.id = id;
    row.name = indicator_name(id, c);
    row.share = is_share(id.kind);
    row.sex_split = has_sex_split(id.kind);
    const Eval now = evaluate(id, r.figures, c, year);
    row.outcome = now.total;
    if (row.sex_split) {
      row.women = now.women;
      row.men = now.men;
    }
    if (r.year_before) {
      row.year_before = evaluate(id, *r.year_before, c, year - 1).total;
    } else {
      row.year_before = {std::nullopt, r.year_before_missing};
    }
    if (has_prognosis(id.kind)) {
      if (is_whole_year(s.period)) {
        row.prognosis = row.outcome;
      } else if (!row.outcome.value) {
        row.prognosis = {std::nullopt, row.outcome.missing};
      } else if (!r.year_before || !last_year_figures) {
        row.prognosis = {std::nullopt, "ingen prognos: föregående år finns inte i databasen"};
      } else {
        const std::int64_t then = evaluate(id, *r.year_before, c, year - 1).numerator;
        const std::int64_t whole = evaluate(id, *last_year_figures, c, year - 1).numerator;
        if (then == 0) {
          row.prognosis = {std::nullopt, "ingen prognos: inget utfall samma period föregående år"};
        } else {
          const std::int64_t n = rounded_value({now.numerator * whole, then});
          row.prognosis = {Fraction{n, row.share ? now.denominator : 1}, ""};
        }
      }
    }
    if (const IndicatorTargets* t = c.targets_for(year, id)) {
      row.target = t->target;
      row.kf_target = t->kf_target;
    }
    r.indicators.push_back(std::move(row));
  }
  r.budget = budget_follow_up(*this);

  // Notes for the header, in Swedish.
  if (r.preliminary) {
    r.notes.push_back("Perioden är inte avslutad (" + s.today.to_string() + "): siffrorna är preliminära.");
  }
  if (c.file.empty()) {
    r.notes.push_back(
        "Ingen konfiguration (--config): befolkning, budget och mål saknas; handläggningstid räknas som " +
        days_text(c.handling.target_days) + " inklusive ankomstdagen.");
  } else if (c.status == "example") {
    r.notes.push_back("Konfigurationen " + c.file +
                      " är ett EXEMPEL: befolkning, budget och mål är inte enhetens egna.");
  }
  if (!s.data_from) {
    r.notes.push_back("Databasen har inga ansökningar.");
  } else if (*s.data_from > r.figures.long_term.window.first) {
    r.notes.push_back("Databasen har uppgifter från " + s.data_from->to_string() +
                      ": långvarigt bistånd räknas över färre månader än " + r.figures.long_term.window.to_string() +
                      ".");
  }
  r.notes.push_back(
      "Medelbidrag enligt Stockholms stads definition: utbetalt ÷ biståndsmånader (per hushåll och månad) och "
      "utbetalt ÷ antal hushåll (per hushåll och år); Socialstyrelsens formel för ett månadsmedelvärde är inte "
      "bekräftad.");
  return r;
}

}  // namespace eb::report
