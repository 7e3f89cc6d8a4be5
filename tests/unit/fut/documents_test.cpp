// SPDX-License-Identifier: MIT
// Tests of the FUT documents: the text rendering of Content, the police report and the notice
// to another paying authority (lag 2008:206), built from a finding.
#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "fut/authority_notice.hpp"
#include "fut/content.hpp"
#include "fut/evidence_section.hpp"
#include "fut/police_report.hpp"
#include "fut_fixture.hpp"
#include "pay/payee_check.hpp"
#include "support.hpp"

using namespace eb::test;
using eb::fut::Content;
using eb::fut::Outcome;

namespace {

Finding undeclared_finding() {
  const auto anna = synthetic_pnr(1);
  auto in = input_for(Month(2026, 3));
  in.case_months = {case_month(3, {anna}, kr(6000))};
  in.income_rows = {income_row(anna, eb::assess::IncomeKind::sjukpenning, kr(4200), Source::fk, Month(2026, 3),
                               Date(2026, 3, 25), 17, 4)};
  return run_rule(eb::fut::k_rule_undeclared_income, in).at(0);
}

eb::fut::PoliceReportFacts report_facts() {
  eb::fut::PoliceReportFacts x;
  x.municipality = "Exempelstads kommun";
  x.board = "Socialnämnden";
  x.reporter = "Eva Utredare";
  x.contact = "eva.utredare@exempelstad.se";
  x.date = Date(2026, 4, 14);
  x.flag_id = "F-12";
  x.person_name = "Anna Exempel";
  x.person_pnr = synthetic_pnr(1);
  x.person_address = "Storgatan 3, 123 45 Exempelstad";
  x.finding = undeclared_finding();
  x.resolution = {Outcome::suspected_crime, "Sjukpenning i mars ej redovisad trots fråga.", "Eva Utredare",
                  Date(2026, 4, 10)};
  x.wrongly_paid = kr(4200);
  return x;
}

}  // namespace

TEST_CASE("render_text", "[fut]") {
  Content c;
  c.title = "Rubrik";
  eb::fut::Section s;
  s.heading = "Avsnitt";
  s.paragraphs = {"ett två tre fyra fem sex"};
  s.facts = {{"Kort", "1"}, {"Längre nyckel", "2"}};
  s.tables = {{"Tabell", {"A", "Bö"}, {{"åäö", "x"}, {"b", "yy"}}}};
  c.sections = {s};
  CHECK(eb::fut::render_text(c, 14) ==
        "Rubrik\n======\n\nAvsnitt\n-------\nett två tre\nfyra fem sex\n\n"
        "Kort:          1\nLängre nyckel: 2\n\n"
        "Tabell\nA    Bö\n-------\nåäö  x\nb    yy\n\n");
}

TEST_CASE("evidence account masked through pay::masked_account", "[fut]") {
  CHECK(eb::pay::masked_account("50001234560") == "XXXXXXX4560");
  CHECK(eb::pay::masked_account("8327-9, 0123") == "XXXX-X, 0123");
}

