// SPDX-License-Identifier: MIT
#include "store/stored_ids.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cctype>
#include <optional>

#include "common/ids.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

// The table that holds the ids of `kind`.
const char* table_of(IdKind kind) {
  switch (kind) {
    case IdKind::arende:
      return "arende";
    case IdKind::application:
      return "application";
    case IdKind::beslut:
      return "decision";
    case IdKind::batch:
      return "batch";
    case IdKind::payment:
      return "payment";
    case IdKind::claim:
      return "claim";
    case IdKind::flag:
      return "fut_flag";
  }
  return "arende";
}

}  // namespace

std::vector<std::string> stored_ids(const Database& store, std::string_view prefix, std::size_t limit) {
  if (prefix.empty()) return {};
  const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(prefix[0])));
  const std::optional<IdKind> kind = id_kind_of(std::string(1, letter) + "-1");
  if (!kind) return {};
  std::string digits;
  if (prefix.size() > 1) {
    if (prefix[1] != '-') return {};
    digits = prefix.substr(2);
    for (const char c : digits) {
      if (c < '0' || c > '9') return {};
    }
  }
  Database::Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(std::string("SELECT id FROM ") + table_of(*kind) +
                                  " WHERE CAST(id AS TEXT) LIKE ? || '%' ORDER BY id LIMIT ?");
    q.bind(1, digits);
    q.bind(2, static_cast<std::int64_t>(limit));
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(format_id(*kind, q.getColumn(0).getInt64()));
    return out;
  });
}

}  // namespace eb::store
