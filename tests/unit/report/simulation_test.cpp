// SPDX-License-Identifier: MIT
// Tests of report::Simulation on the demo households: the totals are the sums of the per-case
// changes, every breakdown adds up to them, the large-household reduction is found, and an
// application that cannot be assessed is listed without stopping the run.
#include "report/simulation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "assess/application_reader.hpp"
#include "common/error.hpp"
#include "common/file.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::money::Money;
using eb::norms::NormSet;
using eb::period::Date;
using eb::period::Month;
using eb::report::CaseChange;
using eb::report::SimulationInput;
using eb::report::SimulationResult;
using eb::report::SimulationSetup;

namespace {

const NormSet& norm_2026() {
  return eb::test::bundled_catalog().valid_on(Date(2026, 11, 1));
}

// The 2026 norm, valid through 2027, with ensamstående 100 kr higher and the large-household
// reduction of 2027 (SoF 12 kap. 3 b–3 c §§): a norm whose effect the tests can compute by hand.
NormSet test_after_norm() {
  NormSet n = norm_2026();
  n.id = "test-after";
  n.valid_to = Date(2027, 12, 31);
  n.single += Money::from_kr(100);
  eb::norms::LargeHousehold lh;
  lh.factor_couple = eb::money::parse_ratio("0.375", "factor_couple");
  lh.factor_other = eb::money::parse_ratio("0.2", "factor_other");
  n.large_household = lh;
  n.refs.push_back({"large_household", "SoL (2025:400) 12 kap. 7 a §", Date(2026, 1, 1), std::nullopt, 0});
  for (auto& r : n.refs) r.valid_to.reset();  // every reference through 2027
  return n;
}

// The twelve demo households of 2026-11 that the tests know by heart, A-1 … A-12 in this order
// (data/demo may hold more).
const std::vector<Application>& demo() {
  static const std::vector<Application> apps = [] {
    std::vector<Application> out;
    for (const char* name :
         {"01-single-adult", "02-couple-two-children", "03-single-parent-alternating", "04-young-adult-in-school",
          "05-jobbstimulans", "06-child-earnings", "07-income-exceeds-need", "08-housemates",
          "09-eight-person-household", "10-guideline-rent-cap", "11-other-needs-dental", "12-bank-account"}) {
      const std::string f = std::string(EB_SOURCE_DIR "/data/demo/") + name + ".toml";
      out.push_back(eb::assess::read_application(eb::read_file(f), f, eb::assess::SourceFormat::toml,
                                                 eb::test::bundled_catalog(), true));
    }
    return out;
  }();
  return apps;
}

eb::norms::Guideline example_guideline(const std::string& name) {
  if (name != "example") throw eb::NormError("no guideline " + name, eb::ExitCode::not_found);
  return eb::test::bundled_catalog().guideline("example");
}

SimulationSetup setup_with(const NormSet& after, std::optional<Month> as_of = Month(2027, 1)) {
  SimulationSetup s;
  s.month = Month(2026, 11);
  s.as_of = as_of;
  s.norm_before = [](Month m) -> const NormSet& { return eb::test::bundled_catalog().valid_on(m.first_day()); };
  s.norm_after = [&after](Month) -> const NormSet& { return after; };
  s.guideline = example_guideline;
  s.keep_cases = true;
  return s;
}

// Runs the demo households through a simulation; A-n is demo()[n-1], case C-(100+n).
SimulationResult run(SimulationSetup setup, const std::vector<std::optional<Money>>& stored = {}) {
  return eb::report::simulate(
      [&stored](const auto& add) {
        for (std::size_t i = 0; i < demo().size(); ++i) {
          const auto id = static_cast<std::int64_t>(i + 1);
          add(SimulationInput{id, 100 + id, &demo()[i], i < stored.size() ? stored[i] : std::nullopt});
        }
      },
      std::move(setup));
}

const CaseChange& case_of(const SimulationResult& r, std::int64_t id) {
  for (const auto& c : r.cases) {
    if (c.application_id == id) return c;
  }
  FAIL("no case A-" << id);
  return r.cases.front();
}

}  // namespace

TEST_CASE("report::household_type", "[report][simulation]") {
  CHECK(eb::report::household_type(false, 0) == 0);
  CHECK(eb::report::household_type(false, 4) == 4);
  CHECK(eb::report::household_type(false, 9) == 5);
  CHECK(eb::report::household_type(true, 0) == 6);
  CHECK(eb::report::household_type(true, 5) == 11);
  CHECK(eb::report::household_type_label(0) == "ensamstående, 0 barn");
  CHECK(eb::report::household_type_label(8) == "sambo/gifta, 2 barn");
  CHECK(eb::report::household_type_label(11) == "sambo/gifta, 5+ barn");
}

