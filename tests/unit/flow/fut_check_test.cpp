// SPDX-License-Identifier: MIT
// Tests of the eb fut-check flows on an in-memory store with paid months: idempotent imports
// refused whole when bad, screening that stores only new evidence, and the follow-up of a flag
// (resolve, claim in the ledger, repayment, waiver, police report, notice) with its rules.
#include "flow/fut_check.hpp"

#include <catch2/catch.hpp>

#include "fut/rules/rules.hpp"
#include "fut_support.hpp"
#include "store/payments.hpp"
#include "support.hpp"

using eb::money::Money;
using eb::period::Date;
using eb::test::PaidMarch;

namespace {

std::size_t new_flags(const eb::flow::FutRunOutcome& o) {
  std::size_t n = 0;
  for (const auto& f : o.flags) n += f.is_new ? 1U : 0U;
  return n;
}

// Maja's undeclared sick pay flagged and closed as `outcome`; returns the flag id.
std::int64_t closed_flag(PaidMarch& p, eb::fut::Outcome outcome) {
  p.import_income(eb::test::undeclared_sick_pay());
  const auto run = p.run();
  REQUIRE(run.flags.size() == 1);
  const std::int64_t id = run.flags[0].flag_id;
  (void)p.in_tx([&] { return eb::flow::fut_resolve(p.db, p.ctx, id, outcome, "Sjukpenningen redovisades inte"); });
  return id;
}

}  // namespace

TEST_CASE("flow::fut_import", "[flow][fut]") {
  PaidMarch p;
  const std::string two =
      eb::test::income_register(std::string(eb::test::k_maja) + ",2026-03,FK,sjukpenning,4200,2026-03-25\n" +
                                eb::test::k_lisa + ",2026-03,FK,barnbidrag,1250,2026-03-20\n");

  SECTION("the first import adds every row; the same file again adds nothing") {
    const auto first = p.import_income(two);
    CHECK(first.import.rows_read == 2);
    CHECK(first.import.rows_added == 2);
    CHECK(first.income_added.total == Money::from_kr(5450));
    CHECK(first.income_added.by_source[static_cast<std::size_t>(eb::fut::Source::fk)] == 2);
    const auto again = p.import_income(two);
    CHECK(again.import.rows_read == 2);
    CHECK(again.import.rows_added == 0);
    CHECK(again.income_added.rows == 0);
    CHECK(p.count("fut_income_row") == 2);
    CHECK(p.count("fut_import") == 2);  // the second import is recorded, with nothing added
  }
  SECTION("a row that two files share counts once") {
    p.import_income(eb::test::undeclared_sick_pay(), "march.csv");
    const auto second = p.import_income(two, "all.csv");
    CHECK(second.import.rows_added == 1);
    CHECK(p.count("fut_income_row") == 2);
  }
  SECTION("a bad file is refused whole, naming the line and field, and nothing is stored") {
    const std::string before = eb::test::dump_all(p.db);
    const std::string bad = two + "19850312-2388,2026-03,FK,sjukpenning,100,2026-03-25\n";
    try {
      p.import_income(bad, "bad.csv");
      FAIL("no error");
    } catch (const eb::InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].line == 4);
      CHECK(e.problems()[0].field == "pnr");
    }
    CHECK(eb::test::dump_all(p.db) == before);
  }
  SECTION("population: rows with and without a date of death") {
    const auto o = p.import_population(std::string("pnr,address,deceased_on\n") + eb::test::k_maja +
                                       ",\"Provgatan 1, 123 45 Exempelstad\",2026-02-14\n" + eb::test::k_lisa +
                                       ",\"Barnvägen 2, 123 45 Exempelstad\",\n");
    CHECK(o.import.rows_added == 2);
    CHECK(o.population_added.deceased == 1);
    CHECK(p.import_population(std::string("pnr,address,deceased_on\n") + eb::test::k_lisa +
                              ",\"Barnvägen 2, 123 45 Exempelstad\",\n")
              .import.rows_added == 0);
  }
}

