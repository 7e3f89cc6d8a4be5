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
#include "common/timestamp.hpp"
#include "store/database.hpp"
#include "store/raw_query.hpp"
#include "store/seal.hpp"

namespace eb::store {

inline constexpr int k_busy_timeout_ms = 60'000;

// The unkeyed hash of an audit entry written before schema v6: sha256 of the previous entry's
// hash (64 hex digits; zeros for the first) and the row's fields, as hex.
inline std::string legacy_audit_hash(const std::string& prev, std::int64_t id, const std::string& at,
                                     const std::string& user, const std::string& command, const std::string& entity,
                                     const std::string& detail) {
  const char sep = '\x1f';
  return sha256_hex(prev + sep + std::to_string(id) + sep + at + sep + user + sep + command + sep + entity + sep +
                    detail);
}

// One audit entry before it is written: flushed, with its place in the chain, at commit (or
// when the outermost savepoint is released with k_audit_flush_entries pending).
struct PendingAudit {
  std::string at;
  std::string user;
  std::string command;
  std::string entity;
  std::string detail;
};

// How many audit entries a write transaction holds in memory before it writes them (each entry
// records the seal state of the store when it is written; the last one, at commit, the final
// state). A national year through `eb demo` makes about 4 million entries.
inline constexpr std::size_t k_audit_flush_entries = 8192;

struct Database::Impl {
  SQLite::Database db;
  std::string path;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements;
  std::map<std::string, std::unique_ptr<RawQuery>, std::less<>> raw_statements;
  // The store's audit key (outside the store), when it is known; eb_seal reads it.
  KeySource keys;
  Sealer sealer;
  // The audit entries of the open write transaction, written at commit with the state of the
  // store's seals then; a savepoint remembers how many there were.
  std::vector<PendingAudit> pending;
  std::vector<std::pair<std::size_t, Seal>> savepoint_marks;  // pending entries and the seals' delta

  Impl(const std::string& p, int flags, KeySource k);

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

  // The cached RawQuery for `sql`, reset and with no bindings: for the reads of rows that the
  // scans read too (application_rows.hpp).
  RawQuery& raw(std::string_view sql) {
    auto it = raw_statements.find(sql);
    if (it == raw_statements.end()) {
      it = raw_statements.emplace(std::string(sql), std::make_unique<RawQuery>(db, std::string(sql))).first;
    }
    it->second->reset();
    return *it->second;
  }

  // Records an audit entry of the open write transaction (written at commit, or when the
  // outermost savepoint is released with k_audit_flush_entries pending).
  void audit(const WriteContext& ctx, const std::string& entity, const std::string& detail) {
    pending.push_back({ctx.at, ctx.user, ctx.command, entity, detail});
    // Outside a transaction (a test's single statement), the write is committed already.
    if (sqlite3_get_autocommit(db.getHandle()) != 0) flush_audit();
  }
  // Writes the pending entries, chained, each with the seal state of the transaction.
  void flush_audit();

  int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }
};

// The connection behind a store that callers hold as const: reading prepares and caches
// statements, which the const interface allows.
inline Database::Impl& impl_of(const Database& db) {
  return const_cast<Database::Impl&>(db.impl());
}

// A stored timestamp (a *_at column) as eb prints it: RFC 3339. Rows stored before issue 14
// hold strftime's +hhmm; the store is sealed, so they are normalised as they are read, never
// rewritten.
inline std::string timestamp_of(SQLite::Column c) {
  return rfc3339_timestamp(c.getString());
}
inline std::optional<std::string> timestamp_or_null(SQLite::Column c) {
  if (c.isNull()) return std::nullopt;
  return timestamp_of(std::move(c));
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
