// SPDX-License-Identifier: MIT
// Housing: the household's housing situation as recorded on an application, for the unit's
// follow-up of homelessness (the seeds' "Antal hemlösa", "familjer med barn som saknar
// stadigvarande bostad").
#pragma once

#include <optional>
#include <string_view>

namespace eb::assess {

// The housing situation of an application's household. The temporary kinds are the seeds'
// "tillfälligt boende på hotell, vandrarhem och härbärge".
enum class Housing {
  own_lease,    // own first-hand lease or owned home (eget kontrakt)
  second_hand,  // second-hand lease (andrahandskontrakt)
  lodger,       // lodger in someone else's home (inneboende)
  hotel,        // temporary housing: hotel
  vandrarhem,   // temporary housing: hostel (vandrarhem)
  harbarge,     // temporary housing: night shelter (härbärge)
  homeless,     // no housing at all (akut hemlös, e.g. sleeping rough)
};

// Every housing situation, in the order above.
inline constexpr Housing k_housings[] = {Housing::own_lease,  Housing::second_hand, Housing::lodger,  Housing::hotel,
                                         Housing::vandrarhem, Housing::harbarge,    Housing::homeless};

// The code in files and JSON: "own_lease", "second_hand", "lodger", "hotel", "vandrarhem",
// "harbarge", "homeless".
std::string_view housing_name(Housing h);
// The situation named `code`, or nothing for an unknown code.
std::optional<Housing> housing_from(std::string_view code);
// Swedish, as a report or a letter prints it: "eget kontrakt", "tillfälligt boende (hotell)", …
std::string_view housing_label(Housing h);
// True for the temporary kinds (hotel, vandrarhem, härbärge).
bool is_temporary(Housing h);
// True when the household has no stable housing: homeless or in temporary housing. This is
// what the report counts as homeless (hemlös) and as "saknar stadigvarande bostad"; a
// second-hand lease and a lodger's room count as housed.
bool lacks_stable_housing(Housing h);

}  // namespace eb::assess
