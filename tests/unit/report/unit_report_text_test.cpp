// SPDX-License-Identifier: MIT
// Tests of the report's Swedish text and of the HTML page's chart data.
#include "report/unit_report_text.hpp"

#include <catch2/catch.hpp>

#include "report_fixture.hpp"
#include "support.hpp"

namespace {

eb::report::UnitReport report_of(const char* period, const char* today) {
  const eb::test::District district;
  return district.fold(period, today, eb::report::parse_report_config(eb::test::District::k_config, "report.toml"))
      .finish();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` with every run of spaces and line breaks as one space: wrapped paragraphs read as one line.
std::string flat(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace

TEST_CASE("unit_report_text", "[report]") {
  const std::string year = eb::report::unit_report_text(report_of("2026", "2027-01-20"));

  SECTION("a title, the notes and underlined headings") {
    CHECK(year.rfind("Enheten för ekonomiskt bistånd, Exempelby: uppföljning 2026\n====", 0) == 0);
    CHECK(has(year, "\nBidragshushåll och utbetalt försörjningsstöd\n--------------------------------------------\n"));
    CHECK(has(year, "är ett EXEMPEL"));
  }
  SECTION("the period's months: first to last, one month once") {
    CHECK(has(year, "Period 2026-01 till 2026-12, uppgifter ur ärendedatabasen den 2027-01-20."));
    CHECK(has(eb::report::unit_report_text(report_of("2026-03", "2027-01-20")),
              "Period 2026-03, uppgifter ur ärendedatabasen den 2027-01-20."));
  }
  SECTION("Swedish numbers: space as thousands separator, decimal comma, whole kronor") {
    CHECK(has(year, "\n  mars 2026                    5  47 000 kr     9 400 kr\n"));
    CHECK(has(year, "\n  Medelbidrag per hushåll och månad       10 537 kr\n"));
    CHECK(has(year, "\n  Medelbidrag per hushåll och år          86 400 kr\n"));
    CHECK(has(year, "\n  Bidragshushåll per månad i genomsnitt         3,4\n"));
    CHECK(has(year, "\n  Inom 5 arbetsdagar        6 (85,7 %)\n"));
  }
  SECTION("the indicator table in the seeds' columns, one indicator per block") {
    CHECK(has(year,
              "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen\n\n"
              "  Utfall:            0,90 %\n"
              "  Män/pojkar:        1,00 %\n"
              "  Kvinnor/flickor:   0,80 %\n"
              "  Samma period 2025: 0,50 %\n"
              "  Prognos helår:     0,90 %\n"
              "  Årsmål:            0,8 %\n"
              "  KF:s årsmål:       1,6 %\n"));
    CHECK(has(year, "Antal hemlösa\n\n  Utfall:            2 st\n"));
  }
  SECTION("an indented label keeps its indent") {
    CHECK(has(year, "\n  \u00a0\u00a0\u00a0varav med barn                               2\n"));
  }
  SECTION("the budget table in tkr, avvikelse = budget − utfall, and prognossäkerhet") {
    CHECK(has(
        year,
        "                    Utfall 2026  Budget  Avvikelse\n  Försörjningsstöd          432     400        -32\n"));
    CHECK(has(year, "Prognosmetod: årets utfall (perioden slutar i december).\n"));
    CHECK(has(flat(year),
              "Prognossäkerhet T2: prognosen i augusti 425 tkr, utfallet 432 tkr, skillnad 7 tkr (1,7 % av "
              "budget)."));
  }
  SECTION("FUT without data says so") {
    CHECK(has(year, "Uppgifter saknas: databasen har ingen FUT-granskning (eb fut-check).\n"));
  }
  SECTION("--figure shows only those sections") {
    const std::string some = eb::report::unit_report_text(report_of("2026-03", "2026-04-10"),
                                                          eb::report::parse_figures("medelbidrag,hinder", "--figure"));
    CHECK(has(some, "Medelbidrag per hushåll och månad"));
    CHECK(has(some, "Försörjningshinder mars 2026"));
    CHECK_FALSE(has(some, "Bidragshushåll per månad i genomsnitt"));
    CHECK_FALSE(has(some, "Indikatorer"));
    CHECK_FALSE(has(some, "Uppföljning av budget"));
  }
  SECTION("T2: the prognosis method and the reasons for missing values") {
    const std::string t2 = eb::report::unit_report_text(report_of("2026-T2", "2026-09-15"));
    CHECK(has(t2, "uppföljning T2 2026\n"));
    CHECK(has(flat(t2),
              "Prognosmetod: utfallet januari–augusti 2026 × föregående års helårsutfall ÷ föregående års "
              "utfall för samma månader"));
    CHECK(has(t2, "Prognossäkerhet T2: visas för en period som slutar i december.\n"));
    CHECK(has(flat(t2),
              "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare, prognos helår: "
              "ingen prognos: inget utfall samma period föregående år."));
    CHECK(has(flat(t2), "Vuxna som haft bistånd i minst 10 månader under september 2025–augusti 2026."));
  }
}

TEST_CASE("unit_report_text of an empty period", "[report]") {
  eb::report::ReportSetup setup;
  setup.period = {eb::period::Month(2030, 1), eb::period::Month(2030, 4)};
  setup.today = eb::period::Date(2030, 6, 1);
  const std::string text = eb::report::unit_report_text(eb::report::UnitReportFold(setup).finish());
  CHECK(has(text, "Databasen har inga ansökningar.\n"));
  CHECK(has(text, "Inga bidragshushåll april 2030.\n"));
  CHECK(has(text, "  Medelbidrag per hushåll och månad          –\n"));
  CHECK(has(flat(text),
            "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen: befolkning för 2030 "
            "saknas i konfigurationen."));
  CHECK(has(text, "Föregående år: databasen har inga ansökningar.\n"));
  CHECK(has(text, "Prognosmetod: ingen prognos: databasen har inget utfall för året.\n"));
}

TEST_CASE("unit_report_charts", "[report]") {
  const auto charts = eb::report::unit_report_charts(report_of("2026", "2027-01-20"));
  REQUIRE(charts.size() == 4);
  SECTION("households per month") {
    CHECK(charts[0].title == "Bidragshushåll per månad");
    CHECK(charts[0].kind == eb::doc::ChartKind::columns);
    REQUIRE(charts[0].points.size() == 12);
    CHECK(charts[0].points[2].label == "mar");
    CHECK(charts[0].points[2].value == 5);
  }
  SECTION("medelbidrag per month in whole kronor") {
    CHECK(charts[1].unit == "kr");
    CHECK(charts[1].points[6].value == 10'667);
    CHECK(charts[1].points[6].text == "10 667 kr");
  }
  SECTION("the hinder distribution with the config's labels") {
    CHECK(charts[2].title == "Försörjningshinder december 2026");
    CHECK(charts[2].points[0].label == "arbetslöshet");
    CHECK(charts[2].points[0].value == 1);
  }
  SECTION("the handläggningstid distribution per working day") {
    CHECK(charts[3].points.size() == 9);
    CHECK(charts[3].points[5].label == "5");
    CHECK(charts[3].points[5].value == 3);
  }
  SECTION("only the charts of the chosen figures") {
    const auto some = eb::report::unit_report_charts(report_of("2026", "2027-01-20"),
                                                     eb::report::parse_figures("hinder", "--figure"));
    REQUIRE(some.size() == 1);
    CHECK(some[0].unit == "vuxna");
  }
}

TEST_CASE("parse_figures", "[report]") {
  SECTION("a list of names") {
    const auto s = eb::report::parse_figures("medelbidrag,hinder", "--figure");
    CHECK(s.has(eb::report::Figure::medelbidrag));
    CHECK(s.has(eb::report::Figure::hinder));
    CHECK_FALSE(s.has(eb::report::Figure::households));
  }
  SECTION("refuses unknown and empty names, listing the figures") {
    const std::string message =
        eb::test::input_error_of([] { eb::report::parse_figures("medelbidrag,bogus", "--figure"); });
    CHECK(message.rfind("--figure = \"medelbidrag,bogus\": \"bogus\" is not a figure; the figures are households, ",
                        0) == 0);
    CHECK(eb::test::input_error_of([] {
            eb::report::parse_figures("hinder,", "--figure");
          }).find("empty figure name") != std::string::npos);
  }
}
