// SPDX-License-Identifier: MIT
// The unit's report (eb report): every figure of reports.md for a period, computed as a pure
// fold over the plain rows a store scan delivers, with the seeds' indicator table and budget
// follow-up. No I/O: the rows, the config, the first month the store holds and today come in;
// values go out. The same rows in any order give the same report.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assess/housing.hpp"
#include "decide/decision.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"
#include "period/month_range.hpp"
#include "person/personnummer.hpp"
#include "report/closure.hpp"
#include "report/fraction.hpp"
#include "report/indicator.hpp"
#include "report/report_config.hpp"

namespace eb::report {

using money::Money;

// ---- The input rows (what the store scan delivers) ----

// A member of a household in one month, from the month's application.
struct MemberRow {
  std::int64_t person_id = 0;            // the store's person id: one id per pnr, in every case and month
  person::Sex sex = person::Sex::woman;  // from the pnr
  period::Date birth_date{1970, 1, 1};   // from the pnr
  bool adult = true;                     // applicant or partner; false for role child
  std::string hinder;                    // adults: the försörjningshinder code; "" when not recorded
};

// One household-month: a case (ärende) and one month of bistånd. One row per case and month
// with an application; a month with several applications (a tilläggsansökan) is one row.
struct HouseholdMonthRow {
  std::int64_t case_id = 0;
  period::Month month{2000, 1};    // the month the bistånd is for, not the payment date
  std::vector<MemberRow> members;  // of the month's new or renewal application
  // Net paid for the month: the payments of all the month's applications in exported or
  // confirmed batches, minus the returned ones, whatever day they were paid. A month with
  // `paid` > 0 is a biståndsmånad and the case a bidragshushåll that month.
  Money paid;
  std::optional<assess::Housing> housing;  // of the month's application, if recorded
};

// One decided application: its arrival, its first decision and its current decision.
struct DecidedApplicationRow {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  period::Month month{2000, 1};              // the month applied for
  period::Date arrived{1970, 1, 1};          // the arrival stamp (received_on)
  std::optional<period::Date> complete;      // the day the application became complete, when later
  period::Date first_decided{1970, 1, 1};    // the first decision's date: handläggningstid ends here
  decide::Kind kind = decide::Kind::bifall;  // the current decision's kind
  bool children = false;                     // the application has a member with role child
  bool child_impact = false;                 // the current decision carries a barnkonsekvensanalys
};

// The facts of one case that are not per month.
struct CaseRow {
  std::int64_t case_id = 0;
  std::vector<Closure> closures;         // any order
  std::vector<period::Date> arbetsplan;  // the days the arbetsplan was made or renewed, any order
};

// A FUT event, counted in the month of its date.
enum class FutEventKind {
  flag_raised,
  flag_closed_no_error,  // investigated: no error
  flag_closed_error,     // investigated: an error (återkrav)
  flag_closed_crime,     // investigated: suspected crime
  claim_raised,          // återkrav raised (amount)
  claim_repaid,          // a repayment of a claim (amount)
  police_report,         // polisanmälan (bidragsbrottslagen 6 §)
};
struct FutEventRow {
  FutEventKind kind = FutEventKind::flag_raised;
  period::Date on{1970, 1, 1};
  Money amount;  // claim_raised and claim_repaid only
};

// One payment as the ledger holds it (the reference for HouseholdMonthRow::paid).
struct PaymentRow {
  std::int64_t case_id = 0;
  period::Month month{2000, 1};      // the month the bistånd is for
  period::Date paid_on{1970, 1, 1};  // the pay date: it does not decide the month
  Money amount;
  bool sent = true;       // in an exported or confirmed batch (not pending, not cancelled)
  bool returned = false;  // returned by the bank
};

// Net paid per case and month of bistånd: the sent payments minus the returned ones, by the
// month they are for and never by their pay date (HSLF-FS 2015:30: the calendar month the
// bistånd covers). What HouseholdMonthRow::paid must hold; the store's query computes the same.
std::map<std::pair<std::int64_t, period::Month>, Money> net_paid_by_month(const std::vector<PaymentRow>& payments);

// ---- The figures of one period ----

struct MonthValue {
  period::Month month{2000, 1};
  std::int64_t value = 0;
};

// Bidragshushåll: cases with a biståndsmånad.
struct HouseholdFigures {
  std::vector<MonthValue> per_month;  // every month of the period, in order
  std::int64_t distinct = 0;          // cases with a biståndsmånad in the period
  std::int64_t household_months = 0;  // biståndsmånader: the sum of per_month
  std::int64_t with_children = 0;     // distinct cases with a child in one of their biståndsmånader
  Fraction average;                   // household_months / months of the period
};

// Distinct persons in the bidragshushåll of the period. A person who was an adult (applicant or
// partner) in any of them counts as an adult, otherwise as a child. Sex from the pnr.
struct PersonFigures {
  std::int64_t adults = 0, women = 0, men = 0;
  std::int64_t children = 0, girls = 0, boys = 0;
  std::int64_t children_single_parent = 0, girls_single_parent = 0, boys_single_parent = 0;  // with one adult
  std::int64_t young = 0, young_women = 0, young_men = 0;  // 18–24 years on the period's last day, any role

