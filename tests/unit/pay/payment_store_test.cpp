// SPDX-License-Identifier: MIT
// Tests of payments in the case store: exactly once, the batch flow, returns, claims and
// repayments, and the schema's refusals when a caller gets it wrong.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "pay_fixture.hpp"

using eb::Conflict;
using eb::money::Money;
using eb::period::Date;
using eb::period::Month;
using eb::test::PayFixture;

namespace {

Money kr(std::int64_t k) {
  return Money::from_kr(k);
}

// The message of the exception of type E that `f()` throws, or "" if it throws none.
template <class E, class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

// The message SQLite gives when `sql` is refused, or "" when it is not.
std::string refusal_of(PayFixture& fx, const std::string& sql) {
  try {
    fx.exec(sql);
  } catch (const SQLite::Exception& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("store_batch: each decided amount is paid once", "[pay][store]") {
  PayFixture fx;
  const Month march(2026, 3);
  const auto a1 = fx.add_application(fx.add_case(), march);
  const auto a2 = fx.add_application(fx.add_case(), march, "5000 1234560");
  const auto a3 = fx.add_application(fx.add_case(), Month(2026, 4));
  fx.decide(a1, kr(5000));
  fx.decide(a2, kr(3000));
  fx.decide(a3, kr(4000));

  SECTION("a second run pays nothing") {
    const auto first = fx.run_batch();
    REQUIRE(first.batch_id);
    CHECK(first.payments == 3);
    CHECK(first.total == kr(12000));
    const std::string before = fx.dump();
    const auto second = fx.run_batch();
    CHECK_FALSE(second.batch_id);
    CHECK(second.payments == 0);
    // Nothing written, not even an audit entry.
    CHECK(fx.dump() == before);
    const auto b = eb::store::load_batch(fx.store(), *first.batch_id);
    CHECK(b.message_id == "EB-20260325-B-1");
    CHECK(b.payments == 3);
    CHECK(b.total == kr(12000));
    const auto payments = eb::store::batch_payments(fx.store(), *first.batch_id);
    REQUIRE(payments.size() == 3);
    CHECK(payments[1].account);
    CHECK_FALSE(payments[0].account);
  }
  SECTION("--month pays that month only") {
    const auto out = fx.run_batch(march);
    CHECK(out.payments == 2);
    CHECK(eb::store::load_batch(fx.store(), *out.batch_id).month == march);
    CHECK(fx.run_batch().payments == 1);
  }
  SECTION("a plan made before a batch and stored after it is refused by the schema, and nothing is written") {
    const auto stale = eb::pay::plan_batch(eb::store::payment_states(fx.store(), std::nullopt), {});
    fx.run_batch();
    const std::string before = fx.dump();
    const std::string message = error_of<Conflict>([&] {
      fx.in_transaction([&] { eb::store::store_batch(fx.store(), stale, Date(2026, 3, 25), std::nullopt, fx.ctx()); });
    });
    CHECK(contains(message, "payment of 5 000 kr under D-1 refused"));
    CHECK(fx.dump() == before);
  }
  SECTION("a replacing decision that grants more pays the difference; one that grants less raises one claim") {
    const auto b1 = *fx.run_batch().batch_id;
    fx.export_batch(b1);
    fx.decide(a1, kr(6000));
    const auto d3 = fx.decide(a2, kr(1000));
    const auto out = fx.run_batch();
    CHECK(out.payments == 1);
    CHECK(out.total == kr(1000));
    REQUIRE(out.claim_ids.size() == 1);
    const auto claims = eb::store::case_claims(fx.store(), 2);
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].amount == kr(2000));
    CHECK(claims[0].decision_id == d3);
    CHECK(claims[0].statute == "SoL (2025:400) 33 kap. 1 §");
    // Once: another run raises nothing more.
    const auto again = fx.run_batch();
    CHECK(again.claim_ids.empty());
    CHECK(again.payments == 0);
  }
}

TEST_CASE("the schema refuses what a buggy caller might write", "[pay][store]") {
  PayFixture fx;
  const auto a1 = fx.add_application(fx.add_case(), Month(2026, 3));
  const auto d1 = fx.decide(a1, kr(5000));
  const auto batch = *fx.run_batch().batch_id;
  const std::string b = std::to_string(batch);
  const auto insert = [&](std::int64_t decision, std::int64_t ore, const std::string& reissue = "NULL",
                          std::int64_t in_batch = 0) {
    return "INSERT INTO payment (batch_id, decision_id, application_id, arende_id, month, amount_ore, method, "
           "payee_name, payee_address, reissue_of) VALUES (" +
           std::to_string(in_batch ? in_batch : batch) + ", " + std::to_string(decision) + ", " + std::to_string(a1) +
           ", 1, '2026-03', " + std::to_string(ore) + ", 'avi', 'A', 'Gatan 1', " + reissue + ")";
  };
  fx.exec(
      "INSERT INTO batch (id, pay_date, created_at, created_by, message_id) VALUES (9, '2026-03-26', 'x', 'y', 'M9')");

  SECTION("a second payment of the same decision") {
    CHECK(contains(refusal_of(fx, insert(d1, 1, "NULL", 9)), "more than the current decision grants"));
    fx.decide(a1, kr(7000));
    // Even a payment that fits the new grant must not be a second first payment of one decision.
    const auto d2 = fx.scalar("SELECT max(id) FROM decision");
    fx.exec(insert(d2, 100, "NULL", 9));
    CHECK(contains(refusal_of(fx, insert(d2, 100, "NULL", 9)), "UNIQUE constraint failed: payment.decision_id"));
  }
  SECTION("a payment under a replaced decision") {
    fx.decide(a1, kr(9000));
    CHECK(contains(refusal_of(fx, insert(d1, 100, "NULL", 9)), "only under the current decision"));
  }
  SECTION("a re-issue of a payment that was not returned") {
    fx.decide(a1, kr(9000));
    const auto d2 = fx.scalar("SELECT max(id) FROM decision");
    CHECK(contains(refusal_of(fx, insert(d2, 100, "1", 9)), "re-issue must re-pay a returned or cancelled payment"));
  }
  SECTION("a payment in a batch that is exported") {
    fx.export_batch(batch);
    fx.decide(a1, kr(9000));
    const auto d2 = fx.scalar("SELECT max(id) FROM decision");
    CHECK(contains(refusal_of(fx, insert(d2, 100)), "only to a batch that is created"));
  }
  SECTION("edits and deletes") {
    CHECK(contains(refusal_of(fx, "UPDATE payment SET amount_ore = 1"), "payments are never edited"));
    CHECK(contains(refusal_of(fx, "DELETE FROM payment"), "payments are never deleted"));
    CHECK(contains(refusal_of(fx, "DELETE FROM batch"), "batches are never deleted"));
    CHECK(contains(refusal_of(fx, "UPDATE batch SET pay_date = '2026-04-01'"), "a batch goes created -> exported"));
    CHECK(contains(refusal_of(fx, "UPDATE batch SET status = 'confirmed', confirmed_at = 'x' WHERE id = " + b),
                   "a batch goes created -> exported"));
    fx.export_batch(batch);
    CHECK(contains(refusal_of(fx, "UPDATE payment SET cancelled = 1"), "payments are never edited"));
    CHECK(contains(refusal_of(fx,
                              "UPDATE batch SET status = 'cancelled', exported_at = NULL, debtor_iban = NULL, "
                              "cancelled_at = 'x' WHERE id = " +
                                  b),
                   "a batch goes created -> exported"));
    CHECK(contains(refusal_of(fx, "DELETE FROM batch_export"), "never deleted"));
  }
  SECTION("a claim larger than the overpayment, and a repayment larger than the claim") {
    fx.export_batch(batch);
    const auto d2 = fx.decide(a1, kr(3000));
    const std::string claim =
        "INSERT INTO claim (arende_id, application_id, decision_id, month, amount_ore, reason, statute, raised_on, "
        "created_at, created_by) VALUES (1, " +
        std::to_string(a1) + ", " + std::to_string(d2) + ", '2026-03', ";
    const std::string tail = ", 'r', 's', '2026-03-30', 'x', 'y')";
    CHECK(contains(refusal_of(fx, claim + "200001" + tail), "a claim cannot exceed what was paid out"));
    fx.exec(claim + "200000" + tail);
    CHECK(contains(refusal_of(fx,
                              "INSERT INTO repayment (arende_id, claim_id, amount_ore, paid_on, created_at, "
                              "created_by) VALUES (1, 1, 200001, '2026-04-01', 'x', 'y')"),
                   "repayments of a claim never exceed it"));
    CHECK(contains(refusal_of(fx, "UPDATE claim SET amount_ore = 1"), "claims are never edited"));
  }
}

TEST_CASE("the batch flow: export, confirm, cancel, return", "[pay][store]") {
  PayFixture fx;
  const auto a1 = fx.add_application(fx.add_case(), Month(2026, 3));
  fx.decide(a1, kr(5000));
  const auto batch = *fx.run_batch().batch_id;

  SECTION("created -> exported -> confirmed; confirming twice is refused and changes nothing") {
    CHECK(contains(
        error_of<Conflict>([&] { fx.in_transaction([&] { eb::store::confirm_batch(fx.store(), batch, fx.ctx()); }); }),
        "B-1 is not exported yet"));
    const std::string xml = fx.export_batch(batch);
    CHECK(fx.export_batch(batch) == xml);  // a re-export is the identical file
    auto b = eb::store::load_batch(fx.store(), batch);
    CHECK(b.status == eb::pay::BatchStatus::exported);
    REQUIRE(b.exports.size() == 1);
    CHECK(b.exports[0].sha256 == eb::sha256_hex(xml));
    REQUIRE(b.debtor);
    CHECK(b.debtor->bic == "ESSESESS");
    fx.in_transaction([&] { eb::store::confirm_batch(fx.store(), batch, fx.ctx()); });
    const std::string before = fx.dump();
    CHECK(contains(
        error_of<Conflict>([&] { fx.in_transaction([&] { eb::store::confirm_batch(fx.store(), batch, fx.ctx()); }); }),
        "B-1 is already confirmed"));
    CHECK(fx.dump() == before);
    CHECK(contains(
        error_of<Conflict>([&] { fx.in_transaction([&] { eb::store::cancel_batch(fx.store(), batch, fx.ctx()); }); }),
        "it cannot be cancelled"));
  }
  SECTION("a cancelled batch's payments are due again, and it is never exported") {
    fx.in_transaction([&] { eb::store::cancel_batch(fx.store(), batch, fx.ctx()); });
    CHECK(fx.scalar("SELECT count(*) FROM payment WHERE cancelled = 1") == 1);
    const std::string before = fx.dump();
    CHECK(contains(error_of<Conflict>([&] { fx.export_batch(batch); }), "B-1 is cancelled"));
    CHECK(fx.dump() == before);
    const auto again = fx.run_batch();
    CHECK(again.payments == 1);
    CHECK(again.total == kr(5000));
  }
  SECTION("a returned payment is re-issued once, in a later batch") {
    CHECK(contains(error_of<Conflict>([&] {
                     fx.in_transaction(
                         [&] { eb::store::record_return(fx.store(), 1, Date(2026, 3, 27), "x", fx.ctx()); });
                   }),
                   "only a payment of an exported batch can be returned (cancel the batch instead"));
    fx.export_batch(batch);
    fx.in_transaction([&] { eb::store::record_return(fx.store(), 1, Date(2026, 3, 27), "konto avslutat", fx.ctx()); });
    CHECK(contains(error_of<Conflict>([&] {
                     fx.in_transaction(
                         [&] { eb::store::record_return(fx.store(), 1, Date(2026, 3, 28), "x", fx.ctx()); });
                   }),
                   "P-1 was already returned on 2026-03-27 (konto avslutat)"));
    const auto out = fx.run_batch();
    CHECK(out.payments == 1);
    const auto payments = eb::store::batch_payments(fx.store(), *out.batch_id);
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].reissue_of == 1);
    CHECK(payments[0].amount == kr(5000));
    CHECK(fx.run_batch().payments == 0);
  }
  SECTION("a lower decision after the batch was made: export refuses it") {
    fx.decide(a1, kr(3000));
    const auto over = eb::store::batch_overgrants(fx.store(), batch);
    REQUIRE(over.size() == 1);
    CHECK(over[0] == "A-1: its payments come to 5 000 kr but its current decision D-2 grants 3 000 kr");
  }
}

