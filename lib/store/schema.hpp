// SPDX-License-Identifier: MIT
// The case store's schema as numbered forward migrations (PRAGMA user_version).
#pragma once

#include <string_view>
#include <vector>

namespace eb::store {

struct Migration {
  int version;             // the schema version after this migration
  std::string_view title;  // what it adds
  std::string_view sql;
};

// Every migration in order; the last one's version is the schema this eb needs.
const std::vector<Migration>& migrations();
int current_schema_version();

}  // namespace eb::store