  std::int64_t persons() const { return adults + children; }
  std::int64_t female() const { return women + girls; }
  std::int64_t male() const { return men + boys; }
};

// Utbetalt försörjningsstöd and medelbidrag (Stockholm's definition, rules-reference.md §6).
struct MoneyFigures {
  Money paid;                         // for the months of the period
  std::vector<MonthValue> per_month;  // öre
  // paid ÷ biståndsmånader and paid ÷ distinct households, to the öre (half away from zero);
  // nothing when there is no household.
  std::optional<Money> per_household_month;
  std::optional<Money> per_household_year;
  std::vector<std::optional<Money>> medelbidrag_per_month;  // per_month ÷ that month's households
};

// Långvarigt bistånd: adults who were adults in a bidragshushåll in at least `min_months`
// months of `window`.
struct LongTermFigures {
  period::MonthRange window{{2000, 1}, {2000, 1}};
  int min_months = 10;
  std::int64_t adults = 0, women = 0, men = 0;
};

// One försörjningshinder code in the period's last month.
struct HinderFigure {
  std::string code;             // "" for adults without a recorded hinder
  std::int64_t adults = 0;      // adults in bidragshushåll with this code
  std::int64_t households = 0;  // bidragshushåll with an adult with this code
  Fraction share;               // adults / all adults that month
  Fraction household_share;     // households / all bidragshushåll that month
};
struct HinderFigures {
  period::Month month{2000, 1};  // the period's last month
  std::int64_t adults = 0;
  std::int64_t households = 0;
  std::vector<HinderFigure> codes;  // the config's codes in its order, then others by code, "" last
};

// Of the adults with a hinder in the period, those whose case was closed in the period with a
// reason that counts as egen eller annan försörjning and was still closed at its end.
struct HinderSupport {
  std::string code;
  std::int64_t persons = 0, women = 0, men = 0;
  std::int64_t supported = 0, supported_women = 0, supported_men = 0;
};

// Handläggningstid of the applications whose first decision falls in the period, in Swedish
// working days by the config's convention, from the day the application became complete (the
// arrival day when not recorded).
struct HandlingFigures {
  HandlingConvention convention;
  std::int64_t decided = 0;             // measured
  std::int64_t not_measured = 0;        // decided before the day they arrived (a data error)
  std::optional<Fraction> median_days;  // n/1 or n/2
  std::int64_t within_target = 0;
  std::int64_t within_5 = 0;
  std::vector<std::int64_t> distribution;  // [d] = decisions that took d days

  Fraction within_target_share() const { return {within_target, decided}; }
  Fraction within_5_share() const { return {within_5, decided}; }
};

// The applications whose first decision falls in the period, by the kind of their current decision.
struct DecisionFigures {
  std::int64_t bifall = 0, delbifall = 0, avslag = 0;