TEST_CASE("record_repayment", "[pay][store]") {
  PayFixture fx;
  const auto a1 = fx.add_application(fx.add_case(), Month(2026, 3));
  fx.decide(a1, kr(5000));
  fx.export_batch(*fx.run_batch().batch_id);
  fx.decide(a1, kr(3000));
  fx.run_batch();
  const auto repay = [&](Money amount, std::optional<std::int64_t> claim) {
    std::vector<eb::store::RepaymentPart> parts;
    fx.in_transaction(
        [&] { parts = eb::store::record_repayment(fx.store(), 1, amount, Date(2026, 4, 2), claim, fx.ctx()); });
    return parts;
  };
  const auto parts = repay(kr(500), std::nullopt);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].claim_id == 1);
  CHECK(parts[0].left == kr(1500));
  const std::string before = fx.dump();
  CHECK(error_of<Conflict>([&] { repay(kr(1501), 1); }) ==
        "C-1: a repayment of 1 501 kr is more than is left of claim K-1: 1 500 kr of 2 000 kr");
  CHECK(error_of<eb::NotFound>([&] { repay(kr(1), 7); }) == "no claim K-7");
  CHECK(fx.dump() == before);
  CHECK(repay(kr(1500), 1)[0].left.is_zero());
  CHECK(contains(error_of<Conflict>([&] { repay(kr(1), std::nullopt); }), "C-1: the case has no claim"));
}

