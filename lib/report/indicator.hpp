// SPDX-License-Identifier: MIT
// The indicators of the seeds' tables (the unit's verksamhetsplan and verksamhetsberättelse):
// their ids, their Swedish names and whether each is a share or a count.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eb::report {

// Each kind is one row of the indicator table; the hinder kinds are one row per
// försörjningshinder code.
enum class IndicatorKind {
  children,                // andel barn i familjer med ekonomiskt bistånd
  children_single_parent,  // andel barn till ensamstående föräldrar med ekonomiskt bistånd
  persons,                 // andel personer med ekonomiskt bistånd av befolkningen
  young,                   // andel 18–24-åringar med ekonomiskt bistånd av alla 18–24-åringar
  long_term,               // andel vuxna med långvarigt bistånd av alla vuxna invånare
  hinder_households,       // andel bidragshushåll med ett visst försörjningshinder
  hinder_support,          // andel personer med ett visst hinder som går till egen eller annan försörjning
  homeless,                // antal hemlösa
  families_unstable,       // antal barnfamiljer som saknar stadigvarande bostad
  handlaggningstid,        // andel ansökningar beslutade inom målet
  barnkonsekvensanalys,    // andel beslut som rör barn med barnkonsekvensanalys
  arbetsplan,              // andel ärenden med aktuell arbetsplan
};

inline constexpr IndicatorKind k_indicator_kinds[] = {IndicatorKind::children,
                                                      IndicatorKind::children_single_parent,
                                                      IndicatorKind::persons,
                                                      IndicatorKind::young,
                                                      IndicatorKind::long_term,
                                                      IndicatorKind::hinder_households,
                                                      IndicatorKind::hinder_support,
                                                      IndicatorKind::homeless,
                                                      IndicatorKind::families_unstable,
                                                      IndicatorKind::handlaggningstid,
                                                      IndicatorKind::barnkonsekvensanalys,
                                                      IndicatorKind::arbetsplan};

// One indicator: its kind and, for the hinder kinds, the försörjningshinder code.
struct IndicatorId {
  IndicatorKind kind = IndicatorKind::persons;
  std::string hinder;  // only for hinder_households and hinder_support

  bool operator==(const IndicatorId&) const = default;
};

// The id in the config and in JSON: "children_share", "children_single_parent_share",
// "persons_share", "young_share", "long_term_share", "hinder_households:CODE",
// "hinder_support:CODE", "homeless", "families_without_stable_housing", "handlaggningstid",
// "barnkonsekvensanalys", "arbetsplan".
std::string indicator_id_text(const IndicatorId& id);
// The indicator `text` names, or nothing for an unknown id (the code after ':' is not checked).
std::optional<IndicatorId> parse_indicator_id(std::string_view text);
// True for a share (andel), false for a count (antal).
bool is_share(IndicatorKind kind);
// True when a count of persons underlies the indicator, so that it has utfall män and utfall
// kvinnor (pojkar and flickor for the children).
bool has_sex_split(IndicatorKind kind);

}  // namespace eb::report
