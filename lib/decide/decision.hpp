// SPDX-License-Identifier: MIT
// Decision (beslut): what the applicant receives and can appeal (FL 31–33 §§; decisions.md).
// A decision rests on one stored assessment, grants an amount per item and in total, and is
// never edited: a correction is a new decision that replaces exactly one earlier decision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::decide {

using money::Money;

enum class Kind { bifall, delbifall, avslag };
std::string_view kind_name(Kind k);  // "bifall", "delbifall", "avslag"
std::optional<Kind> parse_kind(std::string_view text);

// The roles of the delegation order and of `eb users add`.
enum class Role { socialsekreterare, gruppledare, enhetschef, fut, admin };
std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view text);

// One item of the decision: what the assessment found (assessed) and what is granted.
struct DecisionLine {
  std::string item;   // the assessment line's rule or cost kind, e.g. "rent", "riksnorm.adult"
  std::string label;  // Swedish, as in the assessment
  Money assessed;
  Money granted;
  Kind outcome = Kind::bifall;
  std::string reason;  // why less than assessed was granted; empty for bifall
};

// A reason: a code with its Swedish text (from the reason catalogue) plus free text.
struct Reason {
  std::string code;  // e.g. "income-exceeds-need"; "free" for free text only
  std::string text;  // Swedish, as the letter prints it
};

struct Decision {
  std::int64_t id = 0;  // 0 until stored
  std::int64_t application_id = 0;
  std::int64_t assessment_id = 0;
  Kind kind = Kind::bifall;
  period::Date decided_on{1970, 1, 1};
  std::string decided_by;                   // user name
  std::optional<std::string> presented_by;  // föredragande, when not the decision-maker
  std::string delegation;                   // the delegation point acted under, e.g. "3.1 (SN 2026-01-20 § 12)"
  std::string authority;                    // the nämnd the decision is made for (and an appeal is sent to)
  Money assessed;                           // the assessment's payable amount
  Money granted;                            // the total granted
  int handling_days = 1;                    // working days from arrival (day 1) to decision; 0 when
                                            // decided before the first working day
  std::optional<std::int64_t> replaces;     // the decision this one replaces
  bool routine = false;                     // made by `--bifall-routine`, confirmed by decided_by
  std::optional<std::string> child_impact;  // barnkonsekvensanalys
  std::vector<Reason> reasons;
  std::vector<std::string> statutes;  // rules applied, e.g. "SoL (2025:400) 12 kap. 1 §"
  std::vector<DecisionLine> lines;
  std::string created_at;  // set by the store
};

}  // namespace eb::decide
