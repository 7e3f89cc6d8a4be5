// SPDX-License-Identifier: MIT
// Application (ansökan): one household, one month — the input contract of eb
// (man/eb-application.5). Parsed and validated from TOML or from a JSON object.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/housing.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"
#include "person/personnummer.hpp"

namespace eb::assess {

using money::Money;

enum class Role { applicant, partner, child };
enum class ApplicationKind { new_application, renewal, supplement };

// Costs outside the norm (SoL 12 kap. 7 § första stycket 2) and other needs (12 kap. 1 §).
enum class CostKind {
  rent,
  electricity,
  work_travel,
  home_insurance,
  union_fee,
  akassa_fee,  // outside the norm
  childcare,
  medical,
  medicine,
  dental,
  glasses,
  home_equipment,
  other  // livsföring i övrigt
};

enum class IncomeKind {
  salary,
  self_employment,
  barnbidrag,
  studiebidrag,
  bostadsbidrag,
  underhallsstod,
  sjukpenning,
  sjukersattning,
  aktivitetsersattning,
  aktivitetsstod,
  etableringsersattning,
  a_kassa,
  foraldrapenning,
  pension,
  csn,
  tax_refund,
  swish_deposit,
  flerbarnstillagg,  // with barnbidrag (rules-reference.md §3.1)
  underhallsbidrag,  // from a parent under FB 7 kap. (not underhållsstöd from Försäkringskassan)
  bostadstillagg,    // to pensioners and people with sjuk- or aktivitetsersättning
  vardbidrag,        // the taxable part of vårdbidrag (until 2018)
  omvardnadsbidrag,  // from 2019; counted like the taxable part of vårdbidrag (UNCONFIRMED)
  other
};

std::string_view role_name(Role r);
// The role as the applicant and the nämnd read it: "sökande", "medsökande", "barn".
std::string_view role_label(Role r);
std::string_view kind_name(ApplicationKind k);
std::string_view cost_kind_name(CostKind k);
std::string_view income_kind_name(IncomeKind k);
// Swedish label for letters and breakdowns: "Boendekostnad", "Hushållsel", …
std::string_view cost_kind_label(CostKind k);
std::string_view income_kind_label(IncomeKind k);
// True for the six kinds outside the norm; false for livsföring i övrigt.
bool is_reasonable_cost(CostKind k);
std::optional<CostKind> cost_kind_from(std::string_view name);
std::optional<IncomeKind> income_kind_from(std::string_view name);

struct Member {
  person::Personnummer pnr;
  std::string name;
  Role role = Role::applicant;
  std::string hinder;                           // försörjningshinder code, adults
  std::optional<int> assistance_months;         // adults: consecutive months before `month`
  std::optional<period::Month> stimulus_start;  // adults: first month of jobbstimulans
  bool preschool_lunch = false;                 // children
  bool in_school = false;                       // children
  int days = 30;                                // children: days in the household this month
  bool alternating_residence = false;           // children: växelvis boende (counts 0.5 from 2027)
  Money earned_this_year_before;                // children: kr earned earlier this calendar year
  // A personal cost set higher than the norm (SoL 12 kap. 7 §; from 2027 the norm is a
  // ceiling, 7 b §: särskilda skäl for children, synnerliga skäl for others). The reason is
  // required and is printed on the line.
  Money norm_raise;
  std::string norm_raise_reason;
  // What was applied for above the norm, when more than `norm_raise` (what the caseworker
  // finds grounds for): the difference is a cut with its reason (7 b § from 2027; before,
  // 12 kap. 7 § tredje stycket). Unset means the raise was granted as applied for.
  std::optional<Money> norm_raise_applied;
  long line = 0;

  bool is_adult() const { return role != Role::child; }
};

struct Cost {
  CostKind kind = CostKind::rent;
  Money applied;
  std::optional<Money> approved;
  std::string note;
  // Rent only: a second-hand lease (andrahandsuthyrning). From 2027 rent for it needs the
  // landlord's, housing association's or hyresnämnd's consent unless there are särskilda
  // skäl (SoL 12 kap. 7 d §).
  bool second_hand = false;
  bool consent = false;
  std::string special_reasons;
  long line = 0;
};

struct Income {
  person::Personnummer member;
  IncomeKind kind = IncomeKind::salary;
  Money amount;
  std::string note;
  long line = 0;
};

struct Application {
  period::Month month{2000, 1};
  std::optional<period::Date> received;
  ApplicationKind kind = ApplicationKind::new_application;
  std::string guideline;
  int housemates = 0;
  std::string address;
  std::string account;
  // Synnerliga skäl to exempt the household from the large-household reduction
  // (SoL 12 kap. 7 a §; SoF 12 kap. 3 c §); empty when there are none.
  std::string large_household_exempt;
  // The household's housing situation, for the unit's homelessness figures (eb-report(1));
  // nothing when it is not recorded.
  std::optional<Housing> housing;
  // The day the application became complete, when that is later than `received`: the
  // report's handläggningstid is counted from it. Never before `received`.
  std::optional<period::Date> complete_on;
  std::vector<Member> members;
  std::vector<Cost> costs;
  std::vector<Income> incomes;
  std::string source;         // the file it came from, for messages
  std::string source_sha256;  // of the bytes it was read from (set by read_application)

  const Member& applicant() const;
  const Member* partner() const;
  const Member* member(const person::Personnummer& pnr) const;
  int adult_count() const;
  int child_count() const;
};

// What the caller needs beyond the file format's own rules.
struct ParseOptions {
  bool for_intake = false;  // intake requires `received` and `address`
  bool leap_day_on_feb28 = false;
  // Top-level keys the caller reads itself and the parser lets pass (eb test's `expect`
  // table, eb-test(1)); every other unknown key is still an error.
  std::vector<std::string> caller_keys;
  // The norm's member rules (NormRules::in_school_from_age, in_school_age_on_first_day).
  int in_school_from_age = 18;
  bool in_school_age_on_first_day = false;
};

// Parses and validates an application file's text. `file` names it in messages. Throws
// InputError with one problem per violation (file, line, field, value), nothing else.
Application parse_application(std::string_view toml_text, const std::string& file, const ParseOptions& options = {});

// The same from one JSON object with the same keys (one line of a JSON-lines stream).
Application parse_application_json(std::string_view json_text, const std::string& source,
                                   const ParseOptions& options = {});

}  // namespace eb::assess
