// SPDX-License-Identifier: MIT
// Helpers for the tests that use a real case store: a store in a temporary file (removed with its
// WAL files afterwards), and intake of one application as `eb intake` does it (the store's
// history applied, then stored).
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>

#include "assess/history.hpp"
#include "store/cases.hpp"
#include "store/database.hpp"

namespace eb::test {

// A fresh path in the temporary folder, unique per process and call.
inline std::string temp_store_path(const std::string& what = "store") {
  static std::atomic<int> n{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  return (std::filesystem::temp_directory_path() / ("eb-" + what + "-test-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(stamp) + "-" + std::to_string(++n) + ".db"))
      .string();
}

// The audit key of every test store: fixed, so a store reopened by a test can be written again.
inline store::KeySource test_keys() {
  return [](const std::string&, bool) -> std::optional<std::string> { return std::string(32, 'k'); };
}

// A case store created in a temporary file, removed at the end.
class TempStore {
 public:
  explicit TempStore(const std::string& what = "store")
      : m_path(temp_store_path(what)), m_db(store::Database::open(m_path, store::OpenMode::create, test_keys())) {}
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;
  ~TempStore() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(m_path + suffix, ec);
  }
  store::Database& db() { return m_db; }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  store::Database m_db;
};

// Stores `app` as intake does: the store's history applied first (calculation.md §5).
inline store::IntakeResult intake_application(store::Database& db, assess::Application app,
                                              const store::WriteContext& ctx) {
  const auto notes = assess::apply_history(app, store::member_history(db, app));
  return store::store_application(db, app, notes, ctx);
}

}  // namespace eb::test
