// SPDX-License-Identifier: MIT
#include "store/seal.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nettle/hmac.h>
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "common/error.hpp"

namespace eb::store {

namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// The canonical bytes of a row: the table name, then each value with its type, so that no two
// different rows (or tables) have the same bytes.
std::string canonical(int argc, sqlite3_value** argv) {
  std::string out;
  for (int i = 0; i < argc; ++i) {
    sqlite3_value* v = argv[i];
    const int type = sqlite3_value_type(v);
    out += static_cast<char>(type);
    switch (type) {
      case SQLITE_INTEGER:
        put_u64(out, static_cast<std::uint64_t>(sqlite3_value_int64(v)));
        break;
      case SQLITE_FLOAT:  // no real columns in eb; sealed by their text all the same
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        const void* p = type == SQLITE_BLOB ? sqlite3_value_blob(v) : static_cast<const void*>(sqlite3_value_text(v));
        const int n = sqlite3_value_bytes(v);
        put_u64(out, static_cast<std::uint64_t>(n));
        if (n > 0) out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        break;
      }
      default:
        break;  // NULL: the type alone
    }
  }
  return out;
}

// The seal of the row in `argv`, or an error set on `ctx` (returns false).
bool seal_row(sqlite3_context* ctx, int argc, sqlite3_value** argv, std::string& mac) {
  const auto* sealer = static_cast<const Sealer*>(sqlite3_user_data(ctx));
  if (sealer == nullptr || !sealer->has_key()) {
    sqlite3_result_error(ctx,
                         "the audit key of this case store is not available: eb writes only to a store it can seal "
                         "(see eb-db(1), AUDIT KEY)",
                         -1);
    return false;
  }
  mac = sealer->mac(canonical(argc, argv));
  return true;
}

const Sealer& sealer_of(sqlite3_context* ctx) {
  return *static_cast<const Sealer*>(sqlite3_user_data(ctx));
}

bool is_seal(sqlite3_value* v) {
  return sqlite3_value_type(v) == SQLITE_BLOB && sqlite3_value_bytes(v) == static_cast<int>(k_seal_bytes);
}

void eb_seal(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string mac;
  if (!seal_row(ctx, argc, argv, mac)) return;
  sqlite3_result_blob(ctx, mac.data(), static_cast<int>(k_seal_bytes), SQLITE_TRANSIENT);
}

// A new row's seal, added to the delta.
void eb_seal_new(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string mac;
  if (!seal_row(ctx, argc, argv, mac)) return;
  sealer_of(ctx).add_to_delta(reinterpret_cast<const unsigned char*>(mac.data()), false);
  sqlite3_result_blob(ctx, mac.data(), static_cast<int>(k_seal_bytes), SQLITE_TRANSIENT);
}

// A changed row's new seal; its old one (argv[0]) taken out of the delta.
void eb_reseal(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string mac;
  if (!seal_row(ctx, argc - 1, argv + 1, mac)) return;
  if (is_seal(argv[0])) {
    sealer_of(ctx).add_to_delta(static_cast<const unsigned char*>(sqlite3_value_blob(argv[0])), true);
  }
  sealer_of(ctx).add_to_delta(reinterpret_cast<const unsigned char*>(mac.data()), false);
  sqlite3_result_blob(ctx, mac.data(), static_cast<int>(k_seal_bytes), SQLITE_TRANSIENT);
}

// A removed row's seal (argv[0]) taken out of the delta.
void eb_unseal(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* sealer = static_cast<const Sealer*>(sqlite3_user_data(ctx));
  if (sealer == nullptr || !sealer->has_key()) {
    sqlite3_result_error(ctx, "the audit key of this case store is not available", -1);
    return;
  }
  if (is_seal(argv[0])) sealer->add_to_delta(static_cast<const unsigned char*>(sqlite3_value_blob(argv[0])), true);
  sqlite3_result_null(ctx);
}

