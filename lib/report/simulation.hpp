// SPDX-License-Identifier: MIT
// Simulation: every stored application of a month assessed twice — under the norm in force for
// its month ("before") and under another norm or month ("after") — and what the change means
// for the case base: totals, who gains and who loses, by household type, the large households.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assess/application.hpp"
#include "money/money.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"
#include "period/month.hpp"

namespace eb::report {

using money::Money;

// Household types of the distribution: ensamstående or sambo/gifta × 0, 1, 2, 3, 4, 5 or more
// children (by headcount; a child in växelvis boende counts as one here, and as 0.5 in the
// large-household reduction, SoF 12 kap. 3 b §).
inline constexpr int k_child_groups = 6;
inline constexpr int k_household_types = 2 * k_child_groups;

// The household type index 0..11 of a household: couples after singles, then by children.
int household_type(bool couple, int children);
// "ensamstående, 2 barn", "sambo/gifta, 5+ barn".
std::string household_type_label(int type);

// One stored application to simulate. `application` is the application as stored.
struct SimulationInput {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  const assess::Application* application = nullptr;
  std::optional<Money> stored_amount;  // its latest stored assessment's amount, if any
  // Set by a source that has no further use for the application: simulate() may then move it
  // (into a batch for another thread) instead of copying it. Points to *application.
  assess::Application* movable = nullptr;
};

// What the simulation needs from outside: which norms and guidelines to use.
struct SimulationSetup {
  period::Month month{2000, 1};        // the stored month simulated (for the report)
  std::optional<period::Month> as_of;  // after: each application moved to this month
  // The riksnorm for an assessment of `month` before and after. Each may throw NormError;
  // that application is then listed as an error, the run goes on.
  std::function<const norms::NormSet&(period::Month)> norm_before;
  std::function<const norms::NormSet&(period::Month)> norm_after;
  // Reads the local guideline an application names (never called for ""); called once per
  // name, and what it returns or throws is kept for the other applications naming it. A
  // NormError or InputError makes those applications CaseErrors.
  std::function<norms::Guideline(const std::string&)> guideline;
  std::size_t top = 10;     // how many of the largest gains and losses to keep
  bool keep_cases = false;  // keep every case (for CSV and JSON), not only the figures
};

// Which of the rules of the 2027 model an assessment applied (SoL 12 kap. 7 a–7 d §§), read
// from its lines' rules.
struct RuleHits {
  bool large_household = false;         // a minskningsbelopp above 0 (7 a §)
  bool large_household_exempt = false;  // the reduction set to 0 for synnerliga skäl (7 a §)
  bool norm_raised = false;             // a personal cost raised above the norm (7 b §)
  bool second_hand_refused = false;     // second-hand rent without consent not counted (7 d §)
};

// How many households each rule hit.
struct RuleCounts {
  std::int64_t large_household = 0;
  std::int64_t large_household_exempt = 0;
  std::int64_t norm_raised = 0;
  std::int64_t second_hand_refused = 0;

  void add(const RuleHits& h);
};

// One simulated household: its amounts before and after, exact.
struct CaseChange {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  bool couple = false;
  int children = 0;          // headcount
  int children_halves = 0;   // children counted as in SoF 12 kap. 3 b §, in halves (växelvis = 1)
  bool alternating = false;  // some child lives here växelvis
  Money before;
  Money after;
  Money reduction_before;  // the large-household reduction (minskningsbelopp), positive; 0 if none
  Money reduction_after;
  RuleHits rules_before;
  RuleHits rules_after;
  std::optional<Money> stored;  // the latest stored assessment's amount

  Money change() const { return after - before; }
  int type() const { return household_type(couple, children); }
};

// An application that could not be assessed on one side or both: the messages say why.
struct CaseError {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  std::string before;  // "" when the before side was assessed
  std::string after;
};

// Sums over a set of households; every amount exact in öre.
struct Tally {
  std::int64_t households = 0;
  std::int64_t gain = 0;
  std::int64_t lose = 0;
  std::int64_t unchanged = 0;
  std::int64_t alternating = 0;  // households with a child in växelvis boende
  Money before;
  Money after;
  Money gained;  // the sum of the positive changes
  Money lost;    // the sum of the negative changes (negative or zero)