TEST_CASE("report::simulate: totals", "[report][simulation]") {
  const NormSet after = test_after_norm();
  const SimulationResult r = run(setup_with(after));
  REQUIRE(r.errors.empty());
  REQUIRE(r.total.households == 12);
  REQUIRE(r.cases.size() == 12);
  CHECK(r.applications == 12);
  CHECK(r.norms_before == std::vector<std::string>{"riksnorm-2026"});
  CHECK(r.norms_after == std::vector<std::string>{"test-after"});
  CHECK(r.after_month == Month(2027, 1));

  SECTION("the totals are the sums of the per-case amounts and differences") {
    Money before;
    Money after_sum;
    Money change;
    Money gained;
    Money lost;
    for (const auto& c : r.cases) {
      before += c.before;
      after_sum += c.after;
      change += c.change();
      if (c.change().ore() > 0) gained += c.change();
      if (c.change().ore() < 0) lost += c.change();
    }
    CHECK(r.total.before == before);
    CHECK(r.total.after == after_sum);
    CHECK(r.total.difference() == change);
    CHECK(r.total.gained == gained);
    CHECK(r.total.lost == lost);
    CHECK(r.total.gained + r.total.lost == r.total.difference());
    CHECK(r.total.gain + r.total.lose + r.total.unchanged == r.total.households);
  }

  SECTION("the household types and the distribution add up to the totals") {
    eb::report::Tally sum;
    std::int64_t households = 0;
    for (const auto& t : r.by_type) {
      households += t.households;
      sum.before += t.before;
      sum.after += t.after;
      sum.gain += t.gain;
      sum.lose += t.lose;
    }
    CHECK(households == r.total.households);
    CHECK(sum.before == r.total.before);
    CHECK(sum.after == r.total.after);
    CHECK(sum.gain == r.total.gain);
    CHECK(sum.lose == r.total.lose);
    std::int64_t in_bands = 0;
    Money band_change;
    for (const auto& b : r.distribution) {
      in_bands += b.households;
      band_change += b.change;
    }
    CHECK(in_bands == r.total.households);
    CHECK(band_change == r.total.difference());
    // Singles without children (demo 01, 05, 07, 08, 11, 12).
    CHECK(r.by_type[0].households == 6);
    // The couple with six children (demo 09).
    CHECK(r.by_type[11].households == 1);
  }

  SECTION("a single adult with a payable amount gains exactly the 100 kr added to the norm") {
    const CaseChange& a1 = case_of(r, 1);
    CHECK(a1.change() == Money::from_kr(100));
    CHECK(a1.case_id == 101);
    CHECK(a1.type() == 0);
    // Demo 07: income above the need before and after.
    CHECK(case_of(r, 7).before.is_zero());
    CHECK(case_of(r, 7).after.is_zero());
  }

  SECTION("the large-household reduction hits the six-child household: 3 × 1 460 kr") {
    // Ages 0–20 under the 2026 bands, 1–5 utan lunch: 82 020 kr / 21 × 0.375 = 1 464,64,
    // down to 10 kr: 1 460 kr per child beyond three.
    REQUIRE(r.large_households.size() == 1);
    const CaseChange& c = r.large_households.front();
    CHECK(c.application_id == 9);
    CHECK(c.children == 6);
    CHECK(c.children_halves == 12);
    CHECK(c.reduction_after == Money::from_kr(3 * 1460));
    CHECK(c.reduction_before.is_zero());
    CHECK(r.large_reduction_after == Money::from_kr(4380));
    CHECK(r.large_households_before == 0);
    CHECK(c.change().is_negative());
  }

  SECTION("a child in växelvis boende counts half in the reduction, and one in the household type") {
    Application nine = demo()[8];
    for (auto& m : nine.members) {
      if (m.role == eb::assess::Role::child) {
        m.alternating_residence = true;  // the first child: 5,5 children, 2,5 beyond three
        break;
      }
    }
    const SimulationResult v = eb::report::simulate(
        [&nine](const auto& add) {
          add(SimulationInput{9, 109, &nine, std::nullopt});
        },
        setup_with(after));
    REQUIRE(v.large_households.size() == 1);
    const CaseChange& c = v.large_households.front();
    CHECK(c.children == 6);
    CHECK(c.children_halves == 11);
    CHECK(c.alternating);
    CHECK(c.reduction_after == Money::from_kr(3650));  // 1 460 kr × 2,5
    CHECK(v.by_type[11].alternating == 1);
  }

  SECTION("the largest gains and losses come sorted, ties by application id") {
    REQUIRE(!r.largest_gains.empty());
    for (std::size_t i = 1; i < r.largest_gains.size(); ++i) {
      const auto& p = r.largest_gains[i - 1];
      const auto& q = r.largest_gains[i];
      CHECK((p.change() > q.change() || (p.change() == q.change() && p.application_id < q.application_id)));
    }
    REQUIRE(!r.largest_losses.empty());
    CHECK(r.largest_losses.front().application_id == 9);
    for (const auto& c : r.largest_losses) CHECK(c.change().is_negative());
  }
}

