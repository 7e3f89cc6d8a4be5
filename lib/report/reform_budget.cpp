// SPDX-License-Identifier: MIT
#include "report/reform_budget.hpp"

#include <filesystem>
#include <set>

#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "period/period_reader.hpp"

namespace eb::report {

namespace {

constexpr std::int64_t k_max_ore = 9'000'000'000'000'000LL;
// A reform's name is one line of text, printed on its result line.
constexpr std::size_t k_max_name_chars = 200;

// `path` as given when absolute, else in the folder of `file`.
std::string beside(const std::string& file, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  const std::filesystem::path folder = std::filesystem::path(file).parent_path();
  return folder.empty() ? path : (folder / p).string();
}

}  // namespace

std::vector<ReformBudget> parse_reform_budgets(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  std::vector<ReformBudget> out;
  std::set<std::string> names;
  auto tables = r.tables("reform");
  if (tables.empty() && problems.empty()) r.problem("reform", "", "missing: at least one [[reform]]");
  for (auto& t : tables) {
    ReformBudget b;
    b.line = t.line();
    b.name = t.string("name", true).value_or("");
    if (t.has("name") && b.name.empty()) t.problem("name", "\"\"", "must not be empty");
    if (const std::string why = text::line_problem(b.name, k_max_name_chars); !why.empty()) {
      t.problem("name", text::quoted(text::terminal_safe(b.name)), why);
      b.name.clear();
    }
    if (!b.name.empty() && !names.insert(b.name).second) {
      t.problem("name", text::quoted(b.name), "another [[reform]] has this name");
    }
    if (auto m = period::read_month(t, "month", true)) b.month = *m;
    b.as_of = period::read_month(t, "as_of");
    if (auto f = t.string("norms_file")) {
      if (f->empty()) {
        t.problem("norms_file", "\"\"", "must name a norm file");
      } else {
        b.norms_file = beside(file, *f);
      }
    }
    if (!b.as_of && !t.has("norms_file")) {
      t.problem("norms_file", "", "missing: a reform needs norms_file, as_of, or both");
    }
    if (auto v = t.integer("expected_change_ore", true, -k_max_ore, k_max_ore)) {
      b.expected_change = Money::from_ore(*v);
    }
    if (auto v = t.integer("tolerance_ore", false, 0, k_max_ore)) b.tolerance = Money::from_ore(*v);
    t.finish();
    out.push_back(std::move(b));
  }
  r.finish();
  problems.throw_if_any();
  return out;
}

bool ReformCheck::within() const {
  const Money d = deviation();
  return (d.is_negative() ? -d : d) <= budget.tolerance;
}

ReformCheck check_reform(const ReformBudget& budget, const SimulationResult& result) {
  ReformCheck c;
  c.budget = budget;
  c.change = result.total.difference();
  c.households = result.total.households;
  c.changed = result.total.gain + result.total.lose;
  c.not_assessed = static_cast<std::int64_t>(result.errors.size());
  return c;
}

}  // namespace eb::report
