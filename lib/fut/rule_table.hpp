// SPDX-License-Identifier: MIT
// The FUT rule table: each rule's id, Swedish name, statute, what it needs and its parameters,
// and the function that runs it. It drives `eb fut-check --help`, the man page and `--rule`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fut/screening.hpp"
#include "fut/screening_index.hpp"

namespace eb::fut {

using RuleFunction = std::vector<Finding> (*)(const ScreeningIndex&, const ScreeningParams&);

// A parameter of a rule, set as "RULE.NAME=VALUE" (e.g. underdeclared-income.tolerance=150).
struct RuleParameter {
  std::string_view name;           // "tolerance"
  std::string_view default_value;  // "100" (as it would be written)
  std::string_view unit;           // "kr", "cases"
  std::string_view description;
  // Sets the parameter in `params` from `value`. Throws InputError naming the parameter.
  void (*set)(ScreeningParams& params, std::string_view value);
};

struct RuleInfo {
  std::string_view id;       // "undeclared-income": in --rule, JSON and evidence keys
  std::string_view name_sv;  // "Oredovisad inkomst"
  std::string_view statute;  // the rule a finding may breach, e.g. "SoL (2025:400) 33 kap. 1 §"
  std::string_view summary;  // what it flags, one sentence
  std::string_view at_risk;  // how amount_at_risk is computed ("none: a signal" for signals)
  std::string_view needs;    // the data it reads, in words
  unsigned index_needs = 0;  // Need bits for build_index
  std::vector<RuleParameter> parameters;
  RuleFunction run = nullptr;
};

// The seven rules of fut.md, in the order findings are listed.
const std::vector<RuleInfo>& rule_table();

// The rule with id `id`, or nullptr.
const RuleInfo* find_rule(std::string_view id);

// The rules named by `ids` (each once, in table order); every rule when `ids` is empty. Throws
// InputError naming "--rule" and the unknown id, with the known ids, for an id not in the table.
std::vector<const RuleInfo*> select_rules(const std::vector<std::string>& ids);

// Sets the parameter "RULE.NAME" to `value`. Throws InputError naming the parameter for an
// unknown one or a bad value.
void set_parameter(ScreeningParams& params, std::string_view qualified_name, std::string_view value);

// Runs `rules` over `input`: the findings of every rule, each evidence key once, ordered by
// rule (table order), month, case and evidence key. Pure: reads nothing but its arguments.
std::vector<Finding> screen(const ScreeningInput& input, const std::vector<const RuleInfo*>& rules,
                            const ScreeningParams& params = {});

// A screening taken in parts, e.g. a month at a time, so that a national year is never in
// memory at once: every rule looks at one month alone, so the parts' findings together are
// exactly what screen() finds over the whole input (the same findings, keys and order).
class Screening {
 public:
  Screening(std::vector<const RuleInfo*> rules, const ScreeningParams& params);
  // Runs the rules over one part. Parts must not share a month.
  void add(const ScreeningInput& part);
  // The findings of every part, as screen() orders them, each evidence key once.
  std::vector<Finding> findings() &&;

 private:
  std::vector<const RuleInfo*> m_rules;
  ScreeningParams m_params;
  unsigned m_needs = 0;
  std::vector<std::vector<Finding>> m_found;  // by rule
};

}  // namespace eb::fut