  std::int64_t total() const { return bifall + delbifall + avslag; }
  Fraction avslag_share() const { return {avslag, total()}; }
};

struct ClosureFigures {
  std::array<std::int64_t, 6> by_reason{};  // in the order of k_closure_reasons
  std::int64_t reopened = 0;                // closures reopened in the period

  std::int64_t total() const;
  std::int64_t count(ClosureReason r) const { return by_reason[static_cast<std::size_t>(r)]; }
};

// Persons and families without stable housing (homeless or in temporary housing) in one of
// the period's biståndsmånader.
struct HousingFigures {
  std::int64_t homeless = 0, homeless_women = 0, homeless_men = 0;  // adults
  std::int64_t homeless_children = 0;
  std::int64_t families_unstable = 0;  // cases with children
};

// Internal control (internkontroll).
struct ControlFigures {
  // Avslag and delbifall in households with children decided in the period, and those whose
  // current decision carries a barnkonsekvensanalys (decisions.md).
  std::int64_t child_decisions = 0;
  std::int64_t with_child_impact = 0;
  // Bidragshushåll in the period's last month, and those whose arbetsplan was made or renewed
  // in the `arbetsplan_months` months ending with it; no share without the config's window.
  std::optional<int> arbetsplan_months;
  std::int64_t cases = 0;
  std::int64_t with_current_plan = 0;

