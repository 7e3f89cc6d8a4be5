// SPDX-License-Identifier: MIT
#include "report/simulation.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "assess/calculator.hpp"
#include "assess/shift.hpp"
#include "common/error.hpp"

namespace eb::report {

namespace {

// The change bands, by size of the change in kronor: up to 100, 500, 1 000, 2 000 and more.
constexpr std::array<std::int64_t, 4> k_band_kr{100, 500, 1000, 2000};

std::vector<ChangeBand> empty_distribution() {
  std::vector<ChangeBand> bands;
  const auto ore = [](std::int64_t kr) { return Money::from_kr(kr); };
  // Losses, the largest first: below −2 000 kr, −2 000 to −1 000,01, … , −100 to −0,01.
  bands.push_back({std::nullopt, ore(-k_band_kr.back()) - Money::from_ore(1), 0, {}});
  for (std::size_t i = k_band_kr.size(); i-- > 0;) {
    const Money min = -ore(k_band_kr[i]);
    const Money max = i == 0 ? Money::from_ore(-1) : -ore(k_band_kr[i - 1]) - Money::from_ore(1);
    bands.push_back({min, max, 0, {}});
  }
  bands.push_back({Money(), Money(), 0, {}});
  for (std::size_t i = 0; i < k_band_kr.size(); ++i) {
    const Money min = i == 0 ? Money::from_ore(1) : ore(k_band_kr[i - 1]) + Money::from_ore(1);
    bands.push_back({min, ore(k_band_kr[i]), 0, {}});
  }
  bands.push_back({ore(k_band_kr.back()) + Money::from_ore(1), std::nullopt, 0, {}});
  return bands;
}

// The large-household reduction (minskningsbelopp) of an assessment, as a positive amount.
Money large_household_reduction(const assess::Assessment& a) {
  Money sum;
  for (const auto& l : a.lines) {
    if (l.rule == "riksnorm.large_household") sum -= l.amount;
  }
  return sum;
}

RuleHits rule_hits(const assess::Assessment& a) {
  RuleHits h;
  for (const auto& l : a.lines) {
    if (l.rule == "riksnorm.large_household") {
      // Exempt (synnerliga skäl) when the line is there with 0 kr.
      (l.amount.is_zero() ? h.large_household_exempt : h.large_household) = true;
    } else if (l.rule == "riksnorm.raised") {
      h.norm_raised = true;
    } else if (l.rule.size() >= 23 && l.rule.compare(l.rule.size() - 23, 23, ".second_hand_no_consent") == 0) {
      h.second_hand_refused = true;
    }
  }
  return h;
}

void note_norm(std::vector<std::string>& ids, SimulationResult& result, const norms::NormSet& n) {
  if (std::find(ids.begin(), ids.end(), n.id) != ids.end()) return;
  ids.push_back(n.id);
  std::string w;
  if (n.status == norms::NormStatus::estimate) w = n.id + " is an ESTIMATE, not the official table";
  if (n.status == norms::NormStatus::preliminary) {
    w = n.id + " is PRELIMINARY: amounts derived from referensvärden and an index, not yet fixed by the government";
  }
  if (!w.empty() && std::find(result.warnings.begin(), result.warnings.end(), w) == result.warnings.end()) {
    result.warnings.push_back(w);
    result.flagged_norms.emplace_back(n.id, n.status);
  }
}

// Larger changes first; equal changes by application id, so the order never depends on input order.
bool larger_gain(const CaseChange& a, const CaseChange& b) {
  return a.change() != b.change() ? a.change() > b.change() : a.application_id < b.application_id;
}
bool larger_loss(const CaseChange& a, const CaseChange& b) {
  return a.change() != b.change() ? a.change() < b.change() : a.application_id < b.application_id;
}

template <typename Better>
void keep_top(std::vector<CaseChange>& top, const CaseChange& c, std::size_t n, Better better) {
  if (n == 0) return;
  if (top.size() == n && !better(c, top.back())) return;
  top.insert(std::upper_bound(top.begin(), top.end(), c, better), c);
  if (top.size() > n) top.pop_back();
}

}  // namespace

int household_type(bool couple, int children) {
  return (couple ? k_child_groups : 0) + std::clamp(children, 0, k_child_groups - 1);
}

std::string household_type_label(int type) {
  const bool couple = type >= k_child_groups;
  const int children = type % k_child_groups;
  return std::string(couple ? "sambo/gifta" : "ensamstående") + ", " + std::to_string(children) +
         (children == k_child_groups - 1 ? "+" : "") + " barn";
}

void RuleCounts::add(const RuleHits& h) {
  large_household += h.large_household ? 1 : 0;
  large_household_exempt += h.large_household_exempt ? 1 : 0;
  norm_raised += h.norm_raised ? 1 : 0;
  second_hand_refused += h.second_hand_refused ? 1 : 0;
}

void Tally::add(const CaseChange& c) {
  ++households;
  before += c.before;
  after += c.after;
  const Money change = c.change();
  if (change.ore() > 0) {
    ++gain;
    gained += change;
  } else if (change.ore() < 0) {
    ++lose;
    lost += change;
  } else {
    ++unchanged;
  }
  if (c.alternating) ++alternating;
}

Simulation::Simulation(SimulationSetup setup) : m_setup(std::move(setup)) {
  if (!m_setup.norm_before || !m_setup.norm_after)
    throw std::invalid_argument("Simulation: a norm function is missing");
  m_result.month = m_setup.month;
  m_result.as_of = m_setup.as_of;
  m_result.after_month = m_setup.as_of.value_or(m_setup.month);
  m_result.distribution = empty_distribution();
}

const norms::Guideline* Simulation::guideline(const std::string& name) const {
  if (name.empty()) return nullptr;
  const std::lock_guard<std::mutex> lock(m_guideline_mutex);
  if (auto it = m_guidelines.find(name); it != m_guidelines.end()) return &it->second;
  if (auto it = m_guideline_errors.find(name); it != m_guideline_errors.end()) {
    throw NormError(it->second, ExitCode::not_found);
  }
  try {
    if (!m_setup.guideline) {
      throw NormError("guideline = \"" + name + "\": this simulation reads no local guidelines", ExitCode::not_found);
    }
    return &m_guidelines.emplace(name, m_setup.guideline(name)).first->second;
  } catch (const NormError& e) {
    m_guideline_errors.emplace(name, e.what());
    throw;
  } catch (const InputError& e) {
    m_guideline_errors.emplace(name, e.what());
    throw NormError(e.what(), ExitCode::invalid_input);
  }
}

Simulation::Outcome Simulation::evaluate(const SimulationInput& in) const {
  if (in.application == nullptr) throw std::invalid_argument("Simulation: an input without an application");
  const assess::Application& app = *in.application;
  Outcome out;
  CaseChange& c = out.change;
  c.application_id = in.application_id;
  c.case_id = in.case_id;
  c.couple = app.partner() != nullptr;
  for (const auto& m : app.members) {
    if (m.role != assess::Role::child) continue;
    ++c.children;
    c.children_halves += m.alternating_residence ? 1 : 2;
    c.alternating = c.alternating || m.alternating_residence;
  }
  c.stored = in.stored_amount;

  const auto assess_side = [&](bool after, const assess::Application& a, std::string& error) {
    try {
      const norms::NormSet& n = after ? m_setup.norm_after(a.month) : m_setup.norm_before(a.month);
      (after ? out.norm_after : out.norm_before) = &n;
      return std::optional<assess::Assessment>(
          assess::calculate(a, n, guideline(a.guideline), nullptr, assess::Detail::totals));
    } catch (const NormError& e) {
      error = e.what();
    } catch (const InputError& e) {
      error = e.what();
    }
    return std::optional<assess::Assessment>();
  };
  CaseError err{in.application_id, in.case_id, {}, {}};
  const auto before = assess_side(false, app, err.before);
  const auto after = m_setup.as_of ? assess_side(true, assess::shift_month(app, *m_setup.as_of), err.after)
                                   : assess_side(true, app, err.after);
  if (!before || !after) {
    out.error = std::move(err);
    return out;
  }
  c.before = before->totals.amount;
  c.after = after->totals.amount;
  c.reduction_before = large_household_reduction(*before);
  c.reduction_after = large_household_reduction(*after);
  c.rules_before = rule_hits(*before);
  c.rules_after = rule_hits(*after);
  return out;
}

void Simulation::add(const SimulationInput& in) {
  fold(evaluate(in));
}

void Simulation::fold(Outcome&& out) {
  ++m_result.applications;
  if (out.norm_before) note_norm(m_result.norms_before, m_result, *out.norm_before);
  if (out.norm_after) note_norm(m_result.norms_after, m_result, *out.norm_after);
  if (out.error) {
    m_result.errors.push_back(std::move(*out.error));
    return;
  }
  const CaseChange& c = out.change;
  m_result.total.add(c);
  m_result.by_type[static_cast<std::size_t>(c.type())].add(c);
  for (auto& band : m_result.distribution) {
    if ((!band.min || *band.min <= c.change()) && (!band.max || c.change() <= *band.max)) {
      ++band.households;
      band.change += c.change();
      break;
    }
  }
  if (c.reduction_after.ore() > 0) {
    m_result.large_households.push_back(c);
    m_result.large_reduction_after += c.reduction_after;
  }
  m_result.rules_before.add(c.rules_before);
  m_result.rules_after.add(c.rules_after);
  if (c.reduction_before.ore() > 0) {
    ++m_result.large_households_before;
    m_result.large_reduction_before += c.reduction_before;
  }
  if (!c.stored) {
    ++m_result.not_assessed;
  } else if (*c.stored == c.before) {
    ++m_result.stored_same;
  } else {
    ++m_result.stored_differs;
  }
  add_top(c);
  if (m_setup.keep_cases) m_result.cases.push_back(c);
}

void Simulation::add_top(const CaseChange& c) {
  if (c.change().ore() > 0) keep_top(m_result.largest_gains, c, m_setup.top, larger_gain);
  if (c.change().ore() < 0) keep_top(m_result.largest_losses, c, m_setup.top, larger_loss);
}

SimulationResult Simulation::finish() {
  SimulationResult r = std::move(m_result);
  m_result = SimulationResult{};
  const auto by_id = [](const auto& a, const auto& b) { return a.application_id < b.application_id; };
  std::stable_sort(r.large_households.begin(), r.large_households.end(), by_id);
  std::stable_sort(r.errors.begin(), r.errors.end(), by_id);
  return r;
}

SimulationResult simulate(const std::function<void(const std::function<void(const SimulationInput&)>&)>& source,
                          SimulationSetup setup, unsigned threads, std::size_t batch_size) {
  Simulation sim(std::move(setup));
  if (threads <= 1) {
    source([&sim](const SimulationInput& in) { sim.add(in); });
    return sim.finish();
  }
  // Batches of copied inputs are assessed on their own threads while `source` goes on; the
  // outcomes are folded in batch order on this thread, so the result does not depend on
  // `threads` or on timing. At most `threads` batches are in flight.
  struct Owned {
    std::int64_t application_id;
    std::int64_t case_id;
    assess::Application application;
    std::optional<Money> stored_amount;
  };
  const std::size_t k_batch = std::max<std::size_t>(batch_size, 1);
  const auto evaluate_all = [&sim](const std::vector<Owned>& batch) {
    std::vector<Simulation::Outcome> outs;
    outs.reserve(batch.size());
    for (const auto& o : batch) {
      outs.push_back(sim.evaluate({o.application_id, o.case_id, &o.application, o.stored_amount}));
    }
    return outs;
  };
  std::deque<std::future<std::vector<Simulation::Outcome>>> running;
  std::vector<Owned> batch;
  const auto fold_front = [&] {
    for (auto& o : running.front().get()) sim.fold(std::move(o));
    running.pop_front();
  };
  const auto launch = [&] {
    running.push_back(std::async(std::launch::async, evaluate_all, std::move(batch)));
    batch = {};
    batch.reserve(k_batch);
    while (running.size() >= threads) fold_front();
  };
  batch.reserve(k_batch);
  source([&](const SimulationInput& in) {
    if (in.application == nullptr) throw std::invalid_argument("Simulation: an input without an application");
    if (in.movable != nullptr) {
      batch.push_back({in.application_id, in.case_id, std::move(*in.movable), in.stored_amount});
    } else {
      batch.push_back({in.application_id, in.case_id, *in.application, in.stored_amount});
    }
    if (batch.size() == k_batch) launch();
  });
  if (!batch.empty()) launch();
  while (!running.empty()) fold_front();
  return sim.finish();
}

}  // namespace eb::report
