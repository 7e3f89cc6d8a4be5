// SPDX-License-Identifier: MIT
#include "norms/transitional.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "period/period_reader.hpp"

namespace eb::norms {

std::string_view transition_kind_name(TransitionKind k) {
  return k == TransitionKind::decision_date ? "decision_date" : "arrival_and_period";
}

Transitions::Transitions(std::vector<Transition> acts, std::string path)
    : m_acts(std::move(acts)), m_path(std::move(path)) {
  std::stable_sort(m_acts.begin(), m_acts.end(),
                   [](const Transition& a, const Transition& b) { return a.in_force < b.in_force; });
}

Transitions Transitions::parse(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  std::vector<Transition> acts;
  for (auto& a : r.tables("act")) {
    Transition t;
    t.line = a.line();
    t.sfs = a.string("sfs", true).value_or("");
    t.title = a.string("title", true).value_or("");
    t.in_force = period::read_date(a, "in_force", true).value_or(period::Date(1970, 1, 1));
    if (const auto kind = a.string("kind", true)) {
      if (*kind == "arrival_and_period") {
        t.kind = TransitionKind::arrival_and_period;
      } else if (*kind == "decision_date") {
        t.kind = TransitionKind::decision_date;
      } else {
        a.problem("kind", text::quoted(*kind), "must be \"arrival_and_period\" or \"decision_date\"");
      }
    }
    t.subject = a.string("subject", true).value_or("");
    t.source = a.string("source", true).value_or("");
    for (const auto& other : acts) {
      if (other.sfs == t.sfs && !t.sfs.empty()) a.problem("sfs", text::quoted(t.sfs), "appears twice");
    }
    a.finish();
    acts.push_back(std::move(t));
  }
  r.finish();
  problems.throw_if_any();
  return Transitions(std::move(acts), file);
}

period::Date Transitions::norm_day(period::Month month, std::optional<period::Date> received) const {
  period::Date day = month.first_day();
  if (!received) return day;
  for (const auto& t : m_acts) {
    if (t.kind == TransitionKind::arrival_and_period && month.first_day() < t.in_force && t.in_force <= *received) {
      day = std::max(day, t.in_force);
    }
  }
  return day;
}

RuleChoice Transitions::choose(period::Month month, std::optional<period::Date> received,
                               period::Date decided_on) const {
  RuleChoice c;
  const period::Date start = month.first_day();
  c.norm_day = norm_day(month, received);
  for (const auto& t : m_acts) {
    if (t.kind != TransitionKind::arrival_and_period || !(start < t.in_force)) continue;
    if (received && t.in_force <= *received) {
      c.applied.push_back({t.sfs, t.title, t.in_force, t.kind});
      c.notes.push_back("the rules of " + t.in_force.to_string() + " apply (SFS " + t.sfs + ", " + t.subject +
                        "): the application concerns " + month.to_string() + " but arrived " + received->to_string() +
                        ", on or after the act's entry into force; its older rules are kept only for an application "
                        "that arrived before " +
                        t.in_force.to_string() + " and concerns time before it (" + t.source + ")");
    } else if (!received && t.in_force <= decided_on) {
      c.notes.push_back("no arrival date (received): the older rules of SFS " + t.sfs + " are used for " +
                        month.to_string() + "; an application that arrived on or after " + t.in_force.to_string() +
                        " gets its new rules (" + t.source + ")");
    }
  }
  c.law_day = c.norm_day;
  for (const auto& t : m_acts) {
    if (t.kind != TransitionKind::decision_date || !(c.law_day < t.in_force) || decided_on < t.in_force) continue;
    c.law_day = t.in_force;
    c.applied.push_back({t.sfs, t.title, t.in_force, t.kind});
    c.notes.push_back("the statutes in force on " + t.in_force.to_string() + " are cited (SFS " + t.sfs + ", " +
                      t.subject + "): a decision made on or after that day follows the new act, also for " +
                      month.to_string() + " (" + t.source + ")");
  }
  return c;
}

}  // namespace eb::norms
