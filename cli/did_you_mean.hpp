// SPDX-License-Identifier: MIT
// The nearest of a few words to a mistyped one, for "did you mean" (ninja's edit_distance;
// CLI11 2.1 has none).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eb::cli {

// The number of single-character insertions, deletions, substitutions and swaps of two
// neighbours that turn `a` into `b` (optimal string alignment: "bacth" is 1 from "batch").
std::size_t edit_distance(std::string_view a, std::string_view b);

// "; did you mean 'WORD'?" for the candidate nearest to `word` when it is near enough (at most a
// third of its length away, at least one edit allowed), else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace eb::cli