TEST_CASE("report::simulate: options", "[report][simulation]") {
  const NormSet after = test_after_norm();

  SECTION("top keeps the n largest") {
    SimulationSetup s = setup_with(after);
    s.top = 2;
    const SimulationResult full = run(setup_with(after));
    const SimulationResult r = run(std::move(s));
    REQUIRE(r.largest_gains.size() == 2);
    CHECK(r.largest_gains[0].application_id == full.largest_gains[0].application_id);
    CHECK(r.largest_gains[1].application_id == full.largest_gains[1].application_id);
  }

  SECTION("without keep_cases the figures are the same and no case is kept") {
    SimulationSetup s = setup_with(after);
    s.keep_cases = false;
    const SimulationResult r = run(std::move(s));
    CHECK(r.cases.empty());
    CHECK(r.total.difference() == run(setup_with(after)).total.difference());
  }

  SECTION("without as_of the applications keep their month") {
    const SimulationResult r = run(setup_with(after, std::nullopt));
    CHECK(r.after_month == Month(2026, 11));
    CHECK(r.errors.empty());
    CHECK(case_of(r, 1).change() == Money::from_kr(100));
  }

  SECTION("the same norm before and after changes nothing") {
    const SimulationResult r = run(setup_with(norm_2026(), std::nullopt));
    CHECK(r.total.unchanged == 12);
    CHECK(r.total.difference().is_zero());
    CHECK(r.largest_gains.empty());
    CHECK(r.largest_losses.empty());
  }

  SECTION("a guideline is read once, whichever side and thread asks") {
    SimulationSetup s = setup_with(after);
    int calls = 0;
    s.guideline = [&calls](const std::string& name) {
      ++calls;
      return example_guideline(name);
    };
    const SimulationResult r = run(std::move(s));
    CHECK(r.errors.empty());
    CHECK(calls == 1);
  }

  SECTION("stored amounts are compared with the fresh before") {
    const SimulationResult fresh = run(setup_with(after));
    std::vector<std::optional<Money>> stored(12);
    stored[0] = case_of(fresh, 1).before;
    stored[1] = case_of(fresh, 2).before + Money::from_kr(1);
    const SimulationResult r = run(setup_with(after), stored);
    CHECK(r.stored_same == 1);
    CHECK(r.stored_differs == 1);
    CHECK(r.not_assessed == 10);
    CHECK(case_of(r, 2).stored == stored[1]);
  }
}

TEST_CASE("report::simulate: applications that cannot be assessed", "[report][simulation]") {
  SECTION("a norm without a band for 19–20 lists the households that need it and goes on") {
    NormSet after = test_after_norm();
    after.bands.pop_back();  // 19–20 år
    const SimulationResult r = run(setup_with(after, std::nullopt));
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].application_id == 4);  // demo 04: a son of 19 in gymnasium
    CHECK(r.errors[0].case_id == 104);
    CHECK(r.errors[0].before.empty());
    CHECK(r.errors[0].after == "test-after has no child band for age 19");
    CHECK(r.errors[1].application_id == 9);  // the reduction averages the amounts for ages 0–20
    CHECK(r.errors[1].after == "test-after: no band for age 19");
    CHECK(r.applications == 12);
    CHECK(r.total.households == 10);
    Money change;
    for (const auto& c : r.cases) change += c.change();
    CHECK(r.total.difference() == change);
    for (const auto& c : r.cases) CHECK((c.application_id != 4 && c.application_id != 9));
  }

  SECTION("a missing norm for the before month makes every application an error") {
    const NormSet after = test_after_norm();
    SimulationSetup s = setup_with(after);
    s.norm_before = [](Month m) -> const NormSet& {
      throw eb::NormError("no riksnorm for " + m.to_string(), eb::ExitCode::not_found);
    };
    const SimulationResult r = run(std::move(s));
    CHECK(r.errors.size() == 12);
    CHECK(r.total.households == 0);
    CHECK(r.errors[0].before == "no riksnorm for 2026-11");
    CHECK(r.errors[0].after.empty());
    CHECK(r.norms_before.empty());
  }

  SECTION("a missing guideline is an error of that application only") {
    const NormSet after = test_after_norm();
    SimulationSetup s = setup_with(after);
    int calls = 0;
    s.guideline = [&calls](const std::string& name) -> eb::norms::Guideline {
      ++calls;
      throw eb::NormError("no guideline " + name, eb::ExitCode::not_found);
    };
    const SimulationResult r = run(std::move(s));
    CHECK(calls == 1);  // the failure is kept, not retried for the after side
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].application_id == 10);  // demo 10 names guideline "example"
    CHECK(r.errors[0].before == "no guideline example");
    CHECK(r.errors[0].after == "no guideline example");
  }

  SECTION("a missing norm function is refused") {
    SimulationSetup s;
    CHECK_THROWS_AS(eb::report::Simulation(s), std::invalid_argument);
  }
}

