// SPDX-License-Identifier: MIT
// What `eb pay batch` pays: for each decided application the amount still due under its
// current decision, as a first payment or as re-issues of returned payments, and the claims
// (återkrav) where more has left the municipality than the current decision grants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "money/money.hpp"
#include "pay/bank_account.hpp"
#include "pay/batch.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::pay {

using money::Money;

// A payment of an application.
struct PaymentFact {
  std::int64_t id = 0;
  std::int64_t batch_id = 0;
  std::int64_t decision_id = 0;
  std::optional<std::int64_t> reissue_of;
  Money amount;
  BatchStatus batch_status = BatchStatus::created;
  bool cancelled = false;  // with its batch, before export
  bool returned = false;   // by the bank, after export

  // Live: neither cancelled nor returned; it pays, or will pay, its amount.
  bool is_live() const { return !cancelled && !returned; }
  // Sent: live, in an exported or confirmed batch: money that has left.
  bool is_sent() const { return is_live() && pay::is_sent(batch_status); }
  // Pending: live, in a batch that is created but not yet exported.
  bool is_pending() const { return is_live() && batch_status == BatchStatus::created; }
};

// A claim raised on one of the application's decisions.
struct ClaimFact {
  std::int64_t id = 0;
  std::int64_t decision_id = 0;
  Money amount;
};

// An application with a current decision, and everything paid or claimed on it.
struct ApplicationState {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  period::Month month{2000, 1};
  std::int64_t decision_id = 0;               // the current decision: the one no later decision replaces
  Money granted;                              // what it grants
  period::Date first_decided_on{1970, 1, 1};  // the application's first decision
  std::string payee_name;                     // the applicant's name
  std::string address;
  std::string account;  // as stored with the application; empty: payment by avi
  std::vector<PaymentFact> payments;
  std::vector<ClaimFact> claims;
};

// The money of one application: sent and pending live payments, and the claims on its decisions.
struct ApplicationMoney {
  Money sent;
  Money pending;
  Money claimed;
};
ApplicationMoney money_of(const ApplicationState& s);

// What is still to pay under the current decision: granted + claimed − sent − pending. A claim
// turns money paid beyond a lowered decision into a debt, so it no longer counts as paid.
// Negative when more is sent or pending than that (a claim or a cancellation is due).
Money due(const ApplicationState& s);

// The statute a claim of an application rests on: SoL (2025:400) 33 kap. 1 § for bistånd
// granted from 1 July 2025, SoL (2001:453) 9 kap. 1 § for bistånd granted before (the
// transitional provisions of SoL 2025:400; rules-reference.md §5.3). Granted = first decided.
std::string claim_statute(period::Date first_decided_on);

// Who receives a payment: the applicant's own account, or an avi to their address.
struct Payee {
  std::string name;
  std::optional<BankAccount> account;
  std::string address;
};

struct PlannedPayment {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  std::int64_t decision_id = 0;
  period::Month month{2000, 1};
  Money amount;
  std::optional<std::int64_t> reissue_of;
  Payee payee;
};

struct PlannedClaim {
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  std::int64_t decision_id = 0;
  period::Month month{2000, 1};
  Money amount;
  std::string reason;  // Swedish, as a letter would print it
  std::string statute;
};

struct PlanOptions {
  // Leave applications whose payee data is unusable (an invalid account, an avi without name
  // or address) out of the batch, with a warning, instead of refusing the whole batch.
  bool hold_invalid = false;
};

struct Plan {
  std::vector<PlannedPayment> payments;
  std::vector<PlannedClaim> claims;
  // Unusable payee data, one problem per application and field ("C-3 A-7 account"). Unless
  // `hold_invalid`, any problem refuses the batch.
  std::vector<Problem> problems;
  // Applications left out, and batches that hold more than a lowered decision grants.
  std::vector<std::string> warnings;

  Money total() const;
  std::size_t to_accounts() const;
};

// Refuses `plan` as a whole when any payee is unusable (an invalid account, an avi without name
// or address): throws InputError listing every problem. With `hold_invalid` those applications
// are already left out of the plan, with a warning each.
void refuse_unusable_payees(const Plan& plan);

// The plan for `states` (in the order given): per application, a claim when the sent payments
// exceed the grant plus earlier claims; then, when something is due, re-issues of the returned
// payments that have no live re-issue (oldest first, each at most its amount), the current
// decision's first payment if it has none, and re-issues of cancelled payments for what is left
// (a batch cancelled after a later decision's payment was made).
Plan plan_batch(const std::vector<ApplicationState>& states, const PlanOptions& options);

}  // namespace eb::pay
