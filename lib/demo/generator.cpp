// SPDX-License-Identifier: MIT
// The generator: places (households a month) filled by households that come and go, the FUT
// errors planted among them, and the stream of applications and register rows.
#include "demo/generator.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <unordered_map>

#include "assess/calculator.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "demo/household.hpp"

namespace eb::demo {

namespace {

using money::Money;

constexpr int k_max_households = 2'000'000;
constexpr int k_max_months = 120;
constexpr std::int64_t k_max_household_months = 24'000'000;
constexpr std::int64_t k_max_plant_ppm = 50'000;
// A planted case must be paid at least this much, so that its amount at risk means something.
constexpr Money k_min_paid = Money::from_kr(1000);
// The cases at one address that address-concentration allows (fut.md: more than 4 are flagged).
constexpr int k_concentration_allowed = 4;

// What a planted error or edge does to one case's month.
struct CasePlan {
  std::optional<assess::Member> extra_member;  // person-in-two-cases: a partner who is another case's applicant
  std::string account;                         // shared-account: another case's account
  std::optional<IncomeRow> extra_row;          // undeclared-income: a register row nobody declared
  std::optional<IncomeRow> raised_row;         // underdeclared-income: the register's higher amount
  int plant = -1;                              // the Plant whose register row this is
  bool plant_is_edge = false;
  bool planted = false;
  bool edge = false;
};

void apply(const CasePlan& plan, CaseMonth& cm) {
  if (plan.extra_member) cm.app.members.insert(cm.app.members.begin() + 1, *plan.extra_member);
  if (!plan.account.empty()) cm.app.account = plan.account;
  if (plan.raised_row) {
    for (auto& row : cm.rows) {
      if (row.pnr == plan.raised_row->pnr && row.kind == plan.raised_row->kind) row.amount = plan.raised_row->amount;
    }
  }
  if (plan.extra_row) cm.rows.push_back(*plan.extra_row);
}

// How many of `total` fall in month `t` of `months` when spread evenly (none lost, none added).
int spread(int total, int t, int months) {
  const auto at = [&](int k) { return static_cast<int>(static_cast<std::int64_t>(total) * k / months); };
  return at(t + 1) - at(t);
}

class Generator {
 public:
  Generator(const Parameters& p, const norms::NormCatalog& norms, Sink& sink)
      : m_p(p),
        m_norms(norms),
        m_sink(sink),
        m_slots(static_cast<std::size_t>(p.households)),
        m_seq(static_cast<std::size_t>(p.households), 0),
        m_core(static_cast<std::size_t>(p.households), false) {
    for (int s = 0; s < p.households; ++s) {
      // Exactly core_places per mille of the places hold the long-term core, spread evenly.
      const auto at = [&](int k) { return static_cast<std::int64_t>(k) * p.shape.core_places / 1000; };
      m_core[static_cast<std::size_t>(s)] = at(s + 1) > at(s);
    }
    for (int t = 0; t < p.months; ++t) m_contexts.push_back(month_context(p.first_month.plus(t), p.shape));
    if (p.plant_ppm > 0) {
      const std::int64_t household_months = static_cast<std::int64_t>(p.households) * p.months;
      m_per_rule = static_cast<int>(std::max<std::int64_t>(1, (household_months * p.plant_ppm + 500'000) / 1'000'000));
    }
    m_pending.resize(static_cast<std::size_t>(p.months));
  }

  Truth run() {
    for (int t = 0; t < m_p.months; ++t) month(t);
    for (const Person& person : m_people)
      m_sink.population_row(PopulationRow{person.pnr, person.address, person.deceased_on});
    return std::move(m_truth);
  }

 private:
  using HouseholdPtr = std::unique_ptr<Household>;

  period::Month month_at(int t) const { return m_p.first_month.plus(t); }
  int errors_in(int t) const { return spread(m_per_rule, t, m_p.months); }
  // Clean near-misses: a quarter as many as the errors, at least one.
  int edges_in(int t) const { return spread(std::max(1, (m_per_rule + 2) / 4), t, m_p.months); }

  [[noreturn]] void too_many(FutRule rule, int t) const {
    throw InputError("--plant-errors", plant_rate_text(m_p.plant_ppm),
                     "too many planted errors for " + std::to_string(m_p.households) +
                         " households a month: found no case left for a " + std::string(rule_id(rule)) + " error in " +
                         month_at(t).to_string() + " (plant fewer, or generate more households or months)");
  }

  Money payable(const assess::Application& app) const {
    return assess::calculate(app, *m_norm, nullptr, nullptr, assess::Detail::totals).totals.amount;
  }

  CaseRef ref(const Household& h, std::optional<Money> pay = std::nullopt) const {
    return CaseRef{h.id, m_people[h.adults.front().person].pnr, m_month, pay};
  }

  Household& create(int slot, const Creation& base) {
    Creation c = base;
    c.core = m_core[static_cast<std::size_t>(slot)];
    c.seed = m_p.seed;
    c.months_left = m_p.months - m_t;
    if (!c.dwelling_given) c.dwelling = m_next_dwelling++;
    int& seq = m_seq[static_cast<std::size_t>(slot)];
    m_slots[static_cast<std::size_t>(slot)] =
        std::make_unique<Household>(create_household(slot, seq++, c, m_p.shape, m_people, m_pnrs));
    return *m_slots[static_cast<std::size_t>(slot)];
  }

  // The month's register rows for the months after a household left: it found work, began
  // studies, or another benefit took over. None of them falls in a month with bistånd.
  void leave(Household& h) {
    if (h.exit == ExitReason::undecided) {
      const std::array<int, 5> w{350, 100, 150, 200, 200};
      h.exit = static_cast<ExitReason>(static_cast<int>(h.rng.weighted(w)) + 1);
    }
    assess::IncomeKind kind = assess::IncomeKind::salary;
    int lo = 0, hi = 0;
    switch (h.exit) {
      case ExitReason::work:
        kind = assess::IncomeKind::salary, lo = 17000, hi = 27000;
        break;
      case ExitReason::studies:
        kind = assess::IncomeKind::csn, lo = 8000, hi = 11000;
        break;
      case ExitReason::benefit:
        kind = assess::IncomeKind::sjukersattning, lo = 9000, hi = 11500;
        break;
      default:
        return;
    }
    const person::Personnummer& pnr = m_people[h.adults.front().person].pnr;
    for (int t = m_t; t < m_p.months && t < m_t + 3; ++t) {
      const MonthContext& c = m_contexts[static_cast<std::size_t>(t)];
      if (kind == assess::IncomeKind::csn && (c.month.month() == 7 || c.month.month() == 8)) continue;
      const Money amount = Money::from_kr(at_price(h.rng.between_int(lo, hi), c.price_ppm));
      m_pending[static_cast<std::size_t>(t)].push_back(
          IncomeRow{pnr, c.month, *source_of(kind), kind, amount, paid_on(kind, c)});
    }
  }

  // A household at random that passes `ok`, from the active ones; nullptr when there is none.
  template <class Pred>
  Household* pick(Rng& r, Pred ok) {
    if (m_active.empty()) return nullptr;
    for (int attempt = 0; attempt < 64; ++attempt) {
      Household* h = m_active[r.below(m_active.size())];
      if (!h->used && ok(*h)) return h;
    }
    const std::size_t start = r.below(m_active.size());
    for (std::size_t i = 0; i < m_active.size(); ++i) {
      Household* h = m_active[(start + i) % m_active.size()];
      if (!h->used && ok(*h)) return h;
    }
    return nullptr;
  }

  Plant& add_plant(FutRule rule, bool error, std::string what) {
    std::vector<Plant>& list = error ? m_truth.planted : m_truth.edges;
    Plant p;
    p.id = std::string(error ? "P-" : "E-") + std::to_string(list.size() + 1);
    p.rule = rule;
    p.error = error;
    p.month = m_month;
    p.what = std::move(what);
    list.push_back(std::move(p));
    return list.back();
  }

  CasePlan& plan_of(const Household& h, bool error) {
    CasePlan& plan = m_plans[h.key];
    (error ? plan.planted : plan.edge) = true;
    return plan;
  }

  void month(int t) {
    m_t = t;
    m_month = month_at(t);
    m_norm = &m_norms.valid_on(m_month.first_day());
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(t)];
    Rng r(mix(mix(m_p.seed, 0x5EED'F07ULL), static_cast<std::uint64_t>(t)));
    m_plans.clear();

    // Households whose last month has passed leave; address concentration needs places free.
    std::vector<HouseholdPtr> left;
    for (auto& slot : m_slots) {
      if (slot && slot->end < m_month) left.push_back(std::move(slot));
    }
    const int groups = m_per_rule > 0 ? errors_in(t) : 0;
    const int edge_groups = m_per_rule > 0 ? edges_in(t) : 0;
    const int needed = groups * (k_concentration_allowed + 1) + edge_groups * k_concentration_allowed;
    int open_places = 0;
    for (const auto& slot : m_slots) open_places += slot ? 0 : 1;
    if (open_places < needed) {
      std::vector<int> taken;
      for (int s = 0; s < m_p.households; ++s) {
        if (m_slots[static_cast<std::size_t>(s)] && !m_slots[static_cast<std::size_t>(s)]->used) taken.push_back(s);
      }
      while (open_places < needed && !taken.empty()) {
        const std::size_t i = r.below(taken.size());
        auto& slot = m_slots[static_cast<std::size_t>(taken[i])];
        slot->end = m_month.plus(-1);
        slot->exit = ExitReason::other;
        left.push_back(std::move(slot));
        taken.erase(taken.begin() + static_cast<std::ptrdiff_t>(i));
        ++open_places;
      }
      if (open_places < needed) too_many(FutRule::address_concentration, t);
    }
    for (auto& h : left) leave(*h);

    // New households in the free places: the groups at one address first.
    std::vector<std::vector<Household*>> group_members;
    int slot = 0;
    const auto next_free = [&] {
      while (m_slots[static_cast<std::size_t>(slot)]) ++slot;
      return slot;
    };
    for (int g = 0; g < groups + edge_groups; ++g) {
      const bool error = g < groups;
      const std::uint64_t dwelling = m_next_dwelling++;
      std::vector<Household*> members;
      for (int k = 0; k < (error ? k_concentration_allowed + 1 : k_concentration_allowed); ++k) {
        Creation c;
        c.month = m_month;
        c.type = HouseholdType::single_adult;
        c.spell = 1;
        c.dwelling = dwelling;
        c.dwelling_given = true;
        Household& h = create(next_free(), c);
        // One room or flat, several cases that each say they live alone there, with no income.
        h.housemates = 0;
        for (auto& a : h.adults) a.benefit = Benefit::none;
        h.used = true;
        h.exit = ExitReason::other;
        members.push_back(&h);
      }
      group_members.push_back(std::move(members));
    }
    for (int s = 0; s < m_p.households; ++s) {
      if (m_slots[static_cast<std::size_t>(s)]) continue;
      Creation c;
      c.month = m_month;
      c.initial = t == 0;
      create(s, c);
    }

    // Edge: someone whose case ended last month moves in with another case's applicant.
    m_active.clear();
    for (auto& s : m_slots) m_active.push_back(s.get());
    if (m_per_rule > 0 && t > 0) {
      for (int e = 0; e < edges_in(t); ++e) {
        Household* from = nullptr;
        for (auto& h : left) {
          if (!h->used && h->is_one_person() && (h->exit == ExitReason::moved || h->exit == ExitReason::other) &&
              h->end == m_month.plus(-1)) {
            from = h.get();
            break;
          }
        }
        Household* to = pick(r, [](const Household& h) { return h.adults.size() == 1 && !h.is_one_person(); });
        if (to == nullptr) to = pick(r, [](const Household& h) { return h.adults.size() == 1; });
        if (from == nullptr || to == nullptr) break;  // edges are best effort
        from->used = to->used = true;
        Adult moved = from->adults.front();
        moved.role = assess::Role::partner;
        m_people[moved.person].address = to->address;
        to->adults.push_back(moved);
        Plant& p = add_plant(FutRule::person_in_two_cases, false,
                             "a person whose own case ended last month is a partner in another case this month: "
                             "one case a month, not two");
        p.cases = {CaseRef{from->id, m_people[moved.person].pnr, m_month.plus(-1), std::nullopt}, ref(*to)};
        p.member = m_people[moved.person].pnr;
        plan_of(*to, false);
      }
    }

    for (Household* h : m_active) advance_household(*h, ctx, m_people);

    if (m_per_rule > 0) {
      plant_groups(group_members);
      for (int e = 0; e < errors_in(t); ++e) {
        plant_undeclared(r, ctx);
        plant_underdeclared(r, true);
        plant_overpayment(r);
        plant_person_in_two_cases(r);
        plant_shared_account(r);
        plant_death(r, true);
      }
      for (int e = 0; e < edges_in(t); ++e) {
        plant_underdeclared(r, false);
        plant_death(r, false);
      }
    }
    emit(t);
  }

  void plant_groups(const std::vector<std::vector<Household*>>& groups) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (const auto& members : groups) {
      const bool error = static_cast<int>(members.size()) > k_concentration_allowed;
      Plant& p = add_plant(FutRule::address_concentration, error,
                           error ? "more than four paid cases registered at one flat in the month"
                                 : "exactly four paid cases at one flat: the most the rule allows");
      p.address = members.front()->address;
      for (Household* h : members) {
        h->incomes.clear();  // such cases declare nothing but the rent
        const Money pay = payable(build_case(*h, ctx, m_people).app);
        if (pay < k_min_paid) too_many(FutRule::address_concentration, m_t);
        p.cases.push_back(ref(*h, pay));
        plan_of(*h, error);
      }
    }
  }

  // A register income of a kind the application does not declare at all.
  void plant_undeclared(Rng& r, const MonthContext& ctx) {
    static constexpr std::array<assess::IncomeKind, 6> k_kinds{
        assess::IncomeKind::salary,          assess::IncomeKind::sjukpenning, assess::IncomeKind::a_kassa,
        assess::IncomeKind::foraldrapenning, assess::IncomeKind::csn,         assess::IncomeKind::pension};
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* h = pick(r, [](const Household&) { return true; });
      if (h == nullptr) break;
      const CaseMonth cm = build_case(*h, ctx, m_people);
      const Money pay = payable(cm.app);
      if (pay < k_min_paid) continue;
      std::vector<assess::IncomeKind> undeclared;
      const bool old_enough_for_pension = cm.app.applicant().pnr.age_on(m_month.last_day()) >= 60;
      for (auto kind : k_kinds) {
        if (kind == assess::IncomeKind::pension && !old_enough_for_pension) continue;
        bool declared = false;
        for (const auto& in : cm.app.incomes) declared = declared || in.kind == kind;
        if (!declared) undeclared.push_back(kind);
      }
      if (undeclared.empty()) continue;
      const assess::IncomeKind kind = undeclared[r.below(undeclared.size())];
      const person::Personnummer& pnr = cm.app.applicant().pnr;
      const Money amount = Money::from_kr(at_price(r.between_int(1500, 9000), ctx.price_ppm));
      h->used = true;
      Plant& p =
          add_plant(FutRule::undeclared_income, true, "the register shows an income the application does not declare");
      p.cases = {ref(*h, pay)};
      p.member = pnr;
      p.register_row = IncomeRow{pnr, m_month, *source_of(kind), kind, amount, paid_on(kind, ctx)};
      p.amount_at_risk = money::min(amount, pay);
      CasePlan& plan = plan_of(*h, true);
      plan.extra_row = p.register_row;
      plan.plant = static_cast<int>(m_truth.planted.size()) - 1;
      return;
    }
    too_many(FutRule::undeclared_income, m_t);
  }

  // A declared income lower than the register's by more than the tolerance (an error), or by
  // exactly the tolerance of 100 kr (a clean edge).
  void plant_underdeclared(Rng& r, bool error) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* h = pick(r, [](const Household& x) { return !x.incomes.empty(); });
      if (h == nullptr) break;
      const CaseMonth cm = build_case(*h, ctx, m_people);
      if (cm.rows.empty()) continue;
      const Money pay = payable(cm.app);
      if (pay < k_min_paid) continue;
      IncomeRow row = cm.rows[r.below(cm.rows.size())];
      Money declared;
      for (const auto& in : cm.app.incomes) {
        if (in.member == row.pnr && in.kind == row.kind) declared = in.amount;
      }
      // fut-check compares the household's sum of the kind: the other members' rows of the
      // kind must match what they declared, or they would hide the error or make the edge one.
      Money others;
      for (const auto& other : cm.rows) {
        if (other.kind == row.kind && !(other.pnr == row.pnr)) others += other.amount;
      }
      for (const auto& in : cm.app.incomes) {
        if (in.kind == row.kind && !(in.member == row.pnr)) others -= in.amount;
      }
      if (!others.is_zero()) continue;
      const Money diff = Money::from_kr(error ? (r.per_mille(100) ? 101 : r.between_int(102, 3000)) : 100);
      row.amount = declared + diff;
      h->used = true;
      Plant& p = add_plant(FutRule::underdeclared_income, error,
                           error ? "the application declares less than the register shows, by more than 100 kr"
                                 : "the application declares exactly 100 kr less than the register: within the "
                                   "tolerance");
      p.cases = {ref(*h, pay)};
      p.member = row.pnr;
      p.register_row = row;
      p.declared = declared;
      if (error) p.amount_at_risk = money::min(diff, pay);
      CasePlan& plan = plan_of(*h, error);
      plan.raised_row = row;
      plan.plant = static_cast<int>((error ? m_truth.planted : m_truth.edges).size()) - 1;
      plan.plant_is_edge = !error;
      return;
    }
    if (error) too_many(FutRule::underdeclared_income, m_t);
  }

  // A decision lowered after it was paid: the runner does it (an Action).
  void plant_overpayment(Rng& r) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* h = pick(r, [](const Household&) { return true; });
      if (h == nullptr) break;
      const Money pay = payable(build_case(*h, ctx, m_people).app);
      if (pay < Money::from_kr(2000)) continue;
      const Money lower_by = Money::from_kr(pay.ore() / 100 * r.between_int(15, 60) / 100);
      h->used = true;
      Plant& p = add_plant(FutRule::overpayment, true,
                           "the decision is lowered on reconsideration after the month was paid (action " +
                               std::string("X-") + std::to_string(m_truth.actions.size() + 1) + ")");
      p.cases = {ref(*h, pay)};
      p.amount_at_risk = lower_by;
      m_truth.actions.push_back(
          Action{"X-" + std::to_string(m_truth.actions.size() + 1), p.id, m_month, ref(*h, pay), pay, pay - lower_by});
      plan_of(*h, true);
      return;
    }
    too_many(FutRule::overpayment, m_t);
  }

