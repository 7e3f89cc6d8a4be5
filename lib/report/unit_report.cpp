// SPDX-License-Identifier: MIT
#include "report/unit_report.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "common/error.hpp"
#include "period/working_days.hpp"

namespace eb::report {

namespace {

using period::Date;
using period::Month;
using period::MonthRange;

// Months are bits of a 64-bit mask, counted from the first month of the input.
using Mask = std::uint64_t;
constexpr int k_max_span = 64;

int age_on(Date birth, Date day) {
  int years = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --years;
  return years;
}

std::size_t kind_index(decide::Kind k) {
  return static_cast<std::size_t>(k);
}

struct PersonAcc {
  person::Sex sex = person::Sex::woman;
  Date birth{1970, 1, 1};
  Mask adult = 0;                                       // months as an adult in a bidragshushåll
  Mask child = 0;                                       // months as a child in a bidragshushåll
  Mask child_single = 0;                                // months as a child in a bidragshushåll with one adult
  Mask unstable = 0;                                    // months in a bidragshushåll without stable housing
  std::vector<std::pair<std::uint16_t, Mask>> hinders;  // hinder code index → months as an adult with it
  std::vector<std::pair<std::int64_t, Mask>> cases;     // case → months in it (adult)
};

struct CaseAcc {
  Mask months = 0;             // biståndsmånader
  Mask seen = 0;               // months with a row that had money (duplicates are refused)
  Mask with_children = 0;      // biståndsmånader with a child
  Mask unstable_children = 0;  // biståndsmånader with a child and without stable housing
  std::vector<Closure> closures;
  std::vector<Date> arbetsplan;
};

template <class T>
void add_at(std::vector<std::vector<T>>& rows, std::size_t row, std::size_t col, T v) {
  if (rows.size() <= row) rows.resize(row + 1);
  if (rows[row].size() <= col) rows[row].resize(col + 1);
  rows[row][col] += v;
}

}  // namespace

struct UnitReportFold::State {
  ReportSetup setup;
  MonthRange input{{2000, 1}, {2000, 1}};
  int span = 0;
  bool fut = false;

  std::vector<std::int64_t> households, paid;
  std::vector<std::int64_t> adults;  // adult memberships in bidragshushåll per month
  std::vector<std::string> codes;    // hinder codes seen (index = position)
  std::vector<std::vector<std::int64_t>> hinder_adults, hinder_households;  // [code][month]
  std::vector<std::array<std::int64_t, 3>> decisions;                       // [month][kind]
  std::vector<std::vector<std::int64_t>> handling;                          // [month][days]
  std::vector<std::int64_t> not_measured, child_decisions, child_impact;
  std::vector<std::array<std::int64_t, 6>> closures;  // [month][reason]
  std::vector<std::int64_t> reopened;
  std::vector<std::array<std::int64_t, 7>> fut_counts;  // [month][kind]
  std::vector<std::array<std::int64_t, 7>> fut_amounts;
  std::unordered_map<std::int64_t, PersonAcc> persons;
  std::unordered_map<std::int64_t, CaseAcc> cases;
  // Working days of the input and the months before it (arrivals precede decisions), counted once.
  std::optional<period::WorkingDayCounter> workdays;

  // The month's index in the input, or -1 outside it.
  int index(Month m) const {
    if (!input.contains(m)) return -1;
    return m.months_since(input.first);
  }
  Mask mask_of(const MonthRange& r) const {
    const int a = r.first.months_since(input.first);
    const int b = r.last.months_since(input.first);
    const Mask upto = b >= 63 ? ~Mask{0} : ((Mask{1} << (b + 1)) - 1);
    return upto & ~((Mask{1} << a) - 1);
  }
  std::uint16_t code_index(const std::string& code) {
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (codes[i] == code) return static_cast<std::uint16_t>(i);
    }
    codes.push_back(code);
    return static_cast<std::uint16_t>(codes.size() - 1);
  }
  void check(const MonthRange& r) const {
    if (!input.contains(r.first) || !input.contains(r.last) || r.last < r.first) {
      throw std::invalid_argument("UnitReportFold: " + r.to_string() + " is outside the input " + input.to_string());
    }
  }
  int handling_days(const DecidedApplicationRow& row) const;
  LongTermFigures long_term(const MonthRange& r) const;
};

