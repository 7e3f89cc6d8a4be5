// SPDX-License-Identifier: MIT
// Tests of the decision letter: every element of the FL 31–33 §§ checklist (rules-reference.md
// §4.3), the child impact, HTML escaping, and no personnummer but the recipient's.
#include "decide/letter.hpp"
#include "common/text.hpp"

#include <catch2/catch.hpp>

#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"
#include "decide_support.hpp"

using Catch::Contains;
using eb::decide::Kind;
using eb::decide::LetterFormat;
using eb::decide::Role;
using eb::period::Date;

namespace {

struct Letter {
  eb::assess::Application app;
  eb::assess::Assessment assessment;
  eb::decide::Decision decision;
  eb::decide::LetterInput in;

  Letter(const char* toml, eb::decide::Request r, int children = 0)
      : app(eb::test::application_of(toml)), assessment(eb::test::assessment_of(toml)) {
    eb::decide::Basis b;
    b.application_id = 3;
    b.assessment_id = 7;
    b.assessment = &assessment;
    b.received = *app.received;
    b.children = children;
    decision = eb::decide::make_decision(b, r, eb::test::decider(Role::enhetschef, "eva"), Date(2026, 3, 5));
    decision.id = 12;
    in.decision = &decision;
    in.assessment = &assessment;
    in.application = &app;
    in.case_id = 2;
    in.decided_by = {"eva", "Eva Chef", Role::enhetschef};
  }
  std::string text() const { return render_letter(in, LetterFormat::text); }
  std::string html() const { return render_letter(in, LetterFormat::html); }
};

// `s` with every run of spaces and line breaks as one space: what a reader sees, whatever the wrapping.
std::string flat(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

eb::decide::Request avslag_with_child() {
  eb::decide::Request r;
  r.kind = Kind::avslag;
  r.reasons = {eb::decide::parse_reason("incomplete", "--reason"),
               eb::decide::parse_reason("Kontoutdrag för februari saknas.", "--reason")};
  r.child_impact = "Alva påverkas genom att hushållet saknar pengar till hyran; nämnden har erbjudit nödbistånd.";
  return r;
}

}  // namespace

TEST_CASE("decide::render_letter FL checklist", "[decide][letter]") {
  eb::decide::Request r;
  r.kind = Kind::delbifall;
  r.rejections = {eb::decide::parse_rejection("rent:1200:cost-above-guideline", "--reject")};
  r.reasons = {eb::decide::parse_reason("Hyran är högre än skäligt för en person.", "--reason")};
  r.presented_by = "anna";
  Letter l(eb::test::k_single_adult, r);
  l.in.presented_by = eb::decide::Official{"anna", "Anna Andersson", Role::socialsekreterare};
  const std::string raw = l.text();
  const std::string t = flat(raw);
  SECTION("the decision date (FL 31 §)") {
    CHECK_THAT(t, Contains("Datum 2026-03-05"));
  }
  SECTION("the decision id, case and application") {
    CHECK_THAT(t, Contains("Beslut D-12"));
    CHECK_THAT(t, Contains("Ärende C-2"));
    CHECK_THAT(t, Contains("Ansökan A-3"));
  }
  SECTION("what is decided in total, with the month (FL 31 §)") {
    CHECK_THAT(t, Contains("Du beviljas försörjningsstöd med 8 770 kr för mars 2026."));
    CHECK_THAT(t, Contains("Det du har ansökt om motsvarar 9 970 kr. Din ansökan avslås alltså till den del den gäller "
                           "1 200 kr (delvis bifall)."));
  }
  SECTION("what was applied for") {
    CHECK_THAT(
        t, Contains("Du ansökte om ekonomiskt bistånd (försörjningsstöd) för mars 2026 för ett hushåll med 1 vuxen"));
  }
  SECTION("what is decided per item (FL 31 §)") {
    CHECK_THAT(t, Contains("Boendekostnad"));
    // applied, granted, refused (issue #13: measured against what was applied for)
    CHECK_THAT(t, Contains("Boendekostnad 6 500 kr 5 300 kr 1 200 kr delvis bifall"));
    CHECK_THAT(t, Contains("Hushållsel"));
    CHECK_THAT(t, Contains("Försörjningsstöd"));
  }
  SECTION("the calculation summary") {
    CHECK_THAT(t, Contains("Så har vi räknat"));
    CHECK_THAT(t, Contains("Summa behov"));
    CHECK_THAT(t, Contains("Inkomst: Lön"));
    CHECK_THAT(t, Contains("9 970 kr"));
  }
  SECTION("the decisive circumstances (FL 32 §)") {
    CHECK_THAT(t, Contains("Hyran är högre än skäligt för en person."));
    CHECK_THAT(t, Contains("Boendekostnad: Kostnaden är högre än vad som är skäligt enligt nämndens"));
  }
  SECTION("the rules applied (FL 32 §)") {
    CHECK_THAT(t, Contains("Beslutet grundar sig på: SoL (2025:400) 12 kap. 1 §;"));
    CHECK_THAT(t, Contains("12 kap. 7 § första stycket 2"));
  }
  SECTION("who decided, with the delegation (FL 31 §)") {
    CHECK_THAT(t, Contains("av Eva Chef, enhetschef, med stöd av"));
    CHECK_THAT(t, Contains("punkt 3.3 i exempeldelegationsordningen"));
  }
  SECTION("the föredragande (FL 31 §)") {
    CHECK_THAT(t, Contains("Föredragande: Anna Andersson, socialsekreterare."));
  }
  SECTION("the handling time") {
    CHECK_THAT(t, Contains("Handläggningstid: 4 arbetsdagar"));
  }
  SECTION("how to appeal (FL 33, 40–44 §§)") {
    CHECK_THAT(t, Contains("överklaga det till förvaltningsrätten"));
    CHECK_THAT(t, Contains("Överklagandet ska vara skriftligt."));
    CHECK_THAT(t, Contains("Skicka eller lämna överklagandet till Socialnämnden i Exempel kommun"));
    CHECK_THAT(t, Contains("inom tre veckor från den dag du fick del av beslutet"));
    CHECK_THAT(t, Contains("Skriv vilket beslut du överklagar (beslut D-12 av 2026-03-05) och vilken"));
    CHECK_THAT(t, Contains("ändring du vill ha"));
    CHECK_THAT(t, Contains("SoL (2025:400) 35 kap. 1 § 1"));
  }
  SECTION("the recipient with personnummer and address") {
    CHECK_THAT(t, Contains("Maja Prov"));
    CHECK_THAT(t, Contains("19850312-2387"));
    CHECK_THAT(t, Contains("Provgatan 1, 123 45 Exempelstad"));
  }
  SECTION("lines are at most 78 columns") {
    std::size_t start = 0;
    while (start < raw.size()) {
      std::size_t end = raw.find('\n', start);
      if (end == std::string::npos) end = raw.size();
      std::size_t width = 0;
      for (std::size_t i = start; i < end; ++i) width += (static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80;
      INFO(raw.substr(start, end - start));
      CHECK(width <= 78);
      start = end + 1;
    }
  }
}

TEST_CASE("decide::render_letter avslag with children", "[decide][letter]") {
  Letter l(eb::test::k_parent_and_child, avslag_with_child(), 1);
  const std::string t = flat(l.text());
  SECTION("says the application is refused") {
    CHECK_THAT(t, Contains("Din ansökan om försörjningsstöd för mars 2026 avslås."));
  }
  SECTION("includes the barnkonsekvensanalys") {
    CHECK_THAT(t, Contains("barnkonsekvensanalys"));
    CHECK_THAT(t, Contains("nämnden har erbjudit nödbistånd"));
  }
  SECTION("says what to do next") {
    CHECK_THAT(t, Contains("Skicka in de uppgifter och underlag som saknas"));
  }
  SECTION("names no personnummer but the recipient's, not even masked") {
    CHECK_THAT(t, Contains("19900101-2385"));
    CHECK(t.find("20181005") == std::string::npos);
  }
}

TEST_CASE("decide::render_letter: the legal review (docs/legal-review.md)", "[decide][letter][review]") {
  // Issue #13: what a reading of the letters against FL 31–33 §§, 37 §, 43–44 §§, FPL 3–4 §§ and
  // SoL 12, 33 and 35 kap. found wrong, each as it reads now.
  eb::decide::Request bifall;
  SECTION("the appeal says what an appeal must hold: FPL 3–4 §§ (FL 43 § tredje stycket)") {
    const std::string t = flat(Letter(eb::test::k_single_adult, bifall).text());
    CHECK_THAT(t, Contains("Skriv också varför du anser att beslutet ska ändras."));
    CHECK_THAT(t, Contains("Skriv ditt namn, ditt personnummer, din adress, ditt telefonnummer och din e-postadress."));
    CHECK(t.find("Skriv gärna varför") == std::string::npos);  // FPL 4 §: the circumstances are required
    CHECK(t.find("Skriv under") == std::string::npos);         // FPL 3 § asks for no signature
    CHECK_THAT(t, Contains("Lagrum: FL (2017:900) 40–44 §§; förvaltningsprocesslagen (1971:291) 3–4 §§; SoL "
                           "(2025:400) 35 kap. 1 § 1."));
  }
  SECTION("a decision under 12 kap. 5 § cites 35 kap. 1 § 1 och 2") {
    eb::decide::Request r;
    r.kind = Kind::avslag;
    r.reasons = {eb::decide::parse_reason("refused-activity", "--reason")};
    const std::string t = flat(Letter(eb::test::k_single_adult, r).text());
    CHECK_THAT(t, Contains("SoL (2025:400) 35 kap. 1 § 1 och 2."));
  }
  SECTION("an advance is repaid only if the benefit is paid for the same time (SoL 33 kap. 2 § 1 a)") {
    eb::decide::Request r;
    r.advance_on = "FK:sjukpenning";
    const std::string t = flat(Letter(eb::test::k_single_adult, r).text());
    CHECK_THAT(t, Contains("Försörjningsstödet lämnas som förskott på sjukpenning från Försäkringskassan. Betalas "
                           "sjukpenning ut för samma tid ska du betala tillbaka förskottet."));
    CHECK(t.find("som ett förskott som du ska betala tillbaka") == std::string::npos);
  }
  SECTION("the reservation of a decision on an unofficial norm is FL 37 § andra stycket 1") {
    Letter l(eb::test::k_single_adult, bifall);
    l.decision.unofficial_norm = "Beloppen är inte fastställda och behovet kan inte vänta.";
    CHECK_THAT(flat(l.text()), Contains("kan nämnden ändra beslutet till din nackdel (37 § andra stycket 1 "
                                        "förvaltningslagen)"));
  }
  SECTION(
      "a change to the person's disadvantage cites FL 37 § andra stycket; a dissent FL 30 and 33 §§ andra stycket") {
    CHECK(eb::decide::k_disadvantage_statute == "FL (2017:900) 37 § andra stycket");
    CHECK(eb::decide::k_dissent_statute == "FL (2017:900) 30 § andra stycket och 33 § andra stycket");
  }
  SECTION("income above the need: the household can support itself (SoL 12 kap. 1 § första stycket)") {
    eb::decide::Request r;
    r.kind = Kind::avslag;
    r.reasons = {eb::decide::parse_reason("income-exceeds-need", "--reason")};
    const std::string t = flat(Letter(eb::test::k_single_adult, r).text());
    CHECK_THAT(t, Contains("Hushållet kan därför själv tillgodose sina behov och har inte rätt till "
                           "försörjningsstöd."));
    CHECK(t.find("tillgodoses på annat sätt") == std::string::npos);
  }
  SECTION("a grant under 12 kap. 2 § is not among the decisions SoL 35 kap. 1 § lets be appealed") {
    eb::decide::Request r;
    r.repayable = true;
    r.reasons = {eb::decide::parse_reason("Du väntar på ett arv som betalas ut i april.", "--reason")};
    const std::string t = flat(Letter(eb::test::k_single_adult, r).text());
    CHECK_THAT(t, Contains("Beslutet att ge bistånd enligt 12 kap. 2 § socialtjänstlagen (2025:400) kan inte "
                           "överklagas till förvaltningsrätten (35 kap. 1 §)."));
    CHECK_THAT(t, Contains("Anser du att du har rätt till försörjningsstöd enligt 12 kap. 1 § utan villkor om "
                           "återbetalning, kan du överklaga beslutet i den delen till förvaltningsrätten."));
  }
}

TEST_CASE("decide::render_letter html", "[decide][letter]") {
  eb::decide::Request r = avslag_with_child();
  r.reasons.push_back(eb::decide::parse_reason("<script>alert('x')</script> & \"mer\"", "--reason"));
  Letter l(eb::test::k_parent_and_child, r, 1);
  const std::string h = l.html();
  SECTION("is one self-contained page") {
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK_THAT(h, Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(h, Contains("@media print"));
    CHECK(h.find("<link") == std::string::npos);
    CHECK(h.find("src=") == std::string::npos);
  }
  SECTION("escapes every value") {
    CHECK(h.find("<script>") == std::string::npos);
    CHECK_THAT(h, Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mer&quot;"));
  }
  SECTION("holds the same elements as the text") {
    CHECK_THAT(h, Contains("Hur du överklagar"));
    CHECK_THAT(h, Contains("barnkonsekvensanalys"));
    CHECK_THAT(h, Contains("19900101-2385"));
    CHECK(h.find("20181005") == std::string::npos);
  }
}

TEST_CASE("text::markup_escaped and month_sv", "[decide][letter]") {
  CHECK(eb::text::markup_escaped("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(eb::decide::month_sv(eb::period::Month(2026, 11)) == "november 2026");
  CHECK(eb::decide::month_sv(eb::period::Month(2027, 1)) == "januari 2027");
}
