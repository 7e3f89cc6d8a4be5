// SPDX-License-Identifier: MIT
#include "report/indicator.hpp"

#include <array>

namespace eb::report {

namespace {

struct KindInfo {
  IndicatorKind kind;
  std::string_view name;
  bool share;
  bool sex_split;
};
constexpr std::array<KindInfo, 12> k_info{{
    {IndicatorKind::children, "children_share", true, true},
    {IndicatorKind::children_single_parent, "children_single_parent_share", true, true},
    {IndicatorKind::persons, "persons_share", true, true},
    {IndicatorKind::young, "young_share", true, true},
    {IndicatorKind::long_term, "long_term_share", true, true},
    {IndicatorKind::hinder_households, "hinder_households", true, false},
    {IndicatorKind::hinder_support, "hinder_support", true, true},
    {IndicatorKind::homeless, "homeless", false, true},
    {IndicatorKind::families_unstable, "families_without_stable_housing", false, false},
    {IndicatorKind::handlaggningstid, "handlaggningstid", true, false},
    {IndicatorKind::barnkonsekvensanalys, "barnkonsekvensanalys", true, false},
    {IndicatorKind::arbetsplan, "arbetsplan", true, false},
}};

const KindInfo& info(IndicatorKind k) {
  for (const auto& i : k_info) {
    if (i.kind == k) return i;
  }
  return k_info.front();
}

bool is_hinder_kind(IndicatorKind k) {
  return k == IndicatorKind::hinder_households || k == IndicatorKind::hinder_support;
}

}  // namespace

std::string indicator_id_text(const IndicatorId& id) {
  std::string s(info(id.kind).name);
  if (is_hinder_kind(id.kind)) s += ":" + id.hinder;
  return s;
}

std::optional<IndicatorId> parse_indicator_id(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  for (const auto& i : k_info) {
    if (i.name != name) continue;
    if (is_hinder_kind(i.kind) != (colon != std::string_view::npos)) return std::nullopt;
    IndicatorId id{i.kind, ""};
    if (colon != std::string_view::npos) {
      id.hinder = std::string(text.substr(colon + 1));
      if (id.hinder.empty()) return std::nullopt;
    }
    return id;
  }
  return std::nullopt;
}

bool is_share(IndicatorKind kind) {
  return info(kind).share;
}

bool has_sex_split(IndicatorKind kind) {
  return info(kind).sex_split;
}

}  // namespace eb::report