TEST_CASE("ledger_entries", "[pay][store]") {
  PayFixture fx;
  const auto c1 = fx.add_case();
  const auto a1 = fx.add_application(c1, Month(2026, 3));
  const auto a2 = fx.add_application(c1, Month(2026, 4));
  fx.decide(a1, kr(5000));
  fx.decide(a2, kr(4000));
  fx.export_batch(*fx.run_batch(Month(2026, 3)).batch_id);
  fx.run_batch();
  fx.decide(a1, kr(3000));
  fx.run_batch();
  fx.in_transaction([&] { eb::store::record_return(fx.store(), 1, Date(2026, 3, 27), "x", fx.ctx()); });

  const auto ledger = eb::pay::make_ledger(eb::store::ledger_entries(fx.store(), c1, std::nullopt), true);
  REQUIRE(ledger.rows.size() == 2);
  const auto& march = ledger.rows[0].figures;
  CHECK(march.decided == kr(3000));
  CHECK(march.paid == kr(5000));
  CHECK(march.returned == kr(5000));
  CHECK(march.claimed == kr(2000));
  CHECK(march.to_pay() == kr(5000));  // 3000 granted, and the 2000 claimed, once re-issued
  CHECK(ledger.rows[1].figures.pending == kr(4000));
  CHECK(ledger.total.decided == kr(7000));
  const auto april = eb::store::ledger_entries(fx.store(), std::nullopt, eb::period::parse_month_range("2026-04", "p"));
  REQUIRE(april.size() == 1);
  CHECK(april[0].figures.pending == kr(4000));
}

