// SPDX-License-Identifier: MIT
// Tests of store::scan_applications: the bulk scan builds exactly the Application that
// load_application builds, for every stored application, in id order.
#include "store/scan.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "assess/shift.hpp"
#include "common/file.hpp"
#include "store/database_impl.hpp"
#include "store/store_support.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::money::Money;
using eb::period::Month;
using eb::store::Database;
using eb::store::OpenMode;
using eb::store::ScannedApplication;

namespace {

namespace fs = std::filesystem;

// Every field of the two applications, one CHECK each, so a failure names the field.
void check_same(const Application& a, const Application& b) {
  INFO("application " << a.source);
  CHECK(a.month == b.month);
  CHECK(a.received == b.received);
  CHECK(a.kind == b.kind);
  CHECK(a.guideline == b.guideline);
  CHECK(a.housemates == b.housemates);
  CHECK(a.address == b.address);
  CHECK(a.account == b.account);
  CHECK(a.source == b.source);
  CHECK(a.source_sha256 == b.source_sha256);
  CHECK(a.large_household_exempt == b.large_household_exempt);
  REQUIRE(a.members.size() == b.members.size());
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const auto& x = a.members[i];
    const auto& y = b.members[i];
    INFO("member " << i);
    CHECK(x.pnr == y.pnr);
    CHECK(x.pnr.birth_date() == y.pnr.birth_date());
    CHECK(x.pnr.is_samordningsnummer() == y.pnr.is_samordningsnummer());
    CHECK(x.name == y.name);
    CHECK(x.role == y.role);
    CHECK(x.hinder == y.hinder);
    CHECK(x.assistance_months == y.assistance_months);
    CHECK(x.stimulus_start == y.stimulus_start);
    CHECK(x.preschool_lunch == y.preschool_lunch);
    CHECK(x.in_school == y.in_school);
    CHECK(x.days == y.days);
    CHECK(x.alternating_residence == y.alternating_residence);
    CHECK(x.earned_this_year_before == y.earned_this_year_before);
    CHECK(x.norm_raise == y.norm_raise);
    CHECK(x.norm_raise_reason == y.norm_raise_reason);
    CHECK(x.line == y.line);
  }
  REQUIRE(a.costs.size() == b.costs.size());
  for (std::size_t i = 0; i < a.costs.size(); ++i) {
    const auto& x = a.costs[i];
    const auto& y = b.costs[i];
    INFO("cost " << i);
    CHECK(x.kind == y.kind);
    CHECK(x.applied == y.applied);
    CHECK(x.approved == y.approved);
    CHECK(x.note == y.note);
    CHECK(x.second_hand == y.second_hand);
    CHECK(x.consent == y.consent);
    CHECK(x.special_reasons == y.special_reasons);
    CHECK(x.line == y.line);
  }
  REQUIRE(a.incomes.size() == b.incomes.size());
  for (std::size_t i = 0; i < a.incomes.size(); ++i) {
    const auto& x = a.incomes[i];
    const auto& y = b.incomes[i];
    INFO("income " << i);
    CHECK(x.member == y.member);
    CHECK(x.kind == y.kind);
    CHECK(x.amount == y.amount);
    CHECK(x.note == y.note);
    CHECK(x.line == y.line);
  }
}

