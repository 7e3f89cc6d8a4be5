// SPDX-License-Identifier: MIT
// The reason catalogue of decisions: codes with the Swedish text a letter prints and the
// statute each rests on (FL 32 §: the reasons name the rules applied), dated across the
// renumbering of SoL on 1 July 2025 (rules-reference.md §4.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decide/decision.hpp"
#include "period/date.hpp"

namespace eb::decide {

struct ReasonInfo {
  std::string_view code;         // e.g. "income-exceeds-need"
  std::string_view text;         // Swedish, plain language, as the letter prints it
  std::string_view statute;      // SoL (2025:400), from 1 July 2025 (or from `from`)
  std::string_view old_statute;  // SoL (2001:453), before 1 July 2025; "" when the rule is newer
  // The first law day the rule exists (the aktivitetskrav, Lag 2026:730, from 2026-07-01;
  // arbetslivsinriktad rehabilitering, 12 kap. 4 g §, Lag 2026:897, from 2027-01-01).
  std::optional<period::Date> from;
  // For months from `month_from` on, `month_statute` is cited instead: 12 kap. 4 a § (the
  // aktivitetskrav after three months) first applies to försörjningsstöd for October 2026
  // (Lag 2026:730, övergångsbestämmelse 2).
  std::optional<period::Month> month_from;
  std::string_view month_statute;
  // Continued försörjningsstöd refused or reduced under SoL 12 kap. 5 § (old 4 kap. 5 §): a
  // decision appealable under 35 kap. 1 § 2 as well as 1.
  bool under_5 = false;
};

// Every reason code, in the order `eb decide --help` and the man page list them.
const std::vector<ReasonInfo>& reason_catalogue();
// The catalogue entry for `code`, or nullptr.
const ReasonInfo* find_reason(std::string_view code);
// The statute of `r` on law day `day` (Assessment::law_day) for försörjningsstöd for `month`
// (when given): "" when the rule does not exist on that day.
std::string_view reason_statute(const ReasonInfo& r, period::Date day, std::optional<period::Month> month = {});
// Why `r` cannot be a reason of a decision under the rules of `day`, or nothing.
std::optional<std::string> reason_unavailable(const ReasonInfo& r, period::Date day);

// A --reason value: a catalogue code gives its code and text; anything with a space or a
// character other than a-z, 0-9 and '-' is free text (code "free"). Throws InputError naming
// `field` for an empty value or a word that looks like a code but is not in the catalogue
// (the message lists the codes).
Reason parse_reason(std::string_view value, std::string_view field);

// The right to försörjningsstöd and livsföring i övrigt: SoL (2025:400) 12 kap. 1 § from
// 1 July 2025, SoL (2001:453) 4 kap. 1 § before.
std::string_view right_statute(period::Date day);
// Bistånd beyond the right (ytterligare ekonomiskt bistånd): SoL (2025:400) 12 kap. 2 §, SoL
// (2001:453) 4 kap. 2 § before; what a repayable grant (33 kap. 3 §) rests on.
std::string_view extra_statute(period::Date day);
// The barnkonsekvensanalys, barnets bästa: SoL (2025:400) 3 kap. 1–2 §§ from 1 July 2025,
// SoL (2001:453) 1 kap. 2 § before.
std::string_view child_impact_statute(period::Date day);
// Which decisions can be appealed by förvaltningsbesvär: SoL (2025:400) 35 kap. 1 § 1 (insatser
// under 12 kap. 1 §), with 2 when `under_5` (continued försörjningsstöd refused or reduced under
// 12 kap. 5 §), for a decision made from 1 July 2025; SoL (2001:453) 16 kap. 3 § första stycket
// before (its strecksatser; transitional rule 6).
std::string_view appeal_statute(period::Date decided_on, bool under_5);
// Whether `d` refuses or reduces continued försörjningsstöd under SoL 12 kap. 5 § (a reason code
// of the decision or of one of its lines that rests on it).
bool is_under_5(const Decision& d);
// FL 37 § andra stycket: a favourable decision changed to the party's disadvantage only (1) on a
// reservation in the decision, (2) for compelling safety reasons, (3) after oriktiga or
// vilseledande uppgifter from the party.
inline constexpr std::string_view k_disadvantage_statute = "FL (2017:900) 37 § andra stycket";
// How to appeal: written, to the deciding authority, within three weeks (FL 40–44 §§).
inline constexpr std::string_view k_appeal_fl_statute = "FL (2017:900) 40–44 §§";
// What an appeal to a förvaltningsdomstol must hold (FL 43 § tredje stycket): the appellant's
// personnummer, address, telephone and e-mail (FPL 3 §), what is asked for and why, and the
// decision appealed (FPL 4 §). Read in the SFS mirror of rules-reference.md §8 (sfs/1971/1971-291.md).
inline constexpr std::string_view k_appeal_fpl_statute = "förvaltningsprocesslagen (1971:291) 3–4 §§";
// Dissenting opinions: recorded for one who took part in the final handling without deciding
// (FL 30 § andra stycket: eb's decisions have one decision-maker) and disclosed with the
// decision (FL 33 § andra stycket).
inline constexpr std::string_view k_dissent_statute = "FL (2017:900) 30 § andra stycket och 33 § andra stycket";

}  // namespace eb::decide