std::map<std::pair<std::int64_t, Month>, Money> net_paid_by_month(const std::vector<PaymentRow>& payments) {
  std::map<std::pair<std::int64_t, Month>, Money> out;
  for (const PaymentRow& p : payments) {
    if (!p.sent || p.returned) continue;
    out[{p.case_id, p.month}] += p.amount;
  }
  return out;
}

MonthRange input_months(const MonthRange& period) {
  if (period.month_count() > k_max_report_months) {
    throw InputError(
        "--period", period.to_string(),
        "is longer than " + std::to_string(k_max_report_months) + " months (a report covers at most that)");
  }
  const Month last = period.last;
  Month first = period.first.plus(-12);                // the same period a year earlier
  first = std::min(first, last.plus(-23));             // the long-term window of the year before
  first = std::min(first, Month(last.year() - 1, 1));  // last year's profile
  return {first, last};
}

UnitReportFold::UnitReportFold(ReportSetup setup) : m(std::make_unique<State>()) {
  m->input = input_months(setup.period);
  m->setup = std::move(setup);
  m->span = m->input.month_count();
  if (m->span > k_max_span) throw std::logic_error("UnitReportFold: input span over 64 months");
  const auto n = static_cast<std::size_t>(m->span);
  m->households.assign(n, 0);
  m->paid.assign(n, 0);
  m->adults.assign(n, 0);
  m->decisions.assign(n, {});
  m->handling.assign(n, {});
  m->not_measured.assign(n, 0);
  m->child_decisions.assign(n, 0);
  m->child_impact.assign(n, 0);
  m->closures.assign(n, {});
  m->reopened.assign(n, 0);
  m->fut_counts.assign(n, {});
  m->fut_amounts.assign(n, {});
  for (const auto& [code, label] : m->setup.config.hinder) m->code_index(code);
  m->workdays.emplace(m->input.first.plus(-3).first_day(), m->input.last.last_day());
}

UnitReportFold::~UnitReportFold() = default;
UnitReportFold::UnitReportFold(UnitReportFold&&) noexcept = default;
UnitReportFold& UnitReportFold::operator=(UnitReportFold&&) noexcept = default;

const MonthRange& UnitReportFold::input() const {
  return m->input;
}

const ReportSetup& UnitReportFold::setup() const {
  return m->setup;
}

void UnitReportFold::add(const HouseholdMonthRow& row) {
  if (row.paid.is_negative()) {
    throw std::invalid_argument("UnitReportFold: case " + std::to_string(row.case_id) + " " + row.month.to_string() +
                                " has a negative net payment");
  }
  const int i = m->index(row.month);
  if (i < 0 || row.paid.is_zero()) return;  // outside the input, or no bistånd that month
  const Mask bit = Mask{1} << i;
  CaseAcc& c = m->cases[row.case_id];
  if (c.seen & bit) {
    throw std::invalid_argument("UnitReportFold: case " + std::to_string(row.case_id) + " " + row.month.to_string() +
                                " came twice");
  }
  c.seen |= bit;
  c.months |= bit;
  const auto ix = static_cast<std::size_t>(i);
  ++m->households[ix];
  m->paid[ix] += row.paid.ore();

  int adults = 0;
  int children = 0;
  for (const auto& p : row.members) (p.adult ? adults : children) += 1;
  const bool unstable = row.housing && assess::lacks_stable_housing(*row.housing);
  if (children > 0) {
    c.with_children |= bit;
    if (unstable) c.unstable_children |= bit;
  }
  std::vector<std::uint16_t> household_codes;
  for (const auto& p : row.members) {
    auto [it, fresh] = m->persons.try_emplace(p.person_id);
    PersonAcc& a = it->second;
    if (fresh) {
      a.sex = p.sex;
      a.birth = p.birth_date;
    }
    if (unstable) a.unstable |= bit;
    if (!p.adult) {
      a.child |= bit;
      if (adults == 1) a.child_single |= bit;
      continue;
    }
    a.adult |= bit;
    ++m->adults[ix];
    const std::uint16_t code = m->code_index(p.hinder);
    add_at(m->hinder_adults, code, ix, std::int64_t{1});
    if (std::find(household_codes.begin(), household_codes.end(), code) == household_codes.end()) {
      household_codes.push_back(code);
      add_at(m->hinder_households, code, ix, std::int64_t{1});
    }
    if (!p.hinder.empty()) {
      auto h = std::find_if(a.hinders.begin(), a.hinders.end(), [&](const auto& e) { return e.first == code; });
      if (h == a.hinders.end()) {
        a.hinders.emplace_back(code, bit);
      } else {
        h->second |= bit;
      }
    }
    auto k = std::find_if(a.cases.begin(), a.cases.end(), [&](const auto& e) { return e.first == row.case_id; });
    if (k == a.cases.end()) {
      a.cases.emplace_back(row.case_id, bit);
    } else {
      k->second |= bit;
    }
  }
}

