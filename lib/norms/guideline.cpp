// SPDX-License-Identifier: MIT
#include "norms/guideline.hpp"

#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"
#include "period/period_reader.hpp"

namespace eb::norms {

const CostCap* Guideline::cap_for(std::string_view kind, int adults, int children) const {
  for (const auto& c : caps) {
    if (c.kind == kind && c.adults == adults && c.children_min <= children && children <= c.children_max) return &c;
  }
  return nullptr;
}

bool is_guideline_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

Guideline parse_guideline_text(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  Guideline g;
  g.id = r.string("id", true).value_or("");
  g.title = r.string("title", true).value_or("");
  g.status = r.string("status", true).value_or("");
  if (!g.status.empty() && g.status != "example" && g.status != "adopted") {
    r.problem("status", text::quoted(g.status), "must be \"example\" or \"adopted\"");
  }
  g.source = r.string("source", true).value_or("");
  g.valid_from = period::read_date(r, "valid_from", true).value_or(period::Date(1970, 1, 1));
  g.valid_to = period::read_date(r, "valid_to");
  for (auto& c : r.tables("cap")) {
    CostCap cap;
    cap.kind = c.string("kind", true).value_or("");
    cap.label = c.string("label", true).value_or("");
    cap.adults = static_cast<int>(c.integer("adults", true, 1, 2).value_or(1));
    cap.children_min = static_cast<int>(c.integer("children_min", false, 0, 99).value_or(0));
    cap.children_max = static_cast<int>(c.integer("children_max", false, 0, 99).value_or(99));
    cap.amount = money::read_money(c, "amount", {.required = true}).value_or(money::Money());
    cap.line = c.line();
    c.finish();
    g.caps.push_back(cap);
  }
  r.finish();
  problems.throw_if_any();
  return g;
}

}  // namespace eb::norms