TEST_CASE("flow::fut_run", "[flow][fut]") {
  PaidMarch p;
  p.import_income(eb::test::undeclared_sick_pay());

  SECTION("a finding is stored as a flag with its evidence; a re-run finds it again, not new, and writes nothing") {
    const auto first = p.run();
    REQUIRE(first.flags.size() == 1);
    const auto& f = first.flags[0];
    CHECK(f.is_new);
    CHECK(f.flag_id == 1);
    CHECK(f.finding.rule == eb::fut::k_rule_undeclared_income);
    CHECK(f.finding.case_id == 1);
    CHECK(f.finding.amount_at_risk == Money::from_kr(4200));
    REQUIRE(f.finding.evidence.register_rows.size() == 1);
    CHECK(f.finding.evidence.register_rows[0].line == 2);
    CHECK(f.finding.evidence.register_rows[0].import_id == 1);
    CHECK(first.run == 1);
    CHECK(first.case_months == 2);
    const std::string before = eb::test::dump_all(p.db);
    const auto again = p.run();
    REQUIRE(again.flags.size() == 1);
    CHECK_FALSE(again.flags[0].is_new);
    CHECK(again.flags[0].flag_id == 1);
    CHECK_FALSE(again.run);
    CHECK(eb::test::dump_all(p.db) == before);
  }
  SECTION("a re-run after new register rows flags only the new evidence") {
    (void)p.run();
    p.import_income(eb::test::income_register(std::string(eb::test::k_maja) + ",2026-03,CSN,csn,3000,2026-03-27\n"));
    const auto second = p.run();
    CHECK(second.flags.size() == 2);
    REQUIRE(new_flags(second) == 1);
    for (const auto& f : second.flags) {
      if (!f.is_new) continue;
      CHECK(f.flag_id == 2);
      CHECK(f.finding.evidence.register_rows.at(0).kind == eb::assess::IncomeKind::csn);
      CHECK(f.finding.evidence.register_rows.at(0).import_id == 2);
    }
    CHECK(second.run == 2);
    CHECK(p.count("fut_flag") == 2);
  }
  SECTION("a closed flag's evidence is not flagged again") {
    const std::int64_t id = p.run().flags.at(0).flag_id;
    (void)p.in_tx(
        [&] { return eb::flow::fut_resolve(p.db, p.ctx, id, eb::fut::Outcome::no_error, "Redovisad muntligt"); });
    const auto again = p.run();
    CHECK(new_flags(again) == 0);
    CHECK(p.count("fut_flag") == 1);
  }
  SECTION("only the rules asked for; an unknown rule is refused") {
    CHECK(p.run({"overpayment"}).flags.empty());
    CHECK(p.count("fut_flag") == 0);
    CHECK_THROWS_AS(p.run({"no-such-rule"}), eb::InputError);
  }
  SECTION("the tolerance decides an under-declared salary") {
    // Maja declares 2 000 kr salary; the register shows 2 150 kr.
    p.import_income(eb::test::income_register(std::string(eb::test::k_maja) + ",2026-03,SKV,salary,2150,2026-03-25\n"));
    eb::fut::ScreeningParams wide;
    wide.underdeclared_tolerance = Money::from_kr(150);
    CHECK(p.run({"underdeclared-income"}, wide).flags.empty());
    const auto narrow = p.run({"underdeclared-income"});
    REQUIRE(narrow.flags.size() == 1);
    CHECK(narrow.flags[0].finding.amount_at_risk == Money::from_kr(150));
    CHECK(narrow.flags[0].finding.evidence.declared.at(0).ref == "A-1 income[1]");
  }
}

