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
}