std::vector<fs::path> toml_files(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".toml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A store with the example and demo households: their own months, the examples again one
// month later (with the store's history filled in), supplements, and stored assessments.
class ScanFixture {
 public:
  ScanFixture() {
    const auto& catalog = eb::test::bundled_catalog();
    std::vector<Application> examples;
    for (const auto& f : toml_files(EB_SOURCE_DIR "/tests/fixtures/examples")) {
      examples.push_back(read(f, catalog));
    }
    std::vector<std::int64_t> ids;
    store().begin();
    // One household of 2026-11 first and the rest of that month last, with three rounds of
    // examples in between: a month whose ids are sparse (read by joining the month), while the
    // examples' months are dense (read by id range, skipping the rows of other months).
    intake(read(EB_SOURCE_DIR "/data/demo/12-bank-account.toml", catalog));
    for (const auto& app : examples) ids.push_back(intake(app));
    for (const auto id : ids) assess(id, catalog);  // the history of the next month
    for (const auto& app : examples) {
      const std::int64_t id = intake(eb::assess::shift_month(app, app.month.plus(1)));
      if (id % 2 == 0) assess(id, catalog);
    }
    // The fields of the 2027 model (SoL 12 kap. 7 a, 7 b, 7 d §§), set on the third round.
    int n = 0;
    for (const auto& example : examples) {
      Application app = eb::assess::shift_month(example, example.month.plus(2));
      app.members.back().norm_raise = Money::from_kr(150 + 10 * n);
      app.members.back().norm_raise_reason = "särskilda skäl " + std::to_string(n);
      app.costs.front().second_hand = true;
      app.costs.front().consent = n % 2 == 0;
      app.costs.front().special_reasons = n % 3 == 0 ? "" : "skäl " + std::to_string(n);
      if (n % 2 == 1) app.large_household_exempt = "synnerliga skäl " + std::to_string(n);
      intake(app);
      ++n;
    }
    bool first = true;
    for (const auto& f : toml_files(EB_SOURCE_DIR "/data/demo")) {
      Application app = read(f, catalog);
      const std::int64_t id = intake(app);
      if (id % 3 == 0) {
        assess(id, catalog);
        assess(id, catalog);  // the latest of two counts
      }
      if (first) {  // a tilläggsansökan in the same month
        app.kind = eb::assess::ApplicationKind::supplement;
        eb::test::intake_application(store(), app, ctx());
        first = false;
      }
    }
    store().commit();
  }
  ScanFixture(const ScanFixture&) = delete;
  ScanFixture& operator=(const ScanFixture&) = delete;
  ~ScanFixture() = default;

  Database& store() { return m_store.db(); }
  const std::string& path() const { return m_store.path(); }

  std::vector<std::int64_t> all_ids() {
    std::vector<std::int64_t> out;
    SQLite::Statement q(store().impl().db, "SELECT id FROM application ORDER BY id");
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
  }

 private:
  static Application read(const fs::path& f, const eb::norms::NormCatalog& catalog) {
    return eb::assess::read_application(eb::read_file(f.string()), f.string(), eb::assess::SourceFormat::toml, catalog,
                                        true);
  }
  static eb::store::WriteContext ctx() { return {"2026-11-20T12:00:00+0100", "tester", "test", {2026, 11, 20}}; }

  // Intake of `app`; when its case has an application for the month already (the examples
  // share households), as a tilläggsansökan.
  std::int64_t intake(Application app) {
    try {
      eb::store::Savepoint savepoint(store());
      const std::int64_t id = eb::test::intake_application(store(), app, ctx()).application_id;
      savepoint.release();
      return id;
    } catch (const eb::Conflict&) {
    }
    app.kind = eb::assess::ApplicationKind::supplement;
    return eb::test::intake_application(store(), app, ctx()).application_id;
  }

  void assess(std::int64_t id, const eb::norms::NormCatalog& catalog) {
    const Application app = eb::store::load_application(store(), id);
    const auto& norm = catalog.valid_on(app.month.first_day());
    std::optional<eb::norms::Guideline> g;
    if (!app.guideline.empty()) g = catalog.guideline(app.guideline);
    eb::store::store_assessment(store(), id, eb::assess::calculate(app, norm, g ? &*g : nullptr), norm,
                                g ? &*g : nullptr, ctx());
  }

  eb::test::TempStore m_store{"scan"};
};

// The ids of month `m`'s applications in id order, as `eb list --month` gives them.
std::vector<std::int64_t> ids_of(const Database& store, Month m) {
  eb::store::ApplicationFilter f;
  f.month = m;
  std::vector<std::int64_t> out;
  for (const auto& a : eb::store::list_applications(store, f)) out.push_back(a.id);
  return out;
}

std::vector<ScannedApplication> scan(const Database& store, Month first, Month last) {
  std::vector<ScannedApplication> out;
  eb::store::scan_applications(store, first, last, [&](const ScannedApplication& s) { out.push_back(s); });
  return out;
}

}  // namespace

