// SPDX-License-Identifier: MIT
// Seals: how the case store proves that no row was added, changed or removed behind eb's back.
// Every row of an audited table has a seal, HMAC-SHA-256 (keyed with the store's audit key, kept
// outside the store) of the row's canonical content, truncated to 128 bits, written by triggers
// that call a function only eb's own connection has. The seals add up (mod 2^128) to the store's
// state, which every audit entry records under the keyed hash chain. Internal to lib/store.
#pragma once

#include <sqlite3.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace eb::store {

inline constexpr std::size_t k_seal_bytes = 16;
using Seal = std::array<unsigned char, k_seal_bytes>;

// One audited table: its code in the seal table and the columns of its key.
struct SealedTable {
  int code;
  std::string_view name;
  std::string_view k1;
  std::string_view k2;  // "" for a one-column key
};

// Every audited table, in a fixed order (the codes never change).
const std::vector<SealedTable>& sealed_tables();

// Registers eb's functions on `db`: eb_seal(TABLE, column values…) (the seal of a row, or an
// error when `key` is nothing: a store eb cannot seal is not written), eb_acc(SUM, SEAL, SIGN)
// and the aggregate eb_acc_sum(SEAL). `key` must outlive the connection.
void register_seal_functions(sqlite3* db, const std::optional<std::string>* key);

// The SQL that creates the seal triggers of `t`, from the table's columns as they are now.
// Call it again (after dropping the old ones) when a migration adds a column.
std::string seal_trigger_sql(SQLite::Database& db, const SealedTable& t);
// Seals every row of `t` again (after a migration changed its columns).
void reseal(SQLite::Database& db, const SealedTable& t);
// What a migration that adds columns to the sealed table `name` runs after its ALTER TABLE:
// the table's seal triggers made again from its columns, and its rows sealed again.
void reseal_after_alter(SQLite::Database& db, std::string_view name);
// True when the store has table `name`: a table of a later schema version than the store's
// is sealed by its own migration, and checked only once it exists.
bool has_table(SQLite::Database& db, std::string_view name);
// The sealed table `name`. Throws std::out_of_range for a table that is not sealed.
const SealedTable& sealed_table(std::string_view name);

// What `db check` finds in the rows of `t`: each changed row, row without a seal, and seal
// without a row, as "TABLE KEY: what".
std::vector<std::string> check_rows(SQLite::Database& db, const SealedTable& t);

// `n` bytes from the operating system's random source (OpenSSL). Throws StoreError.
std::string random_bytes(std::size_t n);
// HMAC-SHA-256 of `data` under `key`, 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);
// Lowercase hex of `bytes`, and back (nothing if it is not hex).
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace eb::store
