// SPDX-License-Identifier: MIT
// Tests of the pain.001.001.03 and CSV payment files, including validation against the XSD.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "pay/payment_file.hpp"

using eb::InputError;
using eb::money::Money;
using eb::pay::parse_bank_account;
using eb::pay::PaymentFile;
using eb::pay::Transfer;
using eb::pay::write_pain001;
using eb::pay::write_payment_csv;

// Names, accounts and the organisationsnummer are synthetic. The IBAN is the published SEB
// example of the IBAN registry.

namespace {

Transfer by_avi(std::string id, std::int64_t ore, std::string name, std::string address) {
  Transfer t;
  t.end_to_end_id = std::move(id);
  t.amount = Money::from_ore(ore);
  t.creditor_name = std::move(name);
  t.creditor_address = std::move(address);
  t.remittance = "Försörjningsstöd 2026-03";
  return t;
}

Transfer to_account(std::string id, std::int64_t ore, std::string name, const std::string& account) {
  Transfer t = by_avi(std::move(id), ore, std::move(name), "");
  t.account = parse_bank_account(account, "account");
  return t;
}

PaymentFile make_file(std::vector<Transfer> transfers) {
  return PaymentFile{
      "EB-2026-03-0001",
      "2026-03-20T14:05:00",
      eb::period::Date(2026, 3, 25),
      {"Exempelby kommun", "SE45 5000 0000 0583 9825 7466", "ESSESESS", "999999-9999"},
      std::move(transfers),
  };
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

// The text of the `n`th CdtTrfTxInf (from 0).
std::string transaction(const std::string& xml, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    at = xml.find("<CdtTrfTxInf>", at + 1);
    REQUIRE(at != std::string::npos);
  }
  const auto end = xml.find("</CdtTrfTxInf>", at);
  return xml.substr(at, end - at);
}

// The problems write_pain001 reports for `file`, one per line, or "" if it writes the file.
std::string error_of(const PaymentFile& file) {
  return eb::test::input_error_of([&] { write_pain001(file); });
}

}  // namespace

TEST_CASE("write_pain001: header, count and control sum", "[pay]") {
  const std::string xml = write_pain001(make_file({
      to_account("E2E-1", 123450, "Anna Exempel", "8327-9 012 345 678-2"),
      to_account("E2E-2", 10000, "Bertil Prov", "5000 1234560"),
      by_avi("E2E-3", 1, "Cecilia Test", "Storgatan 1\n791 71 Exempelby"),
  }));
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                  "pain.001.001.03\"",
                  0) == 0);
  CHECK(count_of(xml, "<NbOfTxs>3</NbOfTxs>") == 2);        // GrpHdr and PmtInf
  CHECK(count_of(xml, "<CtrlSum>1334.51</CtrlSum>") == 2);  // 1234.50 + 100.00 + 0.01
  CHECK(count_of(xml, "<CdtTrfTxInf>") == 3);
  CHECK(count_of(xml, "<PmtInf>") == 1);
  CHECK(xml.find("<MsgId>EB-2026-03-0001</MsgId>") != std::string::npos);
  CHECK(xml.find("<CreDtTm>2026-03-20T14:05:00</CreDtTm>") != std::string::npos);
  CHECK(xml.find("<PmtMtd>TRF</PmtMtd>") != std::string::npos);
  CHECK(xml.find("<ReqdExctnDt>2026-03-25</ReqdExctnDt>") != std::string::npos);
  CHECK(xml.find("<IBAN>SE4550000000058398257466</IBAN>") != std::string::npos);
  CHECK(xml.find("<BIC>ESSESESS</BIC>") != std::string::npos);
  CHECK(xml.find("<Id>9999999999</Id>") != std::string::npos);
  CHECK(xml.find("<InstdAmt Ccy=\"SEK\">1234.50</InstdAmt>") != std::string::npos);
  CHECK(xml.find("<InstdAmt Ccy=\"SEK\">100.00</InstdAmt>") != std::string::npos);
  CHECK(xml.find("<InstdAmt Ccy=\"SEK\">0.01</InstdAmt>") != std::string::npos);
}

TEST_CASE("write_pain001: the control sum is exact in öre", "[pay]") {
  const std::string xml = write_pain001(make_file({
      to_account("E2E-1", 1, "Anna Exempel", "5000 1234560"),
      to_account("E2E-2", 99, "Bertil Prov", "5000 1234560"),
  }));
  CHECK(count_of(xml, "<CtrlSum>1.00</CtrlSum>") == 2);
  CHECK(xml.find("<InstdAmt Ccy=\"SEK\">0.99</InstdAmt>") != std::string::npos);

  std::vector<Transfer> many;
  for (int i = 0; i < 1000; ++i) many.push_back(to_account("E2E-" + std::to_string(i), 10, "A", "5000 1234560"));
  CHECK(count_of(write_pain001(make_file(many)), "<CtrlSum>100.00</CtrlSum>") == 2);
}

