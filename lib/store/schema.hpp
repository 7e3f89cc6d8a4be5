// SPDX-License-Identifier: MIT
// The case store's schema as numbered forward migrations (PRAGMA user_version).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace eb::store {

// Makes the id and the audit key of a new store (or of one migrated to the keyed audit),
// installs the key on the connection and returns the id (32 hex digits).
using MakeKey = std::function<std::string()>;

struct Migration {
  int version;             // the schema version after this migration
  std::string_view title;  // what it adds
  std::string_view sql;
  // Work the SQL cannot do (converting values, triggers made from the tables' columns), run
  // after `sql` in the same transaction; may be null.
  void (*after)(SQLite::Database& db, const MakeKey& make_key) = nullptr;
};

// Every migration in order; the last one's version is the schema this eb needs.
const std::vector<Migration>& migrations();
int current_schema_version();

}  // namespace eb::store
