// SPDX-License-Identifier: MIT
// The store's internals, shared by the files of lib/store only (case_store.cpp and one file per
// part of the case: decisions, payments, scans). Nothing outside lib/store includes this.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/sha256.hpp"
#include "store/case_store.hpp"

namespace eb::store {

inline constexpr int k_busy_timeout_ms = 60'000;

// One audit entry's hash: sha256(prev_hash || the row's fields), the chain `db check` verifies.
inline std::string audit_hash(const std::string& prev, std::int64_t id, const std::string& at, const std::string& user,
                              const std::string& command, const std::string& entity, const std::string& detail) {
  const char sep = '\x1f';
  return sha256_hex(prev + sep + std::to_string(id) + sep + at + sep + user + sep + command + sep + entity + sep +
                    detail);
}

struct CaseStore::Impl {
  SQLite::Database db;
  std::string path;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements;
  // The audit chain's head, cached inside a write transaction.
  std::optional<std::pair<std::int64_t, std::string>> audit_head;
  std::vector<std::optional<std::pair<std::int64_t, std::string>>> savepoint_heads;

  Impl(const std::string& p, int flags) : db(p, flags, k_busy_timeout_ms), path(p) {}

  SQLite::Statement& stmt(std::string_view sql) {
    auto it = statements.find(sql);
    if (it == statements.end()) {
      it = statements.emplace(std::string(sql), std::make_unique<SQLite::Statement>(db, std::string(sql))).first;
    }
    it->second->tryReset();  // reset() would rethrow the error of a failed last step
    it->second->clearBindings();
    return *it->second;
  }

  std::pair<std::int64_t, std::string> head() {
    if (!audit_head) {
      SQLite::Statement& q = stmt("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
      audit_head = q.executeStep() ? std::make_pair(q.getColumn(0).getInt64(), q.getColumn(1).getString())
                                   : std::make_pair(std::int64_t{0}, std::string(64, '0'));
    }
    return *audit_head;
  }

  void audit(const WriteContext& ctx, const std::string& entity, const std::string& detail) {
    const auto [last_id, last_hash] = head();
    const std::int64_t id = last_id + 1;
    const std::string hash = audit_hash(last_hash, id, ctx.at, ctx.user, ctx.command, entity, detail);
    SQLite::Statement& q =
        stmt("INSERT INTO audit (id, at, user, command, entity, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)");
    q.bind(1, id);
    q.bind(2, ctx.at);
    q.bind(3, ctx.user);
    q.bind(4, ctx.command);
    q.bind(5, entity);
    q.bind(6, detail);
    q.bind(7, last_hash);
    q.bind(8, hash);
    q.exec();
    audit_head = std::make_pair(id, hash);
  }

  int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }
};

// The columns an application is read from, and the mapping from a row starting at column
// `first`: one definition for load_application and for the bulk scans (scan.cpp), so both
// produce the same assess::Application. Aliases: application a, member m, person p, cost c,
// income i.
inline constexpr std::string_view k_application_columns =
    "a.month, a.kind, a.received_on, a.address, a.account, a.guideline, a.housemates, a.large_household_exempt";
inline constexpr std::string_view k_member_columns =
    "p.pnr, p.name, m.role, m.hinder, m.assistance_months, m.stimulus_start, m.preschool_lunch, m.in_school, m.days, "
    "m.alternating_residence, m.earned_before_ore, m.norm_raise_ore, m.norm_raise_reason";
inline constexpr std::string_view k_cost_columns =
    "c.kind, c.applied_ore, c.approved_ore, c.note, c.second_hand, c.consent, c.special_reasons";
inline constexpr std::string_view k_income_columns = "p.pnr, i.kind, i.amount_ore, i.note";
assess::Application read_application_row(SQLite::Statement& q, int first);  // without members, costs, incomes
assess::Member read_member_row(SQLite::Statement& q, int first);
assess::Cost read_cost_row(SQLite::Statement& q, int first);
assess::Income read_income_row(SQLite::Statement& q, int first);

// The connection behind a store that callers hold as const: reading prepares and caches
// statements, which the const interface allows.
inline CaseStore::Impl& impl_of(const CaseStore& store) {
  return const_cast<CaseStore::Impl&>(store.impl());
}

// Runs `fn` and turns SQLite's exceptions into StoreError naming the store, so callers see one
// error type.
template <typename Fn>
auto guarded(CaseStore::Impl& s, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

// The same, except that a constraint the schema raised (a rule: paid once, decided once, …)
// becomes Conflict with the message `refusal(sqlite_message)` gives.
template <typename Fn, typename Refusal>
auto guarded_rules(CaseStore::Impl& s, Refusal&& refusal, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) throw Conflict(refusal(std::string(e.what())));
    throw StoreError(s.path + ": " + e.what());
  }
}

}  // namespace eb::store
