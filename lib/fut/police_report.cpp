// SPDX-License-Identifier: MIT
#include "fut/police_report.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"
#include "fut/evidence_section.hpp"
#include "fut/rule_table.hpp"

namespace eb::fut {

namespace {

void require(ProblemList& problems, const std::string& value, const char* field) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.add(Problem{"", 0, field, "", "is required in a police report"});
  }
}

}  // namespace

Content police_report(const PoliceReportFacts& x) {
  if (x.resolution.outcome != Outcome::suspected_crime) {
    throw Conflict("a police report needs the flag closed as suspected-crime, not " +
                   std::string(outcome_name(x.resolution.outcome)));
  }
  ProblemList problems;
  require(problems, x.municipality, "municipality");
  require(problems, x.board, "board");
  require(problems, x.reporter, "reporter");
  require(problems, x.person_name, "person name");
  if (x.wrongly_paid <= Money()) {
    problems.add(Problem{"", 0, "wrongly paid", money::format_kr(x.wrongly_paid), "must be more than 0 kr"});
  }
  problems.throw_if_any();

  const auto& f = x.finding;
  const RuleInfo* rule = find_rule(f.rule);
  Content c;
  c.title = "Anmälan om misstänkt bidragsbrott";

  Section from;
  from.heading = "Anmälare";
  from.facts = {{"Kommun", x.municipality},
                {"Nämnd", x.board},
                {"Handläggare", x.reporter},
                {"Datum", x.date.to_string()},
                {"Vår referens", x.flag_id + ", ärende " + format_id(IdKind::arende, f.case_id)}};
  if (!x.contact.empty()) from.facts.insert(from.facts.begin() + 3, Fact{"Kontakt", x.contact});
  c.sections.push_back(std::move(from));

  Section who;
  who.heading = "Den som anmälan gäller";
  who.facts = {{"Namn", x.person_name}, {"Personnummer", x.person_pnr.formatted()}};
  if (!x.person_address.empty()) who.facts.push_back({"Adress", x.person_address});
  c.sections.push_back(std::move(who));

  Section what;
  what.heading = "Vad som misstänks";
  what.paragraphs.push_back(x.board + " i " + x.municipality +
                            " anmäler misstänkt bidragsbrott enligt 2 § bidragsbrottslagen (2007:612): att genom "
                            "oriktiga uppgifter eller genom att inte anmäla ändrade förhållanden ha orsakat fara för "
                            "att ekonomiskt bistånd betalats ut felaktigt eller med för högt belopp.");
  what.paragraphs.push_back("Det gäller ekonomiskt bistånd (försörjningsstöd) för " + f.month.to_string() +
                            " i ärende " + format_id(IdKind::arende, f.case_id) +
                            ". Kontrollen som fann det: " + (rule ? std::string(rule->name_sv) : f.rule) + ".");
  what.paragraphs.push_back("Utredningens bedömning (" + x.resolution.on.to_string() + ", " + x.resolution.by +
                            "): " + x.resolution.note);
  c.sections.push_back(std::move(what));

  Section amounts;
  amounts.heading = "Belopp";
  Money paid;
  for (const auto& p : f.evidence.payments) {
    if (p.case_id == f.case_id) paid += p.paid;
  }
  amounts.facts = {{"Utbetalt bistånd för månaden", money::format_kr(paid)},
                   {"Felaktigt utbetalt enligt utredningen", money::format_kr(x.wrongly_paid)}};
  if (x.claim) {
    amounts.facts.push_back({"Återkrav", money::format_kr(x.claim->amount) + " (" + x.claim->statute + ")"});
    amounts.facts.push_back({"Beslut om återkrav", x.claim->decision + ", " + x.claim->on.to_string()});
  } else {
    amounts.facts.push_back({"Återkrav", "inget beslut ännu"});
  }
  c.sections.push_back(std::move(amounts));

  c.sections.push_back(evidence_section(f, true));

  Section duty;
  duty.heading = "Anmälningsskyldighet";
  duty.paragraphs.push_back(
      "Kommuner ska enligt 6 § första stycket bidragsbrottslagen (2007:612) göra anmälan till Polismyndigheten "
      "om det kan misstänkas att brott enligt lagen har begåtts.");
  if (x.sanction_fee_possible) {
    duty.paragraphs.push_back(
        "En administrativ sanktionsavgift kan påföras samma person för samma gärning. Anmälningsskyldigheten gäller "
        "då enligt 6 § andra stycket endast om det kan misstänkas att grovt bidragsbrott (3 §) har begåtts eller om "
        "det finns särskilda skäl.");
  }
  c.sections.push_back(std::move(duty));
  return c;
}

}  // namespace eb::fut