TEST_CASE("flow::fut_resolve, fut_claim and fut_waive", "[flow][fut]") {
  PaidMarch p;

  SECTION("resolve closes a flag once") {
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    const auto shown = eb::flow::fut_show(p.db, p.ctx, id);
    REQUIRE(shown.flag.resolution);
    CHECK(shown.flag.resolution->by == "eva");
    CHECK(shown.flag.resolution->on == Date(2026, 4, 2));
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_resolve(p.db, p.ctx, id, eb::fut::Outcome::no_error, "igen"); }),
                    eb::Conflict);
  }
  SECTION("a claim needs a flag closed as error or suspected crime") {
    p.import_income(eb::test::undeclared_sick_pay());
    const std::int64_t id = p.run().flags.at(0).flag_id;
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(100), "SN § 1"); }),
                    eb::Conflict);
    (void)p.in_tx([&] { return eb::flow::fut_resolve(p.db, p.ctx, id, eb::fut::Outcome::no_error, "Inget fel"); });
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(100), "SN § 1"); }),
                    eb::Conflict);
    CHECK(p.count("claim") == 0);
  }
  SECTION("a claim enters the ledger with its deadline; repayments and a waiver are booked on it") {
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(9971), "SN § 1"); }),
                    eb::InputError);  // more than the 9 970 kr paid
    const auto c =
        p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(4200), "SN 2026-04-02 § 7"); });
    CHECK(c.claim_id == 1);
    CHECK(c.claim.statute == "SoL (2025:400) 33 kap. 1 §");
    CHECK(c.claim.deadline == Date(2029, 3, 25));  // three years from the payment (33 kap. 5 §)
    CHECK(c.claim.deadline_statute == "SoL (2025:400) 33 kap. 5 §");
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(1), "SN § 2"); }),
                    eb::Conflict);

    const auto claims = eb::store::case_claims(p.db, 1);
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].flag_id == id);
    CHECK_FALSE(claims[0].decision_id);
    CHECK(claims[0].month == eb::period::Month(2026, 3));
    CHECK(claims[0].deadline == Date(2029, 3, 25));

    (void)p.in_tx(
        [&] { return eb::flow::pay_repayment(p.db, p.ctx, 1, Money::from_kr(1000), Date(2026, 4, 10), c.claim_id); });
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_waive(p.db, p.ctx, id, Money::from_kr(3201), "skäl"); }),
                    eb::InputError);
    const auto w =
        p.in_tx([&] { return eb::flow::fut_waive(p.db, p.ctx, id, Money::from_kr(1200), "Synnerliga skäl"); });
    CHECK(w.outstanding == Money::from_kr(2000));
    CHECK(w.waiver.statute == "SoL (2025:400) 33 kap. 6 §");
    CHECK_FALSE(w.waiver.whole);

    const auto ledger = eb::flow::pay_ledger(p.db, 1, std::nullopt);
    CHECK(ledger.ledger.total.claimed == Money::from_kr(4200));
    CHECK(ledger.ledger.total.repaid == Money::from_kr(1000));
    CHECK(ledger.ledger.total.waived == Money::from_kr(1200));
    CHECK(ledger.ledger.total.owed() == Money::from_kr(2000));
    CHECK(ledger.claims.at(0).left() == Money::from_kr(2000));
    // A repayment of more than is left after the waiver is refused.
    CHECK_THROWS_AS(p.in_tx([&] {
      return eb::flow::pay_repayment(p.db, p.ctx, 1, Money::from_kr(2001), Date(2026, 4, 11), c.claim_id);
    }),
                    eb::Conflict);
    (void)p.in_tx(
        [&] { return eb::flow::pay_repayment(p.db, p.ctx, 1, Money::from_kr(2000), Date(2026, 4, 11), c.claim_id); });
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_waive(p.db, p.ctx, id, Money::from_kr(1), "skäl"); }),
                    eb::Conflict);  // nothing outstanding
    const auto shown = eb::flow::fut_show(p.db, p.ctx, id);
    REQUIRE(shown.claim);
    CHECK(shown.claim->balance.repaid == Money::from_kr(3000));
    CHECK(shown.claim->balance.waived == Money::from_kr(1200));
    CHECK(shown.follow_ups.size() == 1);
    CHECK(p.db.check().problems.empty());
  }
  SECTION("a waiver needs a claim") {
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_waive(p.db, p.ctx, id, Money::from_kr(1), "skäl"); }),
                    eb::Conflict);
  }
  SECTION("an unknown flag is not found") {
    CHECK_THROWS_AS(eb::flow::fut_show(p.db, p.ctx, 99), eb::NotFound);
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_resolve(p.db, p.ctx, 99, eb::fut::Outcome::error, "x"); }),
                    eb::NotFound);
  }
}

