// SPDX-License-Identifier: MIT
#include "decide/letter.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <vector>

#include "common/ids.hpp"
#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"

namespace eb::decide {

namespace {

using assess::Section;
using money::format_kr;

// ---- the letter as a document, rendered to text or HTML ---------------------------------

struct Row {
  std::vector<std::string> cells;
  bool total = false;
};

struct TableBlock {
  std::vector<std::string> header;
  std::vector<bool> right;
  std::vector<Row> rows;
};

struct Block {
  std::string paragraph;
  std::vector<std::string> bullets;
  std::optional<TableBlock> table;
};

struct Part {
  std::string id;  // an HTML class, and what the tests look for
  std::string title;
  std::vector<Block> blocks;

  void paragraph(std::string text) { blocks.push_back(Block{std::move(text), {}, std::nullopt}); }
  void bullets(std::vector<std::string> items) { blocks.push_back(Block{"", std::move(items), std::nullopt}); }
  void table(TableBlock t) { blocks.push_back(Block{"", {}, std::move(t)}); }
};

struct Document {
  std::string authority;
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // Beslut D-5, Datum …
  std::vector<std::string> recipient;
  std::vector<Part> parts;
};

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

Document build(const LetterInput& in) {
  const Decision& d = *in.decision;
  const assess::Assessment& a = *in.assessment;
  const assess::Application& app = *in.application;
  const std::string decision_id = format_id(IdKind::beslut, d.id);
  const std::string month = month_sv(a.month);
  const std::string authority = d.authority.empty() ? "Socialnämnden" : d.authority;

  Document doc;
  doc.authority = authority;
  doc.title = "Beslut om ekonomiskt bistånd (försörjningsstöd)";
  doc.facts = {{"Beslut", decision_id},
               {"Datum", d.decided_on.to_string()},
               {"Ärende", format_id(IdKind::arende, in.case_id)},
               {"Ansökan", format_id(IdKind::application, d.application_id)}};
  const assess::Member& applicant = app.applicant();
  doc.recipient = {applicant.name.empty() ? "Sökande" : applicant.name, applicant.pnr.formatted()};
  if (!app.address.empty()) doc.recipient.push_back(app.address);

  // 1. The decision (FL 31 §: what it says).
  Part decision{"beslut", "Beslut", {}};
  switch (d.kind) {
    case Kind::bifall:
      decision.paragraph("Du beviljas försörjningsstöd med " + format_kr(d.granted) + " för " + month + ".");
      break;
    case Kind::delbifall:
      decision.paragraph("Du beviljas försörjningsstöd med " + format_kr(d.granted) + " för " + month + ". Det är " +
                         format_kr(d.assessed - d.granted) +
                         " mindre än det beräknade beloppet. I den delen avslås din ansökan (delvis bifall).");
      break;
    case Kind::avslag:
      decision.paragraph("Din ansökan om försörjningsstöd för " + month + " avslås.");
      break;
  }
  if (d.replaces) {
    std::string text = "Detta beslut ersätter beslut " + format_id(IdKind::beslut, *d.replaces);
    if (in.replaced_decided_on) text += " av " + in.replaced_decided_on->to_string();
    decision.paragraph(text + ".");
  }
  doc.parts.push_back(std::move(decision));

  // 2. What was applied for, and what is decided per item and in total.
  Part items{"poster", "Vad du ansökte om och vad som beslutas", {}};
  std::string kind = app.kind == assess::ApplicationKind::supplement ? "en tilläggsansökan om ekonomiskt bistånd"
                                                                     : "ekonomiskt bistånd (försörjningsstöd)";
  items.paragraph("Du ansökte om " + kind + " för " + month + " för ett hushåll med " + household_sv(app) +
                  ". Ansökan kom in " + (app.received ? app.received->to_string() : "") + ".");
  TableBlock t{{"Post", "Beräknat", "Beviljat", "Beslut"}, {false, true, true, false}, {}};
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
    t.rows.push_back({{label, format_kr(l.assessed), format_kr(l.granted), outcome_sv(l.outcome)}, false});
    need_granted += l.granted;
  }
  t.rows.push_back({{"Summa behov", format_kr(a.totals.need), format_kr(need_granted), ""}, true});
  if (!a.totals.income.is_zero()) {
    t.rows.push_back({{"Avgår räknade inkomster", format_kr(-a.totals.income),
                       d.kind == Kind::avslag ? "" : format_kr(-a.totals.income), ""},
                      true});
  }
  t.rows.push_back({{"Försörjningsstöd", format_kr(d.assessed), format_kr(d.granted), outcome_sv(d.kind)}, true});
  items.table(std::move(t));
  doc.parts.push_back(std::move(items));