TEST_CASE("export of a stored batch: the file validates against the pain.001.001.03 schema", "[pay][store][xmllint]") {
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) {
    WARN("xmllint is not installed (Debian package libxml2-utils): schema validation skipped");
    return;
  }
  PayFixture fx;
  const auto a1 = fx.add_application(fx.add_case("Åsa Öberg & Co <x>"), Month(2026, 3), "8327-9 012 345 678-2");
  const auto a2 = fx.add_application(fx.add_case(), Month(2026, 3), "", "c/o Svensson, Storgatan 1, 791 71 Exempelby");
  fx.decide(a1, Money::from_ore(123456));
  fx.decide(a2, kr(2500));
  fx.export_batch(*fx.run_batch().batch_id);
  fx.in_transaction([&] { eb::store::record_return(fx.store(), 2, Date(2026, 3, 27), "okänd adress", fx.ctx()); });
  const std::string xml = fx.export_batch(*fx.run_batch().batch_id);  // a re-issue
  CHECK(contains(xml, "<Ustrd>Försörjningsstöd 2026-03, ärende C-2, ny utbetalning av P-2</Ustrd>"));
  const auto path = std::filesystem::temp_directory_path() / ("eb-pay-store-" + std::to_string(::getpid()) + ".xml");
  {
    std::ofstream out(path, std::ios::binary);
    out << xml;
  }
  const std::string command = std::string("xmllint --noout --schema '") + EB_SOURCE_DIR +
                              "/data/schemas/pain.001.001.03.xsd' '" + path.string() + "' 2>/dev/null";
  CHECK(std::system(command.c_str()) == 0);
  std::filesystem::remove(path);
}
