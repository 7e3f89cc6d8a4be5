// SPDX-License-Identifier: MIT
// Seals: how the case store proves that no row was added, changed or removed behind eb's back.
// Every row of an audited table has a seal, HMAC-SHA-256 (keyed with the store's audit key, kept
// outside the store) of the row's canonical content, truncated to 128 bits, written by triggers
// that call a function only eb's own connection has. The seals add up (mod 2^128) to the store's
// state, which every audit entry records under the keyed hash chain. Internal to lib/store.
#pragma once

#include <sqlite3.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}
struct hmac_sha256_ctx;

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

// The audit key of an open store, with its HMAC set up once (a seal is made for every row
// written).
class Sealer {
 public:
  Sealer();
  ~Sealer();
  Sealer(const Sealer&) = delete;
  Sealer& operator=(const Sealer&) = delete;
  void set(std::optional<std::string> key);
  bool has_key() const { return m_key.has_value(); }
  // HMAC-SHA-256 of `data` under the key, 32 bytes. Requires has_key().
  std::string mac(std::string_view data) const;

  // What the seals written since the last reset add to the store's state (mod 2^128): the
  // triggers add each new seal and take out each replaced or removed one; the store adds it to
  // seal_state when it commits.
  const Seal& delta() const { return m_delta; }
  void set_delta(const Seal& d) const { m_delta = d; }
  void add_to_delta(const unsigned char* seal, bool subtract) const;

 private:
  std::optional<std::string> m_key;
  std::unique_ptr<hmac_sha256_ctx> m_ctx;
  mutable Seal m_delta{};
};

// Registers eb's functions on `db`, the only connection that has them: eb_seal(TABLE, column
// values…), the seal of a row (an error when `sealer` has no key: a store eb cannot seal is not
// written); for the triggers, eb_seal_new (the same, added to the delta), eb_reseal(OLD, TABLE,
// values…) (the new seal, the old taken out) and eb_unseal(OLD); eb_acc(SUM, SEAL, SIGN) and the
// aggregate eb_acc_sum(SEAL). `sealer` must outlive the connection.
void register_seal_functions(sqlite3* db, const Sealer* sealer);

// The SQL that creates the seal triggers of `t`, from the table's columns as they are now.
// Call it again (after dropping the old ones) when a migration adds a column.
std::string seal_trigger_sql(SQLite::Database& db, const SealedTable& t);
// Seals every row of `t` again (after a migration changed its columns), and sets seal_state to
// the sum of all seals.
void reseal(SQLite::Database& db, const SealedTable& t);
// What a migration that adds columns to the sealed table `name` runs after its ALTER TABLE:
// the table's seal triggers made again from its columns, and its rows sealed again.
void reseal_after_alter(SQLite::Database& db, std::string_view name);
// True when the store has the table `name` (a migration seals only the tables of its version).
bool table_exists(SQLite::Database& db, std::string_view name);
// The sealed table `name`. Throws std::out_of_range for a table that is not sealed.
const SealedTable& sealed_table(std::string_view name);

// What `db check` finds in the rows of `t`: each changed row, row without a seal, and seal
// without a row, as "TABLE KEY: what".
std::vector<std::string> check_rows(SQLite::Database& db, const SealedTable& t);

// `n` bytes from the operating system's random source (getrandom). Throws StoreError.
std::string random_bytes(std::size_t n);
// HMAC-SHA-256 of `data` under `key`, 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);
// Lowercase hex of `bytes`, and back (nothing if it is not hex).
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace eb::store
