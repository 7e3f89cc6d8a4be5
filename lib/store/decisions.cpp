// SPDX-License-Identifier: MIT
// Users and decisions (beslut) in the case store. A decision is never edited: the schema's
// triggers and unique indexes refuse it, and this file turns those refusals into Conflict.
#include "store/decisions.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>

#include "assess/assessment_json.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "store/application_rows.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using Impl = Database::Impl;
using money::Money;

// What a constraint violation means for the user.
std::string constraint_message(const std::string& what) {
  if (what.find("decision.application_id") != std::string::npos) {
    return "the application already has a decision; a new decision must replace the current one (--replaces D-n)";
  }
  if (what.find("decision.replaces") != std::string::npos) {
    return "that decision has already been replaced; only the current decision can be replaced";
  }
  if (what.find("user.name") != std::string::npos) return "a user with that name exists already";
  return "refused by the case store: " + what;
}

// Runs `fn`; a constraint the schema raised becomes Conflict saying which rule it is.
template <typename Fn>
auto mapped(Impl& s, Fn&& fn) -> decltype(fn()) {
  return guarded_rules(s, constraint_message, std::forward<Fn>(fn));
}

bool valid_user_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

User read_user(SQLite::Statement& q) {
  User u;
  u.id = q.getColumn(0).getInt64();
  u.name = q.getColumn(1).getString();
  u.full_name = q.getColumn(2).getString();
  u.role = decide::parse_role(q.getColumn(3).getString()).value_or(decide::Role::socialsekreterare);
  u.active = q.getColumn(4).getInt() != 0;
  return u;
}

constexpr std::string_view k_user_sql = "SELECT id, name, full_name, role, active FROM user ";

std::int64_t user_id(Impl& s, const std::string& name, const std::string& field) {
  SQLite::Statement& q = s.stmt("SELECT id FROM user WHERE name = ?");
  q.bind(1, name);
  if (!q.executeStep())
    throw NotFound(field + " = " + text::quoted(name) + ": no such user (add one with eb users add)");
  return q.getColumn(0).getInt64();
}

constexpr std::string_view k_decision_sql =
    "SELECT d.id, d.application_id, d.assessment_id, d.kind, d.decided_on, u.name, p.name, d.delegation, "
    "d.authority, d.assessed_ore, d.granted_ore, d.handling_days, d.replaces, d.routine, d.child_impact, "
    "d.reasons_json, d.statutes_json, d.created_at, d.calculated_ore, d.unofficial_norm, d.large_household_exempt, "
    "d.repayment, d.repayment_on, d.repayment_grounds "
    "FROM decision d JOIN user u ON u.id = d.decided_by LEFT JOIN user p ON p.id = d.presented_by ";

decide::Decision read_decision(Impl& s, SQLite::Statement& q) {
  decide::Decision d;
  d.id = q.getColumn(0).getInt64();
  d.application_id = q.getColumn(1).getInt64();
  d.assessment_id = q.getColumn(2).getInt64();
  d.kind = decide::parse_kind(q.getColumn(3).getString()).value_or(decide::Kind::bifall);
  d.decided_on = period::parse_date(q.getColumn(4).getString(), "decided_on");
  d.decided_by = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) d.presented_by = q.getColumn(6).getString();
  d.delegation = q.getColumn(7).getString();
  d.authority = q.getColumn(8).getString();
  // From v9 assessed_ore holds what was applied for; calculated_ore the assessment's amount.
  d.applied = Money::from_ore(q.getColumn(9).getInt64());
  d.assessed = q.getColumn(18).isNull() ? d.applied : Money::from_ore(q.getColumn(18).getInt64());
  d.granted = Money::from_ore(q.getColumn(10).getInt64());
  d.handling_days = q.getColumn(11).getInt();
  if (!q.getColumn(12).isNull()) d.replaces = q.getColumn(12).getInt64();
  d.routine = q.getColumn(13).getInt() != 0;
  if (!q.getColumn(14).isNull()) d.child_impact = q.getColumn(14).getString();
  for (const auto& r : nlohmann::json::parse(q.getColumn(15).getString())) {
    d.reasons.push_back(decide::Reason{r.at("code").get<std::string>(), r.at("text").get<std::string>()});
  }
  d.statutes = nlohmann::json::parse(q.getColumn(16).getString()).get<std::vector<std::string>>();
  d.created_at = timestamp_of(q.getColumn(17));
  if (!q.getColumn(19).isNull()) d.unofficial_norm = q.getColumn(19).getString();
  if (!q.getColumn(20).isNull()) d.large_household_exempt = q.getColumn(20).getString();
  if (!q.getColumn(21).isNull()) {
    decide::RepaymentCondition c;
    c.kind = decide::parse_repayment(q.getColumn(21).getString()).value_or(decide::Repayment::advance);
    c.on = q.getColumn(22).getString();
    c.grounds = q.getColumn(23).getString();
    d.repayment = std::move(c);
  }
  SQLite::Statement& lq = s.stmt(
      "SELECT item, label, assessed_ore, granted_ore, outcome, reason, applied_ore, reason_code FROM decision_line "
      "WHERE decision_id = ? ORDER BY seq");
  lq.bind(1, d.id);
  while (lq.executeStep()) {
    decide::DecisionLine l;
    l.item = lq.getColumn(0).getString();
    l.label = lq.getColumn(1).getString();
    l.assessed = Money::from_ore(lq.getColumn(2).getInt64());
    l.granted = Money::from_ore(lq.getColumn(3).getInt64());
    l.outcome = decide::parse_kind(lq.getColumn(4).getString()).value_or(decide::Kind::bifall);
    l.reason = lq.getColumn(5).getString();
    l.applied = lq.getColumn(6).isNull() ? l.assessed : Money::from_ore(lq.getColumn(6).getInt64());
    l.reason_code = lq.getColumn(7).getString();
    d.lines.push_back(std::move(l));
  }
  SQLite::Statement& dq = s.stmt(
      "SELECT u.name, x.note FROM decision_dissent x JOIN user u ON u.id = x.user_id WHERE x.decision_id = ? "
      "ORDER BY x.seq");
  dq.bind(1, d.id);
  while (dq.executeStep()) d.dissents.push_back({dq.getColumn(0).getString(), dq.getColumn(1).getString()});
  return d;
}

}  // namespace

