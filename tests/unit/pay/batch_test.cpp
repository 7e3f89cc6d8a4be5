// SPDX-License-Identifier: MIT
// Tests of how a stored batch becomes a payment file.
#include <catch2/catch.hpp>

#include "pay/batch.hpp"
#include "support.hpp"

using eb::money::Money;
using eb::pay::Batch;
using eb::pay::BatchPayment;

TEST_CASE("file_datetime", "[pay]") {
  CHECK(eb::pay::file_datetime("2026-03-20T14:05:00+0100") == "2026-03-20T14:05:00+01:00");
  CHECK(eb::pay::file_datetime("2026-03-20T14:05:00-0230") == "2026-03-20T14:05:00-02:30");
  CHECK(eb::pay::file_datetime("2026-03-20T14:05:00") == "2026-03-20T14:05:00");
}

TEST_CASE("parse_file_format", "[pay]") {
  CHECK(eb::pay::parse_file_format("pain001", "--format") == eb::pay::FileFormat::pain001);
  CHECK(eb::pay::parse_file_format("csv", "--format") == eb::pay::FileFormat::csv);
  CHECK(eb::test::input_error_of([] { eb::pay::parse_file_format("xml", "--format"); }) ==
        "--format = xml: must be pain001 (ISO 20022 pain.001.001.03 XML) or csv");
}

TEST_CASE("payment_file", "[pay]") {
  Batch b;
  b.id = 3;
  b.message_id = "EB-20260325-B-3";
  b.pay_date = eb::period::Date(2026, 3, 25);
  BatchPayment avi;
  avi.id = 7;
  avi.case_id = 2;
  avi.month = eb::period::Month(2026, 3);
  avi.amount = Money::from_kr(5000);
  avi.payee_name = "Anna Exempel";
  avi.payee_address = "Storgatan 1, 123 45 Exempelstad";
  BatchPayment account = avi;
  account.id = 8;
  account.reissue_of = 4;
  account.account = eb::pay::parse_bank_account("5000 1234560", "account");
  BatchPayment cancelled = avi;
  cancelled.id = 9;
  cancelled.cancelled = true;
  const auto file =
      eb::pay::payment_file(b, {avi, account, cancelled}, {"K", "SE45", "ESSESESS", "x"}, "2026-03-20T12:00:00");
  CHECK(file.message_id == "EB-20260325-B-3");
  CHECK(file.execution_date == eb::period::Date(2026, 3, 25));
  REQUIRE(file.transfers.size() == 2);
  CHECK(file.transfers[0].end_to_end_id == "P-7");
  CHECK(file.transfers[0].creditor_address == "Storgatan 1, 123 45 Exempelstad");
  CHECK(file.transfers[0].remittance == "Försörjningsstöd 2026-03, ärende C-2");
  CHECK(file.transfers[1].end_to_end_id == "P-8");
  CHECK(file.transfers[1].creditor_address.empty());
  CHECK(file.transfers[1].remittance == "Försörjningsstöd 2026-03, ärende C-2, ny utbetalning av P-4");
}

TEST_CASE("pay batch state rules", "[pay][batch]") {
  using eb::pay::BatchStatus;
  Batch b;
  b.id = 3;
  const auto refused = [](auto&& fn) {
    try {
      fn();
    } catch (const eb::Conflict& e) {
      return std::string(e.what());
    }
    return std::string();
  };

  SECTION("created: exportable and cancellable, not confirmable") {
    b.status = BatchStatus::created;
    CHECK_NOTHROW(eb::pay::require_exportable(b));
    CHECK_NOTHROW(eb::pay::require_cancellable(b));
    CHECK(refused([&] { eb::pay::require_confirmable(b); }) ==
          "B-3 is not exported yet; export it (eb pay export B-3) and send the file first");
  }

  SECTION("exported: confirmable and exportable again, never cancelled") {
    b.status = BatchStatus::exported;
    b.exported_at = "2026-03-20T12:00:00+01:00";
    CHECK_NOTHROW(eb::pay::require_confirmable(b));
    CHECK_NOTHROW(eb::pay::require_exportable(b));
    CHECK(refused([&] { eb::pay::require_cancellable(b); })
              .find("B-3 was exported (2026-03-20T12:00:00+01:00), so "
                    "its money may have left") == 0);
  }

  SECTION("confirmed: confirmed once") {
    b.status = BatchStatus::confirmed;
    b.confirmed_at = "2026-03-21T09:00:00+0100";
    CHECK(refused([&] { eb::pay::require_confirmable(b); }) == "B-3 is already confirmed (2026-03-21T09:00:00+0100)");
    CHECK_FALSE(refused([&] { eb::pay::require_cancellable(b); }).empty());
  }

  SECTION("cancelled: never exported, confirmed or cancelled again") {
    b.status = BatchStatus::cancelled;
    b.cancelled_at = "2026-03-20T13:00:00+0100";
    CHECK(refused([&] { eb::pay::require_exportable(b); }) ==
          "B-3 is cancelled (2026-03-20T13:00:00+0100); a cancelled batch is never exported");
    CHECK_FALSE(refused([&] { eb::pay::require_confirmable(b); }).empty());
    CHECK(refused([&] { eb::pay::require_cancellable(b); }) == "B-3 is already cancelled (2026-03-20T13:00:00+0100)");
  }

  SECTION("export refuses a batch that pays more than the decisions grant") {
    CHECK_NOTHROW(eb::pay::refuse_overgrants(b, {}));
    CHECK(refused([&] { eb::pay::refuse_overgrants(b, {"A-1: too much"}); }) ==
          "B-3 pays more than the current decisions grant (a lower decision came after it):\n  A-1: too much\n"
          "cancel it (eb pay cancel B-3) and run eb pay batch again");
  }

  SECTION("a re-export must be the identical file") {
    eb::pay::BatchExport earlier;
    earlier.sha256 = "abc";
    earlier.exported_at = "2026-03-20T12:00:00+01:00";
    CHECK_NOTHROW(eb::pay::require_identical_export(b, earlier, "abc"));
    CHECK_THROWS_AS(eb::pay::require_identical_export(b, earlier, "abd"), eb::StoreError);
  }

  SECTION("a payment is returned once, only from a sent batch") {
    BatchPayment p;
    p.id = 7;
    CHECK_NOTHROW(eb::pay::require_returnable(p, 3, BatchStatus::exported));
    CHECK_NOTHROW(eb::pay::require_returnable(p, 3, BatchStatus::confirmed));
    CHECK(refused([&] { eb::pay::require_returnable(p, 3, BatchStatus::created); }) ==
          "P-7 is in batch B-3, which is created; only a payment of an exported batch can be returned (cancel the "
          "batch instead: eb pay cancel B-3)");
    p.returned_on = eb::period::Date(2026, 3, 22);
    p.return_reason = "account closed";
    CHECK(refused([&] { eb::pay::require_returnable(p, 3, BatchStatus::exported); }) ==
          "P-7 was already returned on 2026-03-22 (account closed)");
  }
}

TEST_CASE("pay_date_warnings", "[pay][batch]") {
  using eb::period::Date;
  CHECK(eb::pay::pay_date_warnings(Date(2026, 11, 25), Date(2026, 11, 20)).empty());
  CHECK(eb::pay::pay_date_warnings(Date(2026, 11, 28), Date(2026, 11, 20)) ==
        std::vector<std::string>{"--date 2026-11-28 is not a bank day; the bank pays on the next one"});
  CHECK(eb::pay::pay_date_warnings(Date(2026, 11, 25), Date(2026, 11, 26)) ==
        std::vector<std::string>{"--date 2026-11-25 is in the past"});
}
