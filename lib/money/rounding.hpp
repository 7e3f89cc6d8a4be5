// SPDX-License-Identifier: MIT
// Named rounding rules. Every rounding of money in eb uses one of these, chosen by name in the
// norm file, so that each can be traced to its legal source.
#pragma once

#include <string>
#include <string_view>

namespace eb::money {

enum class Rounding {
  exact,          // no rounding: the result must already be whole öre
  ore_half_up,    // to whole öre, half away from zero
  krona_half_up,  // to whole kronor, half away from zero
  down_10_kr,     // down (toward zero) to a multiple of 10 kr
  nearest_10_kr,  // to the nearest multiple of 10 kr, half away from zero
};

// The rule named `name` ("ore_half_up", …). Throws InputError naming `field` if unknown.
Rounding parse_rounding(std::string_view name, std::string_view field);
std::string_view rounding_name(Rounding rule);
// Where the rule comes from: the statute or the norm parameter behind it.
std::string_view rounding_source(Rounding rule);

}  // namespace eb::money