  // The applicant of a one-person case, with no income, is also the partner in another case.
  // The other case's file sorts after the person's own (its household id is higher), so that
  // `eb intake` of the month's folder stores the person's own application first, then the other
  // household's naming them as partner: two paid cases, the error FUT finds. The other way round
  // intake takes the person's own application for a second application of the case where they
  // are the partner and refuses it (caught at intake, never paid, so no FUT finding).
  void plant_person_in_two_cases(Rng& r) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* a = pick(r, [](const Household& h) { return h.is_one_person() && h.incomes.empty(); });
      if (a == nullptr) break;
      Household* b = pick(r, [&](const Household& h) { return h.adults.size() == 1 && h.id > a->id; });
      if (b == nullptr) continue;  // no household after this one: another person
      const CaseMonth ca = build_case(*a, ctx, m_people);
      CaseMonth cb = build_case(*b, ctx, m_people);
      assess::Member partner = ca.app.members.front();
      partner.role = assess::Role::partner;
      cb.app.members.insert(cb.app.members.begin() + 1, partner);
      const Money pay_a = payable(ca.app), pay_b = payable(cb.app);
      if (pay_a < k_min_paid || pay_b < k_min_paid) continue;
      a->used = b->used = true;
      Plant& p =
          add_plant(FutRule::person_in_two_cases, true,
                    "one person is the applicant of one case and the partner in another, both paid for the month");
      p.cases = {ref(*a, pay_a), ref(*b, pay_b)};
      p.member = partner.pnr;
      p.amount_at_risk = money::min(pay_a, pay_b);
      plan_of(*a, true);
      plan_of(*b, true).extra_member = partner;
      return;
    }
    too_many(FutRule::person_in_two_cases, m_t);
  }

  // Two cases with nobody in common paid to one account.
  void plant_shared_account(Rng& r) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* a = pick(r, [](const Household& h) { return !h.account.empty(); });
      Household* b = pick(r, [&](const Household& h) { return &h != a; });
      if (a == nullptr || b == nullptr) break;
      CaseMonth cb = build_case(*b, ctx, m_people);
      cb.app.account = a->account;
      const Money pay_a = payable(build_case(*a, ctx, m_people).app), pay_b = payable(cb.app);
      if (pay_a < k_min_paid || pay_b < k_min_paid) continue;
      a->used = b->used = true;
      Plant& p = add_plant(FutRule::shared_account, true,
                           "two cases with no member in common are paid to the same account in the month");
      p.cases = {ref(*a, pay_a), ref(*b, pay_b)};
      p.account = a->account;
      plan_of(*a, true);
      plan_of(*b, true).account = a->account;
      return;
    }
    too_many(FutRule::shared_account, m_t);
  }

  // A one-person case paid for a month after its applicant died (an error), or the applicant
  // dies in the month after the last one paid (a clean edge). Either way the case ends.
  void plant_death(Rng& r, bool error) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(m_t)];
    for (int attempt = 0; attempt < 200; ++attempt) {
      Household* h = pick(r, [](const Household& x) { return x.is_one_person(); });
      if (h == nullptr) break;
      const Money pay = payable(build_case(*h, ctx, m_people).app);
      if (pay < k_min_paid) continue;
      const period::Month death_month = m_month.plus(error ? -1 : 1);
      const period::Date died(death_month.year(), death_month.month(),
                              r.between_int(1, period::days_in_month(death_month.year(), death_month.month())));
      h->used = true;
      h->end = m_month;
      h->exit = ExitReason::death;
      Person& person = m_people[h->adults.front().person];
      person.deceased_on = died;
      Plant& p = add_plant(FutRule::paid_after_death, error,
                           error ? "a one-person case is paid for the month after its applicant died"
                                 : "the applicant died in the month after the last month paid");
      p.cases = {ref(*h, pay)};
      p.member = person.pnr;
      p.deceased_on = died;
      if (error) p.amount_at_risk = pay;
      plan_of(*h, error);
      return;
    }
    if (error) too_many(FutRule::paid_after_death, m_t);
  }

  void emit(int t) {
    const MonthContext& ctx = m_contexts[static_cast<std::size_t>(t)];
    for (const IncomeRow& row : m_pending[static_cast<std::size_t>(t)]) row_out(row);
    m_pending[static_cast<std::size_t>(t)].clear();
    const std::string month_text = m_month.to_string();
    for (const auto& slot : m_slots) {
      const Household& h = *slot;
      CaseMonth cm = build_case(h, ctx, m_people);
      GeneratedApplication ga;
      const auto plan = m_plans.find(h.key);
      if (plan != m_plans.end()) {
        apply(plan->second, cm);
        ga.planted = plan->second.planted;
        ga.edge = plan->second.edge;
      }
      ga.household = h.id;
      ga.file = month_text + "/" + h.id + ".toml";
      ga.month_index = t;
      if (m_p.calculate_all || ga.planted || ga.edge) {
        ga.payable = payable(cm.app);
        ga.calculated = true;
      }
      ga.application = std::move(cm.app);
      m_sink.application(ga);
      for (const IncomeRow& row : cm.rows) {
        row_out(row);
        if (plan == m_plans.end() || plan->second.plant < 0) continue;
        const CasePlan& p = plan->second;
        const IncomeRow* planted = p.extra_row ? &*p.extra_row : (p.raised_row ? &*p.raised_row : nullptr);
        if (planted != nullptr && row.pnr == planted->pnr && row.kind == planted->kind &&
            row.amount == planted->amount) {
          auto& list = p.plant_is_edge ? m_truth.edges : m_truth.planted;
          list[static_cast<std::size_t>(p.plant)].register_line = m_line;
        }
      }
    }
  }

  void row_out(const IncomeRow& row) {
    ++m_line;
    m_sink.income_row(row);
  }

  const Parameters& m_p;
  const norms::NormCatalog& m_norms;
  Sink& m_sink;
  std::vector<HouseholdPtr> m_slots;
  std::vector<int> m_seq;
  std::vector<bool> m_core;
  std::vector<MonthContext> m_contexts;
  std::vector<std::vector<IncomeRow>> m_pending;
  std::vector<Person> m_people;
  PersonnummerPool m_pnrs;
  std::uint64_t m_next_dwelling = 0;
  int m_per_rule = 0;
  Truth m_truth;
  long m_line = 1;  // the header is line 1 of income-register.csv
  int m_t = 0;
  period::Month m_month{2000, 1};
  const norms::NormSet* m_norm = nullptr;
  std::vector<Household*> m_active;
  std::unordered_map<std::uint64_t, CasePlan> m_plans;
};

