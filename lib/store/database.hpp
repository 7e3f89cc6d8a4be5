// SPDX-License-Identifier: MIT
// Database: the case store's SQLite file: opening it (owner-only), the schema and its
// migrations, transactions and savepoints, the audit log, the integrity check and backups.
// The parts of the case store (cases.hpp, decisions.hpp, payments.hpp, scan.hpp) are free
// functions over it; SQLite stays behind this header.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "period/date.hpp"

namespace eb::store {

// Who writes, when and with which command: recorded in the audit log. The caller passes
// the time; the store never reads the clock.
struct WriteContext {
  std::string at;  // ISO 8601 timestamp
  std::string user;
  std::string command;  // e.g. "intake"
  period::Date today{1970, 1, 1};
};

// read_only and read_write need an existing store of this eb's schema; create makes a missing
// one (intake, db init); migrate and inspect (db check, db backup) also accept an older schema.
enum class OpenMode { read_only, read_write, create, migrate, inspect };

// Where the audit key of a store lives (outside the store). Given the store's id: the key's
// bytes, or nothing when there is none; with `create`, a new key is made and kept when there is
// none. eb writes only to a store whose key it has.
using KeySource = std::function<std::optional<std::string>(const std::string& store_id, bool create)>;

// The last entry of the audit chain: its number and MAC (hex), for a unit to note down and give
// to `eb db check --expect-head` later.
struct AuditHead {
  std::int64_t entry = 0;
  std::string mac;

  std::string to_string() const { return std::to_string(entry) + ":" + mac; }
};

// What `eb db check` found.
struct CheckReport {
  std::vector<std::string> problems;  // each named by table and id, or by audit entry
  bool keyed = false;                 // the key was there: the seals and the keyed chain were verified
  std::int64_t entries = 0;           // audit entries
  std::int64_t unkeyed_entries = 0;   // of those, written before the keyed chain (schema v6)
  std::int64_t rows = 0;              // sealed rows
  std::optional<AuditHead> head;
};

class Database {
 public:
  // Opens the store at `path`. In create mode a missing file is created with owner-only
  // permissions (0600) and the current schema; ":memory:" gives a fresh in-memory store (tests).
  // Throws StoreError if the file cannot be opened, or if its schema is older than this eb
  // (run `eb db migrate`) or newer. A store created here gets a random store id, or
  // `new_store_id` (32 hex digits) when given: `eb demo` derives it, and the key, from its
  // parameters, so that the same parameters make a byte-identical store.
  static Database open(const std::string& path, OpenMode mode, const KeySource& keys = {},
                       const std::optional<std::string>& new_store_id = std::nullopt);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  const std::string& path() const;
  int schema_version() const;
  // Applies the pending migrations inside the open write transaction; returns their titles.
  std::vector<std::string> migrate(const WriteContext& ctx);

  // A write transaction (BEGIN IMMEDIATE: a second writer waits on the busy timeout), a read
  // transaction (one snapshot for every read of a command), and savepoints inside either.
  void begin();
  void begin_read();
  void commit();
  // Rolls back the open transaction, if any.
  void rollback();
  bool in_transaction() const;
  void savepoint();
  void release_savepoint();
  void rollback_to_savepoint();

  // Integrity and foreign keys, the schema against this eb's, every row against its seal, the
  // audit chain (keyed when the key is there) and the store's state against its last entry;
  // with `expect`, that entry `expect.entry` still has MAC `expect.mac`.
  CheckReport check(const std::optional<AuditHead>& expect = std::nullopt) const;
  // The last entry of the audit chain, if any.
  std::optional<AuditHead> audit_head() const;
  // Copies the database to `path` (SQLite's online backup), owner-only permissions.
  void backup(const std::string& path) const;
  // Number of audit entries.
  std::int64_t audit_count() const;

  // The connection, for the files of lib/store only (database_impl.hpp).
  struct Impl;
  Impl& impl() { return *m_impl; }
  const Impl& impl() const { return *m_impl; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// One write transaction: BEGIN IMMEDIATE now, ROLLBACK unless commit() is called, so an
// exception anywhere leaves the database exactly as it was.
class Transaction {
 public:
  explicit Transaction(Database& db) : m_db(db) { m_db.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (m_done) return;
    try {
      m_db.rollback();
    } catch (...) {  // a failed ROLLBACK leaves the transaction to SQLite's own rollback on close
    }
  }
  void commit() {
    m_db.commit();
    m_done = true;
  }

 private:
  Database& m_db;
  bool m_done = false;
};

// One item of a batch inside a transaction: ROLLBACK TO unless release() is called, so a
// refused item leaves nothing behind while the batch goes on.
class Savepoint {
 public:
  explicit Savepoint(Database& db) : m_db(db) { m_db.savepoint(); }
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint() {
    if (m_done) return;
    try {
      m_db.rollback_to_savepoint();
    } catch (...) {  // the enclosing transaction is then rolled back as a whole
    }
  }
  void release() {
    m_db.release_savepoint();
    m_done = true;
  }

 private:
  Database& m_db;
  bool m_done = false;
};

}  // namespace eb::store
