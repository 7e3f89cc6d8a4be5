// SPDX-License-Identifier: MIT
// Tests of the assessment flows: one stored application, a what-if that stores nothing, and the
// month in bulk, which must equal assessing each application one by one.
#include "flow/assess.hpp"

#include <catch2/catch.hpp>

#include "flow_support.hpp"
#include "store/cases.hpp"

using eb::period::Date;
using eb::period::Month;

namespace {

std::int64_t assessment_count(eb::store::Database& db) {
  return db.impl().db.execAndGet("SELECT count(*) FROM assessment").getInt64();
}

}  // namespace

TEST_CASE("flow::assess", "[flow][assess]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 3, 5));
  const auto in = eb::test::take_in(db, ctx, {eb::test::k_single_adult});
  const std::int64_t id = in.items[0].stored->application_id;

  SECTION("a stored application: assessed and stored") {
    eb::flow::AssessRequest r;
    r.application_id = id;
    REQUIRE(eb::flow::stores_result(r));
    eb::store::Transaction tx(db);
    const auto out = eb::flow::assess(&db, ctx, r);
    tx.commit();
    CHECK(out.result.totals.amount == eb::money::Money::from_kr(9970));
    REQUIRE(out.assessment_id);
    CHECK(eb::store::latest_assessment(db, id)->id == *out.assessment_id);
  }

  SECTION("a what-if is shown and never stored") {
    eb::flow::AssessRequest r;
    r.application_id = id;
    r.as_of = Month(2027, 1);
    r.diff = true;
    CHECK_FALSE(eb::flow::stores_result(r));
    const auto out = eb::flow::assess(&db, ctx, r);
    REQUIRE(out.before);
    CHECK(out.before->norm_id == "riksnorm-2026");
    CHECK(out.result.norm_id == "riksnorm-2027");
    CHECK_FALSE(out.assessment_id);
    CHECK(assessment_count(db) == 0);
  }

  SECTION("a file needs no store") {
    eb::flow::AssessRequest r;
    r.file = "single.toml";
    r.file_text = eb::test::k_single_adult;
    CHECK_FALSE(eb::flow::stores_result(r));
    CHECK(eb::flow::assess(nullptr, ctx, r).result.totals.amount == eb::money::Money::from_kr(9970));
  }

  SECTION("rolled back (--dry-run), it leaves the store exactly as it was") {
    const std::string before = eb::test::dump_all(db);
    eb::flow::AssessRequest r;
    r.application_id = id;
    {
      eb::store::Transaction tx(db);
      (void)eb::flow::assess(&db, ctx, r);
    }
    CHECK(eb::test::dump_all(db) == before);
  }
}

TEST_CASE("flow::assess_month", "[flow][assess]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 11, 20));
  std::vector<std::string> texts;
  for (int n = 0; n < 20; ++n) texts.push_back(eb::test::household_toml(n, "2026-11"));
  texts.push_back(eb::test::household_toml(99, "2026-10"));  // another month: left alone
  REQUIRE(eb::test::take_in(db, ctx, texts).stored == 21);

  SECTION("assesses the month's undecided applications, and reports the total") {
    eb::store::Transaction tx(db);
    const auto out = eb::flow::assess_month(db, ctx, Month(2026, 11), eb::flow::default_bulk_statuses());
    tx.commit();
    CHECK(out.assessed == 20);
    CHECK(out.refused == 0);
    CHECK(assessment_count(db) == 20);
    eb::money::Money sum;
    for (const auto& i : out.items) sum += i.totals.amount;
    CHECK(out.total == sum);
  }

  SECTION("--status received leaves the assessed ones") {
    {
      eb::store::Transaction tx(db);
      eb::flow::AssessRequest r;
      r.application_id = 1;
      (void)eb::flow::assess(&db, ctx, r);
      tx.commit();
    }
    eb::store::Transaction tx(db);
    const auto out = eb::flow::assess_month(db, ctx, Month(2026, 11), {"received"});
    CHECK(out.assessed == 19);
    CHECK(out.skipped == 1);
  }

  SECTION("an application that cannot be assessed is reported; the rest are stored") {
    {  // a guideline the norms folder lacks (a test's own edit, sealed and audited as eb's)
      eb::store::Transaction edit(db);
      db.impl().db.exec("UPDATE application SET guideline = 'nowhere' WHERE id = 3");
      edit.commit();
    }
    eb::store::Transaction tx(db);
    const auto out = eb::flow::assess_month(db, ctx, Month(2026, 11), eb::flow::default_bulk_statuses());
    CHECK(out.assessed == 19);
    REQUIRE(out.refused == 1);
    CHECK(out.first_failure == eb::ExitCode::not_found);
    CHECK(out.items[2].application_id == 3);
    CHECK(out.items[2].refusal);
  }
}

TEST_CASE("flow::assess_month equals assessing one by one, for 10 000 applications", "[flow][assess][bulk]") {
  // Two stores with the same 10 000 applications of one month: one assessed in bulk, one
  // application at a time through the single flow. Every stored assessment must be the same.
  const auto ctx = eb::test::context_on(Date(2026, 11, 20));
  std::vector<std::string> texts;
  for (int n = 0; n < 10'000; ++n) texts.push_back(eb::test::household_toml(n, "2026-11"));
  auto bulk = eb::test::memory_store();
  auto single = eb::test::memory_store();
  REQUIRE(eb::test::take_in(bulk, ctx, texts).stored == 10'000);
  REQUIRE(eb::test::take_in(single, ctx, texts).stored == 10'000);
  {
    eb::store::Transaction tx(bulk);
    CHECK(eb::flow::assess_month(bulk, ctx, Month(2026, 11), eb::flow::default_bulk_statuses()).assessed == 10'000);
    tx.commit();
  }
  {
    eb::store::Transaction tx(single);
    for (std::int64_t id = 1; id <= 10'000; ++id) {
      eb::flow::AssessRequest r;
      r.application_id = id;
      (void)eb::flow::assess(&single, ctx, r);
    }
    tx.commit();
  }
  const std::string sql =
      "SELECT application_id, norm_ore, costs_ore, other_ore, need_ore, income_ore, exempt_ore, amount_ore, "
      "has_warnings, result_json FROM assessment ORDER BY application_id";
  SQLite::Statement a(bulk.impl().db, sql);
  SQLite::Statement b(single.impl().db, sql);
  std::size_t rows = 0;
  std::size_t differ = 0;
  while (a.executeStep()) {
    REQUIRE(b.executeStep());
    ++rows;
    for (int c = 0; c < a.getColumnCount(); ++c) {
      if (a.getColumn(c).getString() != b.getColumn(c).getString()) ++differ;
    }
  }
  CHECK_FALSE(b.executeStep());
  CHECK(rows == 10'000);
  CHECK(differ == 0);
}
