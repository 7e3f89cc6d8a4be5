// SPDX-License-Identifier: MIT
// A prepared statement read through SQLite's own interface, for the reads that take millions of
// values (the scan of applications, FUT screening, the report): SQLite::Column copies a shared
// pointer for each value, about a tenth of a national simulation. Internal to lib/store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace eb::store {

class RawQuery {
 public:
  // Prepares `sql` on `db`. Every method throws SQLite::Exception on an error of SQLite's, which
  // guarded() (database_impl.hpp) turns into StoreError naming the store.
  RawQuery(const SQLite::Database& db, const std::string& sql) : m_db(db.getHandle()) {
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) fail();
  }
  RawQuery(const RawQuery&) = delete;
  RawQuery& operator=(const RawQuery&) = delete;
  ~RawQuery() { sqlite3_finalize(m_stmt); }

  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(m_stmt, i, v)); }
  void bind(int i, std::string_view v) {
    check(sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  // Ready to run again, with no bindings.
  void reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }
  // The next row; false at the end.
  bool step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail();
  }

  // Column `c` of the current row. A text or blob is valid until the next step.
  std::int64_t i64(int c) const { return sqlite3_column_int64(m_stmt, c); }
  int integer(int c) const { return sqlite3_column_int(m_stmt, c); }
  bool is_null(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
  int type(int c) const { return sqlite3_column_type(m_stmt, c); }
  std::string_view text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
  }
  std::string string(int c) const { return std::string(text(c)); }
  std::string_view blob(int c) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() const { throw SQLite::Exception(m_db, sqlite3_errcode(m_db)); }

  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace eb::store
