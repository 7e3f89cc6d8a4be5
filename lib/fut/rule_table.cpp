// SPDX-License-Identifier: MIT
#include "fut/rule_table.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_set>

#include "common/error.hpp"
#include "common/text.hpp"
#include "fut/rules/rules.hpp"

namespace eb::fut {

namespace {

void set_tolerance(ScreeningParams& p, std::string_view value) {
  const Money m = money::parse_money(value, "underdeclared-income.tolerance");
  if (m.is_negative()) {
    throw InputError("underdeclared-income.tolerance", text::quoted(value), "must not be negative");
  }
  p.underdeclared_tolerance = m;
}

void set_max_cases(ScreeningParams& p, std::string_view value) {
  int n = 0;
  if (!text::parse_digits(value, n) || n < 1) {
    throw InputError("address-concentration.max-cases", text::quoted(value), "must be a whole number, 1 or more");
  }
  p.address_max_cases = n;
}

constexpr std::string_view k_income_statute = "SoL (2025:400) 33 kap. 1 §; bidragsbrottslagen (2007:612) 2 §";

std::vector<RuleInfo> make_table() {
  std::vector<RuleInfo> t;
  t.push_back({k_rule_undeclared_income,
               "Oredovisad inkomst",
               k_income_statute,
               "A register income of a case member, for a month with bistånd paid, of a kind no member of the "
               "case declared for that month.",
               "min(register amount, paid for the month), rows of one case-month together at most what was paid",
               "income register; the applications' declared incomes; payments",
               k_need_income,
               {},
               &find_undeclared_income});
  t.push_back(
      {k_rule_underdeclared_income,
       "Underredovisad inkomst",
       k_income_statute,
       "For an income kind the case declared, the register shows more for the month than the declared "
       "lines, by more than the tolerance.",
       "min(difference, paid for the month)",
       "income register; the applications' declared incomes; payments",
       k_need_income,
       {{"tolerance", "100", "kr",
         "A difference of at most this much is not flagged (exactly 100 kr is not, 100,01 kr is).", &set_tolerance}},
       &find_underdeclared_income});
  t.push_back({k_rule_overpayment,
               "Dubbelutbetalning",
               "SoL (2025:400) 33 kap. 1 §",
               "Payments for a case and month exceed what the decisions in force grant (plus claims already "
               "raised), e.g. after a decision was lowered on reconsideration once paid.",
               "the excess: paid − granted − claimed",
               "payments; decisions in force; claims",
               0,
               {},
               &find_overpayment});
  t.push_back({k_rule_person_in_two_cases,
               "Person i två ärenden",
               "SoL (2025:400) 12 kap. 1 §; 33 kap. 1 §",
               "One personnummer is a member of two or more cases that were all paid for the same month.",
               "the smaller payment (for more cases: all but the largest)",
               "case members; payments",
               k_need_members,
               {},
               &find_person_in_two_cases});
  t.push_back({k_rule_shared_account,
               "Delat konto",
               "signal (SoL (2025:400) 33 kap. 1 § if confirmed)",
               "One bank account received payments for cases with no member in common in the same month.",
               "none: a signal",
               "payments with their accounts; case members",
               0,
               {},
               &find_shared_account});
  t.push_back({k_rule_paid_after_death,
               "Utbetalning efter dödsfall",
               "SoL (2025:400) 12 kap. 1 §; 33 kap. 1 §",
               "A payment for a month after the month a member of the case died in (population register).",
               "the deceased's share: the whole payment for a one-person case, else the member's riksnorm line if "
               "given, else the payment per capita",
               "population register; case members; payments",
               0,
               {},
               &find_paid_after_death});
  t.push_back({k_rule_address_concentration,
               "Adressansamling",
               "signal",
               "More than N paid cases at one address (compared in normal form) in a month.",
               "none: a signal",
               "the applications' addresses; payments",
               0,
               {{"max-cases", "4", "cases", "More paid cases than this at one address are flagged (exactly 4 are not).",
                 &set_max_cases}},
               &find_address_concentration});
  return t;
}

std::string known_ids() {
  std::string out;
  for (const auto& r : rule_table()) {
    if (!out.empty()) out += ", ";
    out += r.id;
  }
  return out;
}

}  // namespace

const std::vector<RuleInfo>& rule_table() {
  static const std::vector<RuleInfo> t = make_table();
  return t;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : rule_table()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<const RuleInfo*> select_rules(const std::vector<std::string>& ids) {
  std::vector<const RuleInfo*> out;
  if (ids.empty()) {
    for (const auto& r : rule_table()) out.push_back(&r);
    return out;
  }
  ProblemList problems;
  std::unordered_set<std::string_view> wanted;
  for (const auto& id : ids) {
    if (!find_rule(id)) {
      problems.add(Problem{"", 0, "--rule", text::quoted(id), "unknown rule (" + known_ids() + ")"});
    } else {
      wanted.insert(find_rule(id)->id);
    }
  }
  problems.throw_if_any();
  for (const auto& r : rule_table()) {
    if (wanted.count(r.id)) out.push_back(&r);
  }
  return out;
}

void set_parameter(ScreeningParams& params, std::string_view qualified_name, std::string_view value) {
  const auto dot = qualified_name.find('.');
  const RuleInfo* rule = dot == std::string_view::npos ? nullptr : find_rule(qualified_name.substr(0, dot));
  if (rule) {
    for (const auto& p : rule->parameters) {
      if (p.name == qualified_name.substr(dot + 1)) {
        p.set(params, value);
        return;
      }
    }
  }
  std::string known;
  for (const auto& r : rule_table()) {
    for (const auto& p : r.parameters) {
      if (!known.empty()) known += ", ";
      known += std::string(r.id) + "." + std::string(p.name);
    }
  }
  throw InputError(std::string(qualified_name), text::quoted(value), "unknown rule parameter (" + known + ")");
}

Screening::Screening(std::vector<const RuleInfo*> rules, const ScreeningParams& params)
    : m_rules(std::move(rules)), m_params(params), m_found(m_rules.size()) {
  for (const auto* r : m_rules) m_needs |= r->index_needs;
}

void Screening::add(const ScreeningInput& part) {
  const ScreeningIndex ix = build_index(part, m_needs);
  for (std::size_t order = 0; order < m_rules.size(); ++order) {
    auto found = m_rules[order]->run(ix, m_params);
    auto& into = m_found[order];
    into.insert(into.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
}

std::vector<Finding> Screening::findings() && {
  struct KeyHash {
    std::size_t operator()(const ContentKey& k) const { return static_cast<std::size_t>(k.prefix()); }
  };
  std::unordered_set<ContentKey, KeyHash> seen;
  std::vector<Finding> out;
  for (auto& found : m_found) {
    std::sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.month, a.case_id, a.evidence_key) < std::tie(b.month, b.case_id, b.evidence_key);
    });
    for (auto& f : found) {
      // Each evidence key once: equal evidence found twice (e.g. a case-month given twice) is one flag.
      if (seen.insert(f.evidence_key).second) out.push_back(std::move(f));
    }
    found = {};
  }
  return out;
}

std::vector<Finding> screen(const ScreeningInput& input, const std::vector<const RuleInfo*>& rules,
                            const ScreeningParams& params) {
  Screening s(rules, params);
  s.add(input);
  return std::move(s).findings();
}

}  // namespace eb::fut