int UnitReportFold::State::handling_days(const DecidedApplicationRow& row) const {
  Date start = row.arrived;
  if (row.complete && *row.complete > start && *row.complete <= row.first_decided) start = *row.complete;
  if (setup.config.handling.count == HandlingCount::after_arrival) {
    if (row.first_decided == start) return 0;
    start = start.plus_days(1);
  }
  return workdays->between(start, row.first_decided);
}

void UnitReportFold::add(const DecidedApplicationRow& row) {
  const int i = m->index(period::month_of(row.first_decided));
  if (i < 0) return;
  const auto ix = static_cast<std::size_t>(i);
  ++m->decisions[ix][kind_index(row.kind)];
  if (row.first_decided < row.arrived) {
    ++m->not_measured[ix];
  } else {
    add_at(m->handling, ix, static_cast<std::size_t>(m->handling_days(row)), std::int64_t{1});
  }
  if (row.children && row.kind != decide::Kind::bifall) {
    ++m->child_decisions[ix];
    if (row.child_impact) ++m->child_impact[ix];
  }
}

void UnitReportFold::add(const CaseRow& row) {
  CaseAcc& c = m->cases[row.case_id];
  c.closures.insert(c.closures.end(), row.closures.begin(), row.closures.end());
  c.arbetsplan.insert(c.arbetsplan.end(), row.arbetsplan.begin(), row.arbetsplan.end());
  for (const auto& closure : row.closures) {
    const int i = m->index(period::month_of(closure.closed_on));
    if (i >= 0) ++m->closures[static_cast<std::size_t>(i)][static_cast<std::size_t>(closure.reason)];
    if (closure.reopened_on) {
      const int j = m->index(period::month_of(*closure.reopened_on));
      if (j >= 0) ++m->reopened[static_cast<std::size_t>(j)];
    }
  }
}

void UnitReportFold::add(const FutEventRow& row) {
  const int i = m->index(period::month_of(row.on));
  if (i < 0) return;
  const auto k = static_cast<std::size_t>(row.kind);
  ++m->fut_counts[static_cast<std::size_t>(i)][k];
  m->fut_amounts[static_cast<std::size_t>(i)][k] += row.amount.ore();
}

void UnitReportFold::set_fut_available() {
  m->fut = true;
}

Money UnitReportFold::paid(const MonthRange& range) const {
  m->check(range);
  std::int64_t sum = 0;
  for (Month mo = range.first; mo <= range.last; mo = mo.plus(1))
    sum += m->paid[static_cast<std::size_t>(m->index(mo))];
  return Money::from_ore(sum);
}

