// SPDX-License-Identifier: MIT
// Closure (avslut) of a case with its reason (avslutsorsak), the facts behind the report's
// closures by reason and "went on to their own or another support".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "period/date.hpp"

namespace eb::report {

// Why a case was closed. Socialstyrelsen's avslutsorsaker (bilaga 2 of HSLF-FS 2015:30) are
// finer; this is the list (UNCONFIRMED against bilaga 2, rules-reference.md §6).
enum class ClosureReason { work, studies, another_benefit, moved, deceased, other };

inline constexpr ClosureReason k_closure_reasons[] = {
    ClosureReason::work,  ClosureReason::studies,  ClosureReason::another_benefit,
    ClosureReason::moved, ClosureReason::deceased, ClosureReason::other};

// The code in files, options and JSON: "work", "studies", "another_benefit", "moved",
// "deceased", "other".
std::string_view closure_reason_name(ClosureReason r);
// The reason named `code`, or nothing for an unknown code.
std::optional<ClosureReason> closure_reason_from(std::string_view code);
// Swedish: "arbete", "studier", "annan ersättning", "flyttat", "avliden", "annat".
std::string_view closure_reason_label(ClosureReason r);

// One closure of a case: the day it was closed, why, and the arrival day of the application
// that reopened it, if a later application did.
struct Closure {
  period::Date closed_on{1970, 1, 1};
  ClosureReason reason = ClosureReason::other;
  std::optional<period::Date> reopened_on;
};

// The closures of a case on `closed_on` days (oldest first), each reopened by the first
// application that arrived after it: `arrivals` are the arrival days of the case's
// applications in order. Reopening is read from the applications, never stored, so it cannot
// disagree with them.
std::vector<Closure> with_reopenings(std::vector<Closure> closures, const std::vector<period::Date>& arrivals);

// True when the case is closed on `day`: a closure on or before it that no application arriving
// by then has reopened. `closures` as with_reopenings gives them.
bool is_closed_on(const std::vector<Closure>& closures, period::Date day);

// Whether case `case_name` ("C-4") with these applications (`arrivals`, in order) and closures
// (as with_reopenings gives them) may be closed on `on`. Throws InputError naming "--on" when
// `on` is after `today`; Conflict when the case has no application, is closed on `on` already,
// `on` is before its first application arrived or before its last closure, or an application
// arrived after `on` (it would have reopened the case at once).
void check_closure(const std::string& case_name, const std::vector<period::Date>& arrivals,
                   const std::vector<Closure>& closures, period::Date on, period::Date today);

// Throws InputError naming "--note" when the closure's note holds a control character or a
// line break, or more than assess::k_max_text_chars characters (as an application's text
// fields: it is stored, audited and printed).
void check_closure_note(const std::string& note);

}  // namespace eb::report
