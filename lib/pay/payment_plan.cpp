// SPDX-License-Identifier: MIT
#include "pay/payment_plan.hpp"

#include <set>

#include "common/ids.hpp"
#include "pay/payee_check.hpp"

namespace eb::pay {

namespace {

std::string app_label(const ApplicationState& s) {
  return format_id(IdKind::application, s.application_id) + " (" + format_id(IdKind::arende, s.case_id) + ", " +
         s.month.to_string() + ")";
}

// The payee of `s`, or the problems that stop a payment to it.
std::optional<Payee> payee_of(const ApplicationState& s, std::vector<Problem>& problems) {
  const std::string where =
      format_id(IdKind::arende, s.case_id) + " " + format_id(IdKind::application, s.application_id);
  Payee p;
  p.name = s.payee_name;
  p.address = s.address;
  const std::size_t before = problems.size();
  for (Problem& problem : payee_problems(s.payee_name, s.account, s.address)) {
    problem.field = where + " " + problem.field;
    problems.push_back(std::move(problem));
  }
  if (problems.size() == before && !s.account.empty()) p.account = parse_bank_account(s.account, "account");
  if (problems.size() != before) return std::nullopt;
  return p;
}

std::string claim_reason(const ApplicationState& s, Money sent, Money earlier_claims) {
  std::string text = "Beslut " + format_id(IdKind::beslut, s.decision_id) + " för " + s.month.to_string() +
                     " beviljar " + money::format_kr(s.granted) + " men " + money::format_kr(sent) +
                     " har redan betalats ut";
  if (!earlier_claims.is_zero()) text += " och " + money::format_kr(earlier_claims) + " har redan krävts åter";
  return text + "; mellanskillnaden " + money::format_kr(sent - earlier_claims - s.granted) +
         " kan krävas åter om förutsättningarna för återkrav är uppfyllda.";
}

}  // namespace

ApplicationMoney money_of(const ApplicationState& s) {
  ApplicationMoney m;
  for (const auto& p : s.payments) {
    if (p.is_sent()) m.sent += p.amount;
    if (p.is_pending()) m.pending += p.amount;
  }
  for (const auto& c : s.claims) m.claimed += c.amount;
  return m;
}

Money due(const ApplicationState& s) {
  const ApplicationMoney m = money_of(s);
  return s.granted + m.claimed - m.sent - m.pending;
}

std::string claim_statute(period::Date first_decided_on) {
  return first_decided_on < period::Date(2025, 7, 1) ? "SoL (2001:453) 9 kap. 1 §" : "SoL (2025:400) 33 kap. 1 §";
}

Money Plan::total() const {
  Money sum;
  for (const auto& p : payments) sum += p.amount;
  return sum;
}

std::size_t Plan::to_accounts() const {
  std::size_t n = 0;
  for (const auto& p : payments) n += p.payee.account ? 1U : 0U;
  return n;
}

Plan plan_batch(const std::vector<ApplicationState>& states, const PlanOptions& options) {
  Plan plan;
  for (const ApplicationState& s : states) {
    ApplicationMoney m = money_of(s);
    // More has left than the decision grants (and than earlier claims cover): one claim.
    const Money overpaid = m.sent - m.claimed - s.granted;
    if (overpaid > Money()) {
      bool has_claim = false;
      for (const auto& c : s.claims) has_claim = has_claim || c.decision_id == s.decision_id;
      if (has_claim) {
        plan.warnings.push_back(app_label(s) + ": " + money::format_kr(overpaid) + " more is paid out than decision " +
                                format_id(IdKind::beslut, s.decision_id) +
                                " grants and its claim covers; raise a further claim by hand");
      } else {
        plan.claims.push_back({s.application_id, s.case_id, s.decision_id, s.month, overpaid,
                               claim_reason(s, m.sent, m.claimed), claim_statute(s.first_decided_on)});
        m.claimed += overpaid;
      }
    }
    Money left = s.granted + m.claimed - m.sent - m.pending;
    if (left < Money()) {
      std::set<std::int64_t> batches;
      for (const auto& p : s.payments) {
        if (p.is_pending()) batches.insert(p.batch_id);
      }
      std::string names;
      for (auto b : batches) names += (names.empty() ? "" : ", ") + format_id(IdKind::batch, b);
      plan.warnings.push_back(app_label(s) + ": batch " + names + ", not yet exported, holds " +
                              money::format_kr(-left) + " more than decision " +
                              format_id(IdKind::beslut, s.decision_id) + " grants; cancel it (eb pay cancel) and " +
                              "run eb pay batch again");
      continue;
    }
    if (left.is_zero()) continue;

    std::vector<Problem> problems;
    const std::optional<Payee> payee = payee_of(s, problems);
    if (!payee) {
      if (options.hold_invalid) {
        for (const auto& p : problems) {
          plan.warnings.push_back("held " + app_label(s) + ", " + money::format_kr(left) + " due: " + p.field +
                                  (p.value.empty() ? "" : " = " + p.value) + ": " + p.message);
        }
      } else {
        plan.problems.insert(plan.problems.end(), problems.begin(), problems.end());
      }
      continue;
    }
    const auto planned = [&](Money amount, std::optional<std::int64_t> reissue_of) {
      return PlannedPayment{s.application_id, s.case_id, s.decision_id, s.month, amount, reissue_of, *payee};
    };
    // Returned payments come back first, as re-issues (oldest first); then the current
    // decision's own payment; then what cancelled payments did not pay.
    std::set<std::int64_t> reissued;
    bool current_paid = false;
    for (const auto& p : s.payments) {
      if (p.reissue_of && !p.cancelled) reissued.insert(*p.reissue_of);
      current_paid = current_paid || (p.decision_id == s.decision_id && !p.reissue_of && !p.cancelled);
    }
    const auto reissue = [&](bool cancelled) {
      for (const auto& p : s.payments) {
        if (left.is_zero()) break;
        const bool unpaid = cancelled ? p.cancelled : p.returned;
        if (!unpaid || reissued.count(p.id) != 0) continue;
        const Money amount = money::min(p.amount, left);
        plan.payments.push_back(planned(amount, p.id));
        left -= amount;
      }
    };
    reissue(false);
    if (!left.is_zero() && !current_paid) {
      plan.payments.push_back(planned(left, std::nullopt));
      left = Money();
    }
    reissue(true);
    if (!left.is_zero()) {
      plan.warnings.push_back(app_label(s) + ": " + money::format_kr(left) + " is due but no payment can carry it");
    }
  }
  return plan;
}

void refuse_unusable_payees(const Plan& plan) {
  if (plan.problems.empty()) return;
  std::vector<Problem> problems = plan.problems;
  problems.push_back(
      {"", 0, "", "", "nothing was paid; correct these, or pay the others with --hold-invalid (these stay due)"});
  throw InputError(problems);
}

}  // namespace eb::pay
