// SPDX-License-Identifier: MIT
// Tests of how Database::open sets up a store file for writing: the savepoints' statement
// journals in memory, and a savepoint rolled back in memory leaving the store as it was.
#include "store/database.hpp"

#include <catch2/catch.hpp>

#include "flow/flow_support.hpp"
#include "store/database_impl.hpp"
#include "store/store_support.hpp"

using eb::period::Date;

TEST_CASE("Database::open", "[store][database]") {
  eb::test::TempStore store("database");
  eb::store::Database& db = store.db();

  SECTION("keeps the statement journals of a store opened for writing in memory (temp_store = MEMORY)") {
    CHECK(db.impl().db.execAndGet("PRAGMA temp_store").getInt() == 2);
  }

  SECTION("a savepoint rolled back leaves nothing of its item, and the batch around it is stored and sealed") {
    const auto ctx = eb::test::context_on(Date(2026, 3, 5));
    {
      eb::store::Transaction tx(db);
      (void)eb::flow::intake(db, ctx, {{"a.toml", eb::test::k_single_adult, eb::assess::SourceFormat::toml}});
      {
        eb::store::Savepoint item(db);  // not released: rolled back from the journal in memory
        (void)eb::flow::intake(db, ctx, {{"b.toml", eb::test::k_parent_and_child, eb::assess::SourceFormat::toml}});
        CHECK(db.impl().db.execAndGet("SELECT count(*) FROM application").getInt() == 2);
      }
      tx.commit();
    }
    CHECK(db.impl().db.execAndGet("SELECT count(*) FROM application").getInt() == 1);
    CHECK(db.impl().db.execAndGet("SELECT count(*) FROM member").getInt() == 1);
    const eb::store::CheckReport report = db.check();
    CHECK(report.problems.empty());
    CHECK(report.keyed);
  }

  SECTION("a long transaction writes its audit entries as it goes, and a rollback still removes them all") {
    const eb::store::WriteContext write = eb::test::context_on(Date(2026, 3, 5)).write("test");
    const auto entries = [&] { return db.impl().db.execAndGet("SELECT count(*) FROM audit").getInt64(); };
    const std::int64_t before = entries();
    const auto add_items = [&](std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) {
        eb::store::Savepoint item(db);
        db.impl().audit(write, "item " + std::to_string(i), "an item");
        item.release();
      }
    };
    const std::size_t n = eb::store::k_audit_flush_entries + 10;
    {
      eb::store::Transaction tx(db);
      add_items(n);
      // Written when the outermost savepoint was released with a full buffer, before commit.
      CHECK(entries() == before + static_cast<std::int64_t>(eb::store::k_audit_flush_entries));
    }  // not committed
    CHECK(entries() == before);
    {
      eb::store::Transaction tx(db);
      add_items(n);
      tx.commit();
    }
    CHECK(entries() == before + static_cast<std::int64_t>(n));
    const eb::store::CheckReport report = db.check();
    CHECK(report.problems.empty());
  }
}
