// SPDX-License-Identifier: MIT
// Tests of the routine run's plan: what is decided, what goes to manual handling, and why.
#include "decide/routine.hpp"

#include <catch2/catch.hpp>

#include "decide_support.hpp"

using eb::decide::Candidate;
using eb::decide::Role;
using eb::money::Money;
using eb::period::Date;
using eb::test::decider;

namespace {

Candidate candidate(std::int64_t id, const char* toml, std::int64_t case_id = 0) {
  Candidate c;
  c.application_id = id;
  c.case_id = case_id == 0 ? id : case_id;
  c.received = Date(2026, 3, 2);
  c.assessment_id = id * 10;
  c.assessment = eb::test::assessment_of(toml);
  return c;
}

}  // namespace

TEST_CASE("decide::plan_routine", "[decide][routine]") {
  std::vector<Candidate> all;
  all.push_back(candidate(1, eb::test::k_single_adult));      // 9 970 kr: decided
  all.push_back(candidate(2, eb::test::k_parent_and_child));  // 16 170 kr: above 15 000
  Candidate unassessed;
  unassessed.application_id = 3;
  all.push_back(unassessed);
  Candidate decided = candidate(4, eb::test::k_single_adult);
  decided.current_decision = 9;
  all.push_back(decided);
  Candidate warned = candidate(5, eb::test::k_single_adult);
  warned.assessment->warnings = {"estimate norm"};
  all.push_back(warned);

  const auto plan = eb::decide::plan_routine(all, decider(Role::socialsekreterare), Date(2026, 3, 5));
  SECTION("decides the plain one as a routine bifall by the confirming user") {
    REQUIRE(plan.decisions.size() == 1);
    const auto& d = plan.decisions[0];
    CHECK(d.application_id == 1);
    CHECK(d.assessment_id == 10);
    CHECK(d.routine);
    CHECK(d.decided_by == "anna");
    CHECK(d.kind == eb::decide::Kind::bifall);
    CHECK(d.granted == Money::from_kr(9970));
    CHECK(d.handling_days == 4);
  }
  SECTION("lists the rest for manual handling with why, in order") {
    REQUIRE(plan.manual.size() == 3);
    CHECK(plan.manual[0].application_id == 2);
    CHECK_THAT(plan.manual[0].why, Catch::Contains("may grant at most 15 000 kr"));
    CHECK(plan.manual[1].application_id == 3);
    CHECK(plan.manual[1].why == "not assessed: run eb assess A-3");
    CHECK(plan.manual[2].application_id == 5);
    CHECK(plan.manual[2].why == "the assessment has warnings: estimate norm");
  }
  SECTION("skips what is decided") {
    REQUIRE(plan.already_decided.size() == 1);
    CHECK(plan.already_decided[0].application_id == 4);
    CHECK(plan.already_decided[0].decision_id == 9);
  }
}

TEST_CASE("decide::plan_routine counts a case's decisions in the same run toward the delegation", "[decide][routine]") {
  // Two applications of one case for one month (the month's and a supplement): 9 970 kr each.
  std::vector<Candidate> all{candidate(1, eb::test::k_single_adult, 7), candidate(2, eb::test::k_single_adult, 7)};
  const auto plan = eb::decide::plan_routine(all, decider(Role::socialsekreterare), Date(2026, 3, 5));
  REQUIRE(plan.decisions.size() == 1);
  REQUIRE(plan.manual.size() == 1);
  CHECK_THAT(plan.manual[0].why, Catch::Contains("19 940 kr with the 9 970 kr already granted"));
}