class Collector : public Sink {
 public:
  explicit Collector(District& d) : m_d(d) {}
  void application(const GeneratedApplication& a) override { m_d.applications.push_back(a); }
  void income_row(const IncomeRow& row) override { m_d.income_register.push_back(row); }
  void population_row(const PopulationRow& row) override { m_d.population.push_back(row); }

 private:
  District& m_d;
};

}  // namespace

void check_parameters(const Parameters& p) {
  ProblemList problems;
  const auto bad = [&](const char* field, const std::string& value, const std::string& why) {
    problems.add(Problem{"", 0, field, value, why});
  };
  if (p.households < 1 || p.households > k_max_households) {
    bad("--households", std::to_string(p.households), "must be 1 to " + std::to_string(k_max_households));
  }
  if (p.months < 1 || p.months > k_max_months) {
    bad("--months", std::to_string(p.months), "must be 1 to " + std::to_string(k_max_months));
  }
  if (static_cast<std::int64_t>(p.households) * p.months > k_max_household_months) {
    bad("--households", std::to_string(p.households),
        "times --months is more than " + std::to_string(k_max_household_months) + " household-months");
  }
  if (p.plant_ppm < 0 || p.plant_ppm > k_max_plant_ppm) {
    bad("--plant-errors", plant_rate_text(p.plant_ppm), "must be 0% to 5%");
  }
  problems.throw_if_any();
}

