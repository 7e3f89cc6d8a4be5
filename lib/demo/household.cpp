// SPDX-License-Identifier: MIT
// The household model. The kronor figures are 2026 levels of a Stockholm district's caseload,
// rounded and synthetic (benefit levels approximate Försäkringskassan's, CSN's and the
// a-kassas' for people who also need försörjningsstöd); they only make the data realistic.
#include "demo/household.hpp"

#include <algorithm>
#include <array>

#include "period/working_days.hpp"

namespace eb::demo {

namespace {

using assess::CostKind;
using assess::IncomeKind;
using money::Money;
using person::Sex;

// The chance of staying, month after month: how many of at most `cap` months pass before an
// event of `per_mille` a month happens.
int geometric(Rng& r, int per_mille, int cap) {
  int n = 0;
  while (n < cap && !r.per_mille(per_mille)) ++n;
  return n;
}

std::string padded(std::uint64_t v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return s;
}

std::int64_t price_ppm_for(int year, const DistrictShape& shape) {
  std::int64_t ppm = 1'000'000;
  for (int y = shape.price_year; y < year; ++y) ppm = ppm * shape.yearly_index / 1000;
  for (int y = shape.price_year; y > year; --y) ppm = ppm * 1000 / shape.yearly_index;
  return ppm;
}

// The last working day on or before `d` (payments fall due on banking days).
period::Date banking_day_before(period::Date d) {
  while (!period::is_working_day(d)) d = d.plus_days(-1);
  return d;
}

// A birth date making someone `age` on `day` (roughly: the leap days are not counted exactly).
period::Date birth_for(Rng& r, period::Date day, int age) {
  return day.plus_days(-(age * 365 + age / 4 + r.between_int(0, 364)));
}

// A child leaves the case in July of the year they turn 19: the gymnasium is over, and the
// young adult is their own case or a housemate (application-format.md).
bool has_left_school(period::Date birth, period::Month m) {
  const period::Month left(birth.year() + 19, 7);
  return !(m < left);
}

struct AgeBand {
  int lo, hi, weight;
};
constexpr std::array<AgeBand, 6> k_single_ages{
    {{19, 24, 180}, {25, 34, 270}, {35, 44, 220}, {45, 54, 170}, {55, 64, 130}, {65, 70, 30}}};
constexpr std::array<AgeBand, 4> k_parent_ages{{{21, 29, 250}, {30, 39, 400}, {40, 49, 280}, {50, 54, 70}}};
constexpr std::array<AgeBand, 4> k_couple_ages{{{22, 29, 200}, {30, 39, 350}, {40, 49, 280}, {50, 64, 170}}};

template <std::size_t N>
int draw_age(Rng& r, const std::array<AgeBand, N>& bands) {
  std::array<int, N> w{};
  for (std::size_t i = 0; i < N; ++i) w[i] = bands[i].weight;
  const AgeBand& b = bands[r.weighted(w)];
  return r.between_int(b.lo, b.hi);
}

const HinderShare& draw_hinder(Rng& r, const DistrictShape& shape, bool has_children) {
  std::vector<int> w;
  for (const auto& h : shape.hinder) w.push_back(h.per_mille);
  const HinderShare& drawn = shape.hinder[r.weighted(w)];
  if (drawn.livelihood != Livelihood::parental_leave || has_children) return drawn;
  for (const auto& h : shape.hinder) {
    if (h.livelihood == Livelihood::working) return h;
  }
  return shape.hinder.front();
}

void choose_benefit(Adult& a, Rng& r, const DistrictShape& shape, bool samordning, int age, bool family,
                    std::int64_t ppm) {
  switch (a.livelihood) {
    case Livelihood::unemployed:
      if (samordning && r.per_mille(500)) {
        a.benefit = Benefit::etableringsersattning;
        a.rate = at_price(308, ppm);
      } else {
        const std::array<int, 3> w{shape.unemployed_aktivitetsstod, shape.unemployed_a_kassa,
                                   1000 - shape.unemployed_aktivitetsstod - shape.unemployed_a_kassa};
        const std::size_t pick = r.weighted(w);
        if (pick == 0) {
          a.benefit = Benefit::aktivitetsstod;
          a.rate = at_price(r.between_int(165, 260), ppm);
        } else if (pick == 1) {
          a.benefit = Benefit::a_kassa;
          a.rate = at_price(r.between_int(240, 460), ppm);
        }
      }
      break;
    case Livelihood::sick:
      if (r.per_mille(shape.sick_with_sjukpenning)) {
        a.benefit = Benefit::sjukpenning;
        a.rate = at_price(r.between_int(140, 360), ppm);
      }
      break;
    case Livelihood::social_medical:
      if (r.per_mille(80)) {
        a.benefit = age < 30 ? Benefit::aktivitetsersattning : Benefit::sjukersattning;
        a.rate = at_price(age < 30 ? r.between_int(6800, 9400) : r.between_int(7200, 9800), ppm);
      }
      break;
    case Livelihood::working:
      a.benefit = Benefit::salary;
      a.rate = at_price(family ? r.between_int(7000, 15000) : r.between_int(5000, 11000), ppm);
      a.union_member = r.per_mille(150);
      a.travel_card = r.per_mille(450);
      break;
    case Livelihood::parental_leave:
      a.benefit = Benefit::foraldrapenning;
      a.rate = at_price(r.between_int(180, 260), ppm);
      break;
  }
}

int rent_for(Rng& r, int persons) {
  static constexpr std::array<std::array<int, 2>, 5> k_rent{
      {{4900, 7900}, {6500, 9600}, {7800, 11000}, {9000, 12400}, {10500, 14500}}};
  const auto& band = k_rent[static_cast<std::size_t>(std::min(persons, 5) - 1)];
  return r.between_int(band[0], band[1]);
}

// Barnbidrag and studiebidrag per child (Försäkringskassan, CSN): 1 250 kr since March 2018,
// 1 050 kr before; flerbarnstillägg for 2, 3, 4, 5 children, each further child 1 250 kr more.
int child_allowance(int year) {
  return year >= 2018 ? 1250 : 1050;
}
int large_family_supplement(int children, int year) {
  static constexpr std::array<int, 6> k_since_2018{0, 0, 150, 730, 1740, 2990};
  static constexpr std::array<int, 6> k_before{0, 0, 150, 604, 1614, 2864};
  const auto& table = year >= 2018 ? k_since_2018 : k_before;
  if (children <= 5) return table[static_cast<std::size_t>(std::max(children, 0))];
  return table[5] + (children - 5) * child_allowance(year);
}
// Underhållsstöd per child and month by age (0–10, 11–14, 15–): 2024–2026 levels.
int maintenance_support(int age, std::int64_t ppm) {
  return at_price(age <= 10 ? 1673 : (age <= 14 ? 1823 : 2223), ppm);
}

constexpr std::array<std::string_view, 5> k_other_needs{"Flyttkostnad", "Id-kort", "Bredband för skolarbete",
                                                        "Begravningskostnad", "Säng till barn"};

}  // namespace

int at_price(int kr, std::int64_t price_ppm) {
  return static_cast<int>((static_cast<std::int64_t>(kr) * price_ppm + 500'000) / 1'000'000);
}

MonthContext month_context(period::Month month, const DistrictShape& shape) {
  MonthContext c;
  c.month = month;
  c.price_ppm = price_ppm_for(month.year(), shape);
  c.calendar_days = period::days_in_month(month.year(), month.month());
  c.working_days = 0;
  for (int d = 1; d <= c.calendar_days; ++d) {
    if (period::is_working_day(period::Date(month.year(), month.month(), d))) ++c.working_days;
  }
  const auto on = [&](int day) { return banking_day_before(period::Date(month.year(), month.month(), day)); };
  c.paid_fk = on(25);
  c.paid_barnbidrag = on(20);
  c.paid_skv = on(25);
  c.paid_csn = on(23);
  c.paid_akassa = on(18);
  c.paid_pm = on(19);
  return c;
}

period::Date paid_on(IncomeKind kind, const MonthContext& c) {
  const auto source = source_of(kind);
  if (!source) return c.paid_fk;
  switch (*source) {
    case RegisterSource::skv:
      return c.paid_skv;
    case RegisterSource::csn:
      return c.paid_csn;
    case RegisterSource::akassa:
      return c.paid_akassa;
    case RegisterSource::pm:
      return c.paid_pm;
    case RegisterSource::fk:
    case RegisterSource::af:
      break;
  }
  return kind == IncomeKind::barnbidrag ? c.paid_barnbidrag : c.paid_fk;
}

Household create_household(int slot, int seq, const Creation& c, const DistrictShape& shape,
                           std::vector<Person>& people, PersonnummerPool& pnrs) {
  Household h;
  h.slot = slot;
  h.seq = seq;
  h.key = static_cast<std::uint64_t>(slot) * 128 + static_cast<std::uint64_t>(seq);
  h.id = "H" + padded(static_cast<std::uint64_t>(slot), 7) + "-" + padded(static_cast<std::uint64_t>(seq), 3);
  h.rng = Rng(mix(c.seed, h.key));
  h.core = c.core;
  Rng& r = h.rng;
  const std::int64_t ppm = price_ppm_for(c.month.year(), shape);

  HouseholdType type = HouseholdType::single_adult;
  if (c.type) {
    type = *c.type;
  } else {
    const std::array<int, 4> w{shape.single_adult, shape.single_parent, shape.couple, shape.couple_with_children};
    type = static_cast<HouseholdType>(r.weighted(w));
  }

  int length = 1;
  if (c.spell) {
    length = *c.spell;
  } else if (c.core && c.initial) {
    h.prior_months = r.between_int(10, 84);
    length = 1 + geometric(r, shape.core_exit, c.months_left);
  } else if (c.core) {
    length = 10 + geometric(r, shape.core_exit, c.months_left);
  } else if (c.initial) {
    h.prior_months = geometric(r, shape.short_exit, 10);
    length = 1 + geometric(r, shape.short_exit, 10 - h.prior_months);
  } else {
    length = 1 + geometric(r, shape.short_exit, 10);
  }
  h.start = c.month;
  h.end = c.month.plus(length - 1);
  h.address = synthetic_address(c.dwelling, c.seed);

  const period::Date first = c.month.first_day();
  const bool family = type == HouseholdType::single_parent || type == HouseholdType::couple_with_children;
  const bool couple = type == HouseholdType::couple || type == HouseholdType::couple_with_children;

  const auto add_person = [&](period::Date birth, Sex sex, bool samordning, std::string name) {
    people.push_back(Person{pnrs.issue(r, birth, sex, samordning), std::move(name), h.address, std::nullopt});
    return people.size() - 1;
  };

  // The applicant, and the partner.
  Sex sex = Sex::man;
  int age = 30;
  switch (type) {
    case HouseholdType::single_adult:
      sex = r.per_mille(580) ? Sex::man : Sex::woman;
      age = draw_age(r, k_single_ages);
      break;
    case HouseholdType::single_parent:
      sex = r.per_mille(850) ? Sex::woman : Sex::man;
      age = draw_age(r, k_parent_ages);
      break;
    case HouseholdType::couple:
    case HouseholdType::couple_with_children:
      sex = r.per_mille(500) ? Sex::woman : Sex::man;
      age = draw_age(r, k_couple_ages);
      break;
  }
  const bool samordning = r.per_mille(shape.samordningsnummer);
  const std::string surname(last_name(r));
  const auto add_adult = [&](assess::Role role, Sex s, int a, const std::string& last) {
    Adult adult;
    adult.role = role;
    adult.person = add_person(birth_for(r, first, a), s, samordning, std::string(first_name(r, s)) + " " + last);
    const HinderShare& hinder = draw_hinder(r, shape, family);
    adult.hinder = hinder.code;
    adult.livelihood = hinder.livelihood;
    choose_benefit(adult, r, shape, samordning, a, family, ppm);
    h.adults.push_back(adult);
  };
  add_adult(assess::Role::applicant, sex, age, surname);
  if (couple) {
    const int partner_age = std::max(19, age + r.between_int(-6, 6));
    add_adult(assess::Role::partner, sex == Sex::man ? Sex::woman : Sex::man, partner_age,
              r.per_mille(600) ? surname : std::string(last_name(r)));
  }

  // Nobody had försörjningsstöd of their own before turning 18.
  for (const auto& a : h.adults) {
    const period::Date birth = people[a.person].pnr.birth_date();
    const int months_adult = c.month.months_since(period::Month(birth.year() + 18, birth.month()));
    h.prior_months = std::clamp(months_adult, 0, h.prior_months);
  }
  for (auto& a : h.adults) a.assistance_since = h.start.plus(-h.prior_months);

  // Children: none of them older than the parent's age minus 18, none already out of school.
  if (family) {
    const int count = static_cast<int>(r.weighted(shape.children)) + 1;
    for (int i = 0; i < count; ++i) {
      int child_age = std::min(r.between_int(0, 18), age - 18);
      period::Date birth = birth_for(r, first, child_age);
      while (has_left_school(birth, c.month) && child_age > 0) birth = birth_for(r, first, --child_age);
      Child child;
      const Sex child_sex = r.per_mille(500) ? Sex::woman : Sex::man;
      child.person = add_person(birth, child_sex, samordning && r.per_mille(500),
                                std::string(first_name(r, child_sex)) + " " + surname);
      child.preschool = r.per_mille(800);
      child.alternating = type == HouseholdType::single_parent && r.per_mille(60);
      if (r.per_mille(5)) {
        child.norm_raise = Money::from_kr(at_price(r.between_int(300, 800), ppm));
        child.norm_raise_reason = "Särskild kost enligt läkarintyg";
      }
      h.children.push_back(std::move(child));
    }
  }

  // The home and its costs.
  const int persons = static_cast<int>(h.adults.size() + h.children.size());
  if (type == HouseholdType::single_adult && r.per_mille(90)) {
    h.housemates = 1;  // inneboende: a room in someone else's flat
    h.rent = at_price(r.between_int(3500, 5800), ppm);
  } else {
    h.rent = at_price(rent_for(r, persons), ppm);
    if (type == HouseholdType::single_adult && r.per_mille(100)) {
      h.second_hand = true;  // andrahandskontrakt, with the landlord's consent
      h.rent = h.rent * 110 / 100;
    }
  }
  if (r.per_mille(550)) h.electricity = at_price(r.between_int(180, 520), ppm);
  if (r.per_mille(620)) h.insurance = at_price(r.between_int(110, 280), ppm);
  bool a_kassa = false, union_member = false;
  for (const auto& a : h.adults) {
    a_kassa = a_kassa || a.benefit == Benefit::a_kassa;
    union_member = union_member || a.union_member;
  }
  if (a_kassa) h.akassa_fee = at_price(r.between_int(90, 170), ppm);
  if (union_member) h.union_fee = at_price(r.between_int(150, 380), ppm);
  if (family) h.childcare = at_price(r.between_int(120, 520), ppm);
  h.underhallsstod = type == HouseholdType::single_parent && r.per_mille(700);
  if (family && r.per_mille(600)) {
    h.bostadsbidrag = at_price(r.between_int(1300, 4100), ppm);
  } else if (!family && age < 29 && r.per_mille(100)) {
    h.bostadsbidrag = at_price(r.between_int(300, 1300), ppm);
  }
  if (r.per_mille(shape.with_account)) {
    h.account = synthetic_account(h.key, c.seed, r.between_int(0, 999), people[h.adults.front().person].pnr);
  }
  return h;
}

void advance_household(Household& h, const MonthContext& c, const std::vector<Person>& people) {
  const period::Month m = c.month;
  const period::Date last = m.last_day();
  Rng& r = h.rng;
  const auto age_of = [&](std::size_t person) { return people[person].pnr.age_on(last); };

  std::erase_if(h.children, [&](const Child& child) {
    return has_left_school(people[child.person].pnr.birth_date(), m) || age_of(child.person) >= 21;
  });
  if (m.month() == 1 && m != h.start) h.rent = h.rent * r.between_int(1015, 1045) / 1000;

  // Benefits start and stop.
  for (auto& a : h.adults) {
    if (a.livelihood == Livelihood::unemployed) {
      if (a.benefit == Benefit::none && r.per_mille(15)) {
        a.benefit = Benefit::aktivitetsstod;
        a.rate = at_price(r.between_int(165, 260), c.price_ppm);
      } else if (a.benefit == Benefit::aktivitetsstod && r.per_mille(12)) {
        a.benefit = Benefit::none;
      } else if (a.benefit == Benefit::a_kassa && r.per_mille(20)) {
        a.benefit = Benefit::none;  // the a-kassa period has run out
      }
    } else if (a.livelihood == Livelihood::sick) {
      if (a.benefit == Benefit::none && r.per_mille(5)) {
        a.benefit = Benefit::sjukpenning;
        a.rate = at_price(r.between_int(140, 360), c.price_ppm);
      } else if (a.benefit == Benefit::sjukpenning && r.per_mille(25)) {
        a.benefit = Benefit::none;
      }
    }
  }

  // The application arrives before the month (a renewal), or around its start (a new one).
  const bool is_new = m == h.start && h.prior_months == 0;
  const period::Month before = m.plus(-1);
  if (!is_new || r.per_mille(600)) {
    h.received = period::Date(before.year(), before.month(), r.between_int(is_new ? 1 : 10, 28));
  } else {
    h.received = period::Date(m.year(), m.month(), r.between_int(1, 12));
  }

  // Incomes.
  h.incomes.clear();
  const auto income = [&](std::size_t person, IncomeKind kind, int kr) {
    if (kr > 0) h.incomes.push_back(MonthIncome{person, kind, Money::from_kr(kr), Money::from_kr(kr), ""});
  };
  bool akassa_now = false, salary_now = false, union_salary = false, travel = false;
  for (auto& a : h.adults) {
    const int months_on = m.months_since(a.assistance_since);
    bool salary = false;
    switch (a.benefit) {
      case Benefit::none:
        break;
      case Benefit::aktivitetsstod:
        income(a.person, IncomeKind::aktivitetsstod, a.rate * (c.working_days - (r.per_mille(200) ? 2 : 0)));
        break;
      case Benefit::a_kassa:
        income(a.person, IncomeKind::a_kassa, a.rate * c.working_days);
        akassa_now = true;
        break;
      case Benefit::etableringsersattning:
        income(a.person, IncomeKind::etableringsersattning,
               a.rate * (c.working_days - (r.per_mille(100) ? r.between_int(1, 3) : 0)));
        break;
      case Benefit::sjukpenning:
        income(a.person, IncomeKind::sjukpenning, a.rate * c.calendar_days);
        break;
      case Benefit::sjukersattning:
        income(a.person, IncomeKind::sjukersattning, a.rate);
        break;
      case Benefit::aktivitetsersattning:
        income(a.person, IncomeKind::aktivitetsersattning, a.rate);
        break;
      case Benefit::foraldrapenning:
        income(a.person, IncomeKind::foraldrapenning, a.rate * r.between_int(20, c.calendar_days));
        break;
      case Benefit::salary:
        income(a.person, IncomeKind::salary, a.rate * r.between_int(920, 1080) / 1000);
        salary = true;
        break;
    }
    // Hours here and there: the unemployed take short jobs.
    if (a.livelihood == Livelihood::unemployed && a.benefit != Benefit::a_kassa && r.per_mille(70)) {
      income(a.person, IncomeKind::salary, at_price(r.between_int(1200, 7000), c.price_ppm));
      salary = true;
    }
    if (salary) {
      salary_now = true;
      union_salary = union_salary || a.union_member;
      travel = travel || a.travel_card;
      // Jobbstimulans (SoL 12 kap. 8 §) starts with the first salary after six months.
      if (!a.stimulus_start && months_on >= 6) a.stimulus_start = m;
    }
  }
  const std::size_t applicant = h.adults.front().person;
  int barnbidrag_children = 0, students = 0, studiebidrag_to_parent = 0, underhall_to_parent = 0;
  const int allowance = child_allowance(m.year());
  for (auto& child : h.children) {
    if (child.earned_year != m.year()) {
      child.earned_year = m.year();
      child.earned = Money();
    } else {
      child.earned += child.earned_now;
    }
    child.earned_now = Money();
    const int age = age_of(child.person);
    if (age < 16) {
      ++barnbidrag_children;
    } else if (m.month() != 7 && m.month() != 8) {
      ++students;  // studiebidrag is paid for the ten months September–June
      if (age >= 18) {
        income(child.person, IncomeKind::studiebidrag, allowance);
      } else {
        studiebidrag_to_parent += allowance;
      }
    }
    if (h.underhallsstod) {
      if (age < 18) {
        underhall_to_parent += maintenance_support(age, c.price_ppm);
      } else {
        income(child.person, IncomeKind::underhallsstod, maintenance_support(age, c.price_ppm));
      }
    }
    if (age >= 16 && m.month() >= 6 && m.month() <= 8) {
      if (m.month() == 6 && child.summer_job_year != m.year()) {
        child.summer_job_year = r.per_mille(300) ? m.year() : 0;
        child.summer_job = at_price(r.between_int(2500, 6500), c.price_ppm);
      }
      if (child.summer_job_year == m.year()) {
        income(child.person, IncomeKind::salary, child.summer_job);
        child.earned_now = Money::from_kr(child.summer_job);
      }
    }
  }
  if (barnbidrag_children > 0) {
    income(applicant, IncomeKind::barnbidrag,
           barnbidrag_children * allowance + large_family_supplement(barnbidrag_children + students, m.year()));
  }
  income(applicant, IncomeKind::studiebidrag, studiebidrag_to_parent);
  income(applicant, IncomeKind::underhallsstod, underhall_to_parent);
  income(applicant, IncomeKind::bostadsbidrag, h.bostadsbidrag);
  // Now and then the applicant rounds a payment down (by at most 100 kr, within the FUT
  // tolerance, which fut-check applies to the household's sum of a kind: so at most one
  // payment of each kind a month), or expects more than came.
  std::vector<IncomeKind> rounded;
  for (auto& in : h.incomes) {
    const bool varies = in.kind == IncomeKind::salary || in.kind == IncomeKind::a_kassa ||
                        in.kind == IncomeKind::sjukpenning || in.kind == IncomeKind::foraldrapenning;
    if (!varies) continue;
    const bool once = std::find(rounded.begin(), rounded.end(), in.kind) == rounded.end();
    if (r.per_mille(40) && once) {
      rounded.push_back(in.kind);
      in.registered = in.declared + Money::from_kr(r.between_int(1, 100));
    } else if (r.per_mille(10) && in.declared > Money::from_kr(400)) {
      in.registered = in.declared - Money::from_kr(r.between_int(1, 200));
    }
  }

  // Costs.
  h.costs.clear();
  const auto cost = [&](CostKind kind, Money applied, std::string note = {}) {
    if (applied > Money()) h.costs.push_back(MonthCost{kind, applied, std::move(note), false});
  };
  cost(CostKind::rent, Money::from_kr(h.rent));
  if (h.second_hand && !h.costs.empty()) h.costs.back().second_hand = true;
  const bool winter = m.month() >= 11 || m.month() <= 3;
  cost(CostKind::electricity, Money::from_kr(winter ? h.electricity * 125 / 100 : h.electricity));
  cost(CostKind::home_insurance, Money::from_kr(h.insurance));
  if (akassa_now) cost(CostKind::akassa_fee, Money::from_kr(h.akassa_fee));
  if (salary_now && union_salary) cost(CostKind::union_fee, Money::from_kr(h.union_fee));
  if (salary_now && travel) cost(CostKind::work_travel, Money::from_kr(at_price(1060, c.price_ppm)), "SL 30 dagar");
  for (const auto& child : h.children) {
    const int age = age_of(child.person);
    if (child.preschool && age >= 1 && age <= 5) {
      cost(CostKind::childcare, Money::from_kr(h.childcare), "förskola");
      break;
    }
  }
  if (r.per_mille(25)) {
    cost(CostKind::dental, Money::from_kr(at_price(r.between_int(800, 6500), c.price_ppm)), "kostnadsförslag");
  }
  if (r.per_mille(40)) cost(CostKind::medicine, Money::from_ore(r.between(9550, 145000)), "apoteksköp");
  if (r.per_mille(20)) cost(CostKind::medical, Money::from_kr(r.between_int(100, 1450)), "patientavgift");
  if (r.per_mille(5)) cost(CostKind::glasses, Money::from_kr(at_price(r.between_int(900, 2800), c.price_ppm)));
  if (m == h.start && r.per_mille(150)) {
    cost(CostKind::home_equipment, Money::from_kr(at_price(r.between_int(2500, 9000), c.price_ppm)),
         "hemutrustning vid inflyttning");
  }
  if (r.per_mille(5)) {
    cost(CostKind::other, Money::from_kr(at_price(r.between_int(200, 2500), c.price_ppm)),
         std::string(k_other_needs[r.below(k_other_needs.size())]));
  }
}

CaseMonth build_case(const Household& h, const MonthContext& c, const std::vector<Person>& people) {
  CaseMonth out;
  assess::Application& app = out.app;
  const period::Month m = c.month;
  app.month = m;
  app.received = h.received;
  app.kind =
      m == h.start && h.prior_months == 0 ? assess::ApplicationKind::new_application : assess::ApplicationKind::renewal;
  app.housemates = h.housemates;
  app.address = h.address;
  app.account = h.account;
  for (const auto& a : h.adults) {
    assess::Member member;
    member.pnr = people[a.person].pnr;
    member.name = people[a.person].name;
    member.role = a.role;
    member.hinder = a.hinder;
    member.assistance_months = m.months_since(a.assistance_since);
    member.stimulus_start = a.stimulus_start;
    app.members.push_back(std::move(member));
  }
  const period::Date last = m.last_day();
  for (const auto& child : h.children) {
    assess::Member member;
    member.pnr = people[child.person].pnr;
    member.name = people[child.person].name;
    member.role = assess::Role::child;
    const int age = member.pnr.age_on(last);
    member.preschool_lunch = child.preschool && age >= 1 && age <= 5;
    member.in_school = age >= 16;
    member.days = child.alternating ? 15 : 30;
    member.alternating_residence = child.alternating;
    if (child.earned_year == m.year()) member.earned_this_year_before = child.earned;
    member.norm_raise = child.norm_raise;
    member.norm_raise_reason = child.norm_raise_reason;
    app.members.push_back(std::move(member));
  }
  for (const auto& k : h.costs) {
    assess::Cost cost;
    cost.kind = k.kind;
    cost.applied = k.applied;
    cost.note = k.note;
    cost.second_hand = k.second_hand;
    cost.consent = k.second_hand;
    app.costs.push_back(std::move(cost));
  }
  for (const auto& in : h.incomes) {
    assess::Income income;
    income.member = people[in.person].pnr;
    income.kind = in.kind;
    income.amount = in.declared;
    income.note = in.note;
    app.incomes.push_back(income);
    const auto source = source_of(in.kind);
    if (!source) continue;
    out.rows.push_back(IncomeRow{income.member, m, *source, in.kind, in.registered, paid_on(in.kind, c)});
  }
  return out;
}

}  // namespace eb::demo
