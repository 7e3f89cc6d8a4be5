// SPDX-License-Identifier: MIT
// Tests of a finding's JSON: the shape run --json prints, masked unless asked.
#include "fut/finding_json.hpp"

#include <catch2/catch.hpp>

#include "fut_fixture.hpp"

using namespace eb::test;

TEST_CASE("finding_json", "[fut]") {
  const auto anna = synthetic_pnr(1);
  auto in = input_for(Month(2026, 3));
  auto cm = case_month(3, {anna}, kr(6000));
  cm.accounts = {"50001234560"};
  auto other = case_month(4, {synthetic_pnr(2)}, kr(3000));
  other.accounts = {"50001234560"};
  in.case_months = {cm, other};
  in.income_rows = {income_row(anna, eb::assess::IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 3),
                               Date(2026, 3, 25), 17, 4)};

  SECTION("an income finding: case, cases, month, masked member, amount in öre, the register row") {
    const auto f = run_rule(eb::fut::k_rule_undeclared_income, in).at(0);
    const auto j = eb::fut::finding_json(f, false);
    CHECK(j["rule"] == "undeclared-income");
    CHECK(j["case_id"] == "C-3");
    CHECK(j["cases"] == nlohmann::json::array({"C-3"}));
    CHECK(j["month"] == "2026-03");
    CHECK(j["member"] == "19800101-XXXX");
    CHECK(j["amount_at_risk_ore"] == 420000);
    CHECK(j["evidence_key"] == f.evidence_key.hex());
    const auto& row = j["evidence"]["register_rows"][0];
    CHECK(row["key"] == in.income_rows[0].key.hex());
    CHECK(row["source"] == "FK");
    CHECK(row["kind"] == "sjukpenning");
    CHECK(row["amount_ore"] == 420000);
    CHECK(row["paid_on"] == "2026-03-25");
    CHECK(row["import_id"] == 4);
    CHECK(row["line"] == 17);
    CHECK(row["pnr"] == "19800101-XXXX");
    CHECK(j["evidence"]["payments"][0]["applications"] == nlohmann::json::array({"A-103"}));
    CHECK(j["evidence"]["population"].is_null());
  }
  SECTION("with personal data shown, the full pnr") {
    const auto f = run_rule(eb::fut::k_rule_undeclared_income, in).at(0);
    CHECK(eb::fut::finding_json(f, true)["member"] == anna.formatted());
  }
  SECTION("a signal: no member, the account masked unless shown") {
    const auto f = run_rule(eb::fut::k_rule_shared_account, in).at(0);
    const auto j = eb::fut::finding_json(f, false);
    CHECK(j["member"].is_null());
    CHECK(j["amount_at_risk_ore"] == 0);
    CHECK(j["cases"] == nlohmann::json::array({"C-3", "C-4"}));
    CHECK(j["evidence"]["account"] == "XXXXXXX4560");
    CHECK(eb::fut::finding_json(f, true)["evidence"]["account"] == "50001234560");
  }
}
