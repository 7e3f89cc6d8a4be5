// SPDX-License-Identifier: MIT
// Tests of the sealed store: what db check finds, what another program cannot write, and a chain
// rewritten without the key.
#include "store/seal.hpp"

#include <catch2/catch.hpp>

#include "common/sha256.hpp"
#include "flow/flow_support.hpp"
#include "store/database_impl.hpp"
#include "store/store_support.hpp"

using eb::period::Date;

namespace {

// A store with two households taken in and assessed.
void fill(eb::store::Database& db) {
  const auto ctx = eb::test::context_on(Date(2026, 3, 5));
  eb::store::Transaction tx(db);
  (void)eb::flow::intake(db, ctx,
                         {{"a.toml", eb::test::k_single_adult, eb::assess::SourceFormat::toml},
                          {"b.toml", eb::test::k_parent_and_child, eb::assess::SourceFormat::toml}});
  tx.commit();
}

std::string blob(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

}  // namespace

TEST_CASE("Database::check on a sealed store", "[store][seal]") {
  eb::test::TempStore store("seal");
  fill(store.db());

  SECTION("the untouched store is ok, keyed, with every row sealed") {
    const auto r = store.db().check();
    CHECK(r.problems.empty());
    CHECK(r.keyed);
    CHECK(r.rows == store.db().impl().db.execAndGet("SELECT count(*) FROM seal").getInt64());
    CHECK(r.rows >= 10);  // 3 persons, 2 cases, 2 applications, 3 members, costs and an income
    REQUIRE(r.head);
    CHECK(r.head->entry == r.entries);
    CHECK(store.db().audit_head()->to_string() == r.head->to_string());
  }

  SECTION("another program cannot write a sealed table: the triggers call a function only eb has") {
    SQLite::Database other(store.path(), SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH(other.exec("UPDATE person SET name = 'x' WHERE id = 1"),
                      Catch::Matchers::Contains("no such function: eb_"));
    CHECK(store.db().check().problems.empty());
  }

  SECTION("without the key: the unkeyed part only, and the store cannot be written") {
    const auto ro = eb::store::Database::open(store.path(), eb::store::OpenMode::inspect);
    const auto r = ro.check();
    CHECK_FALSE(r.keyed);
    CHECK(r.problems.empty());
    CHECK_THROWS_WITH(eb::store::Database::open(store.path(), eb::store::OpenMode::read_write),
                      Catch::Matchers::Contains("the audit key of this case store"));
  }

  SECTION("a chain rewritten without the key: its hashes made right again, its MACs cannot be") {
    auto& db = store.db().impl().db;
    const std::string trigger = db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'audit_no_update'");
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing' WHERE id = 1");
    // Recompute every unkeyed hash from the edited entry on, as an attacker can.
    SQLite::Statement q(db, "SELECT id, at, user, command, entity, detail, state FROM audit ORDER BY id");
    std::string prev(32, '\0');
    std::vector<std::pair<std::int64_t, std::string>> hashes;
    while (q.executeStep()) {
      const char sep = '\x1f';
      const std::string data = prev + sep + q.getColumn(0).getString() + sep + q.getColumn(1).getString() + sep +
                               q.getColumn(2).getString() + sep + q.getColumn(3).getString() + sep +
                               q.getColumn(4).getString() + sep + q.getColumn(5).getString() + sep +
                               blob(q.getColumn(6));
      prev = *eb::store::from_hex(eb::sha256_hex(data));
      hashes.emplace_back(q.getColumn(0).getInt64(), prev);
    }
    for (const auto& [id, hash] : hashes) {
      SQLite::Statement u(db, "UPDATE audit SET hash = ? WHERE id = ?");
      u.bind(1, hash.data(), static_cast<int>(hash.size()));
      u.bind(2, id);
      u.exec();
    }
    db.exec(trigger);  // put back as it was
    const auto keyed = store.db().check();
    REQUIRE(keyed.problems.size() == 1);
    CHECK(keyed.problems[0] ==
          "audit: the chain is broken at entry 1: its MAC does not match (the entry or the chain before it was "
          "rewritten without the key)");
    // Without the key the rewrite cannot be told from the original: the check says what it verified.
    const auto unkeyed = eb::store::Database::open(store.path(), eb::store::OpenMode::inspect).check();
    CHECK(unkeyed.problems.empty());
    CHECK_FALSE(unkeyed.keyed);
  }
}

TEST_CASE("eb_acc: the seals add up, in any order, and a removal takes its seal out", "[store][seal]") {
  auto db = eb::test::memory_store();
  auto& c = db.impl().db;
  const auto sum = [&](const std::string& sql) {
    SQLite::Statement q(c, sql);
    q.executeStep();
    return blob(q.getColumn(0));
  };
  const std::string a = "x'0102030405060708090a0b0c0d0e0fff'";
  const std::string b = "x'ff0e0d0c0b0a09080706050403020101'";
  const std::string zero = std::string(16, '\0');
  CHECK(sum("SELECT eb_acc(eb_acc(zeroblob(16), " + a + ", 1), " + b + ", 1)") ==
        sum("SELECT eb_acc(eb_acc(zeroblob(16), " + b + ", 1), " + a + ", 1)"));
  CHECK(sum("SELECT eb_acc(eb_acc(zeroblob(16), " + a + ", 1), " + a + ", -1)") == zero);
  CHECK(sum("SELECT eb_acc_sum(mac) FROM seal") == sum("SELECT sum FROM seal_state"));
}
