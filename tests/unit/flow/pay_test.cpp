// SPDX-License-Identifier: MIT
// Tests of the payment flows on an in-memory store: a batch, its export (and the checks before
// it), confirmation, cancellation, returns, and a dry run that writes nothing.
#include "flow/pay.hpp"

#include <catch2/catch.hpp>

#include "decide/reasons.hpp"
#include "flow/assess.hpp"
#include "flow/decide.hpp"
#include "flow/users.hpp"
#include "flow_support.hpp"
#include "fut_support.hpp"
#include "support.hpp"

using eb::money::Money;
using eb::pay::FileFormat;
using eb::period::Date;
using eb::period::Month;

namespace {

// Two decided households of March 2026 (9 970 and 16 170 kr), by the gruppledare.
struct Decided {
  eb::store::Database db = eb::test::memory_store();
  eb::flow::Context ctx = eb::test::context_on(Date(2026, 3, 5));

  Decided() {
    eb::store::Transaction tx(db);
    (void)eb::flow::intake(db, ctx,
                           {{"a.toml", eb::test::k_single_adult, eb::assess::SourceFormat::toml},
                            {"b.toml", eb::test::k_parent_and_child, eb::assess::SourceFormat::toml}});
    (void)eb::flow::add_user(db, ctx, "gunnar", "", eb::decide::Role::gruppledare);
    (void)eb::flow::assess_month(db, ctx, Month(2026, 3), eb::flow::default_bulk_statuses());
    for (std::int64_t id : {1, 2}) (void)eb::flow::decide(db, ctx, id, {}, "gunnar");
    tx.commit();
  }
  template <class Fn>
  auto in_tx(Fn&& fn) {
    eb::store::Transaction tx(db);
    auto out = fn();
    tx.commit();
    return out;
  }
};

}  // namespace

TEST_CASE("flow::pay_batch and pay_export", "[flow][pay]") {
  Decided d;
  const auto batch = d.in_tx([&] { return eb::flow::pay_batch(d.db, d.ctx, Date(2026, 3, 25), std::nullopt, false); });
  REQUIRE(batch.stored.batch_id == 1);
  CHECK(batch.stored.payments == 2);
  CHECK(batch.stored.total == Money::from_kr(9970 + 16170));

  SECTION("a second batch pays nothing") {
    const auto again =
        d.in_tx([&] { return eb::flow::pay_batch(d.db, d.ctx, Date(2026, 3, 26), std::nullopt, false); });
    CHECK_FALSE(again.stored.batch_id);
    CHECK(again.plan.payments.empty());
  }

  SECTION("export makes the file and records it; a re-export is the identical file") {
    const auto first = d.in_tx([&] { return eb::flow::pay_export(d.db, d.ctx, 1, FileFormat::pain001); });
    CHECK_FALSE(first.again);
    CHECK(first.content.find("<CtrlSum>26140.00</CtrlSum>") != std::string::npos);
    CHECK(first.file.bytes == static_cast<std::int64_t>(first.content.size()));
    const auto second = d.in_tx([&] { return eb::flow::pay_export(d.db, d.ctx, 1, FileFormat::pain001); });
    CHECK(second.again);
    CHECK(second.content == first.content);
  }

  SECTION("timestamps stored with strftime's +hhmm are read back in RFC 3339, the rows unchanged") {
    (void)d.in_tx([&] { return eb::flow::pay_cancel(d.db, d.ctx, 1); });
    CHECK(d.db.impl().db.execAndGet("SELECT created_at || ' ' || cancelled_at FROM batch").getString() ==
          "2026-03-05T10:00:00+0100 2026-03-05T10:00:00+0100");
    const eb::pay::Batch b = eb::flow::pay_show(d.db, 1).batch;
    CHECK(b.created_at == "2026-03-05T10:00:00+01:00");
    REQUIRE(b.cancelled_at);
    CHECK(*b.cancelled_at == "2026-03-05T10:00:00+01:00");
  }

  SECTION("export refuses a cancelled batch") {
    (void)d.in_tx([&] { return eb::flow::pay_cancel(d.db, d.ctx, 1); });
    eb::store::Transaction tx(d.db);
    CHECK_THROWS_WITH(eb::flow::pay_export(d.db, d.ctx, 1, FileFormat::csv),
                      Catch::Matchers::StartsWith("B-1 is cancelled ("));
  }

  SECTION("export refuses a batch that pays more than a lowered decision grants") {
    eb::store::Transaction tx(d.db);
    eb::decide::Request lower;
    lower.kind = eb::decide::Kind::delbifall;
    lower.rejections = {eb::decide::parse_rejection("rent:1000", "--reject")};
    lower.reasons = {eb::decide::parse_reason("cost-above-guideline", "--reason")};
    lower.replaces = 1;
    (void)eb::flow::decide(d.db, d.ctx, 1, lower, "gunnar");
    CHECK_THROWS_WITH(eb::flow::pay_export(d.db, d.ctx, 1, FileFormat::pain001),
                      Catch::Matchers::StartsWith("B-1 pays more than the current decisions grant"));
  }

  SECTION("confirm needs an export; a payment returns only from a sent batch") {
    eb::store::Transaction tx(d.db);
    CHECK_THROWS_AS(eb::flow::pay_confirm(d.db, d.ctx, 1), eb::Conflict);
    CHECK_THROWS_AS(eb::flow::pay_return(d.db, d.ctx, 1, Date(2026, 3, 27), "closed"), eb::Conflict);
    (void)eb::flow::pay_export(d.db, d.ctx, 1, FileFormat::pain001);
    CHECK(eb::flow::pay_confirm(d.db, d.ctx, 1).status == eb::pay::BatchStatus::confirmed);
    CHECK(eb::flow::pay_return(d.db, d.ctx, 1, Date(2026, 3, 27), "closed").returned_on == Date(2026, 3, 27));
    CHECK_THROWS_AS(eb::flow::pay_cancel(d.db, d.ctx, 1), eb::Conflict);
    // The returned payment is due again: the next batch re-issues it, and only it.
    const auto reissue = eb::flow::pay_batch(d.db, d.ctx, Date(2026, 3, 30), std::nullopt, false);
    REQUIRE(reissue.plan.payments.size() == 1);
    CHECK(reissue.plan.payments[0].reissue_of == 1);
  }

  SECTION("the ledger reconciles") {
    const auto l = eb::flow::pay_ledger(d.db, std::nullopt, std::nullopt);
    CHECK(l.ledger.total.decided == Money::from_kr(26140));
    CHECK(l.ledger.total.pending == Money::from_kr(26140));
    CHECK(l.ledger.total.to_pay().is_zero());
  }
}

