// SPDX-License-Identifier: MIT
// NormSet: one riksnorm file as plain data (amounts, age bands, rules, dated statute refs).
// Both the 2013–2026 structure and the 2027 structure (SFS 2026:1126) are expressed as data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "money/money.hpp"
#include "money/ratio.hpp"
#include "money/rounding.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::norms {

using money::Money;

// How far a norm file's figures can be trusted (rules-reference.md §9, status key).
enum class NormStatus { official, municipal, derived, estimate, preliminary };
std::string_view status_name(NormStatus s);

// One age band of children's personal costs. Ages are completed years, both inclusive.
struct ChildBand {
  std::string label;
  int min_age = 0;
  int max_age = 0;
  Money amount;                            // med lunch: the ordinary amount
  std::optional<Money> without_lunch;      // "utan lunch 5 dagar/vecka", where the band has one
  bool without_lunch_unconfirmed = false;  // the band has the variant but its figure is unknown
  // 2027 model: the referensvärden the amounts were derived from (SoF 12 kap. 1 a §).
  std::optional<Money> reference;
  std::optional<Money> reference_without_lunch;
};

// A statute reference valid over a period: the law was renumbered on 2025-07-01.
struct StatuteRef {
  std::string key;  // norm_personal, norm_common, common_share, cost, other_need, income, …
  std::string text;
  period::Date valid_from{1970, 1, 1};
  std::optional<period::Date> valid_to;
  long line = 0;

  // True when this reference is in force on `day`.
  bool covers(period::Date day) const { return valid_from <= day && (!valid_to || day <= *valid_to); }
};

// The large-household reduction (SoL 12 kap. 7 a §; SoF 12 kap. 3 b–3 c §§, from 2027).
struct LargeHousehold {
  int above_children = 3;      // the reduction applies per child beyond this many
  money::Ratio factor_couple;  // married or sambo parents
  money::Ratio factor_other;   // other households
  int average_min_age = 0;     // the personal costs averaged: ages min..max
  int average_max_age = 20;
  int without_lunch_min_age = 1;  // ages whose utan-lunch amount is used in the average
  int without_lunch_max_age = 5;
  money::Rounding rounding = money::Rounding::down_10_kr;
};

// How preliminary amounts were derived (SoF 12 kap. 1 b §): referensvärde × index × uplift.
struct Derivation {
  money::Ratio index;        // jämförelsetal (SCB): an explicit input until fixed
  std::string index_source;  // where the index comes from, or that it is an assumption
  money::Ratio uplift;       // 1.02
  money::Rounding rounding = money::Rounding::nearest_10_kr;
  Money reference_single;
  Money reference_couple;
  std::vector<Money> reference_common;
  std::string reference_id;      // the referensvärden file derived from (norms/reference/)
  std::string reference_sha256;  // of that file's bytes
};

// The named calculation parameters of calculation.md (each "configurable" rule).
struct NormRules {
  bool leap_day_on_feb28 = false;
  int part_month_days = 30;
  money::Rounding part_month_rounding = money::Rounding::ore_half_up;
  money::Rounding common_share_rounding = money::Rounding::ore_half_up;
  money::Rounding payable_rounding = money::Rounding::krona_half_up;
  int jobbstimulans_percent = 25;
  int jobbstimulans_qualifying_months = 6;
  int jobbstimulans_duration_months = 24;
  std::vector<std::string> jobbstimulans_income_kinds{"salary"};
  int children_earnings_limit_pbb = 1;
  // The first month whose employment income gets jobbstimulans: Lag 2013:421 entered into force
  // on 2013-07-01 and "tillämpas inte på inkomster som har intjänats före utgången av juni 2013"
  // (övergångsbestämmelse 2); the income declared for a month is taken as earned in it.
  std::optional<period::Month> jobbstimulans_from;
  // A child of the case from 18 (at the end of the month, or with `in_school_age_on_first_day`
  // at its start) counts only while in school: SoL 12 kap. 9 § covers hemmavarande barn (under
  // 18) and skolungdomar under 21; FB 7 kap. 1 § ends the parents' duty on the 18th birthday.
  // Which edge of the birthday month applies is UNCONFIRMED (a parameter).
  int in_school_from_age = 18;
  bool in_school_age_on_first_day = false;
  // Children under this age get barnbidrag: a household with one and no barnbidrag declared
  // gets a warning (the age is UNCONFIRMED in the domain sources; a parameter).
  int barnbidrag_below_age = 16;
  // Income kinds not counted at all (none by default: every income counts, SoL 12 kap. 1 §).
  std::vector<std::string> income_not_counted;
};

struct NormSet {
  std::string id;
  std::string title;
  period::Date valid_from{1970, 1, 1};
  period::Date valid_to{1970, 1, 1};
  NormStatus status = NormStatus::official;
  std::string sfs;
  std::string source;
  std::string source_note;
  Money prisbasbelopp;
  std::string prisbasbelopp_sfs;
  NormRules rules;
  Money single;  // ensamstående
  Money couple;  // gifta eller sambor, together
  std::vector<ChildBand> bands;
  std::vector<Money> common;  // gemensamma hushållskostnader for 1..7 persons
  // What the norm covers, as the act words it (from 2027 "internet och telefoni" replaces
  // "dagstidning och telefon"); informational, empty when the file does not say.
  std::vector<std::string> items;
  std::optional<LargeHousehold> large_household;
  std::optional<Derivation> derivation;
  std::vector<StatuteRef> refs;

  std::string path;    // the file it was read from
  std::string sha256;  // of the file's bytes: an assessment records it to be reproducible
  std::string text;    // the file's bytes, kept so the store can archive exactly what was used

  // The band for a child of `age`; nullptr if no band covers it.
  const ChildBand* band_for_age(int age) const;
  // Common household costs for `persons` (>= 1): the table up to 7, beyond that each person
  // adds table[7] − table[6] (SoF 12 kap. 3 §).
  Money common_for(int persons) const;
  // The statute text for `key` valid on `day`. Throws NormError if the file has none.
  const std::string& ref(std::string_view key, period::Date day) const;
  // The same, or nullptr when the file has no such reference on `day`: how a rule that
  // starts on a date (the 2027 ceiling, 7 b §; second-hand rent, 7 d §) knows it is in force.
  const std::string* find_ref(std::string_view key, period::Date day) const;
  // True when `day` falls inside this norm's validity.
  bool covers(period::Date day) const { return valid_from <= day && day <= valid_to; }
};

// The statute-reference keys every norm file must define for its whole validity.
const std::vector<std::string>& required_ref_keys();
// The keys a norm file may define for part or all of its validity: rules that start on a date
// (large_household, required with [large_household]; norm_ceiling, SoL 12 kap. 7 b §;
// second_hand_rent, 12 kap. 7 d §, both from 2027). Their presence puts the rule in force.
// norm_raise is the statute of a norm raised for särskilda skäl before the ceiling (SoL 12 kap.
// 7 § tredje stycket; old SoL 4 kap. 3 § andra stycket); without it norm_personal is cited.
const std::vector<std::string>& optional_ref_keys();

}  // namespace eb::norms
