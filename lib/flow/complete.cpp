// SPDX-License-Identifier: MIT
#include "flow/complete.hpp"

#include "store/stored_ids.hpp"

namespace eb::flow {

std::vector<std::string> complete_ids(const store::Database& db, std::string_view prefix) {
  return store::stored_ids(db, prefix, k_max_completed_ids);
}

}  // namespace eb::flow
