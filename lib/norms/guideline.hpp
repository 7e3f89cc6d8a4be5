// SPDX-License-Identifier: MIT
// Guideline: a municipality's local guideline, e.g. caps on rent by household type.
// Local policy, not national law (rules-reference.md §2.4): always data, never code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "period/date.hpp"

namespace eb::norms {

// A cap on one cost kind for households of a given composition.
struct CostCap {
  std::string kind;   // a cost kind, e.g. "rent"
  std::string label;  // "1 vuxen, inga barn"
  int adults = 1;
  int children_min = 0;
  int children_max = 99;
  money::Money amount;
  long line = 0;
};

struct Guideline {
  std::string id;
  std::string title;
  std::string status;  // "example" for the shipped example; "adopted" for a nämnd's decision
  std::string source;
  period::Date valid_from{1970, 1, 1};
  std::optional<period::Date> valid_to;
  std::vector<CostCap> caps;
  std::string path;
  std::string sha256;
  std::string text;  // the file's bytes

  // The cap for `kind` for a household of `adults` and `children`, or nullptr.
  const CostCap* cap_for(std::string_view kind, int adults, int children) const;
};

// What a guideline name is: the rule, as messages state it.
inline constexpr std::string_view k_guideline_name_rule =
    "a guideline is named by its file in norms/local/: lower-case letters, digits, '_' and '-' "
    "(e.g. \"example\"), at most 64 characters, never a path";
// True if `name` is an identifier [a-z0-9_-]{1,64}: the name of a file in norms/local/, never
// a path (issue 11: "../riksnorm/2026" opened any *.toml on the machine).
bool is_guideline_name(std::string_view name);

// Parses a guideline file. Throws InputError naming file, line and field.
Guideline parse_guideline_text(std::string_view text, const std::string& file);

}  // namespace eb::norms
