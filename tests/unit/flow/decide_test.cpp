// SPDX-License-Identifier: MIT
// Tests of the decision flows: who may decide, what a decision rests on, the routine run's
// candidates and what it leaves for manual handling.
#include "flow/decide.hpp"

#include <catch2/catch.hpp>

#include "flow/assess.hpp"
#include "flow/users.hpp"
#include "flow_support.hpp"
#include "store/decisions.hpp"

using eb::decide::Kind;
using eb::decide::Role;
using eb::period::Date;
using eb::period::Month;

namespace {

struct Setup {
  eb::store::Database db = eb::test::memory_store();
  eb::flow::Context ctx = eb::test::context_on(Date(2026, 3, 5));

  Setup() {
    eb::store::Transaction tx(db);
    (void)eb::flow::intake(db, ctx,
                           {{"a.toml", eb::test::k_single_adult, eb::assess::SourceFormat::toml},
                            {"b.toml", eb::test::k_parent_and_child, eb::assess::SourceFormat::toml}});
    (void)eb::flow::add_user(db, ctx, "anna", "Anna Andersson", Role::socialsekreterare);
    (void)eb::flow::add_user(db, ctx, "bo", "", Role::socialsekreterare);
    (void)eb::flow::set_user_active(db, ctx, "bo", false);
    tx.commit();
  }
  // Assesses application `id` (inside the test's transaction, if one is open).
  void assess(std::int64_t id) {
    eb::flow::AssessRequest r;
    r.application_id = id;
    if (db.in_transaction()) {
      (void)eb::flow::assess(&db, ctx, r);
      return;
    }
    eb::store::Transaction tx(db);
    (void)eb::flow::assess(&db, ctx, r);
    tx.commit();
  }
  eb::decide::Request bifall() const { return {}; }
};

}  // namespace

TEST_CASE("flow::decide", "[flow][decide]") {
  Setup s;
  eb::store::Transaction tx(s.db);

  SECTION("an unassessed application has no basis") {
    CHECK_THROWS_WITH(eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "anna"),
                      "A-1 is not assessed: a decision rests on an assessment (eb assess A-1)");
  }

  SECTION("an unknown or inactive user cannot decide") {
    s.assess(1);
    CHECK_THROWS_AS(eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "nobody"), eb::NotFound);
    CHECK_THROWS_WITH(eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "bo"),
                      "--by = \"bo\": the user is inactive and cannot decide");
  }

  SECTION("a bifall is stored with its id, under the delegation") {
    s.assess(1);
    const auto out = eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "anna");
    CHECK(out.decision.id == 1);
    CHECK(out.decision.kind == Kind::bifall);
    CHECK(out.decision.delegation.find("punkt 3.1") != std::string::npos);
    CHECK(eb::store::current_decision(s.db, 1)->granted == out.decision.granted);
  }

  SECTION("a second decision without --replaces is refused") {
    s.assess(1);
    (void)eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "anna");
    CHECK_THROWS_AS(eb::flow::decide(s.db, s.ctx, 1, s.bifall(), "anna"), eb::Conflict);
  }
}

TEST_CASE("flow::decide_routine", "[flow][decide]") {
  Setup s;
  s.assess(2);  // A-1 stays unassessed
  eb::store::Transaction tx(s.db);
  const auto out = eb::flow::decide_routine(s.db, s.ctx, Month(2026, 3), "anna");
  CHECK(out.user.name == "anna");
  // A-2 (16 170 kr) is above anna's 15 000 kr: manual; A-1 is not assessed: manual.
  CHECK(out.plan.decisions.empty());
  REQUIRE(out.plan.manual.size() == 2);
  CHECK(out.plan.manual[0].application_id == 1);
  CHECK(out.plan.manual[0].why.find("not assessed") == 0);
  CHECK(out.plan.manual[1].application_id == 2);
  s.assess(1);
  const auto again = eb::flow::decide_routine(s.db, s.ctx, Month(2026, 3), "anna");
  REQUIRE(again.plan.decisions.size() == 1);
  CHECK(again.plan.decisions[0].application_id == 1);
  CHECK(again.plan.decisions[0].id > 0);
  CHECK(again.plan.decisions[0].routine);
}