  Money difference() const { return after - before; }
  void add(const CaseChange& c);
};

// A band of the change's distribution: changes from `min` to `max`, both inclusive (öre);
// an open end has no bound.
struct ChangeBand {
  std::optional<Money> min;
  std::optional<Money> max;
  std::int64_t households = 0;
  Money change;  // the sum of the changes in the band
};

struct SimulationResult {
  period::Month month{2000, 1};
  std::optional<period::Month> as_of;
  period::Month after_month{2000, 1};     // as_of, else month
  std::vector<std::string> norms_before;  // ids of the norms used, in order of first use
  std::vector<std::string> norms_after;
  std::vector<std::string> warnings;  // of the norms used (estimate, preliminary), once each
  // The same norms as values, for a warning in the reader's language: id and status, once each.
  std::vector<std::pair<std::string, norms::NormStatus>> flagged_norms;

  std::int64_t applications = 0;  // read; = total.households + errors.size()
  Tally total;
  std::array<Tally, k_household_types> by_type{};
  std::vector<ChangeBand> distribution;  // from the largest loss to the largest gain

  // Households the large-household reduction hits after (in id order), and before.
  std::vector<CaseChange> large_households;
  Money large_reduction_after;
  std::int64_t large_households_before = 0;
  Money large_reduction_before;
  // The households each rule of the 2027 model hit, before and after.
  RuleCounts rules_before;
  RuleCounts rules_after;

  std::vector<CaseChange> largest_gains;   // the largest first; ties by application id
  std::vector<CaseChange> largest_losses;  // the largest loss first

  // The fresh "before" against the latest stored assessment (a norm or history changed since).
  std::int64_t stored_same = 0;
  std::int64_t stored_differs = 0;
  std::int64_t not_assessed = 0;

  std::vector<CaseError> errors;  // in id order
  std::vector<CaseChange> cases;  // every simulated case in input order, with keep_cases
};

// Accumulates a simulation one application at a time. Pure: no I/O; the same inputs in the
// same order give the same result.
class Simulation {
 public:
  // Throws std::invalid_argument if a norm function is missing.
  explicit Simulation(SimulationSetup setup);

  // Assesses `in` before and after and adds it. A NormError or InputError from the calculator
  // or the setup's functions makes it a CaseError; other exceptions pass through.
  void add(const SimulationInput& in);
  // The figures; the Simulation is spent afterwards (its result is moved out).
  SimulationResult finish();

  // One application assessed, not yet added: add() is fold(evaluate(in)). evaluate() may run
  // on several threads at once (the setup's norm functions must allow that; its guideline
  // function is called by one thread at a time, once per name); fold() adds in the order it is
  // called.
  struct Outcome {
    CaseChange change;
    std::optional<CaseError> error;
    const norms::NormSet* norm_before = nullptr;
    const norms::NormSet* norm_after = nullptr;
  };
  Outcome evaluate(const SimulationInput& in) const;
  void fold(Outcome&& out);

 private:
  const norms::Guideline* guideline(const std::string& name) const;
  void add_top(const CaseChange& c);

  SimulationSetup m_setup;
  SimulationResult m_result;
  // The guidelines read so far, and the names that could not be read (with the message).
  mutable std::mutex m_guideline_mutex;
  mutable std::map<std::string, norms::Guideline, std::less<>> m_guidelines;
  mutable std::map<std::string, std::string, std::less<>> m_guideline_errors;
};

// Runs `source`, which calls its argument once per application, through a Simulation. With
// `threads` > 1 the applications are copied in batches of `batch` and assessed on up to that
// many threads while `source` goes on; the result is the same for every `threads` and `batch`.
SimulationResult simulate(const std::function<void(const std::function<void(const SimulationInput&)>&)>& source,
                          SimulationSetup setup, unsigned threads = 1, std::size_t batch = 2048);

}  // namespace eb::report
