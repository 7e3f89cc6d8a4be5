// SPDX-License-Identifier: MIT
// Deriving a preliminary riksnorm from the referensvärden (SoF (2025:468) 12 kap. 1 b §):
// amount = referensvärde × jämförelsetal × 1.02, rounded to the nearest 10 kr, in exact
// integer arithmetic.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "money/ratio.hpp"
#include "money/rounding.hpp"
#include "norms/norm_set.hpp"
#include "norms/reference_values.hpp"

namespace eb::norms {

// The jämförelsetal eb accepts: KPI excluding housing in June of the year before ÷ the same in
// June 2024 (12 kap. 1 b §). Outside [0.8, 2.0] it is taken as a typo (10.43, 0.1043): KPI has
// never fallen 20 % in Sweden, and 2.0 is decades of inflation away. Both bounds inclusive.
inline constexpr money::Ratio k_index_min{8, 10};
inline constexpr money::Ratio k_index_max{2, 1};

// Why `index` cannot be a jämförelsetal ("must be positive", "outside the plausible range …"),
// or nothing when it can.
std::optional<std::string> index_problem(money::Ratio index);

// `reference` × `index` × `uplift`, rounded by `rounding` (nearest_10_kr: half away from zero),
// computed exactly. Throws std::invalid_argument for a zero denominator.
Money derived_amount(Money reference, money::Ratio index, money::Ratio uplift, money::Rounding rounding);

// What `eb norms derive` takes besides the referensvärden.
struct DeriveInput {
  int year = 2027;
  money::Ratio index;                  // the jämförelsetal
  std::string index_source;            // where it comes from, or that it is an assumption
  std::optional<Money> prisbasbelopp;  // overrides the referensvärden file's figure for `year`
};

// A derived norm and the comments its file carries (what is preliminary, assumed, UNCONFIRMED).
struct DerivedNorm {
  NormSet norm;
  std::vector<std::string> header;  // comment lines at the top of the file
  std::string prisbasbelopp_comment;
};

// The preliminary norm for `in.year`: status "preliminary", valid that calendar year, every
// amount derived from `ref`, the large-household period and the statute references in force
// that year (clipped to it), the index recorded in [derivation]. Throws InputError naming
// the field (--index, --prisbasbelopp, YEAR) when an input is refused, NormError when `ref`
// does not cover the year or its large-household factors change within it.
DerivedNorm derive_norm(const ReferenceValues& ref, const DeriveInput& in);

}  // namespace eb::norms
