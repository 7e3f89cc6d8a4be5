// SPDX-License-Identifier: MIT
// Bulk reading of stored applications: every application of a month range with its members,
// costs and incomes in a few sequential queries, for simulations over the whole case base.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "assess/application.hpp"
#include "money/money.hpp"
#include "period/month.hpp"
#include "store/database.hpp"

namespace eb::store {

// One stored application as a scan delivers it.
struct ScannedApplication {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  // Exactly what load_application(db, id) returns.
  assess::Application application;
  // The payable amount of the application's latest stored assessment; nothing if never assessed.
  std::optional<money::Money> latest_amount;
  // Whether the application has a decision (then its status is "decided").
  bool decided = false;
  // The notes intake recorded (history that replaced file values), as stored: a JSON array.
  std::string history_notes_json;
};

// Calls `fn` for every stored application of the months `first`..`last` (both inclusive),
// month by month and in id order within a month, each built exactly as load_application builds
// it. Reads a month with five sequential queries (applications, members, costs, incomes, latest
// assessments) merged by application id, so a million applications cost five index scans, not
// four million lookups. Writes nothing. Throws StoreError on a database error; exceptions from
// `fn` pass through. `fn` may move from the row's application: the next row is built anew.
void scan_applications(const Database& store, period::Month first, period::Month last,
                       const std::function<void(ScannedApplication&)>& fn);

// The same for one month.
inline void scan_applications(const Database& store, period::Month month,
                              const std::function<void(ScannedApplication&)>& fn) {
  scan_applications(store, month, month, fn);
}

}  // namespace eb::store
