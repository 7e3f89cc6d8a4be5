// SPDX-License-Identifier: MIT
// The limits of an application (man/eb-application.5, LIMITS): one place for every bound the
// readers enforce, each far above any real household and low enough that no sum of amounts
// within them can overflow Money. Input beyond a limit is refused (exit 3), naming it.
#pragma once

#include <cstddef>

#include "common/input_limits.hpp"
#include "money/money.hpp"

namespace eb::assess {

// A file, or one line of a JSON-lines stream: a real application is 1–5 KB.
inline constexpr std::size_t k_max_application_bytes = 1024 * 1024;
// Arrays and tables, and the parts of a dotted key: the format itself needs 3 ([[member]] in
// the document, a list in a member).
inline constexpr int k_max_nesting_depth = 8;
// [[member]] tables: the applicant, a partner and the children at home (the largest
// households in Swedish statistics have about 15).
inline constexpr std::size_t k_max_members = 30;
// [[cost]] and [[income]] tables per application (an income per Swish deposit still fits).
inline constexpr std::size_t k_max_costs = 500;
inline constexpr std::size_t k_max_incomes = 500;
// Any one amount: 1 000 000 000 kr. With the counts above every total stays below
// 2 × 500 × 10^11 öre = 10^14 öre, far inside Money's ±9.2 × 10^18: the calculator's checked
// sums (money::Overflow) are a second guard, not the first.
inline constexpr money::Money k_max_amount = money::Money::from_ore(100'000'000'000);
// A name: pain.001's Nm is Max140Text, and a name that cannot be paid must not be stored.
inline constexpr std::size_t k_max_name_chars = 140;
// Any other text (address, note, reason): enough for a paragraph.
inline constexpr std::size_t k_max_text_chars = 1000;

// The shape limits handed to the TOML and JSON readers.
inline constexpr InputLimits k_application_input{k_max_application_bytes, k_max_nesting_depth};

}  // namespace eb::assess
