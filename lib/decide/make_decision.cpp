// SPDX-License-Identifier: MIT
#include "decide/make_decision.hpp"

#include <algorithm>
#include <map>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/reasons.hpp"
#include "period/month.hpp"
#include "period/working_days.hpp"

namespace eb::decide {

namespace {

using assess::Section;

bool is_need_line(const assess::Line& l) {
  return l.section == Section::norm || l.section == Section::common || l.section == Section::cost ||
         l.section == Section::other;
}

void add_statute(std::vector<std::string>& out, std::string_view statute) {
  if (statute.empty()) return;
  if (std::find(out.begin(), out.end(), statute) == out.end()) out.emplace_back(statute);
}

// A line's `ref` may hold several statutes separated by "; ".
void add_statutes(std::vector<std::string>& out, std::string_view refs) {
  while (!refs.empty()) {
    const auto end = refs.find("; ");
    add_statute(out, refs.substr(0, end));
    if (end == std::string_view::npos) break;
    refs.remove_prefix(end + 2);
  }
}

std::string item_list(const std::vector<DecisionLine>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : ", ") + l.item;
  return out;
}

std::string option_of(Kind k) {
  return "--" + std::string(kind_name(k));
}

}  // namespace

Rejection parse_rejection(std::string_view text, std::string_view field) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    throw InputError(std::string(field), text::quoted(text), "write ITEM:KRONOR, e.g. rent:1200");
  }
  Rejection r;
  r.item = std::string(text.substr(0, colon));
  std::string_view rest = text.substr(colon + 1);
  const auto second = rest.find(':');
  const std::string_view amount = rest.substr(0, second);
  try {
    r.amount = money::parse_money(amount, field);
  } catch (const InputError&) {
    throw InputError(std::string(field), text::quoted(text),
                     "the amount must be kronor, e.g. rent:1200 or rent:1200,50 (not " + text::quoted(amount) + ")");
  }
  if (r.amount <= Money()) throw InputError(std::string(field), text::quoted(text), "the amount must be above 0");
  if (second != std::string_view::npos) r.reason = parse_reason(rest.substr(second + 1), field);
  return r;
}

std::vector<DecisionLine> decision_lines(const assess::Assessment& a) {
  std::vector<DecisionLine> out;
  std::map<std::string, int> seen;
  for (const auto& l : a.lines) {
    if (!is_need_line(l)) continue;
    std::string item = l.kind.empty() ? l.rule : l.kind;
    const int n = ++seen[item];
    if (n > 1) item += "#" + std::to_string(n);
    out.push_back(DecisionLine{item, l.label, l.amount, l.amount, Kind::bifall, ""});
  }
  return out;
}

