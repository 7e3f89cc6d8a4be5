// SPDX-License-Identifier: MIT
// The facts of a police report of a suspected bidragsbrott, as document content in Swedish:
// who reports and whom, what is suspected and when, the amounts and the evidence.
#pragma once

#include <optional>
#include <string>

#include "fut/content.hpp"
#include "fut/follow_up.hpp"
#include "fut/screening.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

// Bidragsbrottslagen (2007:612) 6 §, as consolidated to SFS 2026:1322 (rules-reference.md
// [S21]; text checked in the SFS mirror): the authorities of 1 §, kommuner and a-kassor "ska
// göra anmälan till Polismyndigheten om det kan misstänkas att brott enligt denna lag har
// begåtts" — a duty, not a discretion, on suspicion. Second paragraph (Lag 2026:725): where an
// administrative sanction fee can be imposed on the same person for the same act, the duty
// applies only to suspected grovt bidragsbrott (3 §) or when there are special reasons. In SoL
// (2025:400) as read, the sanction fees (28 kap. 16 §, 34 kap. 13–15 §§) fall on providers and
// municipalities, not on the individual, so for försörjningsstöd the first paragraph applies in
// full; a fee under another act is UNCONFIRMED either way, and `sanction_fee_possible` lets the
// caller say one can be imposed. The in-force date of Lag 2026:725 is not in the sources
// (UNCONFIRMED); the mirror gives its wording as the text in force.
struct PoliceReportFacts {
  std::string municipality;  // "Exempelstads kommun"
  std::string board;         // "Socialnämnden"
  std::string reporter;      // the investigator who signs
  std::string contact;       // telephone or e-mail, may be empty
  period::Date date{1970, 1, 1};
  std::string flag_id;  // "F-12"
  std::string person_name;
  person::Personnummer person_pnr;  // written in full: the police need it
  std::string person_address;
  Finding finding;
  Resolution resolution;       // must be suspected_crime
  Money wrongly_paid;          // what the investigation found wrongly paid
  std::optional<Claim> claim;  // the återkrav, if one is raised
  bool sanction_fee_possible = false;
};

// The report's content. Throws Conflict unless the resolution is suspected-crime, InputError
// naming the field for a blank municipality, board, reporter or person name, or a wrongly paid
// amount that is not positive.
Content police_report(const PoliceReportFacts& facts);

}  // namespace eb::fut