TEST_CASE("flow::fut_claim on a decision's written condition (SoL 33 kap. 2 §)", "[flow][fut][claim]") {
  // Issue #13: Maja's March was granted as an advance on sjukpenning; Försäkringskassan then paid
  // sjukpenning for March, which screening flags. The claim rests on the advance decision.
  eb::decide::Request advance;
  advance.advance_on = "FK:sjukpenning";
  SECTION("a claim under 33 kap. 2 § on the advance decision records its ground and decision") {
    PaidMarch p(advance);
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    const auto c = p.in_tx([&] {
      return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(4200), "SN 2026-04-02 § 7",
                                 eb::decide::ClaimGround::advance, 1);
    });
    CHECK(c.claim.statute == "SoL (2025:400) 33 kap. 2 § 1 a och 2");
    CHECK(c.claim.on_decision == 1);
    CHECK(c.claim.deadline == Date(2029, 3, 25));
    REQUIRE(c.warnings.size() == 1);
    CHECK_THAT(c.warnings[0], Catch::Contains("D-1") && Catch::Contains("delgetts"));
    const auto claims = eb::store::case_claims(p.db, 1);
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].ground == "advance");
    CHECK(claims[0].on_decision_id == 1);
    CHECK(claims[0].statute == "SoL (2025:400) 33 kap. 2 § 1 a och 2");
    const auto shown = eb::flow::fut_show(p.db, p.ctx, id);
    REQUIRE(shown.claim);
    CHECK(shown.claim->claim.ground == eb::decide::ClaimGround::advance);
    CHECK(shown.claim->claim.on_decision == 1);
    CHECK(p.db.check().problems.empty());
  }
  SECTION("33 kap. 2 § on a decision that stated no advance is refused, naming it, and nothing is stored") {
    PaidMarch p;
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    CHECK_THROWS_WITH(p.in_tx([&] {
      return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(4200), "SN § 1", eb::decide::ClaimGround::advance, 1);
    }),
                      Catch::StartsWith("D-1 of 2026-03-05 states no condition for repayment"));
    CHECK_THROWS_AS(p.in_tx([&] {
      return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(4200), "SN § 1", eb::decide::ClaimGround::advance);
    }),
                    eb::InputError);
    CHECK(p.count("claim") == 0);
    // Under 33 kap. 1 § the same decision may be named.
    const auto c = p.in_tx([&] {
      return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(4200), "SN § 1", eb::decide::ClaimGround::wrongly_paid,
                                 1);
    });
    CHECK(c.claim.statute == "SoL (2025:400) 33 kap. 1 §");
    CHECK(c.warnings.empty());
  }
  SECTION("the decision must be of the flag's case and month") {
    PaidMarch p(advance);
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    CHECK(eb::test::input_error_of([&] {
            (void)p.in_tx([&] {
              return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(100), "SN § 1",
                                         eb::decide::ClaimGround::advance, 2);
            });
          }) == "--on-decision = D-2: is a decision of C-2 for 2026-03, not of the flag's C-1 for 2026-03");
    CHECK_THROWS_AS(p.in_tx([&] {
      return eb::flow::fut_claim(p.db, p.ctx, id, Money::from_kr(100), "SN § 1", eb::decide::ClaimGround::advance, 9);
    }),
                    eb::NotFound);
  }
}

TEST_CASE("flow::fut_report_police and fut_notify", "[flow][fut]") {
  PaidMarch p;

  SECTION("a police report needs suspected crime; it names the person in full and is recorded") {
    const std::int64_t error = closed_flag(p, eb::fut::Outcome::error);
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_report_police(p.db, p.ctx, error, {}); }), eb::Conflict);
  }
  SECTION("the report's facts as text and HTML, and the record of it") {
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::suspected_crime);
    const auto text = p.in_tx([&] { return eb::flow::fut_report_police(p.db, p.ctx, id, {}); });
    CHECK_THAT(text.content, Catch::Contains("Anmälan om misstänkt bidragsbrott"));
    CHECK_THAT(text.content, Catch::Contains("19850312-2387"));
    CHECK_THAT(text.content, Catch::Contains("Maja Prov"));
    CHECK_THAT(text.content, Catch::Contains("Eva Utredare"));
    CHECK_THAT(text.content, Catch::Contains("4 200 kr"));
    CHECK_FALSE(text.warnings.empty());  // the example payer's municipality
    eb::flow::PoliceReportRequest html;
    html.format = eb::flow::DocumentFormat::html;
    const auto page = p.in_tx([&] { return eb::flow::fut_report_police(p.db, p.ctx, id, html); });
    CHECK_THAT(page.content, Catch::StartsWith("<!DOCTYPE html>"));
    const auto follow = eb::flow::fut_show(p.db, p.ctx, id).follow_ups;
    REQUIRE(follow.size() == 2);
    CHECK(follow[0].kind == "police-report");
    CHECK(follow[0].sha256 == text.sha256);
    CHECK(follow[0].statute == "bidragsbrottslagen (2007:612) 6 §");
  }
  SECTION("a notice to another authority, recorded with the authority") {
    const std::int64_t id = closed_flag(p, eb::fut::Outcome::error);
    eb::flow::NoticeRequest r;
    r.authority = eb::fut::Authority::fk;
    r.benefit = "bostadsbidrag";
    r.circumstances = "Hushållet har inkomster som inte anmälts";
    const auto n = p.in_tx([&] { return eb::flow::fut_notify(p.db, p.ctx, id, r); });
    CHECK_THAT(n.content, Catch::Contains("Försäkringskassan"));
    CHECK_THAT(n.content, Catch::Contains("bostadsbidrag"));
    const auto follow = eb::flow::fut_show(p.db, p.ctx, id).follow_ups;
    REQUIRE(follow.size() == 1);
    CHECK(follow[0].authority == "FK");
    r.circumstances = " ";
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::fut_notify(p.db, p.ctx, id, r); }), eb::InputError);
  }
}