  // 3. The calculation, summarised.
  Part calc{"berakning", "Så har vi räknat", {}};
  calc.paragraph("Beräkningen följer riksnormen för " + std::to_string(a.month.year()) + " (" + a.norm_id +
                 ") och de skäliga kostnader du har ansökt om. Från behovet dras hushållets inkomster.");
  TableBlock c{{"", "Belopp"}, {false, true}, {}};
  c.rows.push_back({{"Riksnorm: personliga kostnader och gemensamma hushållskostnader", format_kr(a.totals.norm)}});
  if (!a.totals.costs.is_zero())
    c.rows.push_back({{"Skäliga kostnader (boende, el, försäkring m.m.)", format_kr(a.totals.costs)}});
  if (!a.totals.other.is_zero()) c.rows.push_back({{"Livsföring i övrigt", format_kr(a.totals.other)}});
  c.rows.push_back({{"Summa behov", format_kr(a.totals.need)}, true});
  for (const auto& l : a.lines) {
    if (l.section == Section::income) c.rows.push_back({{"Inkomst: " + l.label, format_kr(-l.amount)}});
  }
  for (const auto& l : a.lines) {
    if (l.section == Section::exemption) c.rows.push_back({{"Räknas inte: " + l.label, format_kr(l.amount)}});
  }
  c.rows.push_back({{"Räknade inkomster", format_kr(-a.totals.income)}, true});
  c.rows.push_back({{"Behov minus inkomster, avrundat till hela kronor", format_kr(a.totals.amount)}, true});
  calc.table(std::move(c));
  doc.parts.push_back(std::move(calc));

  // 4. The reasons (FL 32 §): the decisive circumstances and the rules applied.
  Part reasons{"skal", "Skäl för beslutet", {}};
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
  reasons.bullets(std::move(why));
  std::string rules;
  for (const auto& s : d.statutes) rules += (rules.empty() ? "" : "; ") + s;
  reasons.paragraph("Beslutet grundar sig på: " + rules + ".");
  doc.parts.push_back(std::move(reasons));

  // 5. The children (barnkonsekvensanalys).
  if (d.child_impact) {
    Part children{"barn", "Hur beslutet påverkar barnen (barnkonsekvensanalys)", {}};
    children.paragraph(*d.child_impact);
    doc.parts.push_back(std::move(children));
  }

  // 6. What to do next, for an avslag or delbifall.
  if (d.kind != Kind::bifall) {
    Part next{"nasta-steg", "Vad du kan göra nu", {}};
    std::vector<std::string> steps;
    const bool incomplete =
        std::any_of(d.reasons.begin(), d.reasons.end(), [](const Reason& r) { return r.code == "incomplete"; });
    if (incomplete) steps.push_back("Skicka in de uppgifter och underlag som saknas tillsammans med en ny ansökan.");
    steps.push_back("Om din situation ändras, till exempel om dina inkomster minskar, kan du ansöka igen.");
    steps.push_back("Har du frågor om beslutet kan du kontakta din handläggare.");
    next.bullets(std::move(steps));
    doc.parts.push_back(std::move(next));
  }

  // 7. Who decided (FL 31 §), with the delegation, the föredragande and the handling time.
  Part who{"beslutsfattare", "Vem som har beslutat", {}};
  who.paragraph("Beslutet är fattat " + d.decided_on.to_string() + " av " + official_sv(in.decided_by) +
                ", med stöd av delegation: " + d.delegation + ".");
  if (in.presented_by) who.paragraph("Föredragande: " + official_sv(*in.presented_by) + ".");
  if (d.routine) {
    who.paragraph("Beslutet är ett rutinbeslut: förslaget togs fram ur beräkningen och bekräftades av " +
                  (in.decided_by.full_name.empty() ? in.decided_by.name : in.decided_by.full_name) + ".");
  }
  who.paragraph("Handläggningstid: " + days_sv(d.handling_days) + ", räknat från den dag ansökan kom in" +
                (app.received ? " (" + app.received->to_string() + " är dag 1)" : "") + ".");
  doc.parts.push_back(std::move(who));

