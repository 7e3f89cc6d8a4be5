// SPDX-License-Identifier: MIT
// The totals-only path of the calculator (Detail::totals) against the full one: over every
// golden case, worked example and demo file in the tree, and over a generated district that
// runs into 2027, the totals, lines (section, amounts, rule, kind, cut code), notes and warnings
// are the same, and the totals-only lines carry no words.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "common/error.hpp"
#include "common/file.hpp"
#include "demo/generator.hpp"
#include "support.hpp"

namespace {

using eb::assess::Application;
using eb::assess::Assessment;
using eb::assess::Detail;

void check_totals_equal(const eb::assess::Totals& a, const eb::assess::Totals& b) {
  CHECK(a.norm == b.norm);
  CHECK(a.costs == b.costs);
  CHECK(a.other == b.other);
  CHECK(a.need == b.need);
  CHECK(a.income == b.income);
  CHECK(a.exempt == b.exempt);
  CHECK(a.amount == b.amount);
  CHECK(a.applied == b.applied);
}

// Both paths on `app`: the same figures, or the same error. Returns whether it was assessed.
bool same_both_ways(const Application& app, const eb::norms::NormSet& norm, const eb::norms::Guideline* guideline) {
  std::optional<Assessment> full;
  std::string full_error;
  try {
    full = eb::assess::calculate(app, norm, guideline, nullptr, Detail::full);
  } catch (const eb::Error& e) {
    full_error = e.what();
  }
  std::optional<Assessment> totals;
  std::string totals_error;
  try {
    totals = eb::assess::calculate(app, norm, guideline, nullptr, Detail::totals);
  } catch (const eb::Error& e) {
    totals_error = e.what();
  }
  INFO(app.source);
  REQUIRE(full.has_value() == totals.has_value());
  CHECK(full_error == totals_error);
  if (!full) return false;
  check_totals_equal(full->totals, totals->totals);
  CHECK(full->notes == totals->notes);
  CHECK(full->warnings == totals->warnings);
  CHECK(full->stimulus_starts == totals->stimulus_starts);
  REQUIRE(full->lines.size() == totals->lines.size());
  for (std::size_t i = 0; i < full->lines.size(); ++i) {
    const auto& f = full->lines[i];
    const auto& t = totals->lines[i];
    INFO("line " << i << ": " << f.rule);
    CHECK(f.section == t.section);
    CHECK(f.amount == t.amount);
    CHECK(f.applied == t.applied);
    CHECK(f.rule == t.rule);
    CHECK(f.kind == t.kind);
    CHECK(f.cut_code == t.cut_code);
    // The full path explains every line; the totals path builds none of it.
    CHECK_FALSE(f.label.empty());
    CHECK_FALSE(f.ref.empty());
    CHECK(t.label.empty());
    CHECK(t.member.empty());
    CHECK(t.detail.empty());
    CHECK(t.ref.empty());
    CHECK(t.cut_text.empty());
    CHECK(f.is_cut() == !f.cut_text.empty());
  }
  return true;
}

}  // namespace

TEST_CASE("calculate: Detail::totals equals Detail::full", "[assess][totals]") {
  const eb::norms::NormCatalog& catalog = eb::test::bundled_catalog();

  SECTION("every golden case, worked example and demo application in the tree") {
    int assessed = 0;
    int files = 0;
    for (const char* folder : {"/tests/fixtures", "/data"}) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(EB_SOURCE_DIR) + folder)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
        const std::string path = entry.path().string();
        std::optional<Application> app;
        try {
          eb::assess::ParseOptions options;
          options.caller_keys = {"expect"};
          app =
              eb::assess::read_application(eb::read_file(path), path, eb::assess::SourceFormat::toml, catalog, options);
        } catch (const eb::Error&) {
          continue;  // not an application (a norm file, a config), or a bad one on purpose
        }
        std::optional<eb::norms::Guideline> guideline;
        try {
          if (!app->guideline.empty()) guideline = catalog.guideline(app->guideline);
        } catch (const eb::Error&) {
          continue;  // a guideline of a test's own norm folder
        }
        ++files;
        if (same_both_ways(*app, catalog.valid_on(app->month.first_day()), guideline ? &*guideline : nullptr)) {
          ++assessed;
        }
      }
    }
    // 52 application files when this was written (the golden cases of 2013–2027, the worked
    // examples, the demo data); nearly all assess, the rest refuse the same way on both paths.
    CHECK(files >= 50);
    CHECK(assessed >= files - 5);
  }

  SECTION("a generated district of 400 households from November 2026 to February 2027, with planted errors") {
    eb::demo::Parameters p;
    p.households = 400;
    p.months = 4;
    p.first_month = eb::period::Month(2026, 11);
    p.plant_ppm = 20000;
    p.calculate_all = false;
    const eb::demo::District d = eb::demo::generate_district(p, catalog);
    std::map<eb::period::Month, int> by_month;
    for (const auto& a : d.applications) {
      if (same_both_ways(a.application, catalog.valid_on(a.application.month.first_day()), nullptr)) {
        ++by_month[a.application.month];
      }
    }
    CHECK(by_month.size() == 4);
    for (const auto& [month, n] : by_month) CHECK(n == 400);
  }
}
