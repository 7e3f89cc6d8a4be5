// SPDX-License-Identifier: MIT
#include "decide/repayment.hpp"

#include <array>
#include <utility>

#include "assess/application.hpp"
#include "common/error.hpp"
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
  if (day < period::Date(2025, 7, 1)) return "SoL (2001:453) 9 kap. 2 §";
  return kind == Repayment::advance ? "SoL (2025:400) 33 kap. 2 § första stycket 1 a och 2"
                                    : "SoL (2025:400) 33 kap. 3 §";
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

}  // namespace eb::decide