TEST_CASE("flow::pay_batch rolled back (--dry-run) writes nothing", "[flow][pay]") {
  Decided d;
  const std::string before = eb::test::dump_all(d.db);
  {
    eb::store::Transaction tx(d.db);
    const auto out = eb::flow::pay_batch(d.db, d.ctx, Date(2026, 3, 25), std::nullopt, false);
    CHECK(out.stored.payments == 2);
  }
  CHECK(eb::test::dump_all(d.db) == before);
}

TEST_CASE("flow::pay_claim", "[flow][pay][claim]") {
  // Issue #13: an advance on sjukpenning (SoL 33 kap. 2 §) claimed back on its decision once
  // Försäkringskassan paid for the same time; no FUT flag is needed.
  eb::decide::Request advance;
  advance.advance_on = "FK:sjukpenning";
  eb::flow::PayClaimRequest r;
  r.decision_id = 1;
  r.amount = Money::from_kr(4200);
  r.ground = eb::decide::ClaimGround::advance;
  r.decision = "SN 2026-04-02 § 8";
  r.reason = "Försäkringskassan har betalat ut sjukpenning för mars 2026 med 4 200 kr.";
  SECTION("a claim on the advance decision enters the ledger with its ground, decision and deadline") {
    eb::test::PaidMarch p(advance);
    const auto o = p.in_tx([&] { return eb::flow::pay_claim(p.db, p.ctx, r); });
    CHECK(o.claim.statute == "SoL (2025:400) 33 kap. 2 § 1 a och 2");
    CHECK(o.claim.deadline == Date(2029, 3, 25));
    CHECK(o.claim.deadline_statute == "SoL (2025:400) 33 kap. 5 §");
    CHECK(o.basis.paid == Money::from_kr(9970));
    REQUIRE(o.warnings.size() == 1);
    const auto ledger = eb::flow::pay_ledger(p.db, 1, std::nullopt);
    CHECK(ledger.ledger.total.claimed == Money::from_kr(4200));
    CHECK(ledger.ledger.total.claimed_on_decisions == Money());  // it does not change what is due
    REQUIRE(ledger.claims.size() == 1);
    CHECK(ledger.claims[0].ground == "advance");
    CHECK(ledger.claims[0].on_decision_id == 1);
    CHECK_FALSE(ledger.claims[0].decision_id);
    CHECK(ledger.claims[0].reason == r.reason);
    (void)p.in_tx(
        [&] { return eb::flow::pay_repayment(p.db, p.ctx, 1, Money::from_kr(4200), Date(2026, 4, 20), o.claim_id); });
    CHECK(eb::flow::pay_ledger(p.db, 1, std::nullopt).ledger.total.owed() == Money());
    CHECK(p.db.check().problems.empty());
  }
  SECTION("at most what was paid less what is claimed already") {
    eb::test::PaidMarch p(advance);
    r.amount = Money::from_kr(6000);
    (void)p.in_tx([&] { return eb::flow::pay_claim(p.db, p.ctx, r); });
    r.amount = Money::from_kr(3971);
    CHECK(eb::test::input_error_of([&] { (void)p.in_tx([&] { return eb::flow::pay_claim(p.db, p.ctx, r); }); }) ==
          "--amount = 3 971 kr: is more than is left to claim of what was paid under D-1 (3 970 kr)");
  }
  SECTION("a decision that stated no advance is refused, naming it") {
    eb::test::PaidMarch p;
    CHECK_THROWS_AS(p.in_tx([&] { return eb::flow::pay_claim(p.db, p.ctx, r); }), eb::Conflict);
    CHECK_THROWS_WITH(p.in_tx([&] { return eb::flow::pay_claim(p.db, p.ctx, r); }),
                      Catch::StartsWith("D-1 of 2026-03-05 states no condition for repayment"));
    CHECK(p.count("claim") == 0);
  }
  SECTION("nothing paid, nothing to claim; an unknown decision is not found") {
    Decided d;
    CHECK_THROWS_WITH(d.in_tx([&] { return eb::flow::pay_claim(d.db, d.ctx, r); }),
                      Catch::Contains("nothing is paid out for A-1"));
    r.decision_id = 9;
    CHECK_THROWS_AS(d.in_tx([&] { return eb::flow::pay_claim(d.db, d.ctx, r); }), eb::NotFound);
  }
}
