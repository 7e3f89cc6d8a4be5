// SPDX-License-Identifier: MIT
// The reason catalogue of decisions: codes with the Swedish text a letter prints and the
// statute each rests on (FL 32 §: the reasons name the rules applied), dated across the
// renumbering of SoL on 1 July 2025 (rules-reference.md §4.1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "decide/decision.hpp"
#include "period/date.hpp"

namespace eb::decide {

struct ReasonInfo {
  std::string_view code;         // e.g. "income-exceeds-need"
  std::string_view text;         // Swedish, plain language, as the letter prints it
  std::string_view statute;      // SoL (2025:400), from 1 July 2025
  std::string_view old_statute;  // SoL (2001:453), before 1 July 2025
};

// Every reason code, in the order `eb decide --help` and the man page list them.
const std::vector<ReasonInfo>& reason_catalogue();
// The catalogue entry for `code`, or nullptr.
const ReasonInfo* find_reason(std::string_view code);
// The statute of `r` in force on `day`.
std::string_view reason_statute(const ReasonInfo& r, period::Date day);

// A --reason value: a catalogue code gives its code and text; anything with a space or a
// character other than a-z, 0-9 and '-' is free text (code "free"). Throws InputError naming
// `field` for an empty value or a word that looks like a code but is not in the catalogue
// (the message lists the codes).
Reason parse_reason(std::string_view value, std::string_view field);

// The right to försörjningsstöd and livsföring i övrigt: SoL (2025:400) 12 kap. 1 § from
// 1 July 2025, SoL (2001:453) 4 kap. 1 § before.
std::string_view right_statute(period::Date day);
// Which decisions can be appealed by förvaltningsbesvär: SoL (2025:400) 35 kap. 1 § for a
// decision made from 1 July 2025, SoL (2001:453) 16 kap. 3 § before (transitional rule 6).
std::string_view appeal_statute(period::Date decided_on);
// FL 37 §: a favourable decision changed to the party's disadvantage.
inline constexpr std::string_view k_disadvantage_statute = "FL (2017:900) 37 §";
// How to appeal: written, to the deciding authority, within three weeks (FL 40–44 §§).
inline constexpr std::string_view k_appeal_fl_statute = "FL (2017:900) 40–44 §§";

}  // namespace eb::decide
