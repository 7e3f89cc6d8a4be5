// SPDX-License-Identifier: MIT
// Tests of users and decisions in a real case store (a temporary SQLite file): round trips, the
// chain of replacing decisions, the schema's refusals as Conflict, and the routine candidates.
#include "store/decisions.hpp"

#include <catch2/catch.hpp>

#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"
#include "decide_support.hpp"
#include "store/store_support.hpp"

using eb::decide::Kind;
using eb::decide::Role;
using eb::money::Money;
using eb::period::Date;

namespace {

class StoreFixture {
 public:
  eb::store::Database& store() { return m_store.db(); }
  eb::store::WriteContext ctx() const { return {"2026-03-05T10:00:00+0100", "tester", "test", Date(2026, 3, 5)}; }

  // Intake and assessment of `toml`; returns the application id.
  std::int64_t assessed(const std::string& toml) {
    eb::store::Transaction tx(store());
    const auto app = eb::test::application_of(toml);
    const auto r = eb::test::intake_application(store(), app, ctx());
    const auto& norm = eb::test::bundled_catalog().valid_on(app.month.first_day());
    eb::store::store_assessment(store(), r.application_id,
                                eb::assess::calculate(eb::store::load_application(store(), r.application_id), norm),
                                norm, nullptr, ctx());
    tx.commit();
    return r.application_id;
  }

  eb::decide::Decision decision(std::int64_t app, Kind kind, std::optional<std::int64_t> replaces = std::nullopt) {
    m_candidate = eb::store::decision_candidate(store(), app);
    eb::decide::Basis b = eb::decide::basis_of(m_candidate);
    b.received = Date(2026, 3, 2);
    eb::decide::Request r;
    r.kind = kind;
    r.replaces = replaces;
    if (kind != Kind::bifall) r.reasons = {eb::decide::parse_reason("incomplete", "--reason")};
    return eb::decide::make_decision(b, r, eb::test::decider(Role::enhetschef, "eva"), Date(2026, 3, 5));
  }

  std::int64_t record(const eb::decide::Decision& d) {
    eb::store::Transaction tx(store());
    const auto id = eb::store::record_decision(store(), d, ctx());
    tx.commit();
    return id;
  }

 private:
  eb::test::TempStore m_store{"decide"};
  eb::decide::Candidate m_candidate;
};

}  // namespace

TEST_CASE("store::add_user", "[decide][store]") {
  StoreFixture f;
  const auto u = eb::store::add_user(f.store(), "eva", "Eva Chef", Role::enhetschef, f.ctx());
  SECTION("stores the user") {
    const auto found = eb::store::find_user(f.store(), "eva");
    REQUIRE(found);
    CHECK(found->id == u.id);
    CHECK(found->full_name == "Eva Chef");
    CHECK(found->role == Role::enhetschef);
    CHECK(found->active);
    CHECK(eb::store::list_users(f.store()).size() == 1);
  }
  SECTION("refuses a second user of the same name") {
    CHECK_THROWS_AS(eb::store::add_user(f.store(), "eva", "", Role::fut, f.ctx()), eb::Conflict);
    CHECK_THROWS_WITH(eb::store::add_user(f.store(), "eva", "", Role::fut, f.ctx()), "user \"eva\" exists already");
  }
  SECTION("refuses a bad name, naming it") {
    CHECK_THROWS_WITH(eb::store::add_user(f.store(), "eva chef", "", Role::fut, f.ctx()),
                      Catch::StartsWith("NAME = \"eva chef\": a user name is 1–64 characters"));
  }
  SECTION("deactivates and activates") {
    CHECK_FALSE(eb::store::set_user_active(f.store(), "eva", false, f.ctx()).active);
    CHECK_FALSE(eb::store::find_user(f.store(), "eva")->active);
    CHECK(eb::store::set_user_active(f.store(), "eva", true, f.ctx()).active);
    CHECK_THROWS_AS(eb::store::set_user_active(f.store(), "bo", false, f.ctx()), eb::NotFound);
  }
  SECTION("writes the audit log") {
    CHECK(f.store().audit_count() == 1);
  }
}

