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