Decision make_decision(const Basis& basis, const Request& request, const Decider& decider, period::Date today) {
  const assess::Assessment& a = *basis.assessment;
  const std::string app = format_id(IdKind::application, basis.application_id);
  const Kind kind = request.kind;

  // One decision per application; a later one replaces the current one (decisions.md).
  if (basis.current_decision && request.replaces != basis.current_decision) {
    const std::string current = format_id(IdKind::beslut, *basis.current_decision);
    if (!request.replaces) {
      throw Conflict(app + " already has decision " + current +
                     "; decisions are never edited: to decide again, make a new decision that replaces it "
                     "(--replaces " +
                     current + ")");
    }
    throw Conflict("--replaces " + format_id(IdKind::beslut, *request.replaces) + ": the current decision of " + app +
                   " is " + current + "; only the current decision can be replaced");
  }
  if (!basis.current_decision && request.replaces) {
    throw Conflict("--replaces " + format_id(IdKind::beslut, *request.replaces) + ": " + app +
                   " has no decision to replace");
  }
  if (kind != Kind::avslag && a.totals.amount.is_zero()) {
    throw Conflict(app + ": the assessment grants 0 kr (the need is met by income): there is nothing to " +
                   std::string(kind_name(kind)) + "; decide --avslag --reason income-exceeds-need");
  }

  // Per-item outcomes.
  std::vector<DecisionLine> lines = decision_lines(a);
  if (kind != Kind::delbifall && !request.rejections.empty()) {
    throw InputError("--reject", request.rejections.front().item,
                     option_of(kind) + " takes no --reject (a partial grant is --delbifall)");
  }
  if (kind == Kind::delbifall && request.rejections.empty()) {
    throw InputError("--reject", "",
                     "--delbifall needs at least one --reject ITEM:KRONOR (items: " + item_list(lines) + ")");
  }
  Money rejected;
  for (const auto& r : request.rejections) {
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&](const DecisionLine& l) { return l.item == r.item || "cost." + l.item == r.item; });
    if (it == lines.end()) {
      throw InputError("--reject", text::quoted(r.item),
                       "no such item in assessment of " + app + " (items: " + item_list(lines) + ")");
    }
    if (r.amount > it->granted) {
      throw InputError("--reject", r.item + ":" + money::format_sv(r.amount),
                       "more than the " + money::format_kr(it->granted) + " left of " + it->label);
    }
    it->granted -= r.amount;
    it->outcome = it->granted.is_zero() ? Kind::avslag : Kind::delbifall;
    if (r.reason) it->reason += (it->reason.empty() ? "" : " ") + r.reason->text;
    rejected += r.amount;
  }
  if (kind == Kind::avslag) {
    for (auto& l : lines) {
      l.granted = Money();
      l.outcome = Kind::avslag;
    }
  }
  const Money granted = kind == Kind::avslag ? Money() : money::max(Money(), a.totals.amount - rejected);
  if (kind == Kind::delbifall && granted.is_zero()) {
    throw InputError("--reject", money::format_kr(rejected),
                     "rejecting this leaves nothing of the " + money::format_kr(a.totals.amount) +
                         " assessed: that is an avslag (--avslag)");
  }

  // Reasons (FL 32 §).
  const bool every_line_has_reason =
      !request.rejections.empty() &&
      std::all_of(request.rejections.begin(), request.rejections.end(), [](const Rejection& r) { return r.reason; });
  if (request.reasons.empty() && kind == Kind::avslag) {
    throw InputError("--reason", "", "an avslag needs its reasons (a code such as income-exceeds-need, or free text)");
  }
  if (request.reasons.empty() && kind == Kind::delbifall && !every_line_has_reason) {
    throw InputError("--reason", "",
                     "a delbifall needs its reasons: --reason, or a reason on every --reject ITEM:KRONOR:REASON");
  }
  // Barnkonsekvensanalys before an avslag or delavslag (decisions.md).
  const bool has_child_impact =
      request.child_impact && request.child_impact->find_first_not_of(" \t\r\n") != std::string::npos;
  if (kind != Kind::bifall && basis.children > 0 && !has_child_impact) {
    throw InputError("--child-impact", "",
                     "the household has " + std::to_string(basis.children) +
                         (basis.children == 1 ? " child" : " children") + ": an " + std::string(kind_name(kind)) +
                         " needs a barnkonsekvensanalys (how the decision affects the children)");
  }
  // FL 37 §: a change to the person's disadvantage must say why.
  const bool to_disadvantage = request.replaces && granted < basis.current_granted;
  if (to_disadvantage && request.reasons.empty()) {
    throw InputError("--reason", "",
                     "this decision grants " + money::format_kr(granted) + ", less than the " +
                         money::format_kr(basis.current_granted) + " of " +
                         format_id(IdKind::beslut, *request.replaces) +
                         " it replaces: a change to the person's disadvantage needs its reasons (FL 37 §)");
  }

  const period::Month month = a.month;
  Decision d;
  d.application_id = basis.application_id;
  d.assessment_id = basis.assessment_id;
  d.kind = kind;
  d.decided_on = today;
  d.handling_days = period::working_days_between(basis.received, today);
  d.decided_by = decider.name;
  if (request.presented_by && *request.presented_by != decider.name) d.presented_by = request.presented_by;
  d.delegation = delegation_used(decider, kind, granted, basis.granted_elsewhere, month, today);
  d.authority = decider.delegation->authority;
  d.assessed = a.totals.amount;
  d.granted = granted;
  d.replaces = request.replaces;
  d.routine = request.routine;
  if (has_child_impact) d.child_impact = request.child_impact;
  d.reasons = request.reasons;
  d.lines = std::move(lines);

  // The rules applied (FL 32 §): the right itself, every statute of the calculation, and the
  // statute behind each reason — as in force on the first day of the month, like the assessment.
  const period::Date in_force = month.first_day();
  add_statute(d.statutes, right_statute(in_force));
  for (const auto& l : a.lines) add_statutes(d.statutes, l.ref);
  const auto add_reason = [&](const Reason& r) {
    if (const ReasonInfo* info = find_reason(r.code)) add_statute(d.statutes, reason_statute(*info, in_force));
  };
  for (const auto& r : request.reasons) add_reason(r);
  for (const auto& r : request.rejections) {
    if (r.reason) add_reason(*r.reason);
  }
  if (to_disadvantage) add_statute(d.statutes, k_disadvantage_statute);
  return d;
}

std::optional<std::string> routine_refusal(const Basis& basis, const Decider& decider, period::Date today) {
  const assess::Assessment& a = *basis.assessment;
  if (a.has_warnings()) {
    std::string why = "the assessment has warnings: " + a.warnings.front();
    if (a.warnings.size() > 1) why += " (and " + std::to_string(a.warnings.size() - 1) + " more)";
    return why;
  }
  if (a.totals.amount.is_zero()) {
    return "the assessment grants 0 kr (the need is met by income): an avslag is decided by hand, with its reasons";
  }
  if (today < basis.received)
    return "the application arrived " + basis.received.to_string() + ", after " + today.to_string();
  return delegation_refusal(decider, Kind::bifall, a.totals.amount, basis.granted_elsewhere, a.month, today);
}

}  // namespace eb::decide