TEST_CASE("store::record_decision", "[decide][store]") {
  StoreFixture f;
  eb::store::add_user(f.store(), "eva", "Eva Chef", Role::enhetschef, f.ctx());
  const std::int64_t app = f.assessed(eb::test::k_single_adult);
  const auto audit_before = f.store().audit_count();
  const auto d = f.decision(app, Kind::bifall);
  const std::int64_t id = f.record(d);

  SECTION("round-trips every field and line") {
    const auto back = eb::store::load_decision(f.store(), id);
    CHECK(back.id == id);
    CHECK(back.application_id == app);
    CHECK(back.assessment_id == d.assessment_id);
    CHECK(back.kind == Kind::bifall);
    CHECK(back.decided_on == Date(2026, 3, 5));
    CHECK(back.decided_by == "eva");
    CHECK(back.delegation == d.delegation);
    CHECK(back.authority == "Socialnämnden i Exempel kommun");
    CHECK(back.granted == Money::from_kr(9970));
    CHECK(back.handling_days == 4);
    CHECK(back.statutes == d.statutes);
    CHECK(back.created_at == "2026-03-05T10:00:00+01:00");  // stored as +0100, read in RFC 3339
    REQUIRE(back.lines.size() == d.lines.size());
    CHECK(back.lines[2].item == "rent");
    CHECK(back.lines[2].granted == Money::from_kr(6500));
  }
  SECTION("appends an audit entry") {
    CHECK(f.store().audit_count() == audit_before + 1);
  }
  SECTION("is the current decision") {
    const auto current = eb::store::current_decision(f.store(), app);
    REQUIRE(current);
    CHECK(current->id == id);
  }
  SECTION("the schema refuses a second first decision as Conflict") {
    CHECK_THROWS_AS(f.record(d), eb::Conflict);
    CHECK_THROWS_WITH(f.record(d), Catch::Contains("already has a decision"));
  }
  SECTION("a replacing decision becomes current and the chain is kept") {
    const std::int64_t second = f.record(f.decision(app, Kind::avslag, id));
    CHECK(eb::store::current_decision(f.store(), app)->id == second);
    CHECK(eb::store::replaced_by(f.store(), id) == second);
    CHECK(eb::store::load_decision(f.store(), second).replaces == id);
    CHECK(eb::store::decisions_of(f.store(), app).size() == 2);
    SECTION("and the replaced one cannot be replaced again") {
      auto again = f.decision(app, Kind::bifall, second);
      again.replaces = id;
      CHECK_THROWS_WITH(f.record(again), Catch::Contains("already been replaced"));
    }
  }
  SECTION("an unknown decider is NotFound") {
    auto other = d;
    other.decided_by = "nobody";
    CHECK_THROWS_AS(f.record(other), eb::NotFound);
  }
  SECTION("a missing decision is NotFound") {
    CHECK_THROWS_AS(eb::store::load_decision(f.store(), 99), eb::NotFound);
  }
}

TEST_CASE("store::routine_candidates", "[decide][store]") {
  StoreFixture f;
  eb::store::add_user(f.store(), "eva", "Eva Chef", Role::enhetschef, f.ctx());
  const std::int64_t a1 = f.assessed(eb::test::k_single_adult);
  const std::int64_t a2 = f.assessed(eb::test::k_parent_and_child);
  const std::int64_t d1 = f.record(f.decision(a1, Kind::bifall));
  const auto all = eb::store::routine_candidates(f.store(), eb::period::Month(2026, 3));
  REQUIRE(all.size() == 2);
  CHECK(all[0].application_id == a1);
  CHECK(all[0].current_decision == d1);
  CHECK_FALSE(all[0].assessment);  // decided: its assessment is not read
  CHECK(all[1].application_id == a2);
  CHECK_FALSE(all[1].current_decision);
  CHECK(all[1].children == 1);
  CHECK(all[1].received == Date(2026, 3, 2));
  REQUIRE(all[1].assessment);
  CHECK(all[1].assessment->totals.amount == Money::from_kr(16170));
  CHECK(eb::store::routine_candidates(f.store(), eb::period::Month(2026, 4)).empty());
  const auto one = eb::store::decision_candidate(f.store(), a2);
  CHECK(one.children == 1);
  CHECK(one.granted_elsewhere.is_zero());
  REQUIRE(one.assessment);
  CHECK(one.assessment->totals.amount == Money::from_kr(16170));
}

TEST_CASE("store::record_decision: the fields of schema v9", "[decide][store][cut]") {
  // Issue #13: what was applied for, the cut's reason code, the conditions for repayment, the
  // synnerliga skäl, a decision on an unofficial norm and dissent, round-tripped and sealed.
  StoreFixture f;
  eb::store::add_user(f.store(), "eva", "Eva Chef", Role::enhetschef, f.ctx());
  eb::store::add_user(f.store(), "anna", "Anna Andersson", Role::socialsekreterare, f.ctx());
  const std::int64_t app = f.assessed(eb::test::k_single_adult);
  auto d = f.decision(app, Kind::bifall);
  d.lines[2].applied = d.lines[2].granted + Money::from_kr(100);  // as a cut would leave it
  d.lines[2].reason_code = "cost-reduced";
  d.applied = d.granted;
  d.unofficial_norm = "Beloppen är inte fastställda.";
  d.large_household_exempt = "Synnerliga skäl: svår sjukdom.";
  d.repayment = eb::decide::RepaymentCondition{eb::decide::Repayment::advance, "FK:sjukpenning", ""};
  d.dissents = {{"anna", "Hyran borde ha prövats mot riktlinjen."}};
  const std::int64_t id = f.record(d);
  const auto back = eb::store::load_decision(f.store(), id);
  CHECK(back.applied == d.applied);
  CHECK(back.assessed == d.assessed);
  CHECK(back.lines[2].applied == d.lines[2].applied);
  CHECK(back.lines[2].refused() == Money::from_kr(100));
  CHECK(back.lines[2].reason_code == "cost-reduced");
  CHECK(back.unofficial_norm == d.unofficial_norm);
  CHECK(back.large_household_exempt == d.large_household_exempt);
  REQUIRE(back.repayment);
  CHECK(back.repayment->kind == eb::decide::Repayment::advance);
  CHECK(back.repayment->on == "FK:sjukpenning");
  REQUIRE(back.dissents.size() == 1);
  CHECK(back.dissents[0].user == "anna");
  CHECK(back.dissents[0].note == "Hyran borde ha prövats mot riktlinjen.");
  CHECK(f.store().check().problems.empty());
}
