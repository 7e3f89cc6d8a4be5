// SPDX-License-Identifier: MIT
// What the generator planted: every FUT error of fut.md's seven rules, the clean near-misses
// beside them, the actions a runner must take (a decision lowered after payment), as data and
// as truth.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "demo/registers.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"
#include "person/personnummer.hpp"

namespace eb::demo {

// The seven screening rules of fut.md, in its order.
enum class FutRule {
  undeclared_income,
  underdeclared_income,
  overpayment,
  person_in_two_cases,
  shared_account,
  paid_after_death,
  address_concentration,
};
inline constexpr int k_fut_rule_count = 7;
// The rule's id as `eb fut-check --rule` and its JSON write it: "undeclared-income", …
std::string_view rule_id(FutRule rule);

// A case in one month. Cases get ids (C-n) only when a store takes them in, so the truth names
// a case by the household's generated id and its applicant's personnummer.
struct CaseRef {
  std::string household;  // "H0000012-001"
  person::Personnummer applicant;
  period::Month month{2000, 1};
  // What calculate() gives for the application (what routine bifall pays), where computed.
  std::optional<money::Money> payable;
};

// One planted error (or one clean near-miss: `error` false) in one month.
struct Plant {
  std::string id;  // "P-1" for errors, "E-1" for clean edges
  FutRule rule = FutRule::undeclared_income;
  bool error = true;
  period::Month month{2000, 1};
  std::vector<CaseRef> cases;
  std::optional<person::Personnummer> member;  // the person the evidence is about
  std::optional<IncomeRow> register_row;       // the income-register row planted (or raised)
  long register_line = 0;                      // its line in income-register.csv (the header is 1)
  std::optional<money::Money> declared;        // underdeclared: what the application says
  std::string account;                         // shared-account
  std::string address;                         // address-concentration
  std::optional<period::Date> deceased_on;     // paid-after-death
  std::optional<money::Money> amount_at_risk;  // where fut.md defines one
  std::string what;                            // one English sentence for people reading the file
};

// Something a runner of the generated year must do for a planted error to exist. The only kind:
// after paying `month`, lower the case's decision for `month` from `granted` to `lowered_to`
// (a reconsideration, omprövning, after payment: fut.md's double payment).
struct Action {
  std::string id;     // "X-1"
  std::string plant;  // the Plant it makes, "P-7"
  period::Month after_paying{2000, 1};
  CaseRef target;
  money::Money granted;
  money::Money lowered_to;
};

struct Truth {
  std::vector<Plant> planted;
  std::vector<Plant> edges;
  std::vector<Action> actions;
};

// The parameters as the truth file records them (so a reader can regenerate the district).
struct TruthHeader {
  int households = 0;
  int months = 0;
  period::Month first_month{2000, 1};
  std::uint64_t seed = 0;
  std::int64_t plant_ppm = 0;
};

// truth.json: {"format", "parameters", "tolerances", "counts", "planted", "clean_edges",
// "actions"}; every amount in öre (`*_ore`, the CSV has kronor), personnummer in full (the
// data are synthetic).
nlohmann::ordered_json truth_json(const TruthHeader& header, const Truth& truth);

}  // namespace eb::demo
