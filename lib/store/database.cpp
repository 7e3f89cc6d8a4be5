// SPDX-License-Identifier: MIT
// The case store's file: open (owner-only), schema, transactions, audit check and backup.
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/atomic_file.hpp"
#include "store/database_impl.hpp"
#include "store/schema.hpp"

namespace eb::store {

namespace {

constexpr std::string_view k_memory = ":memory:";

// Creates `path` with owner-only permissions if it does not exist.
void create_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw StoreError(path + ": cannot create: " + std::strerror(errno));
  }
  ::close(fd);
}

// Takes away group and other permissions from an existing store (and its WAL files, which
// SQLite creates with the database file's permissions): personal data, owner only.
void make_private(const std::string& path) {
  for (const std::string& p : {path, path + "-wal", path + "-shm"}) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0 || (st.st_mode & 077) == 0) continue;
    if (::chmod(p.c_str(), st.st_mode & 0700) != 0) {
      throw StoreError(p + ": cannot make it private (chmod 0600): " + std::strerror(errno));
    }
  }
}

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& path, OpenMode mode) {
  namespace fs = std::filesystem;
  const bool memory = path == k_memory;
  std::error_code ec;
  const bool exists = memory ? false : fs::exists(path, ec);
  if (mode != OpenMode::create && !exists) {
    throw StoreError(path + ": no case store here (create one with `eb db init` or `eb intake`, or set --db / $EB_DB)");
  }
  std::unique_ptr<Impl> impl;
  try {
    if (mode == OpenMode::create && !memory) create_private_file(path);  // before SQLite creates it 0644
    if (exists && mode != OpenMode::read_only && mode != OpenMode::inspect) make_private(path);
    const bool read_only = mode == OpenMode::read_only || mode == OpenMode::inspect;
    const int flags = read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | (memory ? SQLite::OPEN_CREATE : 0));
    impl = std::make_unique<Impl>(path, flags);
    impl->db.exec("PRAGMA foreign_keys = ON");
    if (!read_only && !memory) {
      impl->db.exec("PRAGMA journal_mode = WAL");
      impl->db.exec("PRAGMA synchronous = NORMAL");
    }
    const int version = impl->user_version();
    if (version == 0 && mode != OpenMode::read_only && mode != OpenMode::inspect) {
      // A new file: create the current schema in one transaction.
      const bool empty = impl->db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
      if (!empty) throw StoreError(path + ": not an eb case store (it has tables but no eb schema version)");
      SQLite::Transaction tx(impl->db, SQLite::TransactionBehavior::IMMEDIATE);
      if (impl->user_version() == 0) {  // another process may have created it meanwhile
        for (const auto& m : migrations()) impl->db.exec(std::string(m.sql));
        impl->db.exec("PRAGMA user_version = " + std::to_string(current_schema_version()));
      }
      tx.commit();
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + ": " + e.what());
  }
  const int version = impl->user_version();
  if (version > current_schema_version()) {
    throw StoreError(path + ": schema version " + std::to_string(version) + " is newer than this eb understands (" +
                     std::to_string(current_schema_version()) + "); use a newer eb");
  }
  if (version < current_schema_version() && mode != OpenMode::migrate && mode != OpenMode::inspect) {
    throw StoreError(path + ": schema version " + std::to_string(version) + " is older than this eb's (" +
                     std::to_string(current_schema_version()) +
                     "); back it up with `eb db backup FILE`, then run `eb db migrate`");
  }
  return Database(std::move(impl));
}

const std::string& Database::path() const {
  return m_impl->path;
}

int Database::schema_version() const {
  return m_impl->user_version();
}

