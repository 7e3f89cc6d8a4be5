// SPDX-License-Identifier: MIT
#include "decide/letter.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "common/ids.hpp"
#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"

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

  doc::Document letter;
  letter.layout = doc::Layout::letter;
  letter.issuer = authority;
  letter.title = "Beslut om ekonomiskt bistånd (försörjningsstöd)";
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

  // 1. The decision (FL 31 §: what it says).
  part("beslut", "Beslut");
  switch (d.kind) {
    case Kind::bifall:
      paragraph("Du beviljas försörjningsstöd med " + format_kr(d.granted) + " för " + month + ".");
      break;
    case Kind::delbifall:
      paragraph("Du beviljas försörjningsstöd med " + format_kr(d.granted) + " för " + month + ". Det är " +
                format_kr(d.assessed - d.granted) +
                " mindre än det beräknade beloppet. I den delen avslås din ansökan (delvis bifall).");
      break;
    case Kind::avslag:
      paragraph("Din ansökan om försörjningsstöd för " + month + " avslås.");
      break;
  }
  if (d.replaces) {
    std::string text = "Detta beslut ersätter beslut " + format_id(IdKind::beslut, *d.replaces);
    if (in.replaced_decided_on) text += " av " + in.replaced_decided_on->to_string();
    paragraph(text + ".");
  }

  // 2. What was applied for, and what is decided per item and in total.
  part("poster", "Vad du ansökte om och vad som beslutas");
  std::string kind = app.kind == assess::ApplicationKind::supplement ? "en tilläggsansökan om ekonomiskt bistånd"
                                                                     : "ekonomiskt bistånd (försörjningsstöd)";
  paragraph("Du ansökte om " + kind + " för " + month + " för ett hushåll med " + household_sv(app) +
            ". Ansökan kom in " + (app.received ? app.received->to_string() : "") + ".");
  doc::Table t;
  t.columns = {{"Post", doc::Align::left},
               {"Beräknat", doc::Align::right},
               {"Beviljat", doc::Align::right},
               {"Beslut", doc::Align::left}};
  // The applied amounts of the cost lines, by item key.
  std::vector<DecisionLine> computed = decision_lines(a);
  std::vector<const assess::Line*> need_lines;
  for (const auto& l : a.lines) {
    if (l.section == Section::norm || l.section == Section::common || l.section == Section::cost ||
        l.section == Section::other) {
      need_lines.push_back(&l);
    }
  }
  Money need_granted;
  for (const auto& l : d.lines) {
    std::string label = l.label;
    for (std::size_t i = 0; i < computed.size() && i < need_lines.size(); ++i) {
      if (computed[i].item == l.item && need_lines[i]->applied != need_lines[i]->amount &&
          !need_lines[i]->applied.is_zero()) {
        label += " (ansökt " + format_kr(need_lines[i]->applied) + ")";
      }
    }
    t.add({label, format_kr(l.assessed), format_kr(l.granted), outcome_sv(l.outcome)});
    need_granted += l.granted;
  }
  t.add_total({"Summa behov", format_kr(a.totals.need), format_kr(need_granted), ""});
  if (!a.totals.income.is_zero()) {
    t.add_total({"Avgår räknade inkomster", format_kr(-a.totals.income),
                 d.kind == Kind::avslag ? "" : format_kr(-a.totals.income), ""});
  }
  t.add_total({"Försörjningsstöd", format_kr(d.assessed), format_kr(d.granted), outcome_sv(d.kind)});
  letter.add(std::move(t));

  // 3. The calculation, summarised.
  part("berakning", "Så har vi räknat");
  paragraph("Beräkningen följer riksnormen för " + std::to_string(a.month.year()) + " (" + a.norm_id +
            ") och de skäliga kostnader du har ansökt om. Från behovet dras hushållets inkomster.");
  doc::Table c;
  c.columns = {{"", doc::Align::left}, {"Belopp", doc::Align::right}};
  c.add({"Riksnorm: personliga kostnader och gemensamma hushållskostnader", format_kr(a.totals.norm)});
  if (!a.totals.costs.is_zero()) c.add({"Skäliga kostnader (boende, el, försäkring m.m.)", format_kr(a.totals.costs)});
  if (!a.totals.other.is_zero()) c.add({"Livsföring i övrigt", format_kr(a.totals.other)});
  c.add_total({"Summa behov", format_kr(a.totals.need)});
  for (const auto& l : a.lines) {
    if (l.section == Section::income) c.add({"Inkomst: " + l.label, format_kr(-l.amount)});
  }
  for (const auto& l : a.lines) {
    if (l.section == Section::exemption) c.add({"Räknas inte: " + l.label, format_kr(l.amount)});
  }
  c.add_total({"Räknade inkomster", format_kr(-a.totals.income)});
  c.add_total({"Behov minus inkomster, avrundat till hela kronor", format_kr(a.totals.amount)});
  letter.add(std::move(c));

  // 4. The reasons (FL 32 §): the decisive circumstances and the rules applied.
  part("skal", "Skäl för beslutet");
  std::vector<std::string> why;
  if (d.kind == Kind::bifall && d.reasons.empty()) {
    why.push_back(
        "Hushållets inkomster räcker inte till behovet enligt riksnormen och de skäliga kostnaderna. "
        "Du har därför rätt till försörjningsstöd med det beräknade beloppet.");
  }
  for (const auto& r : d.reasons) why.push_back(r.text);
  for (const auto& l : d.lines) {
    if (!l.reason.empty()) why.push_back(l.label + ": " + l.reason);
  }
  bullets(std::move(why));
  std::string rules;
  for (const auto& s : d.statutes) rules += (rules.empty() ? "" : "; ") + s;
  paragraph("Beslutet grundar sig på: " + rules + ".");

  // 5. The children (barnkonsekvensanalys).
  if (d.child_impact) {
    part("barn", "Hur beslutet påverkar barnen (barnkonsekvensanalys)");
    paragraph(*d.child_impact);
  }

  // 6. What to do next, for an avslag or delbifall.
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

  // 7. Who decided (FL 31 §), with the delegation, the föredragande and the handling time.
  part("beslutsfattare", "Vem som har beslutat");
  paragraph("Beslutet är fattat " + d.decided_on.to_string() + " av " + official_sv(in.decided_by) +
            ", med stöd av delegation: " + d.delegation + ".");
  if (in.presented_by) paragraph("Föredragande: " + official_sv(*in.presented_by) + ".");
  if (d.routine) {
    paragraph("Beslutet är ett rutinbeslut: förslaget togs fram ur beräkningen och bekräftades av " +
              (in.decided_by.full_name.empty() ? in.decided_by.name : in.decided_by.full_name) + ".");
  }
  paragraph("Handläggningstid: " + days_sv(d.handling_days) + ", räknat från den dag ansökan kom in" +
            (app.received ? " (" + app.received->to_string() + " är dag 1)" : "") + ".");

  // 8. How to appeal (FL 33 §, 40–44 §§; SoL 35 kap. 1 §).
  part("overklagande", "Hur du överklagar");
  paragraph("Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.");
  bullets({
      "Överklagandet ska vara skriftligt.",
      "Skicka eller lämna överklagandet till " + authority +
          ", inte direkt till förvaltningsrätten. Nämnden skickar det vidare till domstolen.",
      "Överklagandet måste ha kommit in till nämnden inom tre veckor från den dag du fick del av beslutet. "
      "Kommer det in för sent kan det inte prövas.",
      "Skriv vilket beslut du överklagar (beslut " + decision_id + " av " + d.decided_on.to_string() +
          ") och vilken ändring du vill ha. Skriv gärna varför du tycker att beslutet ska ändras.",
      "Skriv under överklagandet och skriv ditt namn, din adress och ditt telefonnummer.",
  });
  paragraph("Lagrum: " + std::string(k_appeal_fl_statute) + "; " + std::string(appeal_statute(d.decided_on)) + ".");
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