// `sum` ± `seal`, mod 2^128, little-endian.
Seal add(const Seal& sum, const unsigned char* seal, bool subtract) {
  Seal out{};
  unsigned carry = subtract ? 1 : 0;  // a − b = a + ~b + 1
  for (std::size_t i = 0; i < k_seal_bytes; ++i) {
    const unsigned b = subtract ? static_cast<unsigned char>(~seal[i]) : seal[i];
    const unsigned s = sum[i] + b + carry;
    out[i] = static_cast<unsigned char>(s & 0xff);
    carry = s >> 8;
  }
  return out;
}

Seal seal_of(sqlite3_value* v) {
  Seal s{};
  if (sqlite3_value_type(v) == SQLITE_BLOB && sqlite3_value_bytes(v) == static_cast<int>(k_seal_bytes)) {
    std::memcpy(s.data(), sqlite3_value_blob(v), k_seal_bytes);
  }
  return s;
}

void eb_acc(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const Seal sum = seal_of(argv[0]);
  const Seal mac = seal_of(argv[1]);
  const Seal out = add(sum, mac.data(), sqlite3_value_int(argv[2]) < 0);
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(k_seal_bytes), SQLITE_TRANSIENT);
}

void eb_acc_sum_step(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  auto* sum = static_cast<Seal*>(sqlite3_aggregate_context(ctx, sizeof(Seal)));
  if (sum == nullptr) return;
  const Seal mac = seal_of(argv[0]);
  *sum = add(*sum, mac.data(), false);
}

void eb_acc_sum_final(sqlite3_context* ctx) {
  auto* sum = static_cast<Seal*>(sqlite3_aggregate_context(ctx, sizeof(Seal)));
  const Seal zero{};
  const Seal& out = sum ? *sum : zero;
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(k_seal_bytes), SQLITE_TRANSIENT);
}

std::string ident(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::vector<std::string> columns_of(SQLite::Database& db, std::string_view table) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, std::string(table));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// "FN('T', P.c1, P.c2, …)" for the row named by prefix `p` ("NEW." or ""), FN eb_seal unless
// given (with `first`, an argument before the table's name).
std::string seal_call(SQLite::Database& db, const SealedTable& t, const std::string& p,
                      const std::string& fn = "eb_seal", const std::string& first = "") {
  std::string call = fn + "(" + (first.empty() ? "" : first + ", ") + "'" + std::string(t.name) + "'";
  for (const auto& c : columns_of(db, t.name)) call += ", " + p + ident(c);
  return call + ")";
}

std::string k2_of(const SealedTable& t, const std::string& p) {
  return t.k2.empty() ? std::string("0") : p + ident(t.k2);
}

}  // namespace

const std::vector<SealedTable>& sealed_tables() {
  static const std::vector<SealedTable> all{
      {1, "person", "id", ""},
      {2, "arende", "id", ""},
      {3, "application", "id", ""},
      {4, "member", "application_id", "seq"},
      {5, "cost", "application_id", "seq"},
      {6, "income", "application_id", "seq"},
      {7, "norm_file", "sha256", ""},
      {8, "assessment", "id", ""},
      {9, "stimulus_period", "person_id", "start_month"},
      {10, "user", "id", ""},
      {11, "decision", "id", ""},
      {12, "decision_line", "decision_id", "seq"},
      {13, "batch", "id", ""},
      {14, "payment", "id", ""},
      {15, "batch_export", "batch_id", "format"},
      {16, "payment_return", "payment_id", ""},
      {17, "claim", "id", ""},
      {18, "repayment", "id", ""},
      {19, "fut_import", "id", ""},
      {20, "fut_income_row", "id", ""},
      {21, "fut_population_row", "id", ""},
      {22, "fut_flag", "id", ""},
      {23, "fut_outcome", "flag_id", ""},
      {24, "fut_follow_up", "id", ""},
      // 25–29: schema v8 (the report's facts).
      {25, "closure", "id", ""},
      {26, "arbetsplan", "arende_id", "made_on"},
      {30, "decision_dissent", "decision_id", "seq"},
  };
  return all;
}

Sealer::Sealer() = default;
Sealer::~Sealer() = default;