LongTermFigures UnitReportFold::State::long_term(const MonthRange& r) const {
  LongTermFigures lt;
  lt.min_months = setup.config.long_term_min_months;
  const Month first =
      setup.config.long_term_window == LongTermWindow::rolling_12 ? r.last.plus(-11) : Month(r.last.year(), 1);
  lt.window = {first, r.last};
  const MonthRange clipped{std::max(first, input.first), r.last};
  const Mask w = mask_of(clipped);
  for (const auto& [id, p] : persons) {
    if (std::popcount(p.adult & w) < lt.min_months) continue;
    ++lt.adults;
    ++(p.sex == person::Sex::woman ? lt.women : lt.men);
  }
  return lt;
}

UnitFigures UnitReportFold::figures(const MonthRange& r) const {
  m->check(r);
  const State& s = *m;
  UnitFigures f;
  f.period = r;
  const Mask mask = s.mask_of(r);
  const auto last = static_cast<std::size_t>(s.index(r.last));
  const Mask last_bit = Mask{1} << last;

  // Households and money, month by month.
  for (Month mo = r.first; mo <= r.last; mo = mo.plus(1)) {
    const auto ix = static_cast<std::size_t>(s.index(mo));
    f.households.per_month.push_back({mo, s.households[ix]});
    f.households.household_months += s.households[ix];
    f.money.per_month.push_back({mo, s.paid[ix]});
    f.money.paid += Money::from_ore(s.paid[ix]);
    f.money.medelbidrag_per_month.push_back(
        s.households[ix] == 0
            ? std::nullopt
            : std::optional<Money>(
                  Money::from_ore(s.paid[ix]).scaled(1, s.households[ix], money::Rounding::ore_half_up)));
  }
  f.households.average = {f.households.household_months, r.month_count()};
  for (const auto& [id, c] : s.cases) {
    if (c.months & mask) ++f.households.distinct;
    if (c.with_children & mask) ++f.households.with_children;
    if (c.unstable_children & mask) ++f.housing.families_unstable;
  }
  if (f.households.household_months > 0) {
    f.money.per_household_month = f.money.paid.scaled(1, f.households.household_months, money::Rounding::ore_half_up);
    f.money.per_household_year = f.money.paid.scaled(1, f.households.distinct, money::Rounding::ore_half_up);
  }

  // Persons.
  const Date end = r.last.last_day();
  PersonFigures& p = f.persons;
  std::vector<HinderSupport> support(s.codes.size());
  for (const auto& [id, a] : s.persons) {
    const bool woman = a.sex == person::Sex::woman;
    const bool adult = (a.adult & mask) != 0;
    const bool child = !adult && (a.child & mask) != 0;
    if (!adult && !child) continue;
    if (adult) {
      ++p.adults;
      ++(woman ? p.women : p.men);
    } else {
      ++p.children;
      ++(woman ? p.girls : p.boys);
      if (a.child_single & mask) {
        ++p.children_single_parent;
        ++(woman ? p.girls_single_parent : p.boys_single_parent);
      }
    }
    const int age = age_on(a.birth, end);
    if (age >= 18 && age <= 24) {
      ++p.young;
      ++(woman ? p.young_women : p.young_men);
    }
    if (a.unstable & mask) {
      if (adult) {
        ++f.housing.homeless;
        ++(woman ? f.housing.homeless_women : f.housing.homeless_men);
      } else {
        ++f.housing.homeless_children;
      }
    }
    // Hinder → egen eller annan försörjning: the case of the person's last month in the period.
    bool supported_checked = false;
    bool supported = false;
    for (const auto& [code, months] : a.hinders) {
      if ((months & mask) == 0) continue;
      HinderSupport& h = support[code];
      ++h.persons;
      ++(woman ? h.women : h.men);
      if (!supported_checked) {
        supported_checked = true;
        std::int64_t case_id = 0;
        int latest = -1;
        for (const auto& [cid, cm] : a.cases) {
          const Mask in = cm & mask;
          if (in == 0) continue;
          const int top = 63 - std::countl_zero(in);
          if (top > latest) {
            latest = top;
            case_id = cid;
          }
        }
        const auto it = s.cases.find(case_id);
        if (latest >= 0 && it != s.cases.end()) {
          for (const auto& cl : it->second.closures) {
            if (r.contains(period::month_of(cl.closed_on)) && s.setup.config.counts_as_support(cl.reason) &&
                (!cl.reopened_on || *cl.reopened_on > end)) {
              supported = true;
            }
          }
        }
      }
      if (supported) {
        ++h.supported;
        ++(woman ? h.supported_women : h.supported_men);
      }
    }
  }
  // The config's codes, then the others that some adult had in the period.
  for (std::size_t i = 0; i < s.codes.size(); ++i) {
    if (s.codes[i].empty() || (i >= s.setup.config.hinder.size() && support[i].persons == 0)) continue;
    support[i].code = s.codes[i];
    f.hinder_support.push_back(support[i]);
  }
  const auto configured_support =
      static_cast<std::ptrdiff_t>(std::min(s.setup.config.hinder.size(), f.hinder_support.size()));
  std::sort(f.hinder_support.begin() + configured_support, f.hinder_support.end(),
            [](const HinderSupport& a, const HinderSupport& b) { return a.code < b.code; });
  f.long_term = s.long_term(r);

  // Försörjningshinder in the last month: the config's codes first, then the others by code.
  f.hinder.month = r.last;
  f.hinder.adults = s.adults[last];
  f.hinder.households = s.households[last];
  const auto at = [&](const std::vector<std::vector<std::int64_t>>& rows, std::size_t code) -> std::int64_t {
    return code < rows.size() && last < rows[code].size() ? rows[code][last] : 0;
  };
  std::vector<std::size_t> order;
  const std::size_t configured = s.setup.config.hinder.size();
  for (std::size_t i = 0; i < s.codes.size(); ++i) {
    if (i < configured || (at(s.hinder_adults, i) > 0 && !s.codes[i].empty())) order.push_back(i);
  }
  std::sort(order.begin() + static_cast<std::ptrdiff_t>(std::min(configured, order.size())), order.end(),
            [&](std::size_t a, std::size_t b) { return s.codes[a] < s.codes[b]; });
  for (std::size_t i = 0; i < s.codes.size(); ++i) {
    if (s.codes[i].empty() && at(s.hinder_adults, i) > 0) order.push_back(i);
  }
  for (const std::size_t i : order) {
    HinderFigure h;
    h.code = s.codes[i];
    h.adults = at(s.hinder_adults, i);
    h.households = at(s.hinder_households, i);
    h.share = {h.adults, f.hinder.adults};
    h.household_share = {h.households, f.hinder.households};
    f.hinder.codes.push_back(std::move(h));
  }

  // Decisions, handläggningstid and internal control, by the month of the first decision.
  f.handling.convention = s.setup.config.handling;
  for (Month mo = r.first; mo <= r.last; mo = mo.plus(1)) {
    const auto ix = static_cast<std::size_t>(s.index(mo));
    f.decisions.bifall += s.decisions[ix][kind_index(decide::Kind::bifall)];
    f.decisions.delbifall += s.decisions[ix][kind_index(decide::Kind::delbifall)];
    f.decisions.avslag += s.decisions[ix][kind_index(decide::Kind::avslag)];
    f.handling.not_measured += s.not_measured[ix];
    const auto& h = s.handling[ix];
    if (f.handling.distribution.size() < h.size()) f.handling.distribution.resize(h.size());
    for (std::size_t d = 0; d < h.size(); ++d) f.handling.distribution[d] += h[d];
    f.control.child_decisions += s.child_decisions[ix];
    f.control.with_child_impact += s.child_impact[ix];
    for (std::size_t k = 0; k < 6; ++k) f.closures.by_reason[k] += s.closures[ix][k];
    f.closures.reopened += s.reopened[ix];
    const auto& fc = s.fut_counts[ix];
    const auto& fa = s.fut_amounts[ix];
    f.fut.flags_raised += fc[static_cast<std::size_t>(FutEventKind::flag_raised)];
    f.fut.closed_no_error += fc[static_cast<std::size_t>(FutEventKind::flag_closed_no_error)];
    f.fut.closed_error += fc[static_cast<std::size_t>(FutEventKind::flag_closed_error)];
    f.fut.closed_crime += fc[static_cast<std::size_t>(FutEventKind::flag_closed_crime)];
    f.fut.claims_raised += fc[static_cast<std::size_t>(FutEventKind::claim_raised)];
    f.fut.claimed += Money::from_ore(fa[static_cast<std::size_t>(FutEventKind::claim_raised)]);
    f.fut.repaid += Money::from_ore(fa[static_cast<std::size_t>(FutEventKind::claim_repaid)]);
    f.fut.police_reports += fc[static_cast<std::size_t>(FutEventKind::police_report)];
  }
  f.fut.available = s.fut;
  const int target = f.handling.convention.target_days;
  std::int64_t n = 0;
  for (std::size_t d = 0; d < f.handling.distribution.size(); ++d) {
    const std::int64_t k = f.handling.distribution[d];
    n += k;
    if (static_cast<int>(d) <= target) f.handling.within_target += k;
    if (d <= 5) f.handling.within_5 += k;
  }
  f.handling.decided = n;
  if (n > 0) {
    // The median of the sorted days: the middle one, or the mean of the two middle ones.
    const auto nth = [&](std::int64_t k) {
      std::int64_t seen = 0;
      for (std::size_t d = 0; d < f.handling.distribution.size(); ++d) {
        seen += f.handling.distribution[d];
        if (seen > k) return static_cast<std::int64_t>(d);
      }
      return std::int64_t{0};
    };
    const std::int64_t a = nth((n - 1) / 2);
    const std::int64_t b = nth(n / 2);
    f.handling.median_days = (a + b) % 2 == 0 ? Fraction{(a + b) / 2, 1} : Fraction{a + b, 2};
  }

  // Arbetsplan: bidragshushåll in the last month with a plan made or renewed in the window.
  f.control.arbetsplan_months = s.setup.config.arbetsplan_months;
  for (const auto& [id, c] : s.cases) {
    if ((c.months & last_bit) == 0) continue;
    ++f.control.cases;
    if (!f.control.arbetsplan_months) continue;
    const Month from = r.last.plus(-(*f.control.arbetsplan_months - 1));
    std::optional<Date> latest;
    for (const Date d : c.arbetsplan) {
      if (d <= end && (!latest || d > *latest)) latest = d;
    }
    if (latest && period::month_of(*latest) >= from) ++f.control.with_current_plan;
  }
  return f;
}

