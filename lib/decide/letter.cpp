// SPDX-License-Identifier: MIT
#include "decide/letter.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "common/ids.hpp"
#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"
#include "decide/repayment.hpp"

namespace eb::decide {

namespace {

using assess::Section;
using money::format_kr;

// ---- Swedish wording --------------------------------------------------------------------

std::string outcome_sv(Kind k) {
  switch (k) {
    case Kind::bifall:
      return "bifall";
    case Kind::delbifall:
      return "delvis bifall";
    case Kind::avslag:
      return "avslag";
  }
  return "";
}

std::string role_sv(Role r) {
  return std::string(role_name(r));
}

std::string official_sv(const Official& o) {
  return (o.full_name.empty() ? o.name : o.full_name) + ", " + role_sv(o.role);
}

std::string household_sv(const assess::Application& app) {
  const int adults = app.adult_count();
  const int children = app.child_count();
  std::string out = std::to_string(adults) + (adults == 1 ? " vuxen" : " vuxna");
  if (children > 0) out += " och " + std::to_string(children) + (children == 1 ? " barn" : " barn");
  return out;
}

// What a norm status means, as the letter says it.
std::string status_sv(norms::NormStatus s) {
  switch (s) {
    case norms::NormStatus::preliminary:
      return "ännu inte är fastställd av regeringen: beloppen är preliminära, framräknade ur referensvärdena i 12 "
             "kap. 1 a–1 b §§ socialtjänstförordningen (2025:468)";
    case norms::NormStatus::estimate:
      return "är en uppskattning: beloppen har inte kunnat kontrolleras mot författningstexten";
    case norms::NormStatus::derived:
      return "är framräknad ur publicerade höjningar: beloppen har inte kunnat läsas i författningstexten";
    case norms::NormStatus::official:
    case norms::NormStatus::municipal:
      break;
  }
  return "är fastställd";
}

std::string days_sv(int n) {
  return std::to_string(n) + (n == 1 ? " arbetsdag" : " arbetsdagar");
}

// ---- building the document ------------------------------------------------------------

doc::Document build(const LetterInput& in) {
  const Decision& d = *in.decision;
  const assess::Assessment& a = *in.assessment;
  const assess::Application& app = *in.application;
  const std::string decision_id = format_id(IdKind::beslut, d.id);
  const std::string month = month_sv(a.month);
  const std::string authority = d.authority.empty() ? "Socialnämnden" : d.authority;
  const bool repayable = d.repayment && d.repayment->kind == Repayment::repayable;
  const std::string what = repayable ? "ekonomiskt bistånd" : "försörjningsstöd";
  const period::Date law_day = a.law_day;
  const bool old_law = law_day < period::Date(2025, 7, 1);
  const std::string sol = old_law ? "socialtjänstlagen (2001:453)" : "socialtjänstlagen (2025:400)";
  // The right to försörjningsstöd and bistånd beyond it, in the act of the law day.
  const std::string right_par = old_law ? "4 kap. 1 §" : "12 kap. 1 §";
  const std::string extra_par = old_law ? "4 kap. 2 §" : "12 kap. 2 §";

  doc::Document letter;
  letter.layout = doc::Layout::letter;
  letter.issuer = authority;
  letter.title = repayable ? "Beslut om ekonomiskt bistånd" : "Beslut om ekonomiskt bistånd (försörjningsstöd)";
  letter.page_title = letter.title + " " + decision_id;
  letter.meta = {{"Beslut", decision_id},
                 {"Datum", d.decided_on.to_string()},
                 {"Ärende", format_id(IdKind::arende, in.case_id)},
                 {"Ansökan", format_id(IdKind::application, d.application_id)}};
  const assess::Member& applicant = app.applicant();
  doc::Address to{"Till", {applicant.name.empty() ? "Sökande" : applicant.name, applicant.pnr.formatted()}};
  if (!app.address.empty()) to.lines.push_back(app.address);
  letter.recipient = std::move(to);
  // Each part is a section: its heading (with the id the HTML gives it), then its blocks.
  const auto part = [&letter](std::string id, std::string title) {
    letter.add(doc::Heading{2, std::move(title), std::move(id)});
  };
  const auto paragraph = [&letter](std::string text) { letter.add(doc::Paragraph{std::move(text), false}); };
  const auto bullets = [&letter](std::vector<std::string> items) { letter.add(doc::BulletList{std::move(items)}); };

  // 1. The decision (FL 31 §: what it says), measured against what was applied for.
  part("beslut", "Beslut");
  switch (d.kind) {
    case Kind::bifall:
      paragraph("Du beviljas " + what + " med " + format_kr(d.granted) + " för " + month +
                ". Det motsvarar det du har ansökt om.");
      break;
    case Kind::delbifall:
      paragraph("Du beviljas " + what + " med " + format_kr(d.granted) + " för " + month + ". Det du har ansökt om " +
                "motsvarar " + format_kr(d.applied) + ". Din ansökan avslås alltså till den del den gäller " +
                format_kr(d.applied - d.granted) + " (delvis bifall). Vad som avslås och varför står nedan.");
      break;
    case Kind::avslag:
      paragraph("Din ansökan om försörjningsstöd för " + month + " avslås.");
      break;
  }
  if (repayable) {
    paragraph("Biståndet lämnas enligt " + extra_par + " " + sol +
              " under villkor att du betalar tillbaka det. Villkoret står under rubriken Villkor om återbetalning.");
  } else if (d.repayment) {
    // SoL 33 kap. 2 § 1 a: an advance on a benefit is repaid when, and as far as, the benefit is
    // paid for the same time; it is not a loan.
    const auto colon = d.repayment->on.find(':');
    const std::string benefit = benefit_sv(colon == std::string::npos ? "" : d.repayment->on.substr(colon + 1));
    paragraph("Försörjningsstödet lämnas som förskott på " + benefit + " från " +
              payer_sv(d.repayment->on.substr(0, colon)) + ". Betalas " + benefit +
              " ut för samma tid ska du betala tillbaka förskottet. Villkoret står under rubriken Villkor om "
              "återbetalning.");
  }
  if (d.replaces) {
    std::string text = "Detta beslut ersätter beslut " + format_id(IdKind::beslut, *d.replaces);
    if (in.replaced_decided_on) text += " av " + in.replaced_decided_on->to_string();
    text += ".";
    if (in.replaced_granted && *in.replaced_granted != d.granted) {
      text += " Det beslutet beviljade " + format_kr(*in.replaced_granted) + "; detta beslut beviljar " +
              format_kr(d.granted) + ".";
    }
    paragraph(text);
  }

  // 2. What was applied for, and what is decided per item and in total: applied, granted, refused.
  part("poster", "Vad du ansökte om och vad som beslutas");
  std::string kind = app.kind == assess::ApplicationKind::supplement ? "en tilläggsansökan om ekonomiskt bistånd"
                                                                     : "ekonomiskt bistånd (försörjningsstöd)";
  paragraph("Du ansökte om " + kind + " för " + month + " för ett hushåll med " + household_sv(app) +
            ". Ansökan kom in " + (app.received ? app.received->to_string() : "") + ".");
  doc::Table t;
  t.columns = {{"Post", doc::Align::left},
               {"Ansökt", doc::Align::right},
               {"Beviljat", doc::Align::right},
               {"Avslås", doc::Align::right},
               {"Beslut", doc::Align::left}};
  Money need_applied;
  Money need_granted;
  for (const auto& l : d.lines) {
    const bool reduction = l.applied.is_zero() && l.granted < Money();
    t.add({l.label, reduction ? "" : format_kr(l.applied), format_kr(l.granted),
           l.refused().is_zero() ? "" : format_kr(l.refused()), outcome_sv(l.outcome)});
    need_applied += l.applied;
    need_granted += l.granted;
  }
  t.add_total({"Summa behov", format_kr(need_applied), format_kr(need_granted),
               need_applied == need_granted ? "" : format_kr(need_applied - need_granted), ""});
  if (!a.totals.income.is_zero()) {
    t.add_total({"Avgår räknade inkomster", format_kr(-a.totals.income),
                 d.kind == Kind::avslag ? "" : format_kr(-a.totals.income), "", ""});
  }
  t.add_total({repayable ? "Ekonomiskt bistånd" : "Försörjningsstöd", format_kr(d.applied), format_kr(d.granted),
               d.applied == d.granted ? "" : format_kr(d.applied - d.granted), outcome_sv(d.kind)});
  letter.add(std::move(t));

  // 3. The calculation, summarised, and which rules it follows.
  part("berakning", "Så har vi räknat");
  paragraph("Beräkningen följer riksnormen för " + std::to_string(a.norm_day.year()) + " (" + a.norm_id +
            ") och de skäliga kostnader du har ansökt om. Från behovet dras hushållets inkomster.");
  std::string arrival_acts;
  period::Date arrival_day = a.norm_day;
  bool decision_act = false;
  for (const auto& tr : a.transitions) {
    if (tr.kind == norms::TransitionKind::arrival_and_period) {
      arrival_acts += (arrival_acts.empty() ? "" : " och ") + tr.title;
      arrival_day = tr.in_force;
    } else {
      decision_act = true;
    }
  }
  if (!arrival_acts.empty()) {
    paragraph("Ansökan gäller " + month + " men kom in " + (app.received ? app.received->to_string() : "") +
              ", efter att " + arrival_acts + " trädde i kraft den " + arrival_day.to_string() +
              ". Enligt övergångsbestämmelserna gäller de äldre reglerna bara för en ansökan som har kommit in före "
              "ikraftträdandet och som avser tiden före det. Ansökan prövas därför enligt de nya reglerna.");
  }
  if (decision_act) {
    paragraph(
        "Beslutet fattas efter den 1 juli 2025, då socialtjänstlagen (2025:400) ersatte socialtjänstlagen "
        "(2001:453). Den nya lagen gäller därför, också för tid före den dagen.");
  }
  doc::Table c;
  c.columns = {{"", doc::Align::left}, {"Belopp", doc::Align::right}};
  c.add({"Riksnorm: personliga kostnader och gemensamma hushållskostnader", format_kr(a.totals.norm)});
  if (!a.totals.costs.is_zero()) c.add({"Skäliga kostnader (boende, el, försäkring m.m.)", format_kr(a.totals.costs)});
  if (!a.totals.other.is_zero()) c.add({"Livsföring i övrigt", format_kr(a.totals.other)});
  c.add_total({"Summa behov enligt beräkningen", format_kr(a.totals.need)});
  for (const auto& l : a.lines) {
    if (l.section == Section::income) c.add({"Inkomst: " + l.label, format_kr(-l.amount)});
  }
  for (const auto& l : a.lines) {
    if (l.section == Section::exemption) c.add({"Räknas inte: " + l.label, format_kr(l.amount)});
  }
  c.add_total({"Räknade inkomster", format_kr(-a.totals.income)});
  c.add_total({"Behov minus inkomster, avrundat till hela kronor", format_kr(a.totals.amount)});
  letter.add(std::move(c));
  if (d.unofficial_norm) {
    letter.add(doc::Notice{
        doc::NoticeKind::warning, "Riksnormen är inte fastställd",
        "Beräkningen bygger på riksnormen för " + std::to_string(a.norm_day.year()) + ", som " +
            status_sv(a.norm_status) + ". Nämnden har ändå fattat beslutet nu, av detta skäl: " + *d.unofficial_norm +
            " Beslutet gäller med förbehåll: blir de belopp som gäller enligt "
            "socialtjänstförordningen lägre, kan nämnden ändra beslutet till din nackdel (37 § "
            "andra stycket 1 förvaltningslagen). Blir de högre kan du begära att beslutet prövas på nytt."});
  }

  // 4. The reasons (FL 32 §): the decisive circumstances and the rules applied.
  part("skal", "Skäl för beslutet");
  std::vector<std::string> why;
  if (repayable) {
    why.push_back("Nämnden har bedömt att biståndet ska lämnas enligt " + extra_par + " " + sol +
                  ", under villkor att du betalar tillbaka det.");
  } else if (d.kind == Kind::bifall) {
    why.push_back(
        "Hushållets inkomster räcker inte till behovet enligt riksnormen och de skäliga kostnaderna. "
        "Du har därför rätt till försörjningsstöd med det beräknade beloppet.");
  } else if (d.kind == Kind::delbifall) {
    why.push_back(
        "Hushållets inkomster räcker inte till behovet enligt riksnormen och de skäliga kostnaderna. "
        "Du har därför rätt till försörjningsstöd, men inte med allt du har ansökt om. Skälen för det som "
        "avslås står i punkterna nedan.");
  }
  for (const auto& r : d.reasons) why.push_back(r.text);
  // The statute of each item refused, read from the assessment the decision rests on.
  std::map<std::string, std::string> refs;
  for (const auto& l : decision_lines(a)) refs[l.item] = l.ref;
  for (const auto& l : d.lines) {
    if (l.reason.empty()) continue;
    const auto ref = refs.find(l.item);
    why.push_back(l.label + ": " + l.reason +
                  (ref == refs.end() || ref->second.empty() ? "" : " (Lagrum: " + ref->second + ".)"));
  }
  if (d.large_household_exempt) {
    why.push_back(
        "Nämnden har funnit synnerliga skäl att undanta hushållet från begränsningen av försörjningsstödet "
        "för hushåll med fler än tre barn (12 kap. 7 a § andra stycket " +
        sol + "): " + *d.large_household_exempt);
  }
  bullets(std::move(why));
  std::string rules;
  for (const auto& s : d.statutes) rules += (rules.empty() ? "" : "; ") + s;
  paragraph("Beslutet grundar sig på: " + rules + ".");

  // 5. The written condition for repayment (SoL 33 kap. 2–3 §§).
  if (d.repayment) {
    part("aterbetalning", "Villkor om återbetalning");
    paragraph(repayment_text_sv(*d.repayment, a.month, law_day));
    paragraph("Villkoret är en del av detta beslut, som lämnas till dig skriftligt och delges dig. Lagrum: " +
              repayment_statute(d.repayment->kind, law_day) + ".");
  }

  // 6. The children (barnkonsekvensanalys, barnets bästa).
  if (d.child_impact) {
    part("barn", "Hur beslutet påverkar barnen (barnkonsekvensanalys)");
    paragraph(*d.child_impact);
    paragraph("Lagrum: " + std::string(child_impact_statute(law_day)) +
              (old_law ? " (barnets bästa)." : " (barnets bästa och barnets rätt att framföra sina åsikter)."));
  }

  // 7. What to do next, for an avslag or delbifall.
  if (d.kind != Kind::bifall) {
    part("nasta-steg", "Vad du kan göra nu");
    std::vector<std::string> steps;
    const bool incomplete =
        std::any_of(d.reasons.begin(), d.reasons.end(), [](const Reason& r) { return r.code == "incomplete"; });
    if (incomplete) steps.push_back("Skicka in de uppgifter och underlag som saknas tillsammans med en ny ansökan.");
    steps.push_back("Om din situation ändras, till exempel om dina inkomster minskar, kan du ansöka igen.");
    steps.push_back("Har du frågor om beslutet kan du kontakta din handläggare.");
    bullets(std::move(steps));
  }

  // 8. Who decided (FL 31 §), with the delegation, the föredragande, others who took part, and
  // the handling time.
  part("beslutsfattare", "Vem som har beslutat");
  paragraph("Beslutet är fattat " + d.decided_on.to_string() + " av " + official_sv(in.decided_by) +
            ", med stöd av delegation: " + d.delegation + ".");
  if (in.presented_by) paragraph("Föredragande: " + official_sv(*in.presented_by) + ".");
  std::vector<std::string> others;
  for (std::size_t i = 0; i < d.dissents.size() && i < in.dissenters.size(); ++i) {
    if (in.presented_by && in.presented_by->name == in.dissenters[i].name) continue;
    others.push_back(official_sv(in.dissenters[i]));
  }
  if (!others.empty()) {
    std::string list;
    for (const auto& o : others) list += (list.empty() ? "" : "; ") + o;
    paragraph("Har också deltagit i den slutliga handläggningen utan att delta i avgörandet: " + list + ".");
  }
  if (d.routine) {
    paragraph("Beslutet är ett rutinbeslut: förslaget togs fram ur beräkningen och bekräftades av " +
              (in.decided_by.full_name.empty() ? in.decided_by.name : in.decided_by.full_name) + ".");
  }
  paragraph("Handläggningstid: " + days_sv(d.handling_days) + ", räknat från den dag ansökan kom in" +
            (app.received ? " (" + app.received->to_string() + " är dag 1)" : "") + ".");

  // 9. Dissenting opinions, which the party is told of with the decision (FL 30 § andra stycket, 33 §
  // andra stycket).
  if (!d.dissents.empty()) {
    part("avvikande-mening", "Avvikande mening");
    std::vector<std::string> items;
    for (std::size_t i = 0; i < d.dissents.size(); ++i) {
      const std::string who = i < in.dissenters.size() ? official_sv(in.dissenters[i]) : d.dissents[i].user;
      items.push_back(who + ", har anmält avvikande mening: " + d.dissents[i].note);
    }
    bullets(std::move(items));
    paragraph("Den avvikande meningen ändrar inte beslutet. Lagrum: " + std::string(k_dissent_statute) + ".");
  }

  // 10. How to appeal (FL 33 §, 40–44 §§; SoL 35 kap. 1 §).
  part("overklagande", "Hur du överklagar");
  if (repayable) {
    // SoL 35 kap. 1 § lists decisions on insatser under 12 kap. 1 § and 5 §, not under 12 kap. 2 §.
    paragraph("Beslutet att ge bistånd enligt " + extra_par + " " + sol +
              " kan inte överklagas till förvaltningsrätten (" + (old_law ? "16 kap. 3 §" : "35 kap. 1 §") +
              "). Anser du att du har rätt till försörjningsstöd enligt " + right_par +
              " utan villkor om återbetalning, kan du överklaga beslutet i den delen till förvaltningsrätten.");
  } else {
    paragraph("Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.");
  }
  bullets({
      "Överklagandet ska vara skriftligt.",
      "Skicka eller lämna överklagandet till " + authority +
          ", inte direkt till förvaltningsrätten. Nämnden skickar det vidare till domstolen.",
      "Överklagandet måste ha kommit in till nämnden inom tre veckor från den dag du fick del av beslutet. "
      "Kommer det in för sent kan det inte prövas.",
      "Skriv vilket beslut du överklagar (beslut " + decision_id + " av " + d.decided_on.to_string() +
          ") och vilken ändring du vill ha. Skriv också varför du anser att beslutet ska ändras.",
      "Skriv ditt namn, ditt personnummer, din adress, ditt telefonnummer och din e-postadress.",
  });
  paragraph("Lagrum: " + std::string(k_appeal_fl_statute) + "; " + std::string(k_appeal_fpl_statute) + "; " +
            std::string(appeal_statute(d.decided_on, is_under_5(d))) + ".");
  return letter;
}

}  // namespace

std::string month_sv(period::Month m) {
  static constexpr std::array<std::string_view, 12> k_names{"januari",   "februari", "mars",     "april",
                                                            "maj",       "juni",     "juli",     "augusti",
                                                            "september", "oktober",  "november", "december"};
  return std::string(k_names[static_cast<std::size_t>(m.month() - 1)]) + " " + std::to_string(m.year());
}

doc::Document letter_document(const LetterInput& in) {
  return build(in);
}

std::string render_letter(const LetterInput& in, LetterFormat format) {
  const doc::Document d = build(in);
  return format == LetterFormat::html ? doc::to_html(d) : doc::to_text(d);
}

}  // namespace eb::decide
