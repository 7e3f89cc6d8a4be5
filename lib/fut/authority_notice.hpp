// SPDX-License-Identifier: MIT
// The notice to another paying authority under lag (2008:206) om underrättelseskyldighet vid
// felaktiga utbetalningar från välfärdssystemen, as document content in Swedish.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fut/content.hpp"
#include "fut/follow_up.hpp"
#include "fut/screening.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

// The bodies a notice can go to. Lag (2008:206) 3 § sends it to the one that decided the
// benefit, and 1 § lists who decides ekonomiska förmåner: Migrationsverket, Försäkringskassan,
// Pensionsmyndigheten, CSN, Arbetsförmedlingen, a kommun and an a-kassa. Skatteverket is bound
// to notify (2 §) but decides no such benefit, so it cannot receive one.
enum class Authority { fk, pm, csn, af, akassa, migrationsverket, kommun };

// "FK", "PM", "CSN", "AF", "AKASSA", "MV", "KOMMUN" (the --authority values).
std::string_view authority_code(Authority a);
// "Försäkringskassan", …, "arbetslöshetskassan", "kommunen".
std::string_view authority_name(Authority a);
// The authority with code `code`. Throws InputError naming `field` otherwise; for "SKV" the
// message says why Skatteverket cannot receive a notice.
Authority parse_authority(std::string_view code, std::string_view field);

struct NoticeFacts {
  Authority authority = Authority::fk;
  std::string recipient;     // which a-kassa or kommun (required for those), else may be empty
  std::string municipality;  // the sender: "Exempelstads kommun"
  std::string board;         // "Socialnämnden"
  std::string sender;        // the investigator
  std::string contact;
  period::Date date{1970, 1, 1};
  std::string flag_id;
  std::string person_name;
  person::Personnummer person_pnr;  // written in full: the recipient must identify the person
  std::string benefit;              // the recipient's benefit believed wrong, e.g. "bostadsbidrag"
  // The circumstances behind the belief: what lag (2008:206) 4 § requires the notice to state.
  std::string circumstances;
  Finding finding;
  Resolution resolution;  // error or suspected crime
};

// The notice's content. Throws Conflict unless the resolution is error or suspected-crime;
// InputError naming the field for a blank benefit, circumstances (4 §), municipality, board,
// sender or person name, or a blank recipient for an a-kassa or a kommun.
Content authority_notice(const NoticeFacts& facts);

}  // namespace eb::fut
