// SPDX-License-Identifier: MIT
#include "decide/repayment.hpp"

#include <array>
#include <utility>

#include "assess/application.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/letter.hpp"

namespace eb::decide {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_payers{{
    {"FK", "Försäkringskassan"},
    {"PM", "Pensionsmyndigheten"},
    {"CSN", "Centrala studiestödsnämnden (CSN)"},
    {"AKASSA", "arbetslöshetskassan"},
    {"SKV", "Skatteverket"},
}};

// Income kinds that are not a benefit from another payer.
bool is_benefit(assess::IncomeKind k) {
  using assess::IncomeKind;
  return k != IncomeKind::salary && k != IncomeKind::self_employment && k != IncomeKind::swish_deposit &&
         k != IncomeKind::underhallsbidrag && k != IncomeKind::other;
}

std::string benefit_names() {
  std::string out;
  for (int i = 0; i <= static_cast<int>(assess::IncomeKind::other); ++i) {
    const auto k = static_cast<assess::IncomeKind>(i);
    if (is_benefit(k)) out += (out.empty() ? "" : ", ") + std::string(assess::income_kind_name(k));
  }
  return out;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

AdvanceOn parse_advance_on(std::string_view text, std::string_view field) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    throw InputError(std::string(field), text::quoted(text), "write PAYER:BENEFIT, e.g. FK:sjukpenning");
  }
  AdvanceOn a{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
  bool payer_known = false;
  std::string payers;
  for (const auto& [code, name] : k_payers) {
    payer_known = payer_known || code == a.payer;
    payers += (payers.empty() ? "" : ", ") + std::string(code);
  }
  if (!payer_known) {
    throw InputError(std::string(field), text::quoted(text),
                     "unknown payer " + text::quoted(a.payer) + " (" + payers + ")");
  }
  const auto kind = assess::income_kind_from(a.benefit);
  if (!kind || !is_benefit(*kind)) {
    throw InputError(std::string(field), text::quoted(text),
                     "unknown benefit " + text::quoted(a.benefit) + " (" + benefit_names() + ")");
  }
  return a;
}

std::string payer_sv(std::string_view payer) {
  for (const auto& [code, name] : k_payers) {
    if (code == payer) return std::string(name);
  }
  return std::string(payer);
}

std::string benefit_sv(std::string_view benefit) {
  const auto kind = assess::income_kind_from(benefit);
  return kind ? lower_first(std::string(assess::income_kind_label(*kind))) : std::string(benefit);
}

std::string repayment_statute(Repayment kind, period::Date day) {
  return claim_ground_statute(kind == Repayment::advance ? ClaimGround::advance : ClaimGround::repayable, day);
}

std::string repayment_text_sv(const RepaymentCondition& c, period::Month month, period::Date day) {
  const bool old = day < period::Date(2025, 7, 1);
  const std::string law = old ? "socialtjänstlagen (2001:453)" : "socialtjänstlagen (2025:400)";
  if (c.kind == Repayment::advance) {
    const auto colon = c.on.find(':');
    const std::string payer = payer_sv(c.on.substr(0, colon));
    const std::string benefit = benefit_sv(colon == std::string::npos ? "" : c.on.substr(colon + 1));
    std::string t = "Försörjningsstödet för " + month_sv(month) + " lämnas som förskott på " + benefit + " från " +
                    payer + ". När " + benefit + " betalas ut för samma tid ska du betala tillbaka förskottet, med " +
                    "högst det belopp som då betalas ut för den tiden.";
    if (!c.grounds.empty()) t += " " + c.grounds;
    return t + " Betalar du inte tillbaka frivilligt kan socialnämnden kräva tillbaka förskottet och föra talan om " +
           "det hos förvaltningsrätten (" + (old ? "9 kap. 2 och 3 §§ " : "33 kap. 2, 4 och 5 §§ ") + law + ").";
  }
  return "Biståndet lämnas med stöd av " + std::string(old ? "4 kap. 2 §" : "12 kap. 2 §") + " " + law +
         " under villkor att du betalar tillbaka det. Skälen till villkoret: " + c.grounds +
         " Betalar du inte tillbaka frivilligt kan socialnämnden kräva tillbaka biståndet och föra talan om det hos " +
         "förvaltningsrätten (" + (old ? "9 kap. 2 och 3 §§ " : "33 kap. 3–5 §§ ") + law + ").";
}

namespace {

struct GroundInfo {
  ClaimGround ground;
  std::string_view name;
  std::string_view label;
  std::string_view paragraph;  // "33 kap. 1 §", for messages
  std::string_view statute;
  std::string_view old_statute;
};
constexpr std::array<GroundInfo, 3> k_grounds{{
    {ClaimGround::wrongly_paid, "wrongly-paid", "felaktig eller för hög utbetalning", "33 kap. 1 §",
     "SoL (2025:400) 33 kap. 1 §", "SoL (2001:453) 9 kap. 1 §"},
    {ClaimGround::advance, "advance", "förskott på en förmån", "33 kap. 2 §", "SoL (2025:400) 33 kap. 2 § 1 a och 2",
     "SoL (2001:453) 9 kap. 2 § första stycket 1"},
    {ClaimGround::repayable, "repayable", "bistånd under villkor om återbetalning", "33 kap. 3 §",
     "SoL (2025:400) 33 kap. 3 §", "SoL (2001:453) 9 kap. 2 § andra stycket"},
}};

const GroundInfo& info_of(ClaimGround g) {
  return k_grounds[static_cast<std::size_t>(g)];
}

// What a stated condition is, as a message names it.
std::string condition_en(const RepaymentCondition& c, period::Date day) {
  if (c.kind == Repayment::repayable) {
    return "a condition of repayment (" + repayment_statute(c.kind, day) + ")";
  }
  const auto colon = c.on.find(':');
  return "an advance on " + benefit_sv(colon == std::string::npos ? "" : c.on.substr(colon + 1)) + " from " +
         payer_sv(c.on.substr(0, colon)) + " (" + repayment_statute(c.kind, day) + ")";
}

}  // namespace

std::string_view claim_ground_name(ClaimGround g) {
  return info_of(g).name;
}

std::string_view claim_ground_label_sv(ClaimGround g) {
  return info_of(g).label;
}

ClaimGround parse_claim_ground(std::string_view text, std::string_view field) {
  std::string names;
  for (const auto& g : k_grounds) {
    if (g.name == text) return g.ground;
    names += (names.empty() ? "" : ", ") + std::string(g.name) + ": " + std::string(g.paragraph);
  }
  throw InputError(std::string(field), text::quoted(text), "unknown ground (" + names + ")");
}

std::string claim_ground_statute(ClaimGround ground, period::Date granted_on) {
  const GroundInfo& g = info_of(ground);
  return std::string(granted_on < period::Date(2025, 7, 1) ? g.old_statute : g.statute);
}

ClaimedDecision claimed_decision_of(const Decision& d) {
  return ClaimedDecision{d.id, d.decided_on, d.repayment};
}

void check_claim_ground(ClaimGround ground, const std::optional<ClaimedDecision>& on) {
  if (ground == ClaimGround::wrongly_paid) return;
  const GroundInfo& g = info_of(ground);
  if (!on) {
    throw InputError("--on-decision", "",
                     "a claim under SoL " + std::string(g.paragraph) +
                         " rests on the decision that stated the condition in writing: give it (D-n)");
  }
  const Repayment wanted = ground == ClaimGround::advance ? Repayment::advance : Repayment::repayable;
  if (on->repayment && on->repayment->kind == wanted) return;
  const std::string name = format_id(IdKind::beslut, on->id) + " of " + on->decided_on.to_string();
  const std::string statute = claim_ground_statute(ground, on->decided_on);
  if (on->repayment) {
    throw Conflict(
        name + " states " + condition_en(*on->repayment, on->decided_on) + ", not " +
        (ground == ClaimGround::advance ? "an advance on a benefit under " : "a condition of repayment under ") +
        std::string(g.paragraph) + ": claim with --ground " +
        std::string(claim_ground_name(on->repayment->kind == Repayment::advance ? ClaimGround::advance
                                                                                : ClaimGround::repayable)));
  }
  throw Conflict(name + " states no condition for repayment: a claim under " + statute +
                 " is possible only when the decision on the bistånd stated in writing that it was " +
                 (ground == ClaimGround::advance ? "an advance on a benefit" : "given on condition of repayment") +
                 " (eb decide --" + (ground == ClaimGround::advance ? "advance-on" : "repayable") +
                 "); without it only --ground wrongly-paid (33 kap. 1 §) is open, if the person caused the "
                 "payment or should reasonably have realised it was wrong");
}

std::optional<std::string> claim_ground_warning(ClaimGround ground, std::int64_t decision_id) {
  if (ground == ClaimGround::wrongly_paid) return std::nullopt;
  return "the claim rests on the written condition of " + format_id(IdKind::beslut, decision_id) +
         ", which binds only if that decision was served on the person (delgetts, SoL " +
         (ground == ClaimGround::advance ? "33 kap. 2 § 2 a" : "33 kap. 3 § 2") +
         "): eb does not record service; check it before the claim is pursued";
}

}  // namespace eb::decide