std::int64_t ClosureFigures::total() const {
  std::int64_t sum = 0;
  for (const auto v : by_reason) sum += v;
  return sum;
}

Fraction ControlFigures::arbetsplan_share() const {
  if (!arbetsplan_months) return {};
  return {with_current_plan, cases};
}

std::string_view month_name_sv(int month) {
  static constexpr std::array<std::string_view, 12> k_names{"januari",   "februari", "mars",     "april",
                                                            "maj",       "juni",     "juli",     "augusti",
                                                            "september", "oktober",  "november", "december"};
  if (month < 1 || month > 12) throw std::out_of_range("month_name_sv: " + std::to_string(month));
  return k_names[static_cast<std::size_t>(month - 1)];
}

std::string period_label(const MonthRange& p) {
  const int y = p.last.year();
  const std::string year = std::to_string(y);
  if (p.first == Month(y, 1) && p.last.year() == y) {
    if (p.last.month() == 12) return year;
    if (p.last.month() == 4) return "T1 " + year;
    if (p.last.month() == 8) return "T2 " + year;
  }
  if (p.first == p.last) return std::string(month_name_sv(p.first.month())) + " " + year;
  const std::string from(month_name_sv(p.first.month()));
  const std::string to = std::string(month_name_sv(p.last.month())) + " " + year;
  if (p.first.year() == y) return from + "–" + to;
  return from + " " + std::to_string(p.first.year()) + "–" + to;
}

}  // namespace eb::report
