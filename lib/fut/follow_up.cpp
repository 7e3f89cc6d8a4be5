// SPDX-License-Identifier: MIT
#include "fut/follow_up.hpp"

#include <algorithm>
#include <array>

#include "assess/limits.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "fut/rules/rules.hpp"

namespace eb::fut {

namespace {

struct OutcomeInfo {
  Outcome outcome;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<OutcomeInfo, 3> k_outcomes{{
    {Outcome::no_error, "no-error", "Inget fel"},
    {Outcome::error, "error", "Fel"},
    {Outcome::suspected_crime, "suspected-crime", "Misstänkt brott"},
}};

// The day SoL (2025:400) came into force; bistånd granted before it is governed by SoL
// (2001:453) in matters of återkrav (transitional provision 5 a).
const period::Date k_new_sol{2025, 7, 1};

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The claim for `request` once the flag (if any) allows one: the amount within `request.paid`
// (`too_much` says why not), the decisions, the ground and its written condition.
Claim claim_of(const ClaimRequest& request, const std::string& too_much, bool needs_reason) {
  ProblemList problems;
  if (request.amount <= Money()) {
    problems.add(Problem{"", 0, "--amount", money::format_kr(request.amount), "a claim must be more than 0 kr"});
  } else if (request.amount > request.paid) {
    problems.add(Problem{"", 0, "--amount", money::format_kr(request.amount), too_much});
  }
  if (blank(request.decision)) {
    problems.add(Problem{"", 0, "--decision", "", "the nämnd's decision on the claim is required"});
  } else if (const std::string why = text::line_problem(request.decision, assess::k_max_text_chars); !why.empty()) {
    problems.add(Problem{"", 0, "--decision", text::quoted(text::terminal_safe(request.decision)), why});
  }
  if (needs_reason && blank(request.reason)) {
    problems.add(Problem{"", 0, "--reason", "",
                         "the circumstances that ground the claim are required (e.g. what the benefit paid for the "
                         "same time)"});
  } else if (const std::string why = text::line_problem(request.reason, assess::k_max_text_chars); !why.empty()) {
    problems.add(Problem{"", 0, "--reason", text::quoted(text::terminal_safe(request.reason)), why});
  }
  if (blank(request.by)) problems.add(Problem{"", 0, "by", "", "who raises the claim is required"});
  problems.throw_if_any();
  decide::check_claim_ground(request.ground, request.on_decision);
  Claim c;
  c.amount = request.amount;
  c.decision = request.decision;
  c.ground = request.ground;
  c.reason = request.reason;
  if (request.on_decision) c.on_decision = request.on_decision->id;
  c.statute = decide::claim_ground_statute(request.ground, request.first_decided_on);
  c.first_decided_on = request.first_decided_on;
  c.costs_arose_on = request.costs_arose_on;
  c.deadline = claim_deadline(request.costs_arose_on);
  c.deadline_statute = claim_deadline_statute(request.first_decided_on);
  c.by = request.by;
  c.on = request.on;
  return c;
}

}  // namespace

std::string_view outcome_name(Outcome o) {
  return k_outcomes[static_cast<std::size_t>(o)].name;
}

std::string_view outcome_label_sv(Outcome o) {
  return k_outcomes[static_cast<std::size_t>(o)].label;
}

Outcome parse_outcome(std::string_view text, std::string_view field) {
  for (const auto& o : k_outcomes) {
    if (o.name == text) return o.outcome;
  }
  throw InputError(std::string(field), text::quoted(text), "unknown outcome (no-error, error, suspected-crime)");
}

Resolution resolve(const FlagState& flag, Outcome outcome, std::string note, std::string by, period::Date on) {
  if (flag.resolution) {
    const auto& r = *flag.resolution;
    throw Conflict("the flag is already closed: " + std::string(outcome_name(r.outcome)) + " on " + r.on.to_string() +
                   " by " + r.by);
  }
  if (blank(note)) throw InputError("--note", "", "a note is required: say what the investigation found");
  if (blank(by)) throw InputError("by", "", "who closes the flag is required");
  return Resolution{outcome, std::move(note), std::move(by), on};
}

period::Date claim_deadline(period::Date costs_arose_on) {
  const int year = costs_arose_on.year() + k_claim_action_years;
  const int month = costs_arose_on.month();
  const int day = std::min(costs_arose_on.day(), period::days_in_month(year, month));
  return period::Date(year, month, day);
}

std::string claim_deadline_statute(period::Date first_decided_on) {
  return first_decided_on < k_new_sol ? "SoL (2001:453) 9 kap. 3 §" : "SoL (2025:400) 33 kap. 5 §";
}

std::string waiver_statute(period::Date first_decided_on) {
  return first_decided_on < k_new_sol ? "SoL (2001:453) 9 kap. 4 §" : "SoL (2025:400) 33 kap. 6 §";
}

Claim make_claim(const FlagState& flag, const ClaimRequest& request) {
  if (!flag.resolution) {
    throw Conflict("the flag is open: close it as error or suspected-crime (eb fut-check resolve) before a claim");
  }
  if (flag.resolution->outcome == Outcome::no_error) {
    throw Conflict("the flag was closed as no-error on " + flag.resolution->on.to_string() + ": nothing to reclaim");
  }
  if (flag.has_claim) throw Conflict("the flag already has a claim");
  if (flag.rule == k_rule_overpayment) {
    throw Conflict(
        "an overpayment beyond a lowered decision is claimed on that decision: run `eb pay batch` (it raises the "
        "claim under SoL 33 kap. 1 §); a claim on the flag as well would claim the same money twice");
  }
  return claim_of(request, "is more than was paid (" + money::format_kr(request.paid) + ")", false);
}

Claim make_decision_claim(const ClaimRequest& request) {
  if (!request.on_decision) {
    throw InputError("DECISION-ID", "", "a claim on a decision names the decision on the bistånd claimed (D-n)");
  }
  return claim_of(request,
                  "is more than is left to claim of what was paid under " +
                      format_id(IdKind::beslut, request.on_decision->id) + " (" + money::format_kr(request.paid) + ")",
                  true);
}

Money outstanding(const Claim& claim, const ClaimBalance& balance) {
  return claim.amount - balance.repaid - balance.waived;
}

Waiver make_waiver(const Claim& claim, const ClaimBalance& balance, Money amount, std::string reason, std::string by,
                   period::Date on) {
  const Money left = outstanding(claim, balance);
  if (left <= Money()) throw Conflict("nothing is outstanding on the claim: there is nothing to waive");
  ProblemList problems;
  if (amount <= Money()) {
    problems.add(Problem{"", 0, "--amount", money::format_kr(amount), "a waiver must be more than 0 kr"});
  } else if (amount > left) {
    problems.add(Problem{"", 0, "--amount", money::format_kr(amount),
                         "is more than is outstanding (" + money::format_kr(left) + ")"});
  }
  if (blank(reason)) problems.add(Problem{"", 0, "--reason", "", "the reason for the waiver is required"});
  if (blank(by)) problems.add(Problem{"", 0, "by", "", "who decides the waiver is required"});
  problems.throw_if_any();
  return Waiver{amount, amount == left, std::move(reason), waiver_statute(claim.first_decided_on), std::move(by), on};
}

}  // namespace eb::fut
