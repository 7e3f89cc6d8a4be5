// SPDX-License-Identifier: MIT
// Which rules apply to an application: the transitional provisions (övergångsbestämmelser) of
// the acts that changed försörjningsstöd, as data (norms/transitional.toml, man eb-norms(1)).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::norms {

// How an act's transitional provision decides between its older and its new rules.
enum class TransitionKind {
  // "Äldre föreskrifter gäller fortfarande för en ansökan som har kommit in före
  // ikraftträdandet och som avser tiden före ikraftträdandet" (SFS 2026:896, 2026:897,
  // 2026:1126, 2026:1127, each point 2): the new rules apply unless BOTH hold.
  arrival_and_period,
  // The new act governs every decision made from its entry into force, also about earlier
  // months (SoL 2025:400: the old act is kept only for återkrav of bistånd granted before and
  // for appeals of earlier decisions, transitional points 5–6).
  decision_date,
};
std::string_view transition_kind_name(TransitionKind k);

// One amending act with its entry into force and transitional rule.
struct Transition {
  std::string sfs;    // "2026:897"
  std::string title;  // Swedish, as a letter names it: "lagen (2026:897) om ändring i socialtjänstlagen"
  period::Date in_force{1970, 1, 1};
  TransitionKind kind = TransitionKind::arrival_and_period;
  std::string subject;  // what it changed, English, for the caseworker's note
  std::string source;   // where the rule is read
  long line = 0;
};

// One act whose new rules an application gets although its month is before the act's entry
// into force (by arrival, or by the decision date).
struct AppliedTransition {
  std::string sfs;
  std::string title;
  period::Date in_force{1970, 1, 1};
  TransitionKind kind = TransitionKind::arrival_and_period;
};

// The rules an application is assessed (and decided) under.
struct RuleChoice {
  period::Date norm_day{1970, 1, 1};       // the norm file valid on this day applies (and its rules)
  period::Date law_day{1970, 1, 1};        // the statute references valid on this day are cited
  std::vector<AppliedTransition> applied;  // the acts that moved either day past the month's start
  std::vector<std::string> notes;          // English: which rule set and why, for the assessment
};

class Transitions {
 public:
  Transitions() = default;
  explicit Transitions(std::vector<Transition> acts, std::string path = "");
  // Parses a transitional rules file. Throws InputError (file, line, field, value).
  static Transitions parse(std::string_view text, const std::string& file);

  // The rules for an application for `month` that arrived on `received` (unknown: the month
  // alone decides, and a note says so), decided on `decided_on`: the norm day is the month's
  // first day, moved to an act's entry into force when the application concerns time before it
  // but arrived on or after it (arrival_and_period); the law day is the norm day, moved to an
  // act's entry into force when the decision is made on or after it (decision_date).
  RuleChoice choose(period::Month month, std::optional<period::Date> received, period::Date decided_on) const;
  // The norm day alone (it does not depend on the decision date).
  period::Date norm_day(period::Month month, std::optional<period::Date> received) const;

  const std::vector<Transition>& all() const { return m_acts; }
  const std::string& path() const { return m_path; }

 private:
  std::vector<Transition> m_acts;  // by entry into force
  std::string m_path;
};

}  // namespace eb::norms
