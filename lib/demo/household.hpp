// SPDX-License-Identifier: MIT
// One synthetic household over the months: who is in it, what it earns and pays, and its
// application and register rows for a month. The generator (generator.cpp) drives it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "demo/registers.hpp"
#include "demo/rng.hpp"
#include "demo/shape.hpp"
#include "demo/synthetic.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::demo {

// Everyone the district ever had: the population register at the end.
struct Person {
  person::Personnummer pnr;
  std::string name;
  std::string address;
  std::optional<period::Date> deceased_on;
};

// What an adult lives on besides försörjningsstöd.
enum class Benefit {
  none,
  aktivitetsstod,
  a_kassa,
  etableringsersattning,
  sjukpenning,
  sjukersattning,
  aktivitetsersattning,
  foraldrapenning,
  salary,
};

struct Adult {
  std::size_t person = 0;
  assess::Role role = assess::Role::applicant;
  std::string hinder;
  Livelihood livelihood = Livelihood::unemployed;
  Benefit benefit = Benefit::none;
  int rate = 0;                             // kr a day for daily benefits, kr a month otherwise
  period::Month assistance_since{2000, 1};  // first month of the unbroken run of försörjningsstöd
  std::optional<period::Month> stimulus_start;
  bool union_member = false;
  bool travel_card = false;
};

struct Child {
  std::size_t person = 0;
  bool preschool = false;    // at förskola (lunch there) while aged 1–5
  bool alternating = false;  // växelvis boende: 15 days a month here
  money::Money norm_raise;
  std::string norm_raise_reason;
  int summer_job_year = 0;  // a feriejobb in June–August of this year …
  int summer_job = 0;       // … paying this many kr a month
  int earned_year = 0;      // salary earned in the applications of this calendar year …
  money::Money earned;      // … before the current month
  money::Money earned_now;  // salary in the current month's application
};

enum class ExitReason { undecided, work, studies, benefit, moved, other, death };

// One income of the current month, as declared and as the register has it.
struct MonthIncome {
  std::size_t person = 0;  // the member it is declared for, and whom the register shows it paid to
  assess::IncomeKind kind = assess::IncomeKind::salary;
  money::Money declared;
  money::Money registered;  // equals declared, or up to 100 kr more (rounded down by the applicant)
  std::string note;
};

struct MonthCost {
  assess::CostKind kind = assess::CostKind::rent;
  money::Money applied;
  std::string note;
  bool second_hand = false;
};

struct Household {
  std::uint64_t key = 0;  // place × 128 + its number at the place: unique
  int slot = 0;
  int seq = 0;
  std::string id;
  bool core = false;
  period::Month start{2000, 1};
  period::Month end{2000, 1};  // the last month with an application
  int prior_months = 0;        // months with försörjningsstöd before `start` (the core's history)
  std::string address;
  std::string account;
  int housemates = 0;
  bool second_hand = false;
  int rent = 0;  // kr, at the current price level
  int electricity = 0;
  int insurance = 0;
  int akassa_fee = 0;
  int union_fee = 0;
  int childcare = 0;
  bool underhallsstod = false;
  int bostadsbidrag = 0;
  std::vector<Adult> adults;
  std::vector<Child> children;
  bool used = false;  // taken by a planted error or edge: never by another
  ExitReason exit = ExitReason::undecided;
  Rng rng{0};

  // The current month, set by advance_household.
  period::Date received{2000, 1, 1};
  std::vector<MonthIncome> incomes;
  std::vector<MonthCost> costs;

  bool is_one_person() const { return adults.size() == 1 && children.empty(); }
};

// The calendar facts of one month that every household shares.
struct MonthContext {
  period::Month month{2000, 1};
  std::int64_t price_ppm = 1'000'000;  // the price level against DistrictShape::price_year
  int working_days = 21;               // days paid by aktivitetsstöd, a-kassa, etablering
  int calendar_days = 30;              // days paid by sjukpenning and föräldrapenning
  period::Date paid_fk{2000, 1, 25};
  period::Date paid_barnbidrag{2000, 1, 20};
  period::Date paid_skv{2000, 1, 25};
  period::Date paid_csn{2000, 1, 25};
  period::Date paid_akassa{2000, 1, 18};
  period::Date paid_pm{2000, 1, 19};
};
MonthContext month_context(period::Month month, const DistrictShape& shape);
// The day the register shows an income of `kind` paid in the month of `c`.
period::Date paid_on(assess::IncomeKind kind, const MonthContext& c);
// `kr` at 2026 levels scaled to the price level `price_ppm`, whole kronor.
int at_price(int kr, std::int64_t price_ppm);

// What kind of household to make.
enum class HouseholdType { single_adult, single_parent, couple, couple_with_children };

// Everything create_household needs besides the household's own random stream.
struct Creation {
  period::Month month{2000, 1};
  int months_left = 1;   // months of the window from `month` on
  bool initial = false;  // in the first month: already on bistånd before the window
  bool core = false;
  std::optional<HouseholdType> type;  // forced type, else drawn from the shape
  std::optional<int> spell;           // forced length in months, else drawn
  std::uint64_t dwelling = 0;
  bool dwelling_given = false;  // `dwelling` is set (a flat shared by several cases)
  std::uint64_t seed = 0;
};

// A new household at its place, its members added to `people` and `pnrs`.
Household create_household(int slot, int seq, const Creation& c, const DistrictShape& shape,
                           std::vector<Person>& people, PersonnummerPool& pnrs);

// Moves `h` to the month of `c`: children grow up and leave, benefits start and stop, the
// month's incomes, costs and arrival date are drawn.
void advance_household(Household& h, const MonthContext& c, const std::vector<Person>& people);

// The household's application for the month and the register rows behind its incomes.
struct CaseMonth {
  assess::Application app;
  std::vector<IncomeRow> rows;
};
CaseMonth build_case(const Household& h, const MonthContext& c, const std::vector<Person>& people);

}  // namespace eb::demo
