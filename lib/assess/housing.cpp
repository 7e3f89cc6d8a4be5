// SPDX-License-Identifier: MIT
#include "assess/housing.hpp"

#include <array>

namespace eb::assess {

namespace {

struct HousingInfo {
  Housing housing;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<HousingInfo, 7> k_info{{
    {Housing::own_lease, "own_lease", "eget kontrakt"},
    {Housing::second_hand, "second_hand", "andrahandskontrakt"},
    {Housing::lodger, "lodger", "inneboende"},
    {Housing::hotel, "hotel", "tillfälligt boende (hotell)"},
    {Housing::vandrarhem, "vandrarhem", "tillfälligt boende (vandrarhem)"},
    {Housing::harbarge, "harbarge", "tillfälligt boende (härbärge)"},
    {Housing::homeless, "homeless", "hemlös utan boende"},
}};

const HousingInfo& info(Housing h) {
  for (const auto& i : k_info) {
    if (i.housing == h) return i;
  }
  return k_info.front();
}

}  // namespace

std::string_view housing_name(Housing h) {
  return info(h).name;
}

std::optional<Housing> housing_from(std::string_view code) {
  for (const auto& i : k_info) {
    if (i.name == code) return i.housing;
  }
  return std::nullopt;
}

std::string_view housing_label(Housing h) {
  return info(h).label;
}

bool is_temporary(Housing h) {
  return h == Housing::hotel || h == Housing::vandrarhem || h == Housing::harbarge;
}

bool lacks_stable_housing(Housing h) {
  return h == Housing::homeless || is_temporary(h);
}

}  // namespace eb::assess