TEST_CASE("write_pain001: account transfers and avi transfers", "[pay]") {
  const std::string xml = write_pain001(make_file({
      to_account("E2E-1", 500000, "Anna Exempel", "8327-9 012 345 678-2"),
      by_avi("E2E-2", 250000, "Bertil Prov", "Storgatan 1, 791 71 Exempelby"),
  }));
  SECTION("an account transfer names the clearing number and the BBAN") {
    const std::string tx = transaction(xml, 0);
    CHECK(tx.find("<EndToEndId>E2E-1</EndToEndId>") != std::string::npos);
    CHECK(tx.find("<Cd>SESBA</Cd>") != std::string::npos);
    CHECK(tx.find("<MmbId>8327</MmbId>") != std::string::npos);
    CHECK(tx.find("<CdtrAcct>") != std::string::npos);
    CHECK(tx.find("<Id>83270123456782</Id>") != std::string::npos);
    CHECK(tx.find("<Cd>BBAN</Cd>") != std::string::npos);
    CHECK(tx.find("<PstlAdr>") == std::string::npos);
    CHECK(tx.find("<Ustrd>Försörjningsstöd 2026-03</Ustrd>") != std::string::npos);
  }
  SECTION("an avi transfer has no account, and the postal address") {
    const std::string tx = transaction(xml, 1);
    CHECK(tx.find("<CdtrAcct>") == std::string::npos);
    CHECK(tx.find("<CdtrAgt>") == std::string::npos);
    CHECK(tx.find("<AdrLine>Storgatan 1</AdrLine>") != std::string::npos);
    CHECK(tx.find("<AdrLine>791 71 Exempelby</AdrLine>") != std::string::npos);
    CHECK(tx.find("<Ctry>SE</Ctry>") != std::string::npos);
  }
}

TEST_CASE("write_pain001: escapes XML special characters", "[pay]") {
  Transfer t = to_account("E2E-1", 100, "Åsa & <Bo>", "5000 1234560");
  t.remittance = "\"Hyra\" 'mars' & <el>";
  PaymentFile file = make_file({t});
  file.debtor.name = "Kommun & Co <IT>";
  file.transfers.push_back(by_avi("E2E-2", 100, "Cecilia Test", "c/o <Svensson> & Son\n791 71 Exempelby"));
  const std::string xml = write_pain001(file);
  CHECK(xml.find("<Nm>Åsa &amp; &lt;Bo&gt;</Nm>") != std::string::npos);
  CHECK(xml.find("<Ustrd>&quot;Hyra&quot; &#39;mars&#39; &amp; &lt;el&gt;</Ustrd>") != std::string::npos);
  CHECK(count_of(xml, "<Nm>Kommun &amp; Co &lt;IT&gt;</Nm>") == 2);
  CHECK(xml.find("<AdrLine>c/o &lt;Svensson&gt; &amp; Son</AdrLine>") != std::string::npos);
  CHECK(xml.find("<Bo>") == std::string::npos);
  CHECK(xml.find("<el>") == std::string::npos);
}

TEST_CASE("write_pain001: refusals", "[pay]") {
  SECTION("an empty transfer list") {
    CHECK_THROWS_AS(write_pain001(make_file({})), InputError);
    CHECK(error_of(make_file({})) == "transfers: a payment file needs at least one transfer");
    CHECK_THROWS_AS(write_payment_csv(make_file({})), InputError);
  }
  SECTION("an amount that is not positive") {
    CHECK(error_of(make_file({to_account("E2E-1", 0, "Anna Exempel", "5000 1234560")})) ==
          "transfer[1].amount = 0,00: must be more than 0 kr");
    CHECK(error_of(make_file({to_account("E2E-1", -100, "Anna Exempel", "5000 1234560")})) ==
          "transfer[1].amount = -1,00: must be more than 0 kr");
  }
  SECTION("a duplicate end-to-end id") {
    CHECK(error_of(make_file(
              {to_account("E2E-1", 100, "A", "5000 1234560"), to_account("E2E-1", 200, "B", "5000 1234560")})) ==
          "transfer[2].end_to_end_id = \"E2E-1\": appears twice in the file; each transfer needs its own");
  }
  SECTION("an avi transfer without an address") {
    CHECK(error_of(make_file({by_avi("E2E-1", 100, "Anna Exempel", " \n ")})) ==
          "transfer[1].creditor_address = \" \n \": a payment by avi (no account) needs the recipient's postal "
          "address");
  }
  SECTION("texts that are missing, too long or not text") {
    CHECK(error_of(make_file({to_account("E2E-1", 100, "", "5000 1234560")})) ==
          "transfer[1].creditor_name = \"\": is required");
    CHECK(error_of(make_file({to_account(std::string(36, 'x'), 100, "A", "5000 1234560")})) ==
          "transfer[1].end_to_end_id = \"" + std::string(36, 'x') + "\": has 36 characters; at most 35 fit");
    // 140 characters of "Å" (two bytes each) fit; 141 do not.
    std::string name;
    for (int i = 0; i < 140; ++i) name += "Å";
    CHECK_NOTHROW(write_pain001(make_file({to_account("E2E-1", 100, name, "5000 1234560")})));
    CHECK_THAT(error_of(make_file({to_account("E2E-1", 100, name + "Å", "5000 1234560")})),
               Catch::Contains("has 141 characters; at most 140 fit"));
    CHECK_THAT(error_of(make_file({to_account("E2E-1", 100, "Anna\tExempel", "5000 1234560")})),
               Catch::Contains("contains a control character"));
    CHECK_THAT(error_of(make_file({to_account("E2E-1", 100, "Anna \xC3", "5000 1234560")})),
               Catch::Contains("is not valid UTF-8 text"));
  }
  SECTION("a bad debtor or header, every problem at once") {
    PaymentFile file = make_file({to_account("E2E-1", 100, "A", "5000 1234560")});
    file.message_id = "";
    file.created_at = "2026-03-20 14:05";
    file.debtor.iban = "SE45 5000 0000 0583 9825 7467";
    file.debtor.bic = "ESSE";
    file.debtor.org_number = "999999-9998";
    try {
      write_pain001(file);
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 5);
      CHECK(e.problems()[0].field == "message_id");
      CHECK(e.problems()[1].field == "created_at");
      CHECK(e.problems()[2].field == "debtor.iban");
      CHECK(e.problems()[3].field == "debtor.bic");
      CHECK(e.problems()[4].field == "debtor.org_number");
    }
  }
  SECTION("created_at forms") {
    PaymentFile file = make_file({to_account("E2E-1", 100, "A", "5000 1234560")});
    for (const char* ok :
         {"2026-03-20T14:05:00", "2026-03-20T14:05:00.123", "2026-03-20T14:05:00Z", "2026-03-20T14:05:00+01:00"}) {
      file.created_at = ok;
      CHECK_NOTHROW(write_pain001(file));
    }
    for (const char* bad : {"2026-02-30T14:05:00", "2026-03-20T24:00:00", "2026-03-20", "2026-03-20T14:05:00+1"}) {
      file.created_at = bad;
      CHECK_THROWS_AS(write_pain001(file), InputError);
    }
  }
}

