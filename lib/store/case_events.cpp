// SPDX-License-Identifier: MIT
#include "store/case_events.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "common/ids.hpp"
#include "report/arbetsplan.hpp"
#include "store/cases.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using Impl = Database::Impl;
using period::Date;

std::vector<Date> arrivals_of(Impl& s, std::int64_t case_id) {
  SQLite::Statement& q = s.stmt(
      "SELECT received_on FROM application WHERE arende_id = ? ORDER BY received_on");  // application_case_received
  q.bind(1, case_id);
  std::vector<Date> out;
  while (q.executeStep()) out.push_back(period::parse_date(q.getColumn(0).getString(), "application.received_on"));
  return out;
}

std::vector<StoredClosure> closures_of(Impl& s, std::int64_t case_id) {
  SQLite::Statement& q =
      s.stmt("SELECT id, closed_on, reason, note FROM closure WHERE arende_id = ? ORDER BY closed_on, id");
  q.bind(1, case_id);
  std::vector<StoredClosure> out;
  std::vector<report::Closure> plain;
  while (q.executeStep()) {
    StoredClosure c;
    c.id = q.getColumn(0).getInt64();
    c.closure.closed_on = period::parse_date(q.getColumn(1).getString(), "closure.closed_on");
    c.closure.reason = report::closure_reason_from(q.getColumn(2).getString()).value_or(report::ClosureReason::other);
    c.note = q.getColumn(3).getString();
    plain.push_back(c.closure);
    out.push_back(std::move(c));
  }
  plain = report::with_reopenings(std::move(plain), arrivals_of(s, case_id));
  for (std::size_t i = 0; i < out.size(); ++i) out[i].closure = plain[i];  // the same order (closed_on)
  return out;
}

std::vector<report::Closure> plain(const std::vector<StoredClosure>& closures) {
  std::vector<report::Closure> out;
  for (const auto& c : closures) out.push_back(c.closure);
  return out;
}

std::vector<Date> plans_of(Impl& s, std::int64_t case_id) {
  SQLite::Statement& q = s.stmt("SELECT made_on FROM arbetsplan WHERE arende_id = ? ORDER BY made_on");
  q.bind(1, case_id);
  std::vector<Date> out;
  while (q.executeStep()) out.push_back(period::parse_date(q.getColumn(0).getString(), "arbetsplan.made_on"));
  return out;
}

}  // namespace

StoredClosure record_closure(Database& store, std::int64_t case_id, Date on, report::ClosureReason reason,
                             const std::string& note, const WriteContext& ctx) {
  Impl& s = store.impl();
  require_case(store, case_id);
  const std::string name = format_id(IdKind::arende, case_id);
  return guarded(s, [&] {
    const std::vector<StoredClosure> before = closures_of(s, case_id);
    report::check_closure(name, arrivals_of(s, case_id), plain(before), on, ctx.today);
    SQLite::Statement& q =
        s.stmt("INSERT INTO closure (arende_id, closed_on, reason, note, created_at, created_by) VALUES (?,?,?,?,?,?)");
    q.bind(1, case_id);
    q.bind(2, on.to_string());
    q.bind(3, std::string(report::closure_reason_name(reason)));
    q.bind(4, note);
    q.bind(5, ctx.at);
    q.bind(6, ctx.user);
    q.exec();
    StoredClosure out;
    out.id = s.db.getLastInsertRowid();
    out.closure = {on, reason, std::nullopt};
    out.note = note;
    s.audit(ctx, name,
            "closed on " + on.to_string() + ": " + std::string(report::closure_reason_name(reason)) +
                (note.empty() ? "" : " (" + note + ")"));
    return out;
  });
}

std::vector<StoredClosure> case_closures(const Database& store, std::int64_t case_id) {
  Impl& s = impl_of(store);
  require_case(store, case_id);
  return guarded(s, [&] { return closures_of(s, case_id); });
}

ArbetsplanEntry record_arbetsplan(Database& store, std::int64_t case_id, Date on, const WriteContext& ctx) {
  Impl& s = store.impl();
  require_case(store, case_id);
  const std::string name = format_id(IdKind::arende, case_id);
  return guarded(s, [&] {
    const std::vector<Date> made = plans_of(s, case_id);
    report::check_arbetsplan(name, made, plain(closures_of(s, case_id)), on, ctx.today);
    SQLite::Statement& q =
        s.stmt("INSERT INTO arbetsplan (arende_id, made_on, created_at, created_by) VALUES (?,?,?,?)");
    q.bind(1, case_id);
    q.bind(2, on.to_string());
    q.bind(3, ctx.at);
    q.bind(4, ctx.user);
    q.exec();
    const bool renewal = !made.empty() && made.front() < on;
    s.audit(ctx, name, std::string(renewal ? "arbetsplan renewed on " : "arbetsplan made on ") + on.to_string());
    return ArbetsplanEntry{on, renewal};
  });
}

std::vector<ArbetsplanEntry> case_arbetsplan(const Database& store, std::int64_t case_id) {
  Impl& s = impl_of(store);
  require_case(store, case_id);
  return guarded(s, [&] {
    std::vector<ArbetsplanEntry> out;
    for (const Date d : plans_of(s, case_id)) out.push_back({d, !out.empty()});
    return out;
  });
}

}  // namespace eb::store
