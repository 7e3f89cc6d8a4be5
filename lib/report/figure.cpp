// SPDX-License-Identifier: MIT
#include "report/figure.hpp"

#include <string>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::report {

namespace {

constexpr std::array<std::string_view, k_figure_count> k_names{
    "households", "persons",  "paid",    "medelbidrag",      "long_term", "hinder",     "handlaggningstid",
    "decisions",  "closures", "housing", "internal_control", "fut",       "indicators", "budget"};

std::string all_names() {
  std::string s;
  for (const auto n : k_names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

}  // namespace

std::string_view figure_name(Figure f) {
  return k_names[static_cast<std::size_t>(f)];
}

FigureSet FigureSet::all() {
  FigureSet s;
  s.m_on.fill(true);
  return s;
}

FigureSet parse_figures(std::string_view list, std::string_view field) {
  FigureSet set;
  bool any = false;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, comma - start);
    bool found = false;
    for (std::size_t i = 0; i < k_names.size(); ++i) {
      if (k_names[i] == name) {
        set.add(static_cast<Figure>(i));
        found = true;
      }
    }
    if (!found) {
      throw InputError(std::string(field), text::quoted(list),
                       name.empty() ? "has an empty figure name; the figures are " + all_names()
                                    : text::quoted(name) + " is not a figure; the figures are " + all_names());
    }
    any = true;
    start = comma + 1;
  }
  if (!any) throw InputError(std::string(field), text::quoted(list), "names no figure");
  return set;
}

}  // namespace eb::report
