// SPDX-License-Identifier: MIT
// Tests of flow::close_case and flow::record_arbetsplan on an in-memory store: what is stored
// and audited, the reopening read from a later application, and what is refused (storing
// nothing).
#include "flow/close.hpp"

#include <catch2/catch.hpp>

#include "flow/arbetsplan.hpp"
#include "flow_support.hpp"

using eb::period::Date;
using eb::report::ClosureReason;

namespace {

std::string last_audit(eb::store::Database& db) {
  SQLite::Statement q(db.impl().db, "SELECT entity || ' ' || command || ': ' || detail FROM audit ORDER BY id DESC");
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

template <class Fn>
auto in_tx(eb::store::Database& db, Fn&& fn) {
  eb::store::Transaction tx(db);
  auto out = fn();
  tx.commit();
  return out;
}

// k_single_adult for `month`, arriving on `received`.
std::string single_adult(const std::string& month, const std::string& received) {
  std::string t = eb::test::k_single_adult;
  t.replace(t.find("2026-03\""), 7, month);
  t.replace(t.find("2026-03-02"), 10, received);
  return t;
}

}  // namespace

TEST_CASE("flow::close_case", "[flow][close]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 7, 1));
  (void)eb::test::take_in(db, ctx, {single_adult("2026-03", "2026-03-02")});

  SECTION("records the closure with its reason and note, audited") {
    const auto out = in_tx(db, [&] {
      return eb::flow::close_case(db, ctx, 1, Date(2026, 6, 30), ClosureReason::work, "anställd på lager");
    });
    CHECK(out.earlier.empty());
    CHECK(out.closure.closure.closed_on == Date(2026, 6, 30));
    CHECK(out.closure.closure.reason == ClosureReason::work);
    CHECK(last_audit(db) == "C-1 close: closed on 2026-06-30: work (anställd på lager)");
    const auto stored = eb::store::case_closures(db, 1);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].note == "anställd på lager");
    CHECK_FALSE(stored[0].closure.reopened_on);
    CHECK(db.check().problems.empty());
  }

  SECTION("a later application reopens the case, and it can be closed again") {
    (void)in_tx(db, [&] { return eb::flow::close_case(db, ctx, 1, Date(2026, 6, 30), ClosureReason::work, ""); });
    const auto later = eb::test::context_on(Date(2026, 9, 10));
    const auto again = eb::test::take_in(db, later, {single_adult("2026-09", "2026-09-03")});
    REQUIRE(again.stored == 1);
    CHECK(again.items[0].stored->case_id == 1);  // the same case, not a new one
    const auto stored = eb::store::case_closures(db, 1);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].closure.reopened_on == Date(2026, 9, 3));
    const auto out =
        in_tx(db, [&] { return eb::flow::close_case(db, later, 1, Date(2026, 9, 10), ClosureReason::moved, ""); });
    REQUIRE(out.earlier.size() == 1);
    CHECK(out.earlier[0].closure.reopened_on == Date(2026, 9, 3));
    CHECK(eb::store::case_closures(db, 1).size() == 2);
  }

  SECTION("refuses a closed case, storing nothing") {
    (void)in_tx(db, [&] { return eb::flow::close_case(db, ctx, 1, Date(2026, 6, 30), ClosureReason::work, ""); });
    const std::string before = eb::test::dump_all(db);
    eb::store::Transaction tx(db);
    CHECK_THROWS_AS(eb::flow::close_case(db, ctx, 1, Date(2026, 7, 1), ClosureReason::other, ""), eb::Conflict);
    CHECK(eb::test::dump_all(db) == before);
  }

  SECTION("refuses an unknown case") {
    eb::store::Transaction tx(db);
    CHECK_THROWS_AS(eb::flow::close_case(db, ctx, 9, Date(2026, 6, 30), ClosureReason::work, ""), eb::NotFound);
  }
}

TEST_CASE("flow::record_arbetsplan", "[flow][close]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 7, 1));
  (void)eb::test::take_in(db, ctx, {single_adult("2026-03", "2026-03-02")});

  SECTION("made, then renewed; audited") {
    const auto made = in_tx(db, [&] { return eb::flow::record_arbetsplan(db, ctx, 1, Date(2026, 3, 10)); });
    CHECK_FALSE(made.entry.renewal);
    CHECK_FALSE(made.previous);
    CHECK(last_audit(db) == "C-1 arbetsplan: arbetsplan made on 2026-03-10");
    const auto renewed = in_tx(db, [&] { return eb::flow::record_arbetsplan(db, ctx, 1, Date(2026, 6, 1)); });
    CHECK(renewed.entry.renewal);
    CHECK(renewed.previous == Date(2026, 3, 10));
    CHECK(last_audit(db) == "C-1 arbetsplan: arbetsplan renewed on 2026-06-01");
    const auto all = eb::store::case_arbetsplan(db, 1);
    REQUIRE(all.size() == 2);
    CHECK(all[1].made_on == Date(2026, 6, 1));
    CHECK(all[1].renewal);
    CHECK(db.check().problems.empty());
  }

  SECTION("refuses the same day twice and a closed case") {
    (void)in_tx(db, [&] { return eb::flow::record_arbetsplan(db, ctx, 1, Date(2026, 3, 10)); });
    (void)in_tx(db, [&] { return eb::flow::close_case(db, ctx, 1, Date(2026, 6, 30), ClosureReason::work, ""); });
    eb::store::Transaction tx(db);
    CHECK_THROWS_AS(eb::flow::record_arbetsplan(db, ctx, 1, Date(2026, 3, 10)), eb::Conflict);
    CHECK_THROWS_AS(eb::flow::record_arbetsplan(db, ctx, 1, Date(2026, 7, 1)), eb::Conflict);
  }
}