  Fraction child_impact_share() const { return {with_child_impact, child_decisions}; }
  Fraction arbetsplan_share() const;
};

// FUT work in the period, by the date of each event.
struct FutFigures {
  bool available = false;  // false: the store has no FUT data; every count is 0
  std::int64_t flags_raised = 0;
  std::int64_t closed_no_error = 0, closed_error = 0, closed_crime = 0;
  std::int64_t claims_raised = 0;
  Money claimed;
  Money repaid;
  std::int64_t police_reports = 0;
};

struct UnitFigures {
  period::MonthRange period{{2000, 1}, {2000, 1}};
  HouseholdFigures households;
  PersonFigures persons;
  MoneyFigures money;
  LongTermFigures long_term;
  HinderFigures hinder;
  std::vector<HinderSupport> hinder_support;
  HandlingFigures handling;
  DecisionFigures decisions;
  ClosureFigures closures;
  HousingFigures housing;
  ControlFigures control;
  FutFigures fut;
};

// ---- The budget follow-up ----

// How a prognos helår was made (man/eb-report.1, PROGNOSIS):
//   outcome           the period ends in December: the year's outcome
//   last_year_profile the year-to-date outcome × last year's total ÷ last year's outcome for
//                     the same months (last year's profile for the remaining months)
//   run_rate          the year-to-date outcome × 12 ÷ the months it covers (no last year)
//   none              no month of the year in the store
enum class PrognosisMethod { outcome, last_year_profile, run_rate, none };
std::string_view prognosis_method_name(PrognosisMethod m);

struct Prognosis {
  PrognosisMethod method = PrognosisMethod::none;
  std::optional<Money> amount;     // the prognosis for the whole year
  period::Month through{2000, 1};  // the last month of outcome it rests on
};

// Prognossäkerhet: the prognosis made at T2 against the year's outcome.
struct PrognosisAccuracy {
  Prognosis t2;
  Money outcome;                      // the year's outcome
  Money difference;                   // outcome − T2 prognosis
  std::optional<Fraction> of_budget;  // difference ÷ the year's budget (öre over öre)
};

// Försörjningsstöd: utfall, budget and avvikelse, as the seeds' table (amounts exact in öre;
// the text shows tkr). Avvikelse = budget − utfall: negative is an overspend, as in the seeds.
struct BudgetFollowUp {
  int year = 0;  // the period's last year
  Money outcome;
  std::optional<Money> budget;     // for the period: each year's budget × its months in the period ÷ 12
  std::optional<Money> deviation;  // budget − outcome
  Prognosis prognosis;
  std::optional<Money> budget_year;
  std::optional<Money> deviation_year;        // budget_year − prognosis
  std::string budget_missing;                 // why there is no budget ("" when there is)
  std::optional<PrognosisAccuracy> accuracy;  // once the year has ended, for a period ending in December
  std::string accuracy_missing;
};

// ---- The indicator table ----

// One cell: a value, or why there is none.
struct Cell {
  std::optional<Fraction> value;  // a share, or a count as n/1
  std::string missing;            // Swedish, e.g. "befolkning för 2026 saknas i konfigurationen"
};

struct IndicatorRow {
  IndicatorId id;
  std::string name;  // Swedish, as in the seeds
  bool share = true;
  bool sex_split = false;
  Cell outcome;                     // periodens utfall
  Cell men, women;                  // utfall män/pojkar, utfall kvinnor/flickor (when sex_split)
  Cell year_before;                 // the same period the year before
  Cell prognosis;                   // prognos helår
  std::optional<Target> target;     // årsmål
  std::optional<Target> kf_target;  // KF:s årsmål
};

// ---- The report ----

struct ReportSetup {
  period::MonthRange period{{2000, 1}, {2000, 1}};
  period::Date today{1970, 1, 1};
  // The first month the store holds an application for; nothing for an empty store. Figures
  // for months before it ("the year before", last year's profile) are "no data".
  std::optional<period::Month> data_from;
  ReportConfig config;
};

struct UnitReport {
  period::MonthRange period{{2000, 1}, {2000, 1}};
  period::Date today{1970, 1, 1};
  std::optional<period::Month> data_from;
  bool preliminary = false;  // the period has not ended by today
  ReportConfig config;
  UnitFigures figures;
  std::optional<UnitFigures> year_before;  // the same period a year earlier, when the store holds it
  std::string year_before_missing;
  BudgetFollowUp budget;
  std::vector<IndicatorRow> indicators;  // in the order of the seeds' tables
  std::vector<std::string> notes;        // Swedish, for the report's header
};

// The longest period a report covers, in months.
inline constexpr int k_max_report_months = 36;

// The months the store must deliver rows for, for a report of `period`: the period, the same
// period a year earlier, last year from January (the prognosis' profile) and the long-term
// windows. Throws InputError naming "--period" when the period is longer than 36 months.
period::MonthRange input_months(const period::MonthRange& period);

// Accumulates the rows of a report. Rows for months outside input_months() are ignored, so a
// store may deliver more. Not thread-safe; add() in any order gives the same figures.
class UnitReportFold {
 public:
  // Throws InputError as input_months() does.
  explicit UnitReportFold(ReportSetup setup);
  ~UnitReportFold();
  UnitReportFold(UnitReportFold&&) noexcept;
  UnitReportFold& operator=(UnitReportFold&&) noexcept;

  const period::MonthRange& input() const;
  const ReportSetup& setup() const;

  // Throws std::invalid_argument for a negative `paid` or a second row for the same case and
  // month with money (the store merges a month's applications into one row).
  void add(const HouseholdMonthRow& row);
  void add(const DecidedApplicationRow& row);
  // A case may come in several rows; their closures and arbetsplan dates are joined.
  void add(const CaseRow& row);
  void add(const FutEventRow& row);
  // The store has FUT data (fut-check exists): the FUT section shows its figures.
  void set_fut_available();

  // The figures of `range`, which must lie within input(). Throws std::invalid_argument otherwise.
  UnitFigures figures(const period::MonthRange& range) const;
  // Paid for the months of `range` (within input()).
  Money paid(const period::MonthRange& range) const;
  // The whole report: figures, the year before, the indicators, the budget and the notes.
  UnitReport finish() const;

 private:
  struct State;
  std::unique_ptr<State> m;
};

// The Swedish label of a period: "T2 2026", "2026", "mars 2026", "januari–juni 2026",
// "november 2025–februari 2026".
std::string period_label(const period::MonthRange& period);
// The Swedish name of a month: "januari" … "december".
std::string_view month_name_sv(int month);

}  // namespace eb::report