TEST_CASE("police_report", "[fut]") {
  SECTION("gives who, what, when, the amounts and the evidence, with the full personnummer") {
    const auto text = eb::fut::render_text(eb::fut::police_report(report_facts()), 1000);
    CHECK(text.find("Anmälan om misstänkt bidragsbrott") == 0);
    CHECK(text.find("Kommun:       Exempelstads kommun") != std::string::npos);
    CHECK(text.find("Kontakt:      eva.utredare@exempelstad.se") != std::string::npos);
    CHECK(text.find("Personnummer: " + synthetic_pnr(1).formatted()) != std::string::npos);
    CHECK(text.find("2 § bidragsbrottslagen (2007:612)") != std::string::npos);
    CHECK(text.find("ärende C-3") != std::string::npos);
    CHECK(text.find("Felaktigt utbetalt enligt utredningen: 4 200 kr") != std::string::npos);
    CHECK(text.find("Sjukpenning i mars ej redovisad trots fråga.") != std::string::npos);
    // The register row, named by its import and line.
    CHECK(text.find("import 4, rad 17") != std::string::npos);
    CHECK(text.find("6 § första stycket bidragsbrottslagen") != std::string::npos);
    CHECK(text.find("6 § andra stycket") == std::string::npos);
    CHECK(text.find("Återkrav:                              inget beslut ännu") != std::string::npos);
  }
  SECTION("with a claim, and where a sanction fee can be imposed") {
    auto x = report_facts();
    eb::fut::Claim claim;
    claim.amount = kr(4200);
    claim.decision = "Beslut 2026-04-12";
    claim.statute = "SoL (2025:400) 33 kap. 1 §";
    claim.on = Date(2026, 4, 12);
    x.claim = claim;
    x.sanction_fee_possible = true;
    const auto text = eb::fut::render_text(eb::fut::police_report(x), 1000);
    CHECK(text.find("Återkrav:                              4 200 kr (SoL (2025:400) 33 kap. 1 §)") !=
          std::string::npos);
    CHECK(text.find("6 § andra stycket endast om det kan misstänkas att grovt bidragsbrott (3 §)") !=
          std::string::npos);
  }
  SECTION("needs the flag closed as suspected crime, and the facts that make a report") {
    auto x = report_facts();
    x.resolution.outcome = Outcome::error;
    CHECK_THROWS_AS(eb::fut::police_report(x), eb::Conflict);
    auto y = report_facts();
    y.person_name = "";
    y.wrongly_paid = Money();
    CHECK(input_error_of([&] { eb::fut::police_report(y); }) ==
          "person name: is required in a police report\nwrongly paid = 0 kr: must be more than 0 kr");
  }
}

TEST_CASE("authority_notice", "[fut]") {
  eb::fut::NoticeFacts x;
  x.authority = eb::fut::parse_authority("FK", "--authority");
  x.municipality = "Exempelstads kommun";
  x.board = "Socialnämnden";
  x.sender = "Eva Utredare";
  x.date = Date(2026, 4, 14);
  x.flag_id = "F-12";
  x.person_name = "Anna Exempel";
  x.person_pnr = synthetic_pnr(1);
  x.benefit = "bostadsbidrag";
  x.circumstances = "Hushållet har enligt ansökan en sambo som inte uppgetts till Försäkringskassan.";
  x.finding = undeclared_finding();
  x.resolution = {Outcome::error, "Fel", "Eva Utredare", Date(2026, 4, 10)};

  SECTION("states the circumstances (4 §) to the authority that decided the benefit (3 §)") {
    const auto text = eb::fut::render_text(eb::fut::authority_notice(x), 1000);
    CHECK(text.find("Underrättelse om misstänkt felaktig utbetalning") == 0);
    CHECK(text.find("Till:         Försäkringskassan") != std::string::npos);
    CHECK(text.find("bostadsbidrag från Försäkringskassan") != std::string::npos);
    CHECK(text.find("3 § lagen (2008:206)") != std::string::npos);
    CHECK(text.find("(4 §): Hushållet har enligt ansökan en sambo") != std::string::npos);
  }
  SECTION("refuses a notice without circumstances, an a-kassa without its name, a no-error flag") {
    auto y = x;
    y.circumstances = " ";
    CHECK(input_error_of([&] { eb::fut::authority_notice(y); }) ==
          "circumstances: the notice must state the circumstances behind the belief (lag 2008:206 4 §)");
    auto z = x;
    z.authority = eb::fut::Authority::akassa;
    CHECK(input_error_of([&] { eb::fut::authority_notice(z); }) ==
          "recipient: name the a-kassa or the kommun that decided the benefit");
    z.recipient = "Unionens arbetslöshetskassa";
    CHECK(eb::fut::render_text(eb::fut::authority_notice(z), 1000).find("Till:         Unionens arbetslöshetskassa") !=
          std::string::npos);
    auto n = x;
    n.resolution.outcome = Outcome::no_error;
    CHECK_THROWS_AS(eb::fut::authority_notice(n), eb::Conflict);
  }
  SECTION("Skatteverket decides no benefit and cannot receive a notice") {
    CHECK(input_error_of([] { eb::fut::parse_authority("SKV", "--authority"); }) ==
          "--authority = \"SKV\": Skatteverket decides no ekonomisk förmån (lag 2008:206 1 §), so a notice cannot go "
          "to it");
    CHECK(input_error_of([] { eb::fut::parse_authority("XX", "--authority"); }) ==
          "--authority = \"XX\": unknown authority (FK, PM, CSN, AF, AKASSA, MV, KOMMUN)");
  }
}