void Sealer::set(std::optional<std::string> key) {
  m_key = std::move(key);
  if (!m_key) {
    m_ctx.reset();
    return;
  }
  m_ctx = std::make_unique<hmac_sha256_ctx>();
  hmac_sha256_set_key(m_ctx.get(), m_key->size(), reinterpret_cast<const std::uint8_t*>(m_key->data()));
}

std::string Sealer::mac(std::string_view data) const {
  hmac_sha256_ctx ctx = *m_ctx;  // the key's inner and outer states, computed once
  hmac_sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::string out(SHA256_DIGEST_SIZE, '\0');
  hmac_sha256_digest(&ctx, SHA256_DIGEST_SIZE, reinterpret_cast<std::uint8_t*>(out.data()));
  return out;
}

void Sealer::add_to_delta(const unsigned char* seal, bool subtract) const {
  m_delta = add(m_delta, seal, subtract);
}

void register_seal_functions(sqlite3* db, const Sealer* sealer) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  auto* data = const_cast<Sealer*>(sealer);
  sqlite3_create_function_v2(db, "eb_seal", -1, flags, data, eb_seal, nullptr, nullptr, nullptr);
  // These change the delta: not deterministic, so SQLite never folds two calls into one.
  sqlite3_create_function_v2(db, "eb_seal_new", -1, SQLITE_UTF8, data, eb_seal_new, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(db, "eb_reseal", -1, SQLITE_UTF8, data, eb_reseal, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(db, "eb_unseal", 1, SQLITE_UTF8, data, eb_unseal, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(
      db, "eb_guard", 0, flags, nullptr, [](sqlite3_context* ctx, int, sqlite3_value**) { sqlite3_result_null(ctx); },
      nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(db, "eb_acc", 3, flags, nullptr, eb_acc, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(db, "eb_acc_sum", 1, flags, nullptr, nullptr, eb_acc_sum_step, eb_acc_sum_final, nullptr);
}

std::string seal_trigger_sql(SQLite::Database& db, const SealedTable& t) {
  const std::string name(t.name);
  const std::string code = std::to_string(t.code);
  const std::string k1 = ident(t.k1);
  // The unary + strips the row column's affinity: the seal's k1 and k2 have none, and a
  // comparison that converted them would not use the seal's primary key (a scan of every seal
  // on each update or delete).
  const std::string where_old = "tbl = " + code + " AND k1 = +OLD." + k1 + " AND k2 = " + k2_of(t, "+OLD.");
  std::string key_match = k1 + " = NEW." + k1;
  if (!t.k2.empty()) key_match += " AND " + ident(t.k2) + " = NEW." + ident(t.k2);
  std::string sql;
  sql += "CREATE TRIGGER " + ident(name + "_seal_insert") + " AFTER INSERT ON " + ident(name) +
         " BEGIN INSERT INTO seal (tbl, k1, k2, mac) VALUES (" + code + ", NEW." + k1 + ", " + k2_of(t, "NEW.") + ", " +
         seal_call(db, t, "NEW.", "eb_seal_new") + "); END;\n";
  sql += "CREATE TRIGGER " + ident(name + "_seal_update") + " AFTER UPDATE ON " + ident(name) +
         " BEGIN UPDATE seal SET mac = " + seal_call(db, t, "NEW.", "eb_reseal", "mac") + " WHERE " + where_old +
         "; END;\n";
  sql += "CREATE TRIGGER " + ident(name + "_seal_delete") + " AFTER DELETE ON " + ident(name) +
         " BEGIN SELECT eb_unseal(mac) FROM seal WHERE " + where_old + "; DELETE FROM seal WHERE " + where_old +
         "; END;\n";
  sql += "CREATE TRIGGER " + ident(name + "_key_fixed") + " BEFORE UPDATE ON " + ident(name) + " WHEN NEW." + k1 +
         " IS NOT OLD." + k1 + (t.k2.empty() ? "" : " OR NEW." + ident(t.k2) + " IS NOT OLD." + ident(t.k2)) +
         " BEGIN SELECT RAISE(ABORT, '" + name + ": the key of a row never changes'); END;\n";
  sql += "CREATE TRIGGER " + ident(name + "_no_replace") + " BEFORE INSERT ON " + ident(name) +
         " WHEN EXISTS (SELECT 1 FROM " + ident(name) + " WHERE " + key_match + ") BEGIN SELECT RAISE(ABORT, '" + name +
         ": a row with this key exists; eb never replaces a row'); END;\n";
  return sql;
}

void reseal(SQLite::Database& db, const SealedTable& t) {
  const std::string code = std::to_string(t.code);
  db.exec("DELETE FROM seal WHERE tbl = " + code);
  db.exec("INSERT INTO seal (tbl, k1, k2, mac) SELECT " + code + ", " + ident(t.k1) + ", " + k2_of(t, "") + ", " +
          seal_call(db, t, "") + " FROM " + ident(t.name));
  db.exec("UPDATE seal_state SET sum = (SELECT eb_acc_sum(mac) FROM seal) WHERE id = 1");
}

bool table_exists(SQLite::Database& db, std::string_view name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  q.bind(1, std::string(name));
  return q.executeStep();
}

const SealedTable& sealed_table(std::string_view name) {
  for (const auto& t : sealed_tables()) {
    if (t.name == name) return t;
  }
  throw std::out_of_range("not a sealed table: " + std::string(name));
}

void reseal_after_alter(SQLite::Database& db, std::string_view name) {
  const SealedTable& t = sealed_table(name);
  for (const char* suffix : {"_seal_insert", "_seal_update", "_seal_delete", "_key_fixed", "_no_replace"}) {
    db.exec("DROP TRIGGER IF EXISTS " + ident(std::string(name) + suffix));
  }
  db.exec(seal_trigger_sql(db, t));
  reseal(db, t);
}

std::vector<std::string> check_rows(SQLite::Database& db, const SealedTable& t) {
  const std::string code = std::to_string(t.code);
  const std::string name(t.name);
  std::vector<std::string> out;
  const auto key_text = [&](SQLite::Statement& q) {
    return t.k2.empty() ? q.getColumn(0).getString() : q.getColumn(0).getString() + "/" + q.getColumn(1).getString();
  };
  SQLite::Statement rows(db, "SELECT x.k1, x.k2, x.mac = s.mac, s.mac IS NULL FROM (SELECT " + ident(t.k1) +
                                 " AS k1, " + k2_of(t, "") + " AS k2, " + seal_call(db, t, "") + " AS mac FROM " +
                                 ident(name) + ") x LEFT JOIN seal s ON s.tbl = " + code +
                                 " AND s.k1 = +x.k1 AND s.k2 = +x.k2 WHERE s.mac IS NULL OR s.mac <> x.mac");
  while (rows.executeStep()) {
    out.push_back(name + " " + key_text(rows) +
                  (rows.getColumn(3).getInt() != 0
                       ? ": a row eb did not write (it has no seal)"
                       : ": changed after eb wrote it (its content does not match its seal)"));
  }
  std::string gone = "SELECT s.k1, s.k2 FROM seal s WHERE s.tbl = " + code + " AND NOT EXISTS (SELECT 1 FROM " +
                     ident(name) + " r WHERE r." + ident(t.k1) + " = s.k1" +
                     (t.k2.empty() ? std::string() : " AND r." + ident(t.k2) + " = s.k2") + ")";
  SQLite::Statement missing(db, gone);
  while (missing.executeStep()) out.push_back(name + " " + key_text(missing) + ": missing (eb wrote it; it is gone)");
  return out;
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::getrandom(out.data() + done, n - done, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw StoreError("cannot get random bytes for an audit key");
    done += static_cast<std::size_t>(got);
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  hmac_sha256_ctx ctx;
  hmac_sha256_set_key(&ctx, key.size(), reinterpret_cast<const std::uint8_t*>(key.data()));
  hmac_sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::string out(SHA256_DIGEST_SIZE, '\0');
  hmac_sha256_digest(&ctx, SHA256_DIGEST_SIZE, reinterpret_cast<std::uint8_t*>(out.data()));
  return out;
}

std::string to_hex(std::string_view bytes) {
  static const char* k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += k_hex[b >> 4];
    out += k_hex[b & 0x0f];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]);
    const int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

}  // namespace eb::store
