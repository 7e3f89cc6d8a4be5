// SPDX-License-Identifier: MIT
#include "assess/history.hpp"

namespace eb::assess {

namespace {

void apply_adult(Member& m, const MemberHistory& h, period::Month month, std::vector<std::string>& notes) {
  const std::string who = m.pnr.masked();
  const int stored = h.assistance_months;
  const bool run_reaches_start = month.plus(-stored) == *h.known_from || h.stopped_at_unassessed;
  if (m.assistance_months && *m.assistance_months != stored) {
    if (run_reaches_start && *m.assistance_months > stored) {
      notes.push_back("assistance_months for " + who + ": the file's " + std::to_string(*m.assistance_months) +
                      " is kept; the store knows " + std::to_string(stored) +
                      " months in a row and nothing before them (history from " + h.known_from->to_string() +
                      (h.stopped_at_unassessed ? "; an earlier month is not assessed yet" : "") + ")");
    } else {
      notes.push_back("assistance_months for " + who + ": the file says " + std::to_string(*m.assistance_months) +
                      ", the store's history shows " + std::to_string(stored) +
                      " months in a row; the store's value is used");
      m.assistance_months = stored;
    }
  } else if (!m.assistance_months && stored > 0) {
    m.assistance_months = stored;
    notes.push_back("assistance_months for " + who + " = " + std::to_string(stored) + " from the store");
  }
  if (h.stimulus_start) {
    const period::Month start = *h.stimulus_start;
    if (!m.stimulus_start) {
      notes.push_back("stimulus_start for " + who + " = " + start.to_string() + " from the store");
    } else if (*m.stimulus_start != start) {
      notes.push_back("stimulus_start for " + who + ": the file says " + m.stimulus_start->to_string() +
                      ", the store recorded " + start.to_string() + "; the store's value is used");
    }
    m.stimulus_start = start;
  }
}

void apply_child(Member& m, const MemberHistory& h, period::Month month, std::vector<std::string>& notes) {
  if (h.applications_this_year == 0) return;  // no history this year: the file's value stands
  const std::string who = m.pnr.masked();
  const money::Money stored = h.earned_this_year;
  const period::Month january(month.year(), 1);
  if (h.first_month_this_year != january && m.earned_this_year_before > stored) {
    // The store's year starts after January: earnings before it are only in the file.
    notes.push_back("earned_this_year_before for " + who + ": the file's " +
                    money::format_kr(m.earned_this_year_before) +
                    " is kept; the store's applications this year (from " +
                    (h.first_month_this_year ? h.first_month_this_year->to_string() : std::string("?")) + ") show " +
                    money::format_kr(stored));
  } else if (stored != m.earned_this_year_before) {
    notes.push_back("earned_this_year_before for " + who + ": the file says " +
                    money::format_kr(m.earned_this_year_before) + ", the store's applications this year show " +
                    money::format_kr(stored) + "; the store's value is used");
    m.earned_this_year_before = stored;
  }
}

}  // namespace

std::vector<std::string> apply_history(Application& app, const std::vector<MemberHistory>& history) {
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < app.members.size() && i < history.size(); ++i) {
    const MemberHistory& h = history[i];
    if (!h.known_from) continue;  // no history: the file's values stand
    Member& m = app.members[i];
    if (m.is_adult()) {
      apply_adult(m, h, app.month, notes);
    } else {
      apply_child(m, h, app.month, notes);
    }
  }
  return notes;
}

}  // namespace eb::assess
