// SPDX-License-Identifier: MIT
#include "flow/demo_run.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "flow/cases.hpp"
#include "flow/pay.hpp"
#include "flow_support.hpp"
#include "report/report_config.hpp"
#include "store/cases.hpp"

using namespace eb;

namespace {

flow::DemoRunRequest small_request() {
  flow::DemoRunRequest r;
  r.parameters.households = 30;
  r.parameters.months = 3;
  r.parameters.first_month = period::Month(2026, 1);
  r.parameters.seed = 11;
  return r;
}

flow::DemoRunOutcome run_in(store::Database& db, flow::DemoRunRequest r) {
  r.report_config =
      report::parse_report_config(read_file(EB_SOURCE_DIR "/norms/local/report.example.toml"), "report.example.toml");
  store::Transaction tx(db);
  flow::DemoRunOutcome o = flow::demo_run(db, test::context_on(period::Date(2026, 12, 1)), r, {});
  tx.commit();
  return o;
}

}  // namespace

TEST_CASE("demo_run", "[flow][demo]") {
  store::Database db = test::memory_store();
  const flow::DemoRunOutcome o = run_in(db, small_request());

  SECTION("every generated application is stored, assessed and decided") {
    CHECK(o.applications == 90);
    CHECK(o.decisions == 90);
    const auto apps = store::list_applications(db, {});
    REQUIRE(apps.size() == 90);
    for (const auto& a : apps) CHECK(a.status == "decided");
  }
  SECTION("what the ledger holds is what the story says was paid") {
    const flow::LedgerOutcome ledger = flow::pay_ledger(db, std::nullopt, std::nullopt);
    CHECK(ledger.ledger.total.paid == o.paid);
    CHECK(ledger.ledger.total.returned > money::Money());  // the payment the bank sent back
    CHECK(ledger.ledger.total.claimed_on_decisions == money::Money::from_kr(1000));
  }
  SECTION("the first month holds the delbifall, and its letter is a file") {
    REQUIRE(o.delbifall_decision != 0);
    const flow::LetterOutcome letter = flow::letter(db, o.delbifall_decision, decide::LetterFormat::text);
    CHECK(letter.text.find("delvis bifall") != std::string::npos);
    bool has_letter = false;
    for (const auto& f : o.files) has_letter = has_letter || f.name == "beslut-D-1.html";
    CHECK(has_letter);
  }
  SECTION("the story has a step per month, the year and the 2027 simulation") {
    REQUIRE(o.steps.size() == 7);
    CHECK(o.steps[0].heading == "Januari 2026");
    CHECK(o.steps[3].heading == "Året");
    CHECK(o.steps[4].heading == "FUT-kontroll");
    CHECK(o.steps[5].heading == "Riksnormen 2027");
    CHECK(o.steps[6].heading == "Verksamhetsberättelsen");
  }
  SECTION("a store that holds applications is refused") {
    CHECK_THROWS_AS(run_in(db, small_request()), Conflict);
  }
}

TEST_CASE("demo_run is a function of its parameters", "[flow][demo]") {
  store::Database a = test::memory_store();
  store::Database b = test::memory_store();
  const flow::DemoRunOutcome oa = run_in(a, small_request());
  const flow::DemoRunOutcome ob = run_in(b, small_request());
  CHECK(oa.paid == ob.paid);
  REQUIRE(oa.files.size() == ob.files.size());
  for (std::size_t i = 0; i < oa.files.size(); ++i) CHECK(oa.files[i].content == ob.files[i].content);
  for (std::size_t i = 0; i < oa.steps.size(); ++i) CHECK(oa.steps[i].lines == ob.steps[i].lines);
}
