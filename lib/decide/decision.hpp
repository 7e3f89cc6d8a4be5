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

// One item of the decision, measured against what was applied for (FL 32 §): what was
// applied for, what the assessment counts and what is granted. The reduction for more than
// three children is an item applied for at 0 kr and granted below it.
struct DecisionLine {
  std::string item;   // the assessment line's rule or cost kind, e.g. "rent", "riksnorm.adult"
  std::string label;  // Swedish, as in the assessment
  Money applied;      // what was applied for
  Money assessed;     // what the assessment counts (applied less any cut)
  Money granted;
  Kind outcome = Kind::bifall;
  std::string reason;       // why less than applied for is granted (Swedish); empty for bifall
  std::string reason_code;  // the cut's or the rejection's code (man eb-decide(1)); "" for none or free text
  std::string ref;          // the statute of the assessment line (not stored: the letter reads it from the assessment)

  // What is not granted of what was applied for (öre).
  Money refused() const { return applied - granted; }
};

// A reason: a code with its Swedish text (from the reason catalogue) plus free text.
struct Reason {
  std::string code;  // e.g. "income-exceeds-need"; "free" for free text only
  std::string text;  // Swedish, as the letter prints it
};

// A written condition for repayment, without which no återkrav is possible (SoL 33 kap. 2–3 §§).
enum class Repayment {
  advance,    // bistånd as an advance on a benefit (33 kap. 2 § 1 a)
  repayable,  // bistånd under 12 kap. 2 § given on condition of repayment (33 kap. 3 §)
};
std::string_view repayment_name(Repayment r);  // "advance", "repayable"
std::optional<Repayment> parse_repayment(std::string_view text);

struct RepaymentCondition {
  Repayment kind = Repayment::advance;
  std::string on;       // advance: "FK:sjukpenning" (payer:benefit); "" for repayable
  std::string grounds;  // the circumstances that ground the duty to repay, Swedish
};

// A dissenting opinion (avvikande mening) recorded under FL 30 § and disclosed with the
// decision (FL 33 §).
struct Dissent {
  std::string user;  // user name
  std::string note;  // the opinion, Swedish
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
  Money applied;                            // what was applied for (the assessment's Totals::applied)
  Money assessed;                           // the assessment's payable amount
  Money granted;                            // the total granted: bifall = applied, delbifall below it
  int handling_days = 1;                    // working days from arrival (day 1) to decision; 0 when
                                            // decided before the first working day
  std::optional<std::int64_t> replaces;     // the decision this one replaces
  bool routine = false;                     // made by `--bifall-routine`, confirmed by decided_by
  std::optional<std::string> child_impact;  // barnkonsekvensanalys
  // Why the decision rests on a norm that is not official or municipal (`--allow-unofficial-norm`).
  std::optional<std::string> unofficial_norm;
  // Synnerliga skäl for which the large-household limit is not applied (SoL 12 kap. 7 a § andra
  // stycket): given to the decision (`--synnerliga-skal`) or recorded with the application.
  std::optional<std::string> large_household_exempt;
  std::optional<RepaymentCondition> repayment;  // SoL 33 kap. 2–3 §§
  std::vector<Dissent> dissents;                // FL 30 och 33 §§ (andra styckena)
  std::vector<Reason> reasons;
  std::vector<std::string> statutes;  // rules applied, e.g. "SoL (2025:400) 12 kap. 1 §"
  std::vector<DecisionLine> lines;
  std::string created_at;  // set by the store
};

}  // namespace eb::decide