TEST_CASE("report::simulate: preliminary norms are noted once", "[report][simulation]") {
  NormSet after = test_after_norm();
  after.status = eb::norms::NormStatus::preliminary;
  const SimulationResult r = run(setup_with(after));
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("test-after is PRELIMINARY") == 0);
}

TEST_CASE("report::simulate: the same result on any number of threads", "[report][simulation]") {
  const NormSet after = test_after_norm();
  // The demo households three times over (A-1 … A-36), so that batches of 5 split them.
  std::vector<Application> apps;
  for (int round = 0; round < 3; ++round) apps.insert(apps.end(), demo().begin(), demo().end());
  const auto source = [&apps](const auto& add) {
    for (std::size_t i = 0; i < apps.size(); ++i) {
      const auto id = static_cast<std::int64_t>(i + 1);
      add(SimulationInput{id, 100 + id, &apps[i],
                          i % 2 == 0 ? std::optional<Money>(Money::from_kr(5000)) : std::nullopt});
    }
  };
  // The same applications handed over to be moved (as the store's scan does), from copies.
  std::vector<Application> spare;
  const auto moving = [&apps, &spare](const auto& add) {
    spare = apps;
    for (std::size_t i = 0; i < spare.size(); ++i) {
      const auto id = static_cast<std::int64_t>(i + 1);
      add(SimulationInput{id, 100 + id, &spare[i],
                          i % 2 == 0 ? std::optional<Money>(Money::from_kr(5000)) : std::nullopt, &spare[i]});
    }
  };
  const SimulationResult one = eb::report::simulate(source, setup_with(after), 1);
  const std::vector<std::pair<unsigned, bool>> runs{{2, false}, {3, false}, {8, false}, {2, true}, {3, true}};
  for (const auto& [threads, moved] : runs) {
    INFO("threads " << threads << (moved ? ", the applications moved" : ""));
    const SimulationResult r = moved ? eb::report::simulate(moving, setup_with(after), threads, 5)
                                     : eb::report::simulate(source, setup_with(after), threads, 5);
    CHECK(r.applications == one.applications);
    CHECK(r.total.before == one.total.before);
    CHECK(r.total.after == one.total.after);
    CHECK(r.total.gain == one.total.gain);
    CHECK(r.stored_same + r.stored_differs == one.stored_same + one.stored_differs);
    CHECK(r.stored_differs == one.stored_differs);
    CHECK(r.norms_after == one.norms_after);
    REQUIRE(r.cases.size() == one.cases.size());
    for (std::size_t i = 0; i < r.cases.size(); ++i) {
      CHECK(r.cases[i].application_id == one.cases[i].application_id);
      CHECK(r.cases[i].change() == one.cases[i].change());
    }
    REQUIRE(r.largest_gains.size() == one.largest_gains.size());
    for (std::size_t i = 0; i < r.largest_gains.size(); ++i) {
      CHECK(r.largest_gains[i].application_id == one.largest_gains[i].application_id);
    }
    REQUIRE(r.large_households.size() == 3);
    CHECK(r.large_households[2].application_id == 33);
  }

  SECTION("an exception other than a norm or input error stops the run on any number of threads") {
    SimulationSetup s = setup_with(after);
    s.norm_after = [](Month) -> const NormSet& { throw std::logic_error("a bug"); };
    CHECK_THROWS_AS(eb::report::simulate(source, std::move(s), 3, 5), std::logic_error);
  }
}