User add_user(Database& store, const std::string& name, const std::string& full_name, decide::Role role,
              const WriteContext& ctx) {
  if (!valid_user_name(name)) {
    throw InputError("NAME", text::quoted(name), "a user name is 1–64 characters: a–z, A–Z, 0–9, '.', '_', '-'");
  }
  Impl& s = store.impl();
  return mapped(s, [&] {
    if (find_user(store, name)) throw Conflict("user " + text::quoted(name) + " exists already");
    SQLite::Statement& q = s.stmt("INSERT INTO user (name, full_name, role, active, created_at) VALUES (?,?,?,1,?)");
    q.bind(1, name);
    q.bind(2, full_name);
    q.bind(3, std::string(decide::role_name(role)));
    q.bind(4, ctx.at);
    q.exec();
    User u{s.db.getLastInsertRowid(), name, full_name, role, true};
    s.audit(ctx, "user " + name, "added " + name + " (" + std::string(decide::role_name(role)) + ")");
    return u;
  });
}

std::optional<User> find_user(const Database& store, const std::string& name) {
  Impl& s = impl_of(store);
  return mapped(s, [&]() -> std::optional<User> {
    SQLite::Statement& q = s.stmt(std::string(k_user_sql) + "WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return read_user(q);
  });
}

std::vector<User> list_users(const Database& store) {
  Impl& s = impl_of(store);
  return mapped(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_user_sql) + "ORDER BY name");
    std::vector<User> out;
    while (q.executeStep()) out.push_back(read_user(q));
    return out;
  });
}

User set_user_active(Database& store, const std::string& name, bool active, const WriteContext& ctx) {
  Impl& s = store.impl();
  return mapped(s, [&] {
    std::optional<User> u = find_user(store, name);
    if (!u) throw NotFound("NAME = " + text::quoted(name) + ": no such user");
    if (u->active == active) return *u;
    SQLite::Statement& q = s.stmt("UPDATE user SET active = ? WHERE id = ?");
    q.bind(1, active ? 1 : 0);
    q.bind(2, u->id);
    q.exec();
    u->active = active;
    s.audit(ctx, "user " + name, active ? "activated" : "deactivated");
    return *u;
  });
}

