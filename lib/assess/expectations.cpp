// SPDX-License-Identifier: MIT
#include "assess/expectations.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "assess/assessment_diff.hpp"
#include "assess/limits.hpp"
#include "common/refusal.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"

namespace eb::assess {

namespace {

using money::format_kr;

constexpr std::array<std::string_view, 7> k_total_names{"amount", "need", "norm", "costs", "other", "income", "exempt"};
constexpr std::array<std::string_view, 4> k_refusal_keys{"error", "field", "line", "message"};
constexpr std::array<std::string_view, 7> k_riksnorm_rules{"single", "couple",          "child_band",  "raised",
                                                           "common", "large_household", "common_share"};
// A line of a rule may be negative (a minskningsbelopp, an income counted against the need).
constexpr money::AmountRule k_signed{false, true};
constexpr std::array<std::string_view, 2> k_exemption_rules{"children_earnings", "jobbstimulans"};

std::optional<Total> total_from(std::string_view name) {
  for (std::size_t i = 0; i < k_total_names.size(); ++i) {
    if (k_total_names[i] == name) return static_cast<Total>(i);
  }
  return std::nullopt;
}

bool is_refusal_key(std::string_view key) {
  return std::find(k_refusal_keys.begin(), k_refusal_keys.end(), key) != k_refusal_keys.end();
}

template <class List>
std::string joined(const List& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The lines of `a` that carry `rule`, in order.
std::vector<const Line*> lines_of(const Assessment& a, std::string_view rule) {
  std::vector<const Line*> out;
  for (const Line& l : a.lines) {
    if (l.rule == rule) out.push_back(&l);
  }
  return out;
}

// The distinct statutes of `lines`, in order, joined by "; ".
std::string statutes_of(const std::vector<const Line*>& lines) {
  std::vector<std::string> seen;
  for (const Line* l : lines) {
    if (!l->ref.empty() && std::find(seen.begin(), seen.end(), l->ref) == seen.end()) seen.push_back(l->ref);
  }
  return joined(seen, "; ");
}

// The statute a total rests on, from the norm file: the amount payable and the need on the
// rule of försörjningsstöd, the parts on theirs. Income not counted cites its exemptions.
std::string total_statute(Total t, const Assessment& got, const norms::NormSet& norm) {
  std::string_view key;
  switch (t) {
    case Total::amount:
    case Total::need:
      key = "payable";
      break;
    case Total::norm:
      key = "norm_personal";
      break;
    case Total::costs:
      key = "cost";
      break;
    case Total::other:
      key = "other_need";
      break;
    case Total::income:
      key = "income";
      break;
    case Total::exempt: {
      std::vector<const Line*> exemptions;
      for (const Line& l : got.lines) {
        if (l.section == Section::exemption) exemptions.push_back(&l);
      }
      if (!exemptions.empty()) return statutes_of(exemptions);
      key = "income";
      break;
    }
  }
  const std::string* ref = norm.find_ref(key, got.month.first_day());
  return ref ? *ref : std::string();
}

// "InputError naming member[1].pnr on line 10".
std::string refusal_text(const RefusalExpectation& r) {
  std::string out = r.kind;
  if (!r.field.empty()) out += " naming " + r.field;
  if (r.line) out += " on line " + std::to_string(*r.line);
  if (!r.message.empty()) out += " with " + text::quoted(r.message);
  return out;
}

std::string refusal_text(const CaseRefusal& r) {
  return r.kind + (r.lines.empty() ? std::string() : ": " + joined(r.lines, " | "));
}

void read_rule(TomlReader& r, std::string_view key, const std::string& rule, Expectations& e) {
  if (!is_rule_id(rule)) {
    r.accept(key);
    r.problem(key, "",
              "unknown rule id (a total: amount, need, norm, costs, other, income, exempt; a rule: riksnorm.*, "
              "cost.KIND, income.KIND, exemption.*, as in the \"rule\" of eb assess --json)");
    return;
  }
  for (const auto& known : e.rules) {
    if (known.rule == rule) {
      r.accept(key);
      r.problem(key, "", "the rule " + text::quoted(rule) + " is named twice");
      return;
    }
  }
  RuleExpectation x;
  x.rule = rule;
  if (r.is_array(key)) {
    x.per_line = true;
    x.amounts = money::read_amounts(r, key, k_signed);
  } else if (auto m = money::read_money(r, key, k_signed)) {
    x.amounts.push_back(*m);
  } else {
    return;
  }
  e.rules.push_back(std::move(x));
}

// The rule ids of a nested table: `riksnorm.single = 3940` is the table riksnorm = {single}.
void read_rules(TomlReader& r, const std::string& prefix, Expectations& e) {
  for (const std::string& key : r.keys()) {
    const std::string rule = prefix + "." + key;
    if (r.is_table(key)) {
      if (auto sub = r.table(key)) read_rules(*sub, rule, e);
    } else {
      read_rule(r, key, rule, e);
    }
  }
}

void read_refusal(TomlReader& t, Expectations& e) {
  bool any = false;
  for (auto key : k_refusal_keys) any = any || t.has(key);
  if (!any) return;
  RefusalExpectation x;
  const auto kind = t.string("error");
  if (kind) {
    const auto& kinds = refusal_kinds();
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) {
      t.problem("error", text::quoted(*kind), "unknown error kind (" + joined(kinds, ", ") + ")");
    }
    x.kind = *kind;
  } else if (!t.has("error")) {
    t.problem("error", "", "missing: an expected refusal names its kind, e.g. error = \"InputError\"");
  }
  x.field = t.string("field").value_or("");
  if (auto line = t.integer("line", false, 1)) {
    x.line = *line;
    if (x.field.empty()) t.problem("line", std::to_string(*line), "is the line of the field: give field = \"…\" too");
  }
  x.message = t.string("message").value_or("");
  if (!e.totals.empty() || !e.rules.empty()) {
    t.problem(t.has("error") ? "error" : "field", "",
              "a case expects either a refusal (error, field, line, message) or amounts, not both");
  }
  e.refusal = std::move(x);
}

}  // namespace

std::string_view total_name(Total t) {
  return k_total_names[static_cast<std::size_t>(t)];
}

Money total_of(const Totals& totals, Total t) {
  switch (t) {
    case Total::amount:
      return totals.amount;
    case Total::need:
      return totals.need;
    case Total::norm:
      return totals.norm;
    case Total::costs:
      return totals.costs;
    case Total::other:
      return totals.other;
    case Total::income:
      return totals.income;
    case Total::exempt:
      return totals.exempt;
  }
  return Money();
}

bool is_rule_id(std::string_view rule) {
  const auto dot = rule.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view head = rule.substr(0, dot);
  std::string_view rest = rule.substr(dot + 1);
  const auto in = [](const auto& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  if (head == "riksnorm") return in(k_riksnorm_rules, rest);
  if (head == "exemption") return in(k_exemption_rules, rest);
  if (head == "income") return income_kind_from(rest).has_value();
  if (head != "cost") return false;
  for (std::string_view suffix : {".second_hand_no_consent", ".second_hand"}) {
    if (rest == "rent" + std::string(suffix)) return true;
  }
  return cost_kind_from(rest).has_value();
}

const std::vector<std::string>& refusal_kinds() {
  static const std::vector<std::string> kinds{"InputError", "NotFound", "Conflict", "StoreError", "NormError"};
  return kinds;
}

CaseRefusal case_refusal_of(const Error& e) {
  CaseRefusal r;
  const Refusal printed = refusal_of(e);
  r.code = printed.code;
  r.lines = printed.lines;
  if (const auto* input = dynamic_cast<const InputError*>(&e)) {
    r.kind = "InputError";
    r.problems = input->problems();
  } else if (dynamic_cast<const NormError*>(&e) != nullptr) {
    r.kind = "NormError";
  } else if (dynamic_cast<const NotFound*>(&e) != nullptr) {
    r.kind = "NotFound";
  } else if (dynamic_cast<const Conflict*>(&e) != nullptr) {
    r.kind = "Conflict";
  } else if (dynamic_cast<const StoreError*>(&e) != nullptr) {
    r.kind = "StoreError";
  } else {
    r.kind = "Error";
  }
  return r;
}

Money Difference::difference() const {
  return got.value_or(Money()) - expected.value_or(Money());
}

std::optional<Expectations> parse_expectations(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file, k_application_input);
  ProblemList problems;
  TomlReader root = doc.root(problems);
  if (!root.has("expect")) return std::nullopt;
  auto t = root.table("expect");
  problems.throw_if_any();
  Expectations e;
  e.line = t->line();
  for (const std::string& key : t->keys()) {
    if (is_refusal_key(key)) continue;
    if (t->is_table(key)) {
      if (auto sub = t->table(key)) read_rules(*sub, key, e);
    } else if (auto total = total_from(key)) {
      if (auto m = money::read_money(*t, key)) e.totals.push_back({*total, *m});
    } else if (key.find('.') != std::string::npos) {
      read_rule(*t, key, key, e);
    } else {
      t->accept(key);
      t->problem(key, "",
                 "unknown key (a total: amount, need, norm, costs, other, income, exempt; a rule id such as "
                 "\"riksnorm.single\"; or a refusal: error, field, line, message)");
    }
  }
  read_refusal(*t, e);
  if (e.empty() && problems.empty()) {
    t->problem("names nothing: give the totals (amount = 12120, …), rule lines or a refusal (error = \"…\")");
  }
  t->finish();
  problems.throw_if_any();
  std::sort(e.totals.begin(), e.totals.end(), [](const auto& a, const auto& b) { return a.total < b.total; });
  std::sort(e.rules.begin(), e.rules.end(), [](const auto& a, const auto& b) { return a.rule < b.rule; });
  return e;
}

std::vector<Difference> compare(const Expectations& expected, const Assessment& got, const norms::NormSet& norm) {
  std::vector<Difference> out;
  if (expected.refusal) {
    Difference d;
    d.key = "error";
    d.expected_text = refusal_text(*expected.refusal);
    d.got_text = "assessed: " + format_kr(got.totals.amount) + " to pay";
    out.push_back(std::move(d));
    return out;
  }
  for (const TotalExpectation& t : expected.totals) {
    const Money value = total_of(got.totals, t.total);
    if (value == t.amount) continue;
    Difference d;
    d.key = total_name(t.total);
    d.expected = t.amount;
    d.got = value;
    d.statute = total_statute(t.total, got, norm);
    out.push_back(std::move(d));
  }
  for (const RuleExpectation& r : expected.rules) {
    const std::vector<const Line*> lines = lines_of(got, r.rule);
    if (!r.per_line) {
      Money sum;
      for (const Line* l : lines) sum += l->amount;
      if (!r.amounts.empty() && sum == r.amounts.front()) continue;
      Difference d;
      d.key = r.rule;
      if (lines.size() == 1) d.label = lines.front()->label;
      d.expected = r.amounts.empty() ? Money() : r.amounts.front();
      d.got = sum;
      d.statute = statutes_of(lines);
      out.push_back(std::move(d));
      continue;
    }
    for (std::size_t i = 0; i < std::max(lines.size(), r.amounts.size()); ++i) {
      std::optional<Money> want = i < r.amounts.size() ? std::optional<Money>(r.amounts[i]) : std::nullopt;
      std::optional<Money> have = i < lines.size() ? std::optional<Money>(lines[i]->amount) : std::nullopt;
      if (want == have) continue;
      Difference d;
      d.key = r.rule + "[" + std::to_string(i + 1) + "]";
      if (i < lines.size()) d.label = lines[i]->label;
      d.expected = want;
      d.got = have;
      d.statute = i < lines.size() ? lines[i]->ref : statutes_of(lines);
      out.push_back(std::move(d));
    }
  }
  return out;
}

std::vector<Difference> compare(const Expectations& expected, const CaseRefusal& got) {
  std::vector<Difference> out;
  const auto add = [&](std::string key, std::string want, std::string have) {
    Difference d;
    d.key = std::move(key);
    d.expected_text = std::move(want);
    d.got_text = std::move(have);
    out.push_back(std::move(d));
  };
  if (!expected.refusal) {
    add("error", "an assessment", "refused: " + refusal_text(got));
    return out;
  }
  const RefusalExpectation& want = *expected.refusal;
  if (want.kind != got.kind) {
    add("error", refusal_text(want), refusal_text(got));
    return out;
  }
  if (!want.field.empty()) {
    std::vector<std::string> fields;
    std::vector<std::string> lines_there;
    bool found = false;
    for (const Problem& p : got.problems) {
      if (!p.field.empty()) fields.push_back(p.field);
      if (p.field != want.field) continue;
      lines_there.push_back(std::to_string(p.line));
      found = found || !want.line || p.line == *want.line;
    }
    if (lines_there.empty()) {
      add("field", want.field, fields.empty() ? "no field named: " + refusal_text(got) : joined(fields, ", "));
    } else if (!found) {
      add("line", std::to_string(*want.line), "line " + joined(lines_there, ", "));
    }
  }
  if (!want.message.empty()) {
    const bool found = std::any_of(got.lines.begin(), got.lines.end(),
                                   [&](const std::string& l) { return l.find(want.message) != std::string::npos; });
    if (!found) add("message", text::quoted(want.message), joined(got.lines, " | "));
  }
  return out;
}

std::vector<Difference> changed_lines(const Assessment& before, const Assessment& after) {
  std::vector<Difference> out;
  const AssessmentDiff diff = diff_assessments(before, after);
  const auto statute = [](const Assessment& a, const std::string& rule, const std::optional<std::string>& label) {
    for (const Line& l : a.lines) {
      if (l.rule == rule && label && l.label == *label) return l.ref;
    }
    return std::string();
  };
  for (const LineDiff& l : diff.lines) {
    if (l.before == l.after) continue;
    Difference d;
    d.key = l.rule;
    d.label = l.label_after.value_or(l.label_before.value_or(""));
    d.expected = l.before;
    d.got = l.after;
    d.statute = statute(after, l.rule, l.label_after);
    if (d.statute.empty()) d.statute = statute(before, l.rule, l.label_before);
    out.push_back(std::move(d));
  }
  return out;
}

Expectations expectations_of(const Assessment& got, const Expectations* previous) {
  Expectations e;
  for (Total t : k_totals_in_order) e.totals.push_back({t, total_of(got.totals, t)});
  if (previous == nullptr) return e;
  e.line = previous->line;
  for (const RuleExpectation& r : previous->rules) {
    RuleExpectation x;
    x.rule = r.rule;
    x.per_line = r.per_line;
    Money sum;
    for (const Line* l : lines_of(got, r.rule)) {
      if (r.per_line) x.amounts.push_back(l->amount);
      sum += l->amount;
    }
    if (!r.per_line) x.amounts.push_back(sum);
    e.rules.push_back(std::move(x));
  }
  return e;
}

}  // namespace eb::assess