Truth generate(const Parameters& p, const norms::NormCatalog& norms, Sink& sink) {
  check_parameters(p);
  Generator g(p, norms, sink);
  return g.run();
}

District generate_district(const Parameters& p, const norms::NormCatalog& norms) {
  District d;
  Collector c(d);
  d.truth = generate(p, norms, c);
  return d;
}

TruthHeader truth_header(const Parameters& p) {
  return TruthHeader{p.households, p.months, p.first_month, p.seed, p.plant_ppm};
}

std::uint64_t parse_seed(std::string_view text, std::string_view field) {
  std::uint64_t seed = 0;
  const bool digits =
      !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (!digits || ec != std::errc() || end != text.data() + text.size()) {
    throw InputError(std::string(field), text::quoted(text), "a whole number from 0 to 18446744073709551615");
  }
  return seed;
}

std::int64_t parse_plant_rate(std::string_view text, std::string_view field) {
  const auto fail = [&]() -> std::int64_t {
    throw InputError(std::string(field), text::quoted(text),
                     "a rate in per cent with at most four decimals, 0% to 5%, e.g. 0.5%");
  };
  std::size_t i = 0;
  std::int64_t whole = 0;
  int digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 3) {
    whole = whole * 10 + (text[i++] - '0');
    ++digits;
  }
  if (digits == 0) return fail();
  std::int64_t frac = 0;
  int decimals = 0;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (++decimals > 4) return fail();
      frac = frac * 10 + (text[i++] - '0');
    }
    if (decimals == 0) return fail();
  }
  while (i < text.size() && text[i] == ' ') ++i;
  if (i + 1 != text.size() || text[i] != '%') return fail();
  for (int d = decimals; d < 4; ++d) frac *= 10;
  const std::int64_t ppm = whole * 10'000 + frac;
  if (ppm > k_max_plant_ppm) return fail();
  return ppm;
}

std::string plant_rate_text(std::int64_t ppm) {
  const bool negative = ppm < 0;
  if (negative) ppm = -ppm;
  std::string out = (negative ? "-" : "") + std::to_string(ppm / 10'000);
  std::string frac = std::to_string(ppm % 10'000);
  frac.insert(0, 4 - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  return out + "%";
}

}  // namespace eb::demo
