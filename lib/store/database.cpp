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
#include "common/sha256.hpp"
#include "store/database_impl.hpp"
#include "store/schema.hpp"
#include "store/seal.hpp"

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

// Runs `fn`, retrying while another connection holds the lock SQLite needs (creating a store,
// switching it to WAL): those steps do not always wait on the busy handler themselves.
template <typename Fn>
void waiting(Fn&& fn) {
  for (int waited_ms = 0;; waited_ms += 20) {
    try {
      fn();
      return;
    } catch (const SQLite::Exception& e) {
      const int code = e.getErrorCode() & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || waited_ms >= k_busy_timeout_ms) throw;
    }
    ::usleep(20'000);
  }
}

std::optional<std::string> store_id_of(SQLite::Database& db) {
  if (!db.tableExists("meta")) return std::nullopt;
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'store_id'");
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace

// One connection used by one thread at a time: SQLite's multi-thread mode (no mutex on every
// call, which the bulk reads of screening and scans would otherwise pay for per column).
Database::Impl::Impl(const std::string& p, int flags, KeySource k)
    : db(p, flags | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms), path(p) {
  keys = std::move(k);
  register_seal_functions(db.getHandle(), &sealer);
}

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& path, OpenMode mode, const KeySource& keys,
                        const std::optional<std::string>& new_store_id) {
  namespace fs = std::filesystem;
  const bool memory = path == k_memory;
  std::error_code ec;
  const bool exists = memory ? false : fs::exists(path, ec);
  if (mode != OpenMode::create && !exists) {
    throw StoreError(path + ": no case store here (create one with `eb db init` or `eb intake`, or set --db / $EB_DB)");
  }
  if (exists && fs::is_directory(path, ec)) throw StoreError(path + ": is a directory, not a case store");
  KeySource source = keys;
  if (memory && !source) {
    // An in-memory store (tests) keeps a key of its own for as long as it lives.
    source = [key = random_bytes(32)](const std::string&, bool) -> std::optional<std::string> { return key; };
  }
  std::unique_ptr<Impl> impl;
  const bool read_only = mode == OpenMode::read_only || mode == OpenMode::inspect;
  try {
    if (mode == OpenMode::create && !memory) create_private_file(path);  // before SQLite creates it 0644
    if (exists && !read_only) make_private(path);
    const int flags = read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | (memory ? SQLite::OPEN_CREATE : 0));
    impl = std::make_unique<Impl>(path, flags, source);
    impl->db.exec("PRAGMA foreign_keys = ON");
    if (!read_only && !memory) {
      waiting([&] { impl->db.exec("PRAGMA journal_mode = WAL"); });
      impl->db.exec("PRAGMA synchronous = NORMAL");
      // The statement journal of each savepoint (one per application in a bulk intake) in memory:
      // in a temporary file it cost two write calls per page touched, 64 per application.
      impl->db.exec("PRAGMA temp_store = MEMORY");
      // A page cache of up to 64 MB (SQLite's default is 2 MB): a write transaction larger than
      // the cache spills its dirty pages to the WAL, and a page spilt and changed again is
      // written again, so a year taken in by `eb demo` wrote its WAL many times over.
      impl->db.exec("PRAGMA cache_size = -65536");
    }
    int version = 0;
    waiting([&] { version = impl->user_version(); });
    if (version == 0 && !read_only) {
      // A new file: create the current schema in one transaction.
      const bool empty = impl->db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
      if (!empty) throw StoreError(path + ": not an eb case store (it has tables but no eb schema version)");
      waiting([&] {
        SQLite::Transaction tx(impl->db, SQLite::TransactionBehavior::IMMEDIATE);
        if (impl->user_version() == 0) {  // another process may have created it meanwhile
          Impl& s = *impl;
          const MakeKey make_key = [&s, &new_store_id] {
            const std::string id = new_store_id.value_or(to_hex(random_bytes(16)));
            s.sealer.set(s.keys ? s.keys(id, true) : std::nullopt);
            if (!s.sealer.has_key()) throw StoreError(s.path + ": cannot make an audit key for the new store");
            return id;
          };
          for (const auto& m : migrations()) {
            impl->db.exec(std::string(m.sql));
            if (m.after) m.after(impl->db, make_key);
          }
          impl->db.exec("PRAGMA user_version = " + std::to_string(current_schema_version()));
        }
        tx.commit();
      });
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
  if (!impl->sealer.has_key()) {
    if (const auto id = store_id_of(impl->db); id && impl->keys) impl->sealer.set(impl->keys(*id, false));
    if (!impl->sealer.has_key() && !read_only && version >= 6) {
      throw StoreError(path + ": the audit key of this case store (store id " + store_id_of(impl->db).value_or("?") +
                       ") is not available, and eb writes only to a store it can seal: restore the key file from "
                       "the unit's safe keeping or point $EB_AUDIT_KEY at it (eb-db(1), AUDIT KEY)");
    }
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
  Impl& s = *m_impl;
  const MakeKey make_key = [&s] {
    const std::string id = to_hex(random_bytes(16));
    s.sealer.set(s.keys ? s.keys(id, true) : std::nullopt);
    if (!s.sealer.has_key()) throw StoreError(s.path + ": cannot make an audit key for the store");
    return id;
  };
  try {
    const int from = s.user_version();
    for (const auto& m : migrations()) {
      if (m.version <= from) continue;
      s.db.exec(std::string(m.sql));
      if (m.after) m.after(s.db, make_key);
      s.sealer.set_delta({});  // a migration that seals rows sets seal_state itself (seal.cpp reseal)
      s.db.exec("PRAGMA user_version = " + std::to_string(m.version));
      s.audit(ctx, "schema", "migrated to version " + std::to_string(m.version) + ": " + std::string(m.title));
      applied.push_back("version " + std::to_string(m.version) + ": " + std::string(m.title));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": migration failed: " + e.what());
  }
  return applied;
}

namespace {

constexpr char k_sep = '\x1f';

// The fields of an entry as the chain covers them, after the previous entry's link.
std::string chained(const std::string& prev, std::int64_t id, const PendingAudit& e, const std::string& state) {
  return prev + k_sep + std::to_string(id) + k_sep + e.at + k_sep + e.user + k_sep + e.command + k_sep + e.entity +
         k_sep + e.detail + k_sep + state;
}

std::string blob_of(const SQLite::Column& c) {
  if (c.isNull()) return {};
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

std::string seal_state(Database::Impl& s) {
  return blob_of(s.db.execAndGet("SELECT sum FROM seal_state WHERE id = 1"));
}

struct LastEntry {
  std::int64_t id = 0;
  std::string hash;  // 32 bytes
  std::string mac;   // 32 bytes, or empty before the keyed chain
  std::string state;
  std::string link() const { return mac.empty() ? hash : mac; }
};

std::optional<LastEntry> last_entry(Database::Impl& s) {
  SQLite::Statement& q = s.stmt("SELECT id, hash, mac, state FROM audit ORDER BY id DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  LastEntry e{q.getColumn(0).getInt64(), blob_of(q.getColumn(1)), blob_of(q.getColumn(2)), blob_of(q.getColumn(3))};
  q.tryReset();
  return e;
}

}  // namespace

void Database::Impl::flush_audit() {
  if (user_version() < 6) {
    // An older schema being migrated: its entries are chained the old way until v6 exists.
    pending.clear();
    return;
  }
  if (sealer.delta() != Seal{}) {
    SQLite::Statement& u = stmt("UPDATE seal_state SET sum = eb_acc(sum, ?, 1) WHERE id = 1");
    u.bind(1, sealer.delta().data(), static_cast<int>(k_seal_bytes));
    u.exec();
    sealer.set_delta({});
  }
  const std::string state = seal_state(*this);
  std::optional<LastEntry> last = last_entry(*this);
  if (pending.empty()) {
    if (!last || last->state == state) return;
    // Rows sealed without an entry of their own: record the change, never leave it unaccounted.
    pending.push_back({"", "eb", "seal", "store", "rows sealed without an audit entry"});
  }
  if (!sealer.has_key()) throw StoreError(path + ": no audit key: eb writes only to a store it can seal");
  std::int64_t id = last ? last->id : 0;
  std::string prev_hash = last ? last->hash : std::string(32, '\0');
  std::string prev_link = last ? last->link() : std::string(32, '\0');
  SQLite::Statement& q =
      stmt("INSERT INTO audit (id, at, user, command, entity, detail, hash, state, mac) VALUES (?,?,?,?,?,?,?,?,?)");
  for (const PendingAudit& e : pending) {
    ++id;
    const std::string hash = sha256_bytes(chained(prev_hash, id, e, state));
    const std::string mac = sealer.mac(chained(prev_link, id, e, state));
    q.reset();
    q.clearBindings();
    q.bind(1, id);
    q.bind(2, e.at);
    q.bind(3, e.user);
    q.bind(4, e.command);
    q.bind(5, e.entity);
    q.bind(6, e.detail);
    q.bind(7, hash.data(), static_cast<int>(hash.size()));
    q.bind(8, state.data(), static_cast<int>(state.size()));
    q.bind(9, mac.data(), static_cast<int>(mac.size()));
    q.exec();
    prev_hash = hash;
    prev_link = mac;
  }
  pending.clear();
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
  m_impl->pending.clear();
  m_impl->savepoint_marks.clear();
  m_impl->sealer.set_delta({});
  if (m_impl->user_version() < 6) return;
  // Before eb adds to a store, its rows must still add up to what the last entry recorded: a
  // change made behind eb's back is refused here, not sealed into the chain by the next write.
  guarded(*m_impl, [&] {
    const std::optional<LastEntry> last = last_entry(*m_impl);
    if (!last || last->state.empty()) return;
    if (last->state != seal_state(*m_impl)) {
      const std::string n = std::to_string(last->id);
      m_impl->db.exec("ROLLBACK");
      throw StoreError(m_impl->path + ": the case store was changed outside eb after audit entry " + n +
                       " (its sealed rows no longer add up to what that entry recorded); eb writes nothing to it: "
                       "run eb db check");
    }
  });
}

void Database::begin_read() {
  try {
    m_impl->db.exec("BEGIN DEFERRED");
  } catch (const SQLite::Exception& e) {
    throw StoreError(m_impl->path + ": cannot start a read transaction: " + e.what());
  }
}

void Database::commit() {
  guarded(*m_impl, [&] {
    if (sqlite3_db_readonly(m_impl->db.getHandle(), "main") == 0) m_impl->flush_audit();
    m_impl->db.exec("COMMIT");
  });
}

void Database::rollback() {
  if (!m_impl || !m_impl->db.getHandle()) return;
  for (auto& [sql, statement] : m_impl->statements) statement->tryReset();
  if (in_transaction()) m_impl->db.exec("ROLLBACK");
  m_impl->pending.clear();
  m_impl->savepoint_marks.clear();
  m_impl->sealer.set_delta({});
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(m_impl->db.getHandle()) == 0;
}

// Savepoints are taken once per item of a bulk command (each application of an intake): their
// statements are prepared once, not parsed each time.
void Database::savepoint() {
  m_impl->stmt("SAVEPOINT item").exec();
  m_impl->savepoint_marks.emplace_back(m_impl->pending.size(), m_impl->sealer.delta());
}

void Database::release_savepoint() {
  m_impl->stmt("RELEASE item").exec();
  m_impl->savepoint_marks.pop_back();
  // Out of every savepoint, nothing pending can be rolled back apart from the whole
  // transaction: a long transaction writes its entries as it goes, so that memory stays flat.
  if (m_impl->savepoint_marks.empty() && m_impl->pending.size() >= k_audit_flush_entries) m_impl->flush_audit();
}

void Database::rollback_to_savepoint() {
  m_impl->stmt("ROLLBACK TO item").exec();
  m_impl->stmt("RELEASE item").exec();
  m_impl->pending.resize(m_impl->savepoint_marks.back().first);
  m_impl->sealer.set_delta(m_impl->savepoint_marks.back().second);
  m_impl->savepoint_marks.pop_back();
}

namespace {

// The schema of a store made by this eb: what every store of this version must have.
std::vector<std::string> expected_schema() {
  static const std::vector<std::string> schema = [] {
    Database fresh = Database::open(":memory:", OpenMode::create);
    std::vector<std::string> out;
    SQLite::Statement q(fresh.impl().db,
                        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
                        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  }();
  return schema;
}

std::vector<std::string> schema_of(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db,
                      "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
                      "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// "trigger payment_no_delete" from "trigger payment_no_delete: CREATE …".
std::string schema_name(const std::string& line) {
  return line.substr(0, line.find(':'));
}

void check_schema(SQLite::Database& db, std::vector<std::string>& problems) {
  const std::vector<std::string> want = expected_schema();
  const std::vector<std::string> have = schema_of(db);
  for (const auto& w : want) {
    if (std::find(have.begin(), have.end(), w) != have.end()) continue;
    const std::string name = schema_name(w);
    const bool exists = std::any_of(have.begin(), have.end(), [&](const auto& h) { return schema_name(h) == name; });
    problems.push_back("schema: " + name + (exists ? " is not as eb made it" : " is missing (dropped outside eb)"));
  }
  for (const auto& h : have) {
    const std::string name = schema_name(h);
    const bool known = std::any_of(want.begin(), want.end(), [&](const auto& w) { return schema_name(w) == name; });
    if (!known) problems.push_back("schema: " + name + " was added outside eb");
  }
}

// The audit chain of a store before schema v6: hex hashes with prev_hash, unkeyed.
void check_legacy_chain(SQLite::Database& db, CheckReport& r) {
  SQLite::Statement q(db, "SELECT id, at, user, command, entity, detail, prev_hash, hash FROM audit ORDER BY id");
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
    } else if (legacy_audit_hash(prev, id, q.getColumn(1).getString(), q.getColumn(2).getString(),
                                 q.getColumn(3).getString(), q.getColumn(4).getString(),
                                 q.getColumn(5).getString()) != hash) {
      why = "its content does not match its hash (edited after it was written)";
    }
    if (!why.empty()) {
      r.problems.push_back("audit: the chain is broken at entry " + std::to_string(std::min(id, expect)) + ": " + why);
      return;
    }
    prev = hash;
    ++expect;
    ++r.entries;
    ++r.unkeyed_entries;
  }
}

void check_chain(Database::Impl& s, CheckReport& r, const std::optional<AuditHead>& expect_head) {
  SQLite::Statement q(s.db, "SELECT id, at, user, command, entity, detail, hash, state, mac FROM audit ORDER BY id");
  std::string prev_hash(32, '\0');
  std::string prev_link(32, '\0');
  std::int64_t expect = 1;
  bool keyed_seen = false;
  std::string last_state;
  bool broken = false;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    const PendingAudit e{q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                         q.getColumn(4).getString(), q.getColumn(5).getString()};
    const std::string hash = blob_of(q.getColumn(6));
    const std::string state = blob_of(q.getColumn(7));
    const std::string mac = blob_of(q.getColumn(8));
    std::string why;
    if (id != expect) {
      why = "entry " + std::to_string(expect) + " is missing (next is " + std::to_string(id) + ")";
    } else if (state.empty()) {
      if (keyed_seen) {
        why = "an entry without a seal state after the keyed chain began (written outside eb)";
      } else if (legacy_audit_hash(to_hex(prev_hash), id, e.at, e.user, e.command, e.entity, e.detail) !=
                 to_hex(hash)) {
        why = "its content does not match its hash (edited after it was written)";
      }
    } else if (sha256_bytes(chained(prev_hash, id, e, state)) != hash) {
      why = "its content does not match its hash (edited after it was written)";
    } else if (s.sealer.has_key() && s.sealer.mac(chained(prev_link, id, e, state)) != mac) {
      why = "its MAC does not match (the entry or the chain before it was rewritten without the key)";
    }
    if (!why.empty()) {
      r.problems.push_back("audit: the chain is broken at entry " + std::to_string(std::min(id, expect)) + ": " + why);
      broken = true;
      break;
    }
    if (state.empty()) {
      ++r.unkeyed_entries;
    } else {
      keyed_seen = true;
    }
    ++r.entries;
    prev_hash = hash;
    prev_link = mac.empty() ? hash : mac;
    last_state = state;
    r.head = AuditHead{id, to_hex(prev_link)};
    if (expect_head && expect_head->entry == id && expect_head->mac != r.head->mac) {
      r.problems.push_back("audit: entry " + std::to_string(id) + " is not the one noted (its MAC is " + r.head->mac +
                           ", not " + expect_head->mac + "): the chain was rewritten");
    }
    ++expect;
  }
  if (!broken && expect_head && expect_head->entry >= expect) {
    r.problems.push_back("audit: the chain ends at entry " + std::to_string(expect - 1) + ", before entry " +
                         std::to_string(expect_head->entry) + " that was noted: entries were removed from its end");
  }
  if (broken || last_state.empty()) return;
  // The state: the seals as they are now add up to what the last entry recorded.
  const std::string sum = blob_of(s.db.execAndGet("SELECT eb_acc_sum(mac) FROM seal"));
  if (sum != last_state) {
    r.problems.push_back("audit: the rows no longer add up to what the last entry (" + std::to_string(expect - 1) +
                         ") recorded: rows or their seals were added, changed or removed after it");
  }
  if (seal_state(s) != sum) r.problems.push_back("seal_state: does not match the seals (edited outside eb)");
}

}  // namespace

CheckReport Database::check(const std::optional<AuditHead>& expect) const {
  Impl& s = *m_impl;
  CheckReport r;
  r.keyed = s.sealer.has_key();
  try {
    SQLite::Statement ic(s.db, "PRAGMA integrity_check");
    while (ic.executeStep()) {
      const std::string v = ic.getColumn(0).getString();
      if (v != "ok") r.problems.push_back("integrity: " + v);
    }
    SQLite::Statement fk(s.db, "PRAGMA foreign_key_check");
    while (fk.executeStep()) {
      r.problems.push_back("foreign key: table " + fk.getColumn(0).getString() + " row " + fk.getColumn(1).getString() +
                           " refers to a missing " + fk.getColumn(2).getString());
    }
    if (s.user_version() < 6) {
      check_legacy_chain(s.db, r);
      r.keyed = false;
      return r;
    }
    check_schema(s.db, r.problems);
    // A norm file's id is the SHA-256 of its bytes: checkable without the key.
    SQLite::Statement nf(s.db, "SELECT sha256, content FROM norm_file");
    while (nf.executeStep()) {
      if (sha256_hex(nf.getColumn(1).getString()) != nf.getColumn(0).getString()) {
        r.problems.push_back("norm_file " + nf.getColumn(0).getString() +
                             ": its content does not match its SHA-256 (edited outside eb)");
      }
    }
    r.rows = s.db.execAndGet("SELECT count(*) FROM seal").getInt64();
    if (s.sealer.has_key()) {
      for (const auto& t : sealed_tables()) {
        if (!table_exists(s.db, t.name)) continue;  // a table of a later schema version
        auto found = check_rows(s.db, t);
        r.problems.insert(r.problems.end(), found.begin(), found.end());
      }
    }
    check_chain(s, r, expect);
  } catch (const SQLite::Exception& e) {
    r.problems.push_back(std::string("store: ") + e.what());
  }
  return r;
}

std::optional<AuditHead> Database::audit_head() const {
  Impl& s = *m_impl;
  if (s.user_version() < 6) return std::nullopt;
  return guarded(s, [&]() -> std::optional<AuditHead> {
    const auto last = last_entry(s);
    if (!last) return std::nullopt;
    return AuditHead{last->id, to_hex(last->link())};
  });
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
