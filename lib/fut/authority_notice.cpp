// SPDX-License-Identifier: MIT
#include "fut/authority_notice.hpp"

#include <array>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "fut/evidence_section.hpp"

namespace eb::fut {

namespace {

struct AuthorityInfo {
  Authority authority;
  std::string_view code;
  std::string_view name;
};
constexpr std::array<AuthorityInfo, 7> k_authorities{{
    {Authority::fk, "FK", "Försäkringskassan"},
    {Authority::pm, "PM", "Pensionsmyndigheten"},
    {Authority::csn, "CSN", "Centrala studiestödsnämnden"},
    {Authority::af, "AF", "Arbetsförmedlingen"},
    {Authority::akassa, "AKASSA", "arbetslöshetskassan"},
    {Authority::migrationsverket, "MV", "Migrationsverket"},
    {Authority::kommun, "KOMMUN", "kommunen"},
}};

void require(ProblemList& problems, const std::string& value, const char* field, const char* why) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) problems.add(Problem{"", 0, field, "", why});
}

}  // namespace

std::string_view authority_code(Authority a) {
  return k_authorities[static_cast<std::size_t>(a)].code;
}

std::string_view authority_name(Authority a) {
  return k_authorities[static_cast<std::size_t>(a)].name;
}

Authority parse_authority(std::string_view code, std::string_view field) {
  for (const auto& a : k_authorities) {
    if (a.code == code) return a.authority;
  }
  if (code == "SKV") {
    throw InputError(std::string(field), text::quoted(code),
                     "Skatteverket decides no ekonomisk förmån (lag 2008:206 1 §), so a notice cannot go to it");
  }
  throw InputError(std::string(field), text::quoted(code), "unknown authority (FK, PM, CSN, AF, AKASSA, MV, KOMMUN)");
}

Content authority_notice(const NoticeFacts& x) {
  if (x.resolution.outcome == Outcome::no_error) {
    throw Conflict("a notice needs the flag closed as error or suspected-crime, not no-error");
  }
  ProblemList problems;
  require(problems, x.benefit, "benefit", "say which of the recipient's benefits is believed wrong");
  require(problems, x.circumstances, "circumstances",
          "the notice must state the circumstances behind the belief (lag 2008:206 4 §)");
  require(problems, x.municipality, "municipality", "is required in a notice");
  require(problems, x.board, "board", "is required in a notice");
  require(problems, x.sender, "sender", "is required in a notice");
  require(problems, x.person_name, "person name", "is required in a notice");
  if (x.authority == Authority::akassa || x.authority == Authority::kommun) {
    require(problems, x.recipient, "recipient", "name the a-kassa or the kommun that decided the benefit");
  }
  problems.throw_if_any();

  const std::string to = x.recipient.empty() ? std::string(authority_name(x.authority)) : x.recipient;
  Content c;
  c.title = "Underrättelse om misstänkt felaktig utbetalning";

  Section head;
  head.heading = "Avsändare och mottagare";
  head.facts = {{"Till", to},
                {"Från", x.board + ", " + x.municipality},
                {"Handläggare", x.sender},
                {"Datum", x.date.to_string()},
                {"Vår referens", x.flag_id + ", ärende " + format_id(IdKind::arende, x.finding.case_id)}};
  if (!x.contact.empty()) head.facts.insert(head.facts.begin() + 3, Fact{"Kontakt", x.contact});
  c.sections.push_back(std::move(head));

  Section person;
  person.heading = "Den som underrättelsen gäller";
  person.facts = {{"Namn", x.person_name}, {"Personnummer", x.person_pnr.formatted()}};
  c.sections.push_back(std::move(person));

  Section why;
  why.heading = "Underrättelse";
  why.paragraphs.push_back(x.board + " i " + x.municipality + " har anledning att anta att " + x.benefit + " från " +
                           to +
                           " har beslutats eller betalats ut felaktigt eller med för högt belopp, och underrättar "
                           "därför enligt 3 § lagen (2008:206) om underrättelseskyldighet vid felaktiga utbetalningar "
                           "från välfärdssystemen.");
  why.paragraphs.push_back("Omständigheter som ligger till grund för antagandet (4 §): " + x.circumstances);
  c.sections.push_back(std::move(why));

  c.sections.push_back(evidence_section(x.finding, true));
  return c;
}

}  // namespace eb::fut
