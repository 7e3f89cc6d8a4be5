// SPDX-License-Identifier: MIT
#include "decide/make_decision.hpp"

#include <algorithm>
#include <map>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/reasons.hpp"
#include "decide/repayment.hpp"
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
    DecisionLine d{item, l.label, l.applied, l.amount, l.amount, Kind::bifall, l.cut_text, l.cut_code, l.ref};
    if (d.granted < d.applied) d.outcome = d.granted > Money() ? Kind::delbifall : Kind::avslag;
    out.push_back(std::move(d));
  }
  return out;
}

std::string cut_items(const assess::Assessment& a) {
  std::string out;
  for (const auto& l : decision_lines(a)) {
    if (!(l.granted < l.applied)) continue;
    out += (out.empty() ? "" : ", ") + l.item + " (" + money::format_kr(l.applied) + " applied for, " +
           money::format_kr(l.granted) + " counted" + (l.reason_code.empty() ? "" : ": " + l.reason_code) + ")";
  }
  return out;
}

namespace {

bool is_blank(const std::optional<std::string>& s) {
  return !s || s->find_first_not_of(" \t\r\n") == std::string::npos;
}

bool official_enough(norms::NormStatus s) {
  return s == norms::NormStatus::official || s == norms::NormStatus::municipal;
}

std::string status_meaning(norms::NormStatus s) {
  switch (s) {
    case norms::NormStatus::preliminary:
      return "amounts derived from the referensvärden and an index, not fixed by the government";
    case norms::NormStatus::estimate:
      return "an estimate, not checked against the SFS";
    case norms::NormStatus::derived:
      return "derived from published uplifts, not read in the regulation";
    default:
      return "";
  }
}

}  // namespace

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

  std::vector<DecisionLine> lines = decision_lines(a);

  // Synnerliga skäl lift the large-household limit (SoL 12 kap. 7 a § andra stycket).
  Money lifted;
  std::optional<std::string> exempt;
  if (request.large_household_exempt) {
    if (is_blank(request.large_household_exempt)) {
      throw InputError("--synnerliga-skal", "\"\"", "give the synnerliga skäl that lift the limit");
    }
    auto it = std::find_if(lines.begin(), lines.end(), [](const DecisionLine& l) {
      return l.item == "riksnorm.large_household" && l.assessed < Money();
    });
    if (it == lines.end()) {
      throw InputError("--synnerliga-skal", text::quoted(*request.large_household_exempt),
                       "the assessment of " + app +
                           " has no large-household reduction to lift (SoL 12 kap. 7 a §: more than three children)");
    }
    lifted = -it->assessed;
    it->granted = it->applied;
    it->outcome = Kind::bifall;
    it->reason.clear();
    it->reason_code.clear();
    exempt = request.large_household_exempt;
  } else if (!a.large_household_exempt.empty()) {
    exempt = a.large_household_exempt;
  }
  const Money base = lifted.is_zero()
                         ? a.totals.amount
                         : money::max(Money(), a.totals.need + lifted - a.totals.income).rounded(a.payable_rounding);
  const Money applied = money::max(a.totals.applied, base);

  if (kind != Kind::avslag && base.is_zero()) {
    throw Conflict(app + ": the assessment grants 0 kr (the need is met by income): there is nothing to " +
                   std::string(kind_name(kind)) + "; decide --avslag --reason income-exceeds-need");
  }
  // A granting decision rests on the amounts the government has fixed (SoF 12 kap. 1 b och 2 §§).
  const bool unofficial = !official_enough(a.norm_status);
  if (request.unofficial_norm_reason && !unofficial) {
    throw InputError(
        "--allow-unofficial-norm", text::quoted(*request.unofficial_norm_reason),
        a.norm_id + " is " + std::string(norms::status_name(a.norm_status)) + ": there is nothing to allow");
  }
  if (request.unofficial_norm_reason && is_blank(request.unofficial_norm_reason)) {
    throw InputError("--allow-unofficial-norm", "\"\"", "give the reason for deciding on a norm that is not official");
  }
  if (kind != Kind::avslag && unofficial && !request.unofficial_norm_reason) {
    throw Conflict(app + " is assessed under " + a.norm_id + ", whose status is " +
                   std::string(norms::status_name(a.norm_status)) + " (" + status_meaning(a.norm_status) +
                   "): a decision that grants money rests on the amounts the government fixes (SoF 12 kap. 1 b och "
                   "2 §§); to decide on it anyway give --allow-unofficial-norm REASON, and the letter says so");
  }

  // Per-item outcomes.
  if (kind != Kind::delbifall && !request.rejections.empty()) {
    throw InputError("--reject", request.rejections.front().item,
                     option_of(kind) + " takes no --reject (a partial grant is --delbifall)");
  }
  std::string cut_list;
  for (const auto& l : lines) {
    if (l.granted < l.applied) cut_list += (cut_list.empty() ? "" : ", ") + l.item;
  }
  if (kind == Kind::bifall && base < applied) {
    std::string named;
    for (const auto& l : lines) {
      if (!(l.granted < l.applied)) continue;
      named += (named.empty() ? "" : ", ") + l.item + " (" + money::format_kr(l.applied) + " applied for, " +
               money::format_kr(l.granted) + " counted" + (l.reason_code.empty() ? "" : ": " + l.reason_code) + ")";
    }
    throw Conflict(app + ": the assessment grants " + money::format_kr(base) + ", less than the " +
                   money::format_kr(applied) + " applied for: " + named +
                   ". A decision that does not grant what was applied for is a delbifall, with the reason for "
                   "each cut item (FL 32 §): decide " +
                   app + " --delbifall" + (basis.children > 0 ? " --child-impact TEXT" : ""));
  }
  if (kind == Kind::delbifall && request.rejections.empty() && cut_list.empty()) {
    throw InputError("--reject", "",
                     "--delbifall needs at least one --reject ITEM:KRONOR, or an assessment that counts less than "
                     "was applied for (items: " +
                         item_list(lines) + ")");
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
    it->outcome = it->granted > Money() ? Kind::delbifall : Kind::avslag;
    if (r.reason) {
      it->reason += (it->reason.empty() ? "" : " ") + r.reason->text;
      if (it->reason_code.empty() && r.reason->code != "free") it->reason_code = r.reason->code;
    }
    rejected += r.amount;
  }
  if (kind == Kind::avslag) {
    for (auto& l : lines) {
      l.granted = Money();
      l.outcome = Kind::avslag;
    }
  }
  const Money granted = kind == Kind::avslag ? Money() : money::max(Money(), base - rejected);
  if (kind == Kind::delbifall && granted.is_zero()) {
    throw InputError(
        "--reject", money::format_kr(rejected),
        "rejecting this leaves nothing of the " + money::format_kr(base) + " assessed: that is an avslag (--avslag)");
  }

  // Reasons (FL 32 §): a cut item carries its own; a rejection needs one.
  const bool every_rejection_has_reason =
      std::all_of(request.rejections.begin(), request.rejections.end(), [](const Rejection& r) { return r.reason; });
  if (request.reasons.empty() && kind == Kind::avslag) {
    throw InputError("--reason", "", "an avslag needs its reasons (a code such as income-exceeds-need, or free text)");
  }
  if (request.reasons.empty() && kind == Kind::delbifall && !every_rejection_has_reason) {
    throw InputError("--reason", "",
                     "a delbifall needs its reasons: --reason, or a reason on every --reject ITEM:KRONOR:REASON");
  }
  const period::Date law_day = a.law_day;
  const auto check_available = [&](const Reason& r, const char* field) {
    const ReasonInfo* info = find_reason(r.code);
    if (info == nullptr) return;
    if (auto why = reason_unavailable(*info, law_day)) throw InputError(field, r.code, *why);
  };
  for (const auto& r : request.reasons) check_available(r, "--reason");
  for (const auto& r : request.rejections) {
    if (r.reason) check_available(*r.reason, "--reject");
  }
  // Barnkonsekvensanalys before an avslag or delavslag (decisions.md; SoL 3 kap. 1–2 §§).
  const bool has_child_impact = !is_blank(request.child_impact);
  if (kind != Kind::bifall && basis.children > 0 && !has_child_impact) {
    throw InputError("--child-impact", "",
                     "the household has " + std::to_string(basis.children) +
                         (basis.children == 1 ? " child" : " children") + ": " +
                         (kind == Kind::avslag ? "an avslag" : "a delbifall") +
                         " needs a barnkonsekvensanalys (how the decision affects the children)" +
                         (kind == Kind::delbifall && !cut_list.empty() ? "; cut items: " + cut_list : ""));
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
  // Conditions for repayment (SoL 33 kap. 2–3 §§).
  std::optional<RepaymentCondition> repayment;
  if (request.advance_on || request.repayable) {
    const char* option = request.advance_on ? "--advance-on" : "--repayable";
    if (request.advance_on && request.repayable) {
      throw InputError("--repayable", "", "give --advance-on or --repayable, not both");
    }
    if (kind == Kind::avslag) throw InputError(option, "", "an avslag grants nothing to repay");
    RepaymentCondition c;
    if (request.advance_on) {
      const AdvanceOn on = parse_advance_on(*request.advance_on, "--advance-on");
      c.kind = Repayment::advance;
      c.on = on.payer + ":" + on.benefit;
      for (const auto& r : request.reasons) c.grounds += (c.grounds.empty() ? "" : " ") + r.text;
    } else {
      if (request.reasons.empty()) {
        throw InputError("--reason", "",
                         "--repayable needs the circumstances that ground the duty to repay (SoL 33 kap. 3 § 3): "
                         "give them with --reason");
      }
      c.kind = Repayment::repayable;
      for (const auto& r : request.reasons) c.grounds += (c.grounds.empty() ? "" : " ") + r.text;
    }
    repayment = std::move(c);
  }
  for (const auto& dissent : request.dissents) {
    if (dissent.user == decider.name) {
      throw InputError("--dissent", text::quoted(dissent.user),
                       "the one who decides cannot dissent from the decision (FL 30 §: those who take part without "
                       "deciding, or who decide together)");
    }
    if (dissent.note.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw InputError("--note", "\"\"", "a dissenting opinion needs its text (--dissent USER --note TEXT)");
    }
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
  d.applied = kind == Kind::bifall ? granted : applied;
  d.assessed = base;
  d.granted = granted;
  d.replaces = request.replaces;
  d.routine = request.routine;
  if (has_child_impact) d.child_impact = request.child_impact;
  if (request.unofficial_norm_reason) d.unofficial_norm = request.unofficial_norm_reason;
  d.large_household_exempt = exempt;
  d.repayment = std::move(repayment);
  d.dissents = request.dissents;
  d.reasons = request.reasons;
  d.lines = std::move(lines);

  // The rules applied (FL 32 §): the right itself, every statute of the calculation, and the
  // statute behind each reason, as cited on the assessment's law day (the month's first day, or
  // a later one a transitional rule gives; norms/transitional.toml).
  if (d.repayment && d.repayment->kind == Repayment::repayable) {
    add_statute(d.statutes, extra_statute(law_day));
  } else {
    add_statute(d.statutes, right_statute(law_day));
  }
  for (const auto& l : a.lines) add_statutes(d.statutes, l.ref);
  const auto add_reason = [&](const Reason& r) {
    if (const ReasonInfo* info = find_reason(r.code)) add_statute(d.statutes, reason_statute(*info, law_day, month));
  };
  for (const auto& r : request.reasons) add_reason(r);
  for (const auto& r : request.rejections) {
    if (r.reason) add_reason(*r.reason);
  }
  if (d.child_impact) add_statute(d.statutes, child_impact_statute(law_day));
  if (d.repayment) add_statute(d.statutes, repayment_statute(d.repayment->kind, law_day));
  if (to_disadvantage) add_statute(d.statutes, k_disadvantage_statute);
  return d;
}

std::optional<std::string> routine_refusal(const Basis& basis, const Decider& decider, period::Date today) {
  const assess::Assessment& a = *basis.assessment;
  std::vector<std::string> why;
  if (a.has_warnings()) {
    std::string w = "the assessment has warnings: " + a.warnings.front();
    if (a.warnings.size() > 1) w += " (and " + std::to_string(a.warnings.size() - 1) + " more)";
    why.push_back(std::move(w));
  }
  if (a.totals.amount.is_zero()) {
    why.push_back(
        "the assessment grants 0 kr (the need is met by income): an avslag is decided by hand, with its reasons");
  } else if (a.totals.amount < a.totals.applied) {
    why.push_back("the assessment counts less than was applied for: " + cut_items(a) +
                  "; a delbifall is decided by hand" +
                  (basis.children > 0 ? ", with a barnkonsekvensanalys" : std::string()));
  }
  if (!official_enough(a.norm_status)) {
    why.push_back("the norm " + a.norm_id + " is " + std::string(norms::status_name(a.norm_status)) +
                  ": a decision on it is made by hand, with --allow-unofficial-norm REASON");
  }
  if (today < basis.received)
    why.push_back("the application arrived " + basis.received.to_string() + ", after " + today.to_string());
  if (auto d = delegation_refusal(decider, Kind::bifall, a.totals.amount, basis.granted_elsewhere, a.month, today)) {
    why.push_back(std::move(*d));
  }
  if (why.empty()) return std::nullopt;
  std::string out;
  for (const auto& w : why) out += (out.empty() ? "" : "; and ") + w;
  return out;
}

}  // namespace eb::decide
