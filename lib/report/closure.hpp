// SPDX-License-Identifier: MIT
// Closure (avslut) of a case with its reason (avslutsorsak), the facts behind the report's
// closures by reason and "went on to their own or another support".
#pragma once

#include <optional>
#include <string_view>

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

}  // namespace eb::report
