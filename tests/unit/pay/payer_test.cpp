// SPDX-License-Identifier: MIT
// Tests of the payer configuration (the debtor of the payment files).
#include <catch2/catch.hpp>

#include "common/file.hpp"
#include "pay/payer.hpp"
#include "support.hpp"

using eb::pay::parse_payer;

namespace {
const std::string k_good = R"(status = "adopted"
source = "Bankavtal 2026"
name = "Exempelby kommun"
iban = "SE45 5000 0000 0583 9825 7466"
bic = "ESSESESS"
org_number = "212000-1231"
)";
}  // namespace

TEST_CASE("parse_payer", "[pay]") {
  SECTION("the shipped example parses, and is an example") {
    const std::string path = EB_SOURCE_DIR "/norms/local/payer.example.toml";
    const auto payer = parse_payer(eb::read_file(path), path);
    CHECK(payer.is_example());
    CHECK(payer.debtor.name == "Exempelby kommun");
    CHECK(payer.debtor.bic == "ESSESESS");
    CHECK(eb::pay::debtor_problems(payer.debtor).empty());
  }
  SECTION("an adopted payer") {
    const auto payer = parse_payer(k_good, "payer.toml");
    CHECK_FALSE(payer.is_example());
    CHECK(payer.debtor.iban == "SE45 5000 0000 0583 9825 7466");
    CHECK(payer.debtor.org_number == "212000-1231");
    CHECK(payer.file == "payer.toml");
  }
  SECTION("every problem names the file, the line, the field and the value") {
    std::string text = k_good;
    text.replace(text.find("7466"), 4, "7467");  // modulus 97 fails
    text.replace(text.find("1231"), 4, "1232");  // Luhn fails
    CHECK(eb::test::input_error_of([&] { parse_payer(text, "payer.toml"); }) ==
          "payer.toml:4: iban = \"SE45 5000 0000 0583 9825 7467\": is not a valid IBAN (two letters, two check "
          "digits, the account; modulus 97)\n"
          "payer.toml:6: org_number = \"212000-1232\": is not an organisationsnummer (10 digits, NNNNNN-NNNN, with "
          "a valid check digit)");
  }
  SECTION("unknown keys, a missing key and a bad status are refused") {
    const std::string message = eb::test::input_error_of([] {
      parse_payer("status = \"final\"\nsource = \"x\"\nname = \"K\"\niban = \"SE45\"\nacount = 1\n", "p.toml");
    });
    CHECK(message.find("status = \"final\": must be \"example\" or \"adopted\"") != std::string::npos);
    CHECK(message.find("bic") != std::string::npos);
    CHECK(message.find("acount") != std::string::npos);
  }
}
