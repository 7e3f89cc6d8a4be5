// SPDX-License-Identifier: MIT
// Following a FUT flag to its outcome: closing it (no error, error, suspected crime), a claim
// (återkrav) with its deadline for court action, and a waiver (eftergift). Who and when are
// passed in; nothing here reads the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decide/repayment.hpp"
#include "money/money.hpp"
#include "period/date.hpp"

namespace eb::fut {

using money::Money;

// How an investigation ends. An outcome closes the flag.
enum class Outcome { no_error, error, suspected_crime };

// "no-error", "error", "suspected-crime" (the --outcome values).
std::string_view outcome_name(Outcome o);
// "Inget fel", "Fel", "Misstänkt brott".
std::string_view outcome_label_sv(Outcome o);
// The outcome named `text`. Throws InputError naming `field` and listing the names otherwise.
Outcome parse_outcome(std::string_view text, std::string_view field);

// An outcome with its note, who recorded it and when.
struct Resolution {
  Outcome outcome = Outcome::no_error;
  std::string note;
  std::string by;
  period::Date on{1970, 1, 1};
};

// The follow-up state of one flag, as the store holds it.
struct FlagState {
  std::optional<Resolution> resolution;  // none: open
  bool has_claim = false;
  std::string rule;  // the flag's rule id

  bool is_open() const { return !resolution.has_value(); }
};

// Closes an open flag with `outcome`. Throws Conflict naming the earlier outcome, who and when
// if the flag is already closed, and InputError naming "--note" if `note` is blank or "by" if
// `by` is blank.
Resolution resolve(const FlagState& flag, Outcome outcome, std::string note, std::string by, period::Date on);

// The number of years within which the nämnd must bring an action for återkrav in the
// förvaltningsrätt: "inom tre år från det att kommunens kostnader uppkom" (SoL 2025:400
// 33 kap. 5 § första stycket; the same three years in SoL 2001:453 9 kap. 3 § första stycket,
// which still governs bistånd granted before 1 July 2025). Both texts checked in the SFS mirror
// (rules-reference.md [S16][S17]).
inline constexpr int k_claim_action_years = 3;

// The last day the nämnd can bring the action for costs that arose on `costs_arose_on`: the
// same date k_claim_action_years later (29 February gives 28 February, the earlier day). When
// the costs "arose" is eb's reading of the statute, UNCONFIRMED by case law: the day the
// bistånd was paid out, so the caller passes the earliest payment date of what is claimed.
period::Date claim_deadline(period::Date costs_arose_on);
// The statute of that deadline: "SoL (2025:400) 33 kap. 5 §", or "SoL (2001:453) 9 kap. 3 §"
// for bistånd first decided before 1 July 2025 (transitional provision 5 a of SoL 2025:400).
std::string claim_deadline_statute(period::Date first_decided_on);
// The statute of a waiver: "SoL (2025:400) 33 kap. 6 §", or "SoL (2001:453) 9 kap. 4 §".
std::string waiver_statute(period::Date first_decided_on);

// What the investigator asks for with `eb fut-check claim`, or the caseworker with `eb pay claim`.
struct ClaimRequest {
  Money amount;
  std::string decision;                       // the nämnd's decision on the claim (reference or text)
  period::Date first_decided_on{1970, 1, 1};  // when the bistånd claimed was first decided
  period::Date costs_arose_on{1970, 1, 1};    // the earliest payment date of what is claimed
  Money paid;                                 // what can be claimed: paid for the case-month(s) of a flag; for a
                                              // claim on a decision, paid for its application less claims on it
  std::string by;
  period::Date on{1970, 1, 1};
  decide::ClaimGround ground = decide::ClaimGround::wrongly_paid;  // SoL 33 kap. 1, 2 or 3 §
  std::optional<decide::ClaimedDecision> on_decision;              // the decision on the bistånd claimed
  std::string reason;  // a claim on a decision: the circumstances, Swedish ("Försäkringskassan har betalat …")
};

// A claim (återkrav): what is reclaimed, on which ground, decision and statute, and by when
// the nämnd must go to court if it is not repaid voluntarily.
struct Claim {
  Money amount;
  std::string decision;  // the nämnd's decision on the claim
  decide::ClaimGround ground = decide::ClaimGround::wrongly_paid;
  std::optional<std::int64_t> on_decision;  // the decision on the bistånd whose condition grounds it
  std::string reason;                       // a claim on a decision: the circumstances; "" for a flag's
  std::string statute;  // decide::claim_ground_statute: SoL 33 kap. 1, 2 or 3 § (9 kap. 1–2 §§ before 2025-07-01)
  period::Date first_decided_on{1970, 1, 1};
  period::Date costs_arose_on{1970, 1, 1};
  period::Date deadline{1970, 1, 1};  // claim_deadline(costs_arose_on)
  std::string deadline_statute;       // claim_deadline_statute
  std::string by;
  period::Date on{1970, 1, 1};

  // True once `today` is after the deadline: the action can no longer be brought.
  bool is_past_deadline(period::Date today) const { return deadline < today; }
  // Days from `today` to the deadline (negative once past it).
  int days_to_deadline(period::Date today) const { return deadline.days_since(today); }
};

// The claim for `request` on `flag`. Throws Conflict unless the flag is closed as error or
// suspected crime, when it already has a claim, or for an overpayment flag (the excess paid
// beyond a lowered decision is claimed on that decision by `eb pay batch`: a second claim here
// would claim it twice); InputError naming "--amount" unless
// 0 < amount ≤ paid, "--decision" if the decision is blank, "by" if `by` is blank; and what
// decide::check_claim_ground throws (a claim under 33 kap. 2 or 3 § on a decision that stated
// no such condition in writing is a Conflict naming it). SoL (2025:400) 33 kap. 1–3 §§ (SoL
// 2001:453 9 kap. 1–2 §§ for bistånd granted before 2025-07-01).
Claim make_claim(const FlagState& flag, const ClaimRequest& request);
// A claim on the decision `request.on_decision` without a FUT flag (`eb pay claim`), typically
// an advance repaid once the benefit is paid for the same time (33 kap. 2 §). Throws InputError
// naming "--amount" unless 0 < amount ≤ what can be claimed (request.paid), "--decision",
// "--reason" or "by" when blank (or not one line of at most 1 000 characters), "DECISION-ID" when
// no decision is given; and what check_claim_ground throws.
Claim make_decision_claim(const ClaimRequest& request);

// What has happened to a claim's money so far.
struct ClaimBalance {
  Money repaid;
  Money waived;
};
// What is still owed: amount − repaid − waived.
Money outstanding(const Claim& claim, const ClaimBalance& balance);

// A waiver (eftergift): the nämnd gives up all or part of a claim (SoL 2025:400 33 kap. 6 §;
// SoL 2001:453 9 kap. 4 §).
struct Waiver {
  Money amount;
  bool whole = false;  // the whole of what was outstanding
  std::string reason;
  std::string statute;
  std::string by;
  period::Date on{1970, 1, 1};
};

// Waives `amount` of `claim`. Throws InputError naming "--amount" unless 0 < amount ≤ what is
// outstanding, "--reason" if the reason is blank, "by" if `by` is blank; Conflict when nothing
// is outstanding.
Waiver make_waiver(const Claim& claim, const ClaimBalance& balance, Money amount, std::string reason, std::string by,
                   period::Date on);

}  // namespace eb::fut