std::int64_t record_decision(Database& store, const decide::Decision& d, const WriteContext& ctx) {
  Impl& s = store.impl();
  return mapped(s, [&] {
    const std::int64_t by = user_id(s, d.decided_by, "--by");
    std::optional<std::int64_t> presenter;
    if (d.presented_by) presenter = user_id(s, *d.presented_by, "--presented-by");
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& r : d.reasons) reasons.push_back({{"code", r.code}, {"text", r.text}});
    SQLite::Statement& q = s.stmt(
        "INSERT INTO decision (application_id, assessment_id, kind, decided_on, decided_by, presented_by, delegation, "
        "authority, assessed_ore, granted_ore, handling_days, replaces, routine, child_impact, reasons_json, "
        "statutes_json, created_at, calculated_ore, unofficial_norm, large_household_exempt, repayment, repayment_on, "
        "repayment_grounds) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, d.application_id);
    q.bind(2, d.assessment_id);
    q.bind(3, std::string(decide::kind_name(d.kind)));
    q.bind(4, d.decided_on.to_string());
    q.bind(5, by);
    if (presenter)
      q.bind(6, *presenter);
    else
      q.bind(6);
    q.bind(7, d.delegation);
    q.bind(8, d.authority);
    q.bind(9, d.applied.ore());  // what was applied for (the column's name is from v3)
    q.bind(10, d.granted.ore());
    q.bind(11, d.handling_days);
    if (d.replaces)
      q.bind(12, *d.replaces);
    else
      q.bind(12);
    q.bind(13, d.routine ? 1 : 0);
    if (d.child_impact)
      q.bind(14, *d.child_impact);
    else
      q.bind(14);
    q.bind(15, reasons.dump());
    q.bind(16, nlohmann::json(d.statutes).dump());
    q.bind(17, ctx.at);
    q.bind(18, d.assessed.ore());
    bind_optional(q, 19, d.unofficial_norm);
    bind_optional(q, 20, d.large_household_exempt);
    if (d.repayment) {
      q.bind(21, std::string(decide::repayment_name(d.repayment->kind)));
      q.bind(22, d.repayment->on);
      q.bind(23, d.repayment->grounds);
    } else {
      q.bind(21);
      q.bind(22, std::string());
      q.bind(23, std::string());
    }
    q.exec();
    const std::int64_t id = s.db.getLastInsertRowid();
    SQLite::Statement& lq = s.stmt(
        "INSERT INTO decision_line (decision_id, seq, item, label, assessed_ore, granted_ore, outcome, reason, "
        "applied_ore, reason_code) VALUES (?,?,?,?,?,?,?,?,?,?)");
    int seq = 0;
    for (const auto& l : d.lines) {
      lq.reset();
      lq.clearBindings();
      lq.bind(1, id);
      lq.bind(2, ++seq);
      lq.bind(3, l.item);
      lq.bind(4, l.label);
      lq.bind(5, l.assessed.ore());
      lq.bind(6, l.granted.ore());
      lq.bind(7, std::string(decide::kind_name(l.outcome)));
      lq.bind(8, l.reason);
      lq.bind(9, l.applied.ore());
      lq.bind(10, l.reason_code);
      lq.exec();
    }
    SQLite::Statement& xq = s.stmt("INSERT INTO decision_dissent (decision_id, seq, user_id, note) VALUES (?,?,?,?)");
    int dseq = 0;
    for (const auto& x : d.dissents) {
      xq.reset();
      xq.clearBindings();
      xq.bind(1, id);
      xq.bind(2, ++dseq);
      xq.bind(3, user_id(s, x.user, "--dissent"));
      xq.bind(4, x.note);
      xq.exec();
    }
    std::string detail = std::string(decide::kind_name(d.kind)) + " " +
                         format_id(IdKind::application, d.application_id) + " on assessment " +
                         std::to_string(d.assessment_id) + ": " + money::format_kr(d.granted) + " of " +
                         money::format_kr(d.assessed) + " by " + d.decided_by;
    if (d.presented_by) detail += " (presented by " + *d.presented_by + ")";
    if (d.routine) detail += " (routine, confirmed by " + d.decided_by + ")";
    if (d.replaces) detail += "; replaces " + format_id(IdKind::beslut, *d.replaces);
    if (d.unofficial_norm) detail += "; on an unofficial norm: " + *d.unofficial_norm;
    if (d.repayment) detail += "; repayment condition " + std::string(decide::repayment_name(d.repayment->kind));
    if (!d.dissents.empty()) detail += "; " + std::to_string(d.dissents.size()) + " dissenting opinion(s)";
    s.audit(ctx, format_id(IdKind::beslut, id), detail);
    return id;
  });
}

decide::Decision load_decision(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return mapped(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_decision_sql) + "WHERE d.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw NotFound("no decision " + format_id(IdKind::beslut, id));
    return read_decision(s, q);
  });
}

