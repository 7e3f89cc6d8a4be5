// SPDX-License-Identifier: MIT
// Tests of flow::intake on an in-memory store: what is stored, what is refused (and leaves
// nothing), and the history rule applied across months.
#include "flow/intake.hpp"

#include <catch2/catch.hpp>

#include "flow_support.hpp"
#include "store/cases.hpp"

using eb::period::Date;
using eb::period::Month;

TEST_CASE("flow::intake", "[flow][intake]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 3, 5));

  SECTION("stores each application, opening a case for a new applicant") {
    const auto out = eb::test::take_in(db, ctx, {eb::test::k_single_adult, eb::test::k_parent_and_child});
    REQUIRE(out.stored == 2);
    CHECK(out.refused == 0);
    CHECK(out.first_failure == eb::ExitCode::success);
    CHECK(out.items[0].stored->new_case);
    CHECK(out.items[1].stored->case_id != out.items[0].stored->case_id);
    CHECK(eb::store::load_application(db, out.items[1].stored->application_id).members.size() == 2);
  }

  SECTION("a refused application stores nothing while the others go on") {
    std::string bad = eb::test::k_parent_and_child;
    bad.replace(bad.find("19900101-2385"), 13, "19900101-2386");  // wrong check digit
    const auto out = eb::test::take_in(db, ctx, {eb::test::k_single_adult, bad});
    CHECK(out.stored == 1);
    CHECK(out.refused == 1);
    CHECK(out.first_failure == eb::ExitCode::invalid_input);
    REQUIRE(out.items[1].refusal);
    CHECK_FALSE(out.items[1].stored);
    CHECK(out.items[1].refusal->lines.front().find("test-2.toml:") == 0);
    CHECK(eb::store::list_applications(db, {}).size() == 1);
    CHECK(db.impl().db.execAndGet("SELECT count(*) FROM person").getInt() == 1);
  }

  SECTION("an arrival date after today is refused, naming the field") {
    const auto early = eb::test::context_on(Date(2026, 3, 1));
    const auto out = eb::test::take_in(db, early, {eb::test::k_single_adult});
    REQUIRE(out.refused == 1);
    CHECK(out.items[0].refusal->lines.front().find("received = \"2026-03-02\": is after today (2026-03-01)") !=
          std::string::npos);
  }

  SECTION("an unknown guideline is refused") {
    std::string text = eb::test::k_single_adult;
    text.insert(text.find("address"), "guideline = \"nowhere\"\n");
    const auto out = eb::test::take_in(db, ctx, {text});
    CHECK(out.refused == 1);
    CHECK(out.items[0].refusal->code == eb::ExitCode::not_found);
  }

  SECTION("a second application for the same case and month is a conflict") {
    const auto out = eb::test::take_in(db, ctx, {eb::test::k_single_adult, eb::test::k_single_adult});
    CHECK(out.stored == 1);
    REQUIRE(out.items[1].refusal);
    CHECK(out.items[1].refusal->code == eb::ExitCode::conflict);
    CHECK(out.items[1].refusal->lines.front().find("already has application A-1 for 2026-03") != std::string::npos);
  }
}

TEST_CASE("flow::intake applies the store's history", "[flow][intake][history]") {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 6, 30));
  // March, April and May assessed with something to pay: June's applicant has had three
  // months of försörjningsstöd in a row, whatever the file says.
  std::vector<std::string> months;
  for (const char* m : {"2026-03", "2026-04", "2026-05"}) months.push_back(eb::test::household_toml(7, m));
  const auto first = eb::test::take_in(db, ctx, months);
  REQUIRE(first.stored == 3);
  {
    eb::store::Transaction tx(db);
    for (const auto& item : first.items) {
      const auto id = item.stored->application_id;
      const auto app = eb::store::load_application(db, id);
      const auto& norm = eb::test::bundled_catalog().valid_on(app.month.first_day());
      eb::store::store_assessment(db, id, eb::assess::calculate(app, norm), norm, nullptr, ctx.write("test"));
    }
    tx.commit();
  }
  std::string june = eb::test::household_toml(7, "2026-06");
  june.insert(june.find("\n\n[[cost]]"), "\nassistance_months = 1");
  const auto out = eb::test::take_in(db, ctx, {june});
  REQUIRE(out.stored == 1);
  const auto& r = *out.items[0].stored;
  CHECK_FALSE(r.new_case);
  CHECK(r.case_id == first.items[0].stored->case_id);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("the file says 1, the store's history shows 3 months in a row") != std::string::npos);
  CHECK(eb::store::load_application(db, r.application_id).members[0].assistance_months == 3);
  CHECK(eb::store::history_notes(db, r.application_id) == r.notes);
}
