// SPDX-License-Identifier: MIT
// The connection behind a Database, shared by the files of lib/store only (database.cpp and one
// file per part of the case store). Nothing outside lib/store includes this.
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
#include "store/database.hpp"

namespace eb::store {

inline constexpr int k_busy_timeout_ms = 60'000;

// One audit entry's hash: sha256(prev_hash || the row's fields), the chain `db check` verifies.
inline std::string audit_hash(const std::string& prev, std::int64_t id, const std::string& at, const std::string& user,
                              const std::string& command, const std::string& entity, const std::string& detail) {
  const char sep = '\x1f';
  return sha256_hex(prev + sep + std::to_string(id) + sep + at + sep + user + sep + command + sep + entity + sep +
                    detail);
}

struct Database::Impl {
  SQLite::Database db;
  std::string path;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements;
  // The audit chain's head, cached inside a write transaction.
  std::optional<std::pair<std::int64_t, std::string>> audit_head;
  std::vector<std::optional<std::pair<std::int64_t, std::string>>> savepoint_heads;

  Impl(const std::string& p, int flags) : db(p, flags, k_busy_timeout_ms), path(p) {}

  // The cached statement for `sql`, reset and with no bindings.
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

  // Appends one entry to the audit log's hash chain.
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

// The connection behind a store that callers hold as const: reading prepares and caches
// statements, which the const interface allows.
inline Database::Impl& impl_of(const Database& db) {
  return const_cast<Database::Impl&>(db.impl());
}

// Runs `fn` and turns SQLite's exceptions into StoreError naming the store, so callers see one
// error type.
template <typename Fn>
auto guarded(Database::Impl& s, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

// The same, except that a constraint the schema raised (a rule: paid once, decided once, …)
// becomes Conflict with the message `refusal(sqlite_message)` gives.
template <typename Fn, typename Refusal>
auto guarded_rules(Database::Impl& s, Refusal&& refusal, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) throw Conflict(refusal(std::string(e.what())));
    throw StoreError(s.path + ": " + e.what());
  }
}

// An optional integer or text bound as NULL when absent.
template <typename T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

}  // namespace eb::store