  // 8. How to appeal (FL 33 §, 40–44 §§; SoL 35 kap. 1 §).
  Part appeal{"overklagande", "Hur du överklagar", {}};
  appeal.paragraph("Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.");
  appeal.bullets({
      "Överklagandet ska vara skriftligt.",
      "Skicka eller lämna överklagandet till " + authority +
          ", inte direkt till förvaltningsrätten. Nämnden skickar det vidare till domstolen.",
      "Överklagandet måste ha kommit in till nämnden inom tre veckor från den dag du fick del av beslutet. "
      "Kommer det in för sent kan det inte prövas.",
      "Skriv vilket beslut du överklagar (beslut " + decision_id + " av " + d.decided_on.to_string() +
          ") och vilken ändring du vill ha. Skriv gärna varför du tycker att beslutet ska ändras.",
      "Skriv under överklagandet och skriv ditt namn, din adress och ditt telefonnummer.",
  });
  appeal.paragraph("Lagrum: " + std::string(k_appeal_fl_statute) + "; " + std::string(appeal_statute(d.decided_on)) +
                   ".");
  doc.parts.push_back(std::move(appeal));
  return doc;
}

// ---- text -------------------------------------------------------------------------------

constexpr std::size_t k_width = 78;

std::size_t width_of(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The words of `s` for wrapping: a line never breaks inside an amount ("17 170 kr"), between a
// number and "§", or between "§" and a number ("§ 12"); "\n" is a word of its own.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      const bool after_digit = i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() &&
                               (is_digit(s[i + 1]) || s.substr(i + 1, 2) == "kr" || s.substr(i + 1, 2) == "§");
      const bool after_section_sign = i >= 2 && s.substr(i - 2, 2) == "§" && i + 1 < s.size() && is_digit(s[i + 1]);
      const bool glue = after_digit || after_section_sign;
      if (glue) {
        word += ' ';
        continue;
      }
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else if (s[i] == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
      out.emplace_back("\n");
    } else {
      word += s[i];
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

void wrap(std::ostream& out, std::string_view text, const std::string& first, const std::string& rest) {
  std::string line = first;
  std::size_t width = width_of(first);
  bool empty = true;
  for (const auto& w : words_of(text)) {
    if (w == "\n") {
      out << line << "\n";
      line = rest;
      width = width_of(rest);
      empty = true;
      continue;
    }
    const std::size_t ww = width_of(w);
    if (!empty && width + 1 + ww > k_width) {
      out << line << "\n";
      line = rest;
      width = width_of(rest);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++width;
    }
    line += w;
    width += ww;
    empty = false;
  }
  out << line << "\n";
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::size_t n = width_of(s);
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

void text_table(std::ostream& out, const TableBlock& t) {
  const std::size_t cols = t.header.size();
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t i = 0; i < cols; ++i) w[i] = width_of(t.header[i]);
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < cols && i < r.cells.size(); ++i) w[i] = std::max(w[i], width_of(r.cells[i]));
  }
  // The first column takes what the others leave of the page.
  std::size_t others = 0;
  for (std::size_t i = 1; i < cols; ++i) others += w[i] + 2;
  if (w[0] + others + 2 > k_width && others + 2 + 20 < k_width) w[0] = k_width - others - 2;
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string first = cells.empty() ? "" : cells[0];
    std::string rest_of_first;
    if (width_of(first) > w[0]) {  // wrap a long label onto a second line
      std::size_t cut = first.rfind(' ', w[0]);
      if (cut != std::string::npos && cut > 0) {
        rest_of_first = first.substr(cut + 1);
        first = first.substr(0, cut);
      }
    }
    std::string s = "  " + pad(first, w[0], false);
    for (std::size_t i = 1; i < cols; ++i) s += "  " + pad(i < cells.size() ? cells[i] : "", w[i], t.right[i]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
    if (!rest_of_first.empty()) out << "    " << rest_of_first << "\n";
  };
  bool has_header = false;
  for (const auto& h : t.header) has_header = has_header || !h.empty();
  if (has_header) line(t.header);
  bool rule_done = false;
  for (const auto& r : t.rows) {
    if (r.total && !rule_done) {
      std::size_t total = w[0];
      for (std::size_t i = 1; i < cols; ++i) total += 2 + w[i];
      out << "  " << std::string(total, '-') << "\n";
      rule_done = true;
    }
    line(r.cells);
  }
}

std::string render_text(const Document& doc) {
  std::ostringstream out;
  out << doc.authority << "\n\n";
  out << doc.title << "\n" << std::string(width_of(doc.title), '=') << "\n";
  std::string facts;
  for (const auto& [k, v] : doc.facts) facts += (facts.empty() ? "" : "   ") + k + " " + v;
  out << facts << "\n\n";
  out << "Till:\n";
  for (const auto& r : doc.recipient) out << "  " << r << "\n";
  for (const auto& p : doc.parts) {
    out << "\n" << p.title << "\n" << std::string(width_of(p.title), '-') << "\n";
    bool first = true;
    for (const auto& b : p.blocks) {
      if (!first) out << "\n";
      first = false;
      if (!b.paragraph.empty()) wrap(out, b.paragraph, "", "");
      for (const auto& item : b.bullets) wrap(out, item, "  - ", "    ");
      if (b.table) text_table(out, *b.table);
    }
  }
  return out.str();
}

// ---- HTML -------------------------------------------------------------------------------

constexpr std::string_view k_style = R"css(
  body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #000;
         max-width: 46em; margin: 2em auto; padding: 0 1em; }
  header { display: flex; justify-content: space-between; align-items: flex-start; gap: 2em; }
  .authority { font-weight: bold; }
  .facts { border-collapse: collapse; }
  .facts th { text-align: left; font-weight: normal; padding-right: 1em; color: #333; }
  .recipient { margin: 2em 0; }
  h1 { font-size: 15pt; margin: 1em 0 0.5em; }
  h2 { font-size: 12pt; margin: 1.4em 0 0.4em; border-bottom: 1px solid #999; }
  table.items { border-collapse: collapse; width: 100%; }
  table.items th, table.items td { padding: 0.2em 0.4em; border-bottom: 1px solid #ddd; vertical-align: top; }
  table.items th { text-align: left; }
  .num { text-align: right; white-space: nowrap; }
  tr.total td { font-weight: bold; border-top: 1px solid #000; }
  @page { size: A4; margin: 20mm; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, li { break-inside: avoid; } }
)css";

std::string render_html(const Document& doc) {
  std::ostringstream out;
  const auto esc = [](std::string_view s) { return text::markup_escaped(s); };
  out << "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << esc(doc.title) << " "
      << esc(doc.facts.front().second) << "</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n";
  out << "<header>\n<div class=\"authority\">" << esc(doc.authority) << "</div>\n<table class=\"facts\">\n";
  for (const auto& [k, v] : doc.facts) out << "<tr><th>" << esc(k) << "</th><td>" << esc(v) << "</td></tr>\n";
  out << "</table>\n</header>\n<address class=\"recipient\">\n";
  for (const auto& r : doc.recipient) out << esc(r) << "<br>\n";
  out << "</address>\n<h1>" << esc(doc.title) << "</h1>\n";
  for (const auto& p : doc.parts) {
    out << "<section class=\"" << esc(p.id) << "\">\n<h2>" << esc(p.title) << "</h2>\n";
    for (const auto& b : p.blocks) {
      if (!b.paragraph.empty()) {
        std::string text = esc(b.paragraph);
        for (std::size_t pos = 0; (pos = text.find('\n', pos)) != std::string::npos; pos += 5) {
          text.replace(pos, 1, "<br>\n");
        }
        out << "<p>" << text << "</p>\n";
      }
      if (!b.bullets.empty()) {
        out << "<ul>\n";
        for (const auto& item : b.bullets) out << "<li>" << esc(item) << "</li>\n";
        out << "</ul>\n";
      }
      if (b.table) {
        const TableBlock& t = *b.table;
        out << "<table class=\"items\">\n";
        bool has_header = false;
        for (const auto& h : t.header) has_header = has_header || !h.empty();
        if (has_header) {
          out << "<thead><tr>";
          for (std::size_t i = 0; i < t.header.size(); ++i) {
            out << "<th" << (t.right[i] ? " class=\"num\"" : "") << ">" << esc(t.header[i]) << "</th>";
          }
          out << "</tr></thead>\n";
        }
        out << "<tbody>\n";
        for (const auto& r : t.rows) {
          out << "<tr" << (r.total ? " class=\"total\"" : "") << ">";
          for (std::size_t i = 0; i < t.header.size(); ++i) {
            out << "<td" << (t.right[i] ? " class=\"num\"" : "") << ">" << esc(i < r.cells.size() ? r.cells[i] : "")
                << "</td>";
          }
          out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
      }
    }
    out << "</section>\n";
  }
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace

std::string month_sv(period::Month m) {
  static constexpr std::array<std::string_view, 12> k_names{"januari",   "februari", "mars",     "april",
                                                            "maj",       "juni",     "juli",     "augusti",
                                                            "september", "oktober",  "november", "december"};
  return std::string(k_names[static_cast<std::size_t>(m.month() - 1)]) + " " + std::to_string(m.year());
}

std::string render_letter(const LetterInput& in, LetterFormat format) {
  const Document doc = build(in);
  return format == LetterFormat::html ? render_html(doc) : render_text(doc);
}

}  // namespace eb::decide
