// SPDX-License-Identifier: MIT
// What FUT screening reads and what it finds: the paid case-months of a period with the
// register rows, as plain values, and the findings each rule returns (fut.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "fut/content_key.hpp"
#include "fut/registers.hpp"
#include "money/money.hpp"
#include "period/month.hpp"
#include "period/month_range.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

using money::Money;

// A member of a case in a month.
struct CaseMember {
  person::Personnummer pnr;
  assess::Role role = assess::Role::applicant;
  // The member's own riksnorm line for the month (the personal costs of the norm), when the
  // caller has the assessment; paid-after-death takes it as the deceased's share.
  std::optional<Money> norm_share;
};

// An income the application declared, with the line it comes from.
struct DeclaredIncome {
  person::Personnummer member;
  assess::IncomeKind kind = assess::IncomeKind::other;
  Money amount;
  std::string ref;  // where it was declared, e.g. "A-12 income[2]"
};

// One case and one month with bistånd for that month: the unit every rule looks at. The caller
// gives at most one per case and month (the month's applications together).
struct PaidCaseMonth {
  std::int64_t case_id = 0;
  std::vector<std::int64_t> application_ids;  // A-n of the month (new, renewal, supplement)
  period::Month month{2000, 1};               // the month the bistånd is for
  std::vector<CaseMember> members;
  std::vector<DeclaredIncome> incomes;
  Money paid;     // sent for this month, net of returned payments
  Money granted;  // what the decisions in force grant for it
  Money claimed;  // claims (återkrav) already raised on those decisions
  // The accounts paid to, each as BankAccount::bban() (clearing + number, digits only), so the
  // same account written two ways is one account. Empty for payment by avi.
  std::vector<std::string> accounts;
  std::string address;  // the household's address as the application gives it
};

// Everything one screening reads. Case-months outside `period` are not looked at; register
// rows may cover any months (only those of a paid case-month in the period can match).
struct ScreeningInput {
  period::MonthRange period{period::Month(2000, 1), period::Month(2000, 1)};
  std::vector<PaidCaseMonth> case_months;
  std::vector<IncomeRow> income_rows;
  std::vector<PopulationRow> population_rows;
};

// The rules' parameters (the rule table lists them with their defaults).
struct ScreeningParams {
  // underdeclared-income: a difference of at most this much is not flagged.
  Money underdeclared_tolerance = Money::from_kr(100);
  // address-concentration: more paid cases than this at one address in a month are flagged.
  int address_max_cases = 4;
};

// The payment facts of one case in the finding's month.
struct PaymentEvidence {
  std::int64_t case_id = 0;
  std::vector<std::int64_t> application_ids;
  Money paid;
  Money granted;
  Money claimed;
  int members = 0;
};

// What a finding rests on. Only the parts its rule uses are filled.
struct Evidence {
  std::vector<IncomeRow> register_rows;     // the register rows (source, kind, amount, paid_on, key, import, line)
  std::vector<DeclaredIncome> declared;     // the application lines they contradict (may be none: not declared)
  std::optional<PopulationRow> population;  // the row that gives the date of death
  std::vector<PaymentEvidence> payments;    // every case involved, in the finding's month
  std::string account;                      // shared-account: the account (bban)
  std::string address;                      // address-concentration: the address, normalised
  std::string note;                         // one sentence in Swedish for the investigator; never a personnummer
};

// One finding of one rule.
struct Finding {
  std::string rule;                 // the rule's id, e.g. "undeclared-income"
  std::int64_t case_id = 0;         // the case the finding is about
  std::vector<std::int64_t> cases;  // every case involved, ascending, including case_id
  period::Month month{2000, 1};
  std::optional<person::Personnummer> member;  // callers mask it unless --show-pnr
  Evidence evidence;
  Money amount_at_risk;  // zero for the signal-only rules
  // SHA-256 of the rule's canonical statement of the evidence. Equal evidence gives an equal key
  // in every run, so a store that keeps flags unique by it never flags the same evidence twice;
  // new register rows (or new payment facts) give new keys.
  ContentKey evidence_key;
};

}  // namespace eb::fut
