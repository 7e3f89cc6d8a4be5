// SPDX-License-Identifier: MIT
// The figures of the unit's report by name, for `eb report --figure a,b`: which sections the
// text, JSON and CSV show.
#pragma once

#include <array>
#include <string_view>

namespace eb::report {

enum class Figure {
  households,
  persons,
  paid,
  medelbidrag,
  long_term,
  hinder,
  handlaggningstid,
  decisions,
  closures,
  housing,
  internal_control,
  fut,
  indicators,
  budget,
};
inline constexpr std::size_t k_figure_count = 14;

// "households", "persons", "paid", "medelbidrag", "long_term", "hinder", "handlaggningstid",
// "decisions", "closures", "housing", "internal_control", "fut", "indicators", "budget".
std::string_view figure_name(Figure f);

class FigureSet {
 public:
  // Every figure.
  static FigureSet all();
  bool has(Figure f) const { return m_on[static_cast<std::size_t>(f)]; }
  void add(Figure f) { m_on[static_cast<std::size_t>(f)] = true; }

 private:
  std::array<bool, k_figure_count> m_on{};
};

// Parses a comma-separated list of figure names ("medelbidrag,hinder"). Throws InputError
// naming `field` and the unknown name (with the list of names) or an empty list.
FigureSet parse_figures(std::string_view list, std::string_view field);

}  // namespace eb::report