TEST_CASE("write_pain001: the file validates against the pain.001.001.03 schema", "[pay][xmllint]") {
  if (std::system("xmllint --version > /dev/null 2>&1") != 0) {
    WARN("xmllint is not installed (Debian package libxml2-utils): schema validation skipped");
    return;
  }
  Transfer odd = to_account("E2E-3", 1, "Åsa & <Bo> \"Öberg\"", "6000 123 456 789");
  odd.remittance = "Hyra & el <mars>";
  Transfer silent = to_account("E2E-4", 99, "Örjan Prov", "9570 123 456 789-7");
  silent.remittance = "";
  const std::string xml = write_pain001(make_file({
      to_account("E2E-1", 123450, "Anna Exempel", "8327-9 012 345 678-2"),
      by_avi("E2E-2", 250000, "Bertil Prov", "c/o Svensson\nStorgatan 1\n791 71 Exempelby"),
      odd,
      silent,
  }));
  namespace fs = std::filesystem;
  const auto stamp = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  const fs::path file = fs::temp_directory_path() / ("eb-pain001-" + stamp + ".xml");
  const fs::path errors = fs::temp_directory_path() / ("eb-pain001-" + stamp + ".err");
  {
    std::ofstream out(file, std::ios::binary);
    out << xml;
  }
  const std::string command = std::string("xmllint --noout --schema '") + EB_SOURCE_DIR +
                              "/data/schemas/pain.001.001.03.xsd' '" + file.string() + "' 2> '" + errors.string() + "'";
  const int status = std::system(command.c_str());
  std::ifstream in(errors);
  std::stringstream messages;
  messages << in.rdbuf();
  INFO(messages.str());
  CHECK(status == 0);
  fs::remove(file);
  fs::remove(errors);
}

TEST_CASE("write_payment_csv", "[pay]") {
  const std::string csv = write_payment_csv(make_file({
      to_account("E2E-1", 123450, "Andersson, Åsa \"Lillan\"", "8327-9 012 345 678-2"),
      by_avi("E2E-2", 1, "Bertil Prov", "Storgatan 1\n791 71 Exempelby"),
      to_account("E2E-3", 99, "Cecilia Test", "5000 1234560"),
  }));
  CHECK(csv ==
        "end_to_end_id,execution_date,amount,currency,creditor_name,method,clearing,account,bank,creditor_address,"
        "remittance\r\n"
        "E2E-1,2026-03-25,1234.50,SEK,\"Andersson, Åsa \"\"Lillan\"\"\",account,83279,0123456782,Swedbank,,"
        "Försörjningsstöd 2026-03\r\n"
        "E2E-2,2026-03-25,0.01,SEK,Bertil Prov,avi,,,,\"Storgatan 1, 791 71 Exempelby\",Försörjningsstöd 2026-03\r\n"
        "E2E-3,2026-03-25,0.99,SEK,Cecilia Test,account,5000,1234560,SEB,,Försörjningsstöd 2026-03\r\n");
}