std::optional<decide::Decision> current_decision(const Database& store, std::int64_t application_id) {
  Impl& s = impl_of(store);
  const auto id = mapped(s, [&]() -> std::optional<std::int64_t> {
    SQLite::Statement& q = s.stmt("SELECT id FROM current_decision WHERE application_id = ?");
    q.bind(1, application_id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  });
  if (!id) return std::nullopt;
  return load_decision(store, *id);
}

std::optional<std::int64_t> replaced_by(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return mapped(s, [&]() -> std::optional<std::int64_t> {
    SQLite::Statement& q = s.stmt("SELECT id FROM decision WHERE replaces = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  });
}

std::vector<decide::Decision> decisions_of(const Database& store, std::int64_t application_id) {
  Impl& s = impl_of(store);
  const auto ids = mapped(s, [&] {
    SQLite::Statement& q = s.stmt("SELECT id FROM decision WHERE application_id = ? ORDER BY id");
    q.bind(1, application_id);
    std::vector<std::int64_t> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
  });
  std::vector<decide::Decision> out;
  for (const auto id : ids) out.push_back(load_decision(store, id));
  return out;
}

decide::Candidate decision_candidate(const Database& store, std::int64_t application_id) {
  Impl& s = impl_of(store);
  decide::Candidate c = mapped(s, [&] {
    decide::Candidate out;
    SQLite::Statement& q = s.stmt(
        "SELECT a.id, a.arende_id, a.received_on, "
        "(SELECT count(*) FROM member m WHERE m.application_id = a.id AND m.role = 'child'), "
        "(SELECT coalesce(sum(d.granted_ore), 0) FROM application o JOIN current_decision d "
        " ON d.application_id = o.id WHERE o.arende_id = a.arende_id AND o.month = a.month AND o.id <> a.id), "
        "d.id, d.granted_ore, s.id, s.result_json "
        "FROM application a LEFT JOIN current_decision d ON d.application_id = a.id "
        "LEFT JOIN assessment s ON s.id = " +
        std::string(k_latest_assessment_id) + " WHERE a.id = ?");
    q.bind(1, application_id);
    if (!q.executeStep()) throw NotFound("no application " + format_id(IdKind::application, application_id));
    out.application_id = q.getColumn(0).getInt64();
    out.case_id = q.getColumn(1).getInt64();
    out.received = period::parse_date(q.getColumn(2).getString(), "received_on");
    out.children = q.getColumn(3).getInt();
    out.granted_elsewhere = Money::from_ore(q.getColumn(4).getInt64());
    if (!q.getColumn(5).isNull()) {
      out.current_decision = q.getColumn(5).getInt64();
      out.current_granted = Money::from_ore(q.getColumn(6).getInt64());
    }
    if (!q.getColumn(7).isNull()) {
      out.assessment_id = q.getColumn(7).getInt64();
      out.assessment = assess::assessment_from_json(nlohmann::json::parse(q.getColumn(8).getText()));
    }
    return out;
  });
  return c;
}

std::vector<decide::Candidate> routine_candidates(const Database& store, period::Month month) {
  Impl& s = impl_of(store);
  return mapped(s, [&] {
    const std::string m = month.to_string();
    // What each case's current decisions grant for the month: an undecided application's
    // "granted elsewhere" is its case's sum.
    std::map<std::int64_t, Money> case_granted;
    SQLite::Statement& g = s.stmt(
        "SELECT a.arende_id, sum(d.granted_ore) FROM application a JOIN current_decision d ON d.application_id = a.id "
        "WHERE a.month = ? GROUP BY a.arende_id");
    g.bind(1, m);
    while (g.executeStep()) case_granted[g.getColumn(0).getInt64()] = Money::from_ore(g.getColumn(1).getInt64());

    std::map<std::int64_t, int> children;
    SQLite::Statement& c = s.stmt(
        "SELECT m.application_id, count(*) FROM member m JOIN application a ON a.id = m.application_id "
        "WHERE a.month = ? AND m.role = 'child' GROUP BY m.application_id");
    c.bind(1, m);
    while (c.executeStep()) children[c.getColumn(0).getInt64()] = c.getColumn(1).getInt();

    SQLite::Statement& q = s.stmt(
        "SELECT a.id, a.arende_id, a.received_on, "
        "(SELECT d.id FROM current_decision d WHERE d.application_id = a.id), s.id, s.result_json "
        "FROM application a LEFT JOIN assessment s ON s.id = " +
        std::string(k_latest_assessment_id) + " WHERE a.month = ? ORDER BY a.id");
    q.bind(1, m);
    std::vector<decide::Candidate> out;
    while (q.executeStep()) {
      decide::Candidate cand;
      cand.application_id = q.getColumn(0).getInt64();
      cand.case_id = q.getColumn(1).getInt64();
      cand.received = period::parse_date(q.getColumn(2).getString(), "received_on");
      if (!q.getColumn(3).isNull()) cand.current_decision = q.getColumn(3).getInt64();
      if (const auto it = children.find(cand.application_id); it != children.end()) cand.children = it->second;
      if (const auto it = case_granted.find(cand.case_id); it != case_granted.end())
        cand.granted_elsewhere = it->second;
      // Only an undecided application's assessment is read: the routine decides nothing else.
      if (!cand.current_decision && !q.getColumn(4).isNull()) {
        cand.assessment_id = q.getColumn(4).getInt64();
        cand.assessment = assess::assessment_from_json(nlohmann::json::parse(q.getColumn(5).getText()));
      }
      out.push_back(std::move(cand));
    }
    return out;
  });
}

}  // namespace eb::store
