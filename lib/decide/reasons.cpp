// SPDX-License-Identifier: MIT
#include "decide/reasons.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::decide {

namespace {

// SoL (2025:400) replaced SoL (2001:453) on this day (rules-reference.md §4.1).
const period::Date k_new_sol{2025, 7, 1};

bool looks_like_code(std::string_view s) {
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

bool is_blank(std::string_view s) {
  for (const char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

const std::vector<ReasonInfo>& reason_catalogue() {
  // Statutes from rules-reference.md §4.1 (old → new SoL).
  static const std::vector<ReasonInfo> all{
      {"income-exceeds-need",
       "Hushållets inkomster är högre än behovet enligt riksnormen och de skäliga kostnaderna. Hushållet kan "
       "därför själv tillgodose sina behov och har inte rätt till försörjningsstöd.",
       "SoL (2025:400) 12 kap. 1 §", "SoL (2001:453) 4 kap. 1 §", std::nullopt, std::nullopt, ""},
      {"assets",
       "Hushållet har tillgångar som kan användas för att tillgodose behovet. Hushållet kan därför själv "
       "tillgodose sina behov och har inte rätt till försörjningsstöd.",
       "SoL (2025:400) 12 kap. 1 §", "SoL (2001:453) 4 kap. 1 §", std::nullopt, std::nullopt, ""},
      {"incomplete",
       "Ansökan är inte komplett. De uppgifter och underlag som behövs för att pröva rätten till bistånd har inte "
       "kommit in, trots begäran om komplettering. Behovet har därför inte kunnat bedömas.",
       "SoL (2025:400) 12 kap. 1 §", "SoL (2001:453) 4 kap. 1 §", std::nullopt, std::nullopt, ""},
      {"not-available-for-work",
       "Du har inte stått till arbetsmarknadens förfogande, och det finns inte godtagbara skäl för det.",
       "SoL (2025:400) 12 kap. 3 §", "SoL (2001:453) 4 kap. 1 § andra stycket", std::nullopt, std::nullopt, ""},
      {"refused-activity",
       "Du har utan godtagbart skäl avböjt eller uteblivit från anvisad praktik eller annan kompetenshöjande "
       "verksamhet.",
       "SoL (2025:400) 12 kap. 4 och 5 §§", "SoL (2001:453) 4 kap. 4 och 5 §§", std::nullopt, std::nullopt, "", true},
      // Lag 2026:730, in force 2026-07-01: 4 d § (activities before three months) at once, 4 a §
      // (the duty after three months) first for försörjningsstöd for October 2026.
      {"refused-aktivitetskrav",
       "Du har utan godtagbart skäl avböjt att delta i eller uteblivit från aktiviteter som socialnämnden har "
       "anvisat enligt aktivitetskravet. Fortsatt försörjningsstöd ska då nekas eller sättas ned, om det inte "
       "finns särskilda skäl.",
       "SoL (2025:400) 12 kap. 4 d och 5 §§", "", period::Date(2026, 7, 1), period::Month(2026, 10),
       "SoL (2025:400) 12 kap. 4 a, 4 d och 5 §§", true},
      // Lag 2026:897, in force 2027-01-01 (by the arrival date and the month, its point 2).
      {"refused-rehabilitation",
       "Du har utan godtagbart skäl avböjt att delta i eller uteblivit från arbetslivsinriktad rehabilitering som "
       "socialnämnden har begärt. Fortsatt försörjningsstöd ska då nekas eller sättas ned, om det inte finns "
       "särskilda skäl.",
       "SoL (2025:400) 12 kap. 4 g och 5 §§", "", period::Date(2027, 1, 1), std::nullopt, "", true},
      {"cost-not-reasonable", "Kostnaden bedöms inte som skälig och ingår därför inte i beräkningen.",
       "SoL (2025:400) 12 kap. 7 § första stycket 2", "SoL (2001:453) 4 kap. 3 § första stycket 2", std::nullopt,
       std::nullopt, ""},
      {"cost-above-guideline",
       "Kostnaden är högre än vad som är skäligt enligt nämndens riktlinjer. Den skäliga delen ingår i "
       "beräkningen.",
       "SoL (2025:400) 12 kap. 7 § första stycket 2", "SoL (2001:453) 4 kap. 3 § första stycket 2", std::nullopt,
       std::nullopt, ""},
      {"need-not-shown", "Behovet av bistånd till livsföring i övrigt har inte visats.", "SoL (2025:400) 12 kap. 1 §",
       "SoL (2001:453) 4 kap. 1 §", std::nullopt, std::nullopt, ""},
  };
  return all;
}

const ReasonInfo* find_reason(std::string_view code) {
  for (const auto& r : reason_catalogue()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::string_view reason_statute(const ReasonInfo& r, period::Date day, std::optional<period::Month> month) {
  if (r.from && day < *r.from) return "";
  if (r.month_from && month && !(*month < *r.month_from)) return r.month_statute;
  return day < k_new_sol ? r.old_statute : r.statute;
}

std::optional<std::string> reason_unavailable(const ReasonInfo& r, period::Date day) {
  if (!reason_statute(r, day).empty()) return std::nullopt;
  return std::string(r.code) + " rests on a rule in force from " + (r.from ? r.from->to_string() : "2025-07-01") +
         "; this decision follows the rules of " + day.to_string();
}

std::string_view extra_statute(period::Date day) {
  return day < k_new_sol ? "SoL (2001:453) 4 kap. 2 §" : "SoL (2025:400) 12 kap. 2 §";
}

std::string_view child_impact_statute(period::Date day) {
  return day < k_new_sol ? "SoL (2001:453) 1 kap. 2 §" : "SoL (2025:400) 3 kap. 1–2 §§";
}

Reason parse_reason(std::string_view value, std::string_view field) {
  if (is_blank(value)) throw InputError(std::string(field), "\"\"", "a reason cannot be empty");
  if (const ReasonInfo* r = find_reason(value)) return Reason{std::string(r->code), std::string(r->text)};
  if (looks_like_code(value)) {
    std::string codes;
    for (const auto& r : reason_catalogue()) codes += (codes.empty() ? "" : ", ") + std::string(r.code);
    throw InputError(std::string(field), text::quoted(value),
                     "not a reason code (" + codes + "); free text must be more than one word");
  }
  return Reason{"free", std::string(value)};
}

std::string_view right_statute(period::Date day) {
  return day < k_new_sol ? "SoL (2001:453) 4 kap. 1 §" : "SoL (2025:400) 12 kap. 1 §";
}

std::string_view appeal_statute(period::Date decided_on, bool under_5) {
  if (decided_on < k_new_sol) return "SoL (2001:453) 16 kap. 3 § första stycket";
  return under_5 ? "SoL (2025:400) 35 kap. 1 § 1 och 2" : "SoL (2025:400) 35 kap. 1 § 1";
}

bool is_under_5(const Decision& d) {
  const auto rests_on_5 = [](std::string_view code) {
    const ReasonInfo* r = find_reason(code);
    return r != nullptr && r->under_5;
  };
  for (const auto& r : d.reasons) {
    if (rests_on_5(r.code)) return true;
  }
  for (const auto& l : d.lines) {
    if (rests_on_5(l.reason_code)) return true;
  }
  return false;
}

}  // namespace eb::decide