TEST_CASE("store::scan_applications", "[store][scan]") {
  ScanFixture fx;
  const Database& store = fx.store();
  const std::vector<std::int64_t> ids = fx.all_ids();
  REQUIRE(ids.size() > 30);

  SECTION("builds exactly what load_application builds, for every stored application") {
    auto all = scan(store, Month(2000, 1), Month(2099, 12));
    REQUIRE(all.size() == ids.size());
    // Month by month, and in id order within a month.
    for (std::size_t i = 1; i < all.size(); ++i) {
      const auto& p = all[i - 1];
      const auto& q = all[i];
      CHECK((p.application.month < q.application.month || (p.application.month == q.application.month && p.id < q.id)));
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < all.size(); ++i) {
      CHECK(all[i].id == ids[i]);
      check_same(all[i].application, eb::store::load_application(store, ids[i]));
      CHECK(all[i].case_id == eb::store::application_summary(store, ids[i]).case_id);
    }
  }

  SECTION("one month gives that month's applications in id order, as list_applications does") {
    for (const Month m : {Month(2026, 3), Month(2026, 4), Month(2026, 11), Month(2026, 12)}) {
      const auto rows = scan(store, m, m);
      std::vector<std::int64_t> got;
      for (const auto& r : rows) {
        got.push_back(r.id);
        CHECK(r.application.month == m);
        check_same(r.application, eb::store::load_application(store, r.id));
      }
      CHECK(got == ids_of(store, m));
    }
    std::size_t visits = 0;
    eb::store::scan_applications(store, Month(2026, 11), [&](const ScannedApplication&) { ++visits; });
    CHECK(visits == ids_of(store, Month(2026, 11)).size());
    CHECK(visits > 12);  // the demo households and a supplement
  }

  SECTION("a range of months is the union of its months") {
    std::size_t sum = 0;
    for (Month m(2026, 1); m <= Month(2026, 12); m = m.plus(1)) sum += ids_of(store, m).size();
    CHECK(scan(store, Month(2026, 1), Month(2026, 12)).size() == sum);
  }

  SECTION("carries the status and the history notes, as the summaries and history_notes give them") {
    for (const auto& r : scan(store, Month(2000, 1), Month(2099, 12))) {
      CHECK(r.decided == (eb::store::application_summary(store, r.id).status == "decided"));
      const auto notes = nlohmann::json::parse(r.history_notes_json).get<std::vector<std::string>>();
      CHECK(notes == eb::store::history_notes(store, r.id));
    }
  }

  SECTION("carries the amount of the latest stored assessment, or nothing") {
    int assessed = 0;
    int never = 0;
    for (const auto& r : scan(store, Month(2000, 1), Month(2099, 12))) {
      const auto latest = eb::store::latest_assessment(store, r.id);
      if (latest) {
        ++assessed;
        REQUIRE(r.latest_amount.has_value());
        CHECK(*r.latest_amount == latest->result.totals.amount);
      } else {
        ++never;
        CHECK_FALSE(r.latest_amount.has_value());
      }
    }
    CHECK(assessed > 0);
    CHECK(never > 0);
  }

  SECTION("carries the fields of the 2027 model") {
    int raised = 0;
    int second_hand = 0;
    int exempt = 0;
    for (const auto& r : scan(store, Month(2000, 1), Month(2099, 12))) {
      for (const auto& m : r.application.members) raised += m.norm_raise.is_zero() ? 0 : 1;
      for (const auto& c : r.application.costs) second_hand += c.second_hand ? 1 : 0;
      exempt += r.application.large_household_exempt.empty() ? 0 : 1;
    }
    CHECK(raised >= 8);
    CHECK(second_hand >= 9);  // the third round and demo 14
    CHECK(exempt >= 4);
  }

  SECTION("an empty month visits nothing") {
    CHECK(scan(store, Month(2019, 5), Month(2019, 5)).empty());
  }

  SECTION("exceptions from the visitor pass through unchanged") {
    CHECK_THROWS_AS(eb::store::scan_applications(store, Month(2026, 11),
                                                 [](const ScannedApplication&) { throw eb::Conflict("stop"); }),
                    eb::Conflict);
  }
}

TEST_CASE("store::scan_applications on a read-only store", "[store][scan]") {
  std::string path;
  std::size_t stored = 0;
  {
    ScanFixture fx;
    // Keep the file: copy it, since the fixture removes its own.
    path = fx.path() + ".copy";
    fx.store().backup(path);
    stored = fx.all_ids().size();
  }
  const std::string before = eb::read_file(path);
  {
    const Database ro = Database::open(path, OpenMode::read_only);
    CHECK(scan(ro, Month(2000, 1), Month(2099, 12)).size() == stored);
  }
  CHECK(eb::read_file(path) == before);  // a scan writes nothing
  std::error_code ec;
  fs::remove(path, ec);
}
