// SPDX-License-Identifier: MIT
#include "decide/delegation.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"
#include "period/period_reader.hpp"

namespace eb::decide {

const DelegationRule* Delegation::rule_for(Role role) const {
  for (const auto& r : rules) {
    if (r.role == role) return &r;
  }
  return nullptr;
}

Delegation parse_delegation(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  Delegation d;
  d.path = file;
  d.id = r.string("id", true).value_or("");
  d.title = r.string("title", true).value_or("");
  d.status = r.string("status", true).value_or("");
  if (!d.status.empty() && d.status != "example" && d.status != "adopted") {
    r.problem("status", text::quoted(d.status), "must be \"example\" or \"adopted\"");
  }
  d.decided_by = r.string("decided_by", true).value_or("");
  d.authority = r.string("authority", true).value_or("");
  d.valid_from = period::read_date(r, "valid_from", true).value_or(period::Date(1970, 1, 1));
  d.valid_to = period::read_date(r, "valid_to");
  if (d.valid_to && *d.valid_to < d.valid_from) {
    r.problem("valid_to", d.valid_to->to_string(), "is before valid_from (" + d.valid_from.to_string() + ")");
  }
  auto tables = r.tables("delegate");
  if (tables.empty() && !r.has("delegate")) r.problem("delegate", "", "at least one [[delegate]] is required");
  for (auto& t : tables) {
    DelegationRule rule;
    rule.line = t.line();
    const std::string role = t.string("role", true).value_or("");
    if (const auto parsed = parse_role(role)) {
      rule.role = *parsed;
      if (d.rule_for(*parsed) != nullptr) {
        t.problem("role", text::quoted(role), "appears twice; give each role one [[delegate]]");
      }
    } else if (!role.empty()) {
      t.problem("role", text::quoted(role), "unknown role (socialsekreterare, gruppledare, enhetschef, fut, admin)");
    }
    rule.point = t.string("point", true).value_or("");
    rule.label = t.string("label", true).value_or("");
    rule.max_per_month = money::read_money(t, "max_per_month");
    if (rule.max_per_month && rule.max_per_month->is_zero()) {
      t.problem("max_per_month", "0", "must be above 0 (leave it out for no limit)");
    }
    if (!t.has("may_refuse")) t.problem("may_refuse", "", "is required (true or false)");
    rule.may_refuse = t.boolean("may_refuse").value_or(false);
    t.finish();
    if (!role.empty() && parse_role(role)) d.rules.push_back(rule);
  }
  r.finish();
  problems.throw_if_any();
  return d;
}

namespace {

// The roles whose point covers the decision, for "who may decide instead".
std::string who_may(const Delegation& d, Kind kind, Money total) {
  std::string out;
  for (const auto& r : d.rules) {
    if (kind != Kind::bifall && !r.may_refuse) continue;
    if (r.max_per_month && total > *r.max_per_month) continue;
    out += (out.empty() ? "" : " or ") + std::string(role_name(r.role));
  }
  return out.empty() ? "no role in this delegation order may decide it; the nämnd decides"
                     : "a " + out + " must decide";
}

std::string order_name(const Delegation& d) {
  return "delegation order " + d.id + " (" + d.path + ")";
}

}  // namespace

std::optional<std::string> delegation_refusal(const Decider& who, Kind kind, Money granted, Money granted_elsewhere,
                                              period::Month month, period::Date day) {
  const Delegation& d = *who.delegation;
  const std::string user = who.name + " (" + std::string(role_name(who.role)) + ")";
  if (day < d.valid_from || (d.valid_to && *d.valid_to < day)) {
    return order_name(d) + " is valid from " + d.valid_from.to_string() +
           (d.valid_to ? " to " + d.valid_to->to_string() : "") + ", not on " + day.to_string() +
           " (give the order in force with --delegation)";
  }
  const DelegationRule* rule = d.rule_for(who.role);
  const Money total = granted + granted_elsewhere;
  if (rule == nullptr) {
    return user + " has no delegation to decide on försörjningsstöd in " + order_name(d) + ": " +
           who_may(d, kind, total);
  }
  if (kind != Kind::bifall && !rule->may_refuse) {
    return user + " may not decide " + std::string(kind_name(kind)) + " under " + order_name(d) + " point " +
           rule->point + ": " + who_may(d, kind, total);
  }
  if (rule->max_per_month && total > *rule->max_per_month) {
    std::string amount = money::format_kr(granted);
    if (!granted_elsewhere.is_zero()) {
      amount += " (" + money::format_kr(total) + " with the " + money::format_kr(granted_elsewhere) +
                " already granted to the household for " + month.to_string() + ")";
    }
    return user + " may grant at most " + money::format_kr(*rule->max_per_month) + " per month under " + order_name(d) +
           " point " + rule->point + "; this decision grants " + amount + " for " + month.to_string() + ": " +
           who_may(d, kind, total);
  }
  return std::nullopt;
}

std::string delegation_used(const Decider& who, Kind kind, Money granted, Money granted_elsewhere, period::Month month,
                            period::Date day) {
  if (auto why = delegation_refusal(who, kind, granted, granted_elsewhere, month, day)) throw Conflict(*why);
  const Delegation& d = *who.delegation;
  const DelegationRule& rule = *d.rule_for(who.role);
  // The example's id is "example": in Swedish, the sentence names it as what it is.
  const std::string order = d.is_example() ? "exempeldelegationsordningen" : "delegationsordning " + d.id;
  return "punkt " + rule.point + " i " + order + " (" + d.decided_by + "): " + rule.label;
}

const User& require_active(const std::optional<User>& user, const std::string& name, const std::string& field) {
  if (!user) {
    throw NotFound(field + " = " + text::quoted(name) +
                   ": no such user in the case store (add one with eb users add NAME --role ROLE)");
  }
  if (!user->active) throw Conflict(field + " = " + text::quoted(name) + ": the user is inactive and cannot decide");
  return *user;
}

}  // namespace eb::decide
