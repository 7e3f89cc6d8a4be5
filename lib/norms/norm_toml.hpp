// SPDX-License-Identifier: MIT
// The parts of a norm file's TOML shared by the norm parser and the referensvärden parser
// (internal to lib/norms).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/toml_reader.hpp"
#include "money/rounding.hpp"
#include "norms/norm_set.hpp"

namespace eb::norms::detail {

// The rounding rule named at `key`, else `fallback`; a bad name is recorded as a problem.
money::Rounding read_rounding(TomlReader& r, std::string_view key, money::Rounding fallback);
// The integer at `key` within [`min`, `max`], else `fallback`.
int read_int(TomlReader& r, std::string_view key, int fallback, int min, int max);
// The [rules] table.
NormRules parse_rules(TomlReader& r);
// One [[child_band]] table.
ChildBand parse_band(TomlReader& r);
// The keys of a [large_household] table (also of one period in the referensvärden file); the
// caller calls finish() after reading any further keys.
LargeHousehold parse_large_household(TomlReader& r);
// Every [[ref]] table of `r`.
std::vector<StatuteRef> parse_refs(TomlReader& r);

// Records one problem: field, value, message.
using AddProblem = std::function<void(std::string, std::string, std::string)>;
// The child bands cover ages 0–20 in order, without gaps or overlaps (their amounts are the
// caller's to check).
void check_band_ages(const std::vector<ChildBand>& bands, const AddProblem& add);
// The common costs: 7 amounts, positive, increasing with household size.
void check_common_amounts(const std::vector<money::Money>& common, const AddProblem& add);

}  // namespace eb::norms::detail