std::vector<std::string> Database::migrate(const WriteContext& ctx) {
  std::vector<std::string> applied;
  try {
    const int from = m_impl->user_version();
    for (const auto& m : migrations()) {
      if (m.version <= from) continue;
      m_impl->db.exec(std::string(m.sql));
      m_impl->db.exec("PRAGMA user_version = " + std::to_string(m.version));
      m_impl->audit(ctx, "schema", "migrated to version " + std::to_string(m.version) + ": " + std::string(m.title));
      applied.push_back("version " + std::to_string(m.version) + ": " + std::string(m.title));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(m_impl->path + ": migration failed: " + e.what());
  }
  return applied;
}

void Database::begin() {
  // A cached statement left mid-read would keep an old read snapshot open, and upgrading it
  // to a write lock fails at once (SQLITE_BUSY_SNAPSHOT) when another process has written
  // since: reset them all, so BEGIN IMMEDIATE waits on the busy timeout like any writer.
  for (auto& [sql, statement] : m_impl->statements) statement->tryReset();
  try {
    m_impl->db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw StoreError(m_impl->path + ": cannot start a write transaction: " + e.what());
  }
  m_impl->audit_head.reset();
}

void Database::begin_read() {
  try {
    m_impl->db.exec("BEGIN DEFERRED");
  } catch (const SQLite::Exception& e) {
    throw StoreError(m_impl->path + ": cannot start a read transaction: " + e.what());
  }
}

void Database::commit() {
  guarded(*m_impl, [&] { m_impl->db.exec("COMMIT"); });
}

void Database::rollback() {
  if (!m_impl || !m_impl->db.getHandle()) return;
  for (auto& [sql, statement] : m_impl->statements) statement->tryReset();
  if (in_transaction()) m_impl->db.exec("ROLLBACK");
  m_impl->audit_head.reset();
  m_impl->savepoint_heads.clear();
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(m_impl->db.getHandle()) == 0;
}

void Database::savepoint() {
  m_impl->db.exec("SAVEPOINT item");
  m_impl->savepoint_heads.push_back(m_impl->audit_head);
}

void Database::release_savepoint() {
  m_impl->db.exec("RELEASE item");
  m_impl->savepoint_heads.pop_back();
}

void Database::rollback_to_savepoint() {
  m_impl->db.exec("ROLLBACK TO item");
  m_impl->db.exec("RELEASE item");
  m_impl->audit_head = m_impl->savepoint_heads.back();
  m_impl->savepoint_heads.pop_back();
}

std::vector<std::string> Database::check() const {
  Impl& s = *m_impl;
  std::vector<std::string> problems;
  try {
    SQLite::Statement ic(s.db, "PRAGMA integrity_check");
    while (ic.executeStep()) {
      const std::string r = ic.getColumn(0).getString();
      if (r != "ok") problems.push_back("integrity: " + r);
    }
    SQLite::Statement fk(s.db, "PRAGMA foreign_key_check");
    while (fk.executeStep()) {
      problems.push_back("foreign key: table " + fk.getColumn(0).getString() + " row " + fk.getColumn(1).getString() +
                         " refers to a missing " + fk.getColumn(2).getString());
    }
    SQLite::Statement q(s.db, "SELECT id, at, user, command, entity, detail, prev_hash, hash FROM audit ORDER BY id");
    std::string prev(64, '0');
    std::int64_t expect = 1;
    while (q.executeStep()) {
      const std::int64_t id = q.getColumn(0).getInt64();
      const std::string hash = q.getColumn(7).getString();
      std::string why;
      if (id != expect) {
        why = "entry " + std::to_string(expect) + " is missing (next is " + std::to_string(id) + ")";
      } else if (q.getColumn(6).getString() != prev) {
        why = "its prev_hash does not match entry " + std::to_string(id - 1);
      } else if (audit_hash(prev, id, q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getString(), q.getColumn(4).getString(),
                            q.getColumn(5).getString()) != hash) {
        why = "its content does not match its hash (edited after it was written)";
      }
      if (!why.empty()) {
        problems.push_back("audit: the chain is broken at entry " + std::to_string(std::min(id, expect)) + ": " + why);
        break;
      }
      prev = hash;
      ++expect;
    }
  } catch (const SQLite::Exception& e) {
    problems.push_back(std::string("store: ") + e.what());
  }
  return problems;
}

void Database::backup(const std::string& path) const {
  check_output_path(path);  // never through a symbolic link, never over a directory
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) throw Conflict(path + ": exists already; choose a new backup file");
  // Into a private temporary file beside it, renamed into place when the copy is whole.
  StagedFile staged(path, "");
  try {
    m_impl->db.backup(staged.temporary().c_str(), SQLite::Database::Save);
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + ": backup failed: " + e.what());
  }
  staged.publish();
}

std::int64_t Database::audit_count() const {
  return m_impl->db.execAndGet("SELECT count(*) FROM audit").getInt64();
}

}  // namespace eb::store
