// SPDX-License-Identifier: MIT
#include "report/closure.hpp"

#include <algorithm>
#include <array>

#include "assess/limits.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::report {

namespace {

struct ReasonInfo {
  ClosureReason reason;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<ReasonInfo, 6> k_info{{
    {ClosureReason::work, "work", "arbete"},
    {ClosureReason::studies, "studies", "studier"},
    {ClosureReason::another_benefit, "another_benefit", "annan ersättning"},
    {ClosureReason::moved, "moved", "flyttat"},
    {ClosureReason::deceased, "deceased", "avliden"},
    {ClosureReason::other, "other", "annat"},
}};

const ReasonInfo& info(ClosureReason r) {
  for (const auto& i : k_info) {
    if (i.reason == r) return i;
  }
  return k_info.back();
}

}  // namespace

std::string_view closure_reason_name(ClosureReason r) {
  return info(r).name;
}

std::optional<ClosureReason> closure_reason_from(std::string_view code) {
  for (const auto& i : k_info) {
    if (i.name == code) return i.reason;
  }
  return std::nullopt;
}

std::string_view closure_reason_label(ClosureReason r) {
  return info(r).label;
}

std::vector<Closure> with_reopenings(std::vector<Closure> closures, const std::vector<period::Date>& arrivals) {
  std::sort(closures.begin(), closures.end(),
            [](const Closure& a, const Closure& b) { return a.closed_on < b.closed_on; });
  for (Closure& c : closures) {
    const auto later = std::upper_bound(arrivals.begin(), arrivals.end(), c.closed_on);
    c.reopened_on = later == arrivals.end() ? std::nullopt : std::optional<period::Date>(*later);
  }
  return closures;
}

bool is_closed_on(const std::vector<Closure>& closures, period::Date day) {
  for (auto it = closures.rbegin(); it != closures.rend(); ++it) {
    if (it->closed_on > day) continue;
    return !it->reopened_on || *it->reopened_on > day;  // the last closure by `day` decides
  }
  return false;
}

void check_closure(const std::string& case_name, const std::vector<period::Date>& arrivals,
                   const std::vector<Closure>& closures, period::Date on, period::Date today) {
  if (on > today) throw InputError("--on", on.to_string(), "is after today (" + today.to_string() + ")");
  if (arrivals.empty()) throw Conflict(case_name + " has no application; there is nothing to close");
  if (on < arrivals.front()) {
    throw Conflict(case_name + " cannot be closed on " + on.to_string() + ": its first application arrived " +
                   arrivals.front().to_string());
  }
  if (!closures.empty()) {
    const Closure& last = closures.back();
    if (on < last.closed_on) {
      throw Conflict(case_name + " cannot be closed on " + on.to_string() + ", before its last closure (" +
                     last.closed_on.to_string() + ")");
    }
    if (is_closed_on(closures, on)) {
      throw Conflict(case_name + " is closed already (" + last.closed_on.to_string() + ", " +
                     std::string(closure_reason_name(last.reason)) + "); a later application reopens it");
    }
  }
  if (arrivals.back() > on) {
    throw Conflict(case_name + " cannot be closed on " + on.to_string() + ": an application arrived after it (" +
                   arrivals.back().to_string() + "), which reopens the case; close it on that day or later");
  }
}

void check_closure_note(const std::string& note) {
  if (auto why = text::line_problem(note, assess::k_max_text_chars); !why.empty()) {
    throw InputError("--note", text::quoted(text::terminal_safe(note)), why);
  }
}

}  // namespace eb::report
