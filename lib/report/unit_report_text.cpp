// SPDX-License-Identifier: MIT
#include "report/unit_report_text.hpp"

#include <algorithm>

#include "money/money.hpp"

namespace eb::report {

namespace {

using period::Month;
using period::MonthRange;

// A table as the sections build it: a header (all empty: a list of labels and values), which
// columns are numbers (right-aligned), the rows; `per_row_in_text`: too wide for a terminal,
// so the text writes one block per row ("header: value") and the page the table.
struct ReportTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;
  bool per_row_in_text = false;
};

struct ReportSection {
  Figure figure = Figure::households;  // the figure it shows (--figure); its name is the heading's id
  std::string heading;
  std::vector<std::string> paragraphs;  // before the tables
  std::vector<ReportTable> tables;
  std::vector<std::string> notes;  // after the tables: why a value is missing, definitions
};

struct ReportDocument {
  std::string title;
  std::vector<std::string> notes;  // the report's notes (preliminary, example config, …)
  std::vector<ReportSection> sections;
};

constexpr std::string_view k_none = "–";

std::string count_sv(std::int64_t n) {
  return format_decimal_sv({n, 1}, 0);
}

// Whole kronor, as the seeds write medelbidrag: "9 135 kr".
std::string kr_sv(Money m) {
  return money::format_kr(m.rounded(money::Rounding::krona_half_up));
}

// Thousands of kronor, rounded half away from zero, as the seeds' budget tables: "55 042".
std::string tkr_sv(Money m) {
  return format_decimal_sv({m.ore(), 100'000}, 0);
}

std::string percent(Fraction f, int decimals = 1) {
  return f.defined() ? format_percent_sv(f, decimals) : std::string(k_none);
}

std::string month_label(Month m) {
  return std::string(month_name_sv(m.month())) + " " + std::to_string(m.year());
}

std::string days_sv(int n) {
  return std::to_string(n) + (n == 1 ? " arbetsdag" : " arbetsdagar");
}

std::string median_sv(const std::optional<Fraction>& m) {
  if (!m) return std::string(k_none);
  return format_decimal_sv(*m, m->denominator == 1 ? 0 : 1) + (same_value(*m, {1, 1}) ? " arbetsdag" : " arbetsdagar");
}

// "3 (25,0 %)": a count and its share.
std::string count_and_share(std::int64_t n, Fraction share) {
  return count_sv(n) + (share.defined() ? " (" + format_percent_sv(share, 1) + ")" : "");
}

// A two-column table of label and value.
ReportTable key_values(std::vector<std::vector<std::string>> rows) {
  return ReportTable{{"", ""}, {false, true}, std::move(rows)};
}

// Population shares are small (0,87 %): two decimals, as the seeds; other shares one.
int decimals_of(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::children:
    case IndicatorKind::children_single_parent:
    case IndicatorKind::persons:
    case IndicatorKind::young:
    case IndicatorKind::long_term:
      return 2;
    default:
      return 1;
  }
}

std::string cell_sv(const Cell& c, bool share, int decimals) {
  if (!c.value) return std::string(k_none);
  return share ? format_percent_sv(*c.value, decimals) : count_sv(c.value->numerator) + " st";
}

std::string target_sv(const std::optional<Target>& t) {
  return t ? t->text : std::string();
}

std::string method_sv(const Prognosis& p) {
  const std::string through = month_label(p.through);
  switch (p.method) {
    case PrognosisMethod::outcome:
      return "årets utfall (perioden slutar i december)";
    case PrognosisMethod::last_year_profile:
      return "utfallet januari–" + through +
             " × föregående års helårsutfall ÷ föregående års utfall för samma månader "
             "(föregående års profil för årets återstående månader)";
    case PrognosisMethod::run_rate:
      return "utfallet hittills i år (t.o.m. " + through +
             ") uppräknat till tolv månader (föregående år finns inte i databasen)";
    case PrognosisMethod::none:
      return "ingen prognos: databasen har inget utfall för året";
  }
  return "";
}

// Sections --------------------------------------------------------------------------------------

void households_and_money(ReportDocument& d, const UnitReport& r, const FigureSet& fs) {
  const bool hh = fs.has(Figure::households);
  const bool paid = fs.has(Figure::paid);
  const bool mb = fs.has(Figure::medelbidrag);
  if (!hh && !paid && !mb) return;
  const UnitFigures& f = r.figures;
  ReportSection s;
  s.figure = hh ? Figure::households : paid ? Figure::paid : Figure::medelbidrag;
  s.heading = "Bidragshushåll och utbetalt försörjningsstöd";
  s.paragraphs.push_back(
      "Ett bidragshushåll är ett ärende med utbetalt bistånd för månaden. Månaden är den som biståndet avser, inte "
      "utbetalningsdagen; utbetalt är netto efter returer.");
  ReportTable months;
  months.header.push_back("Månad");
  months.numeric.push_back(false);
  if (hh) {
    months.header.push_back("Bidragshushåll");
    months.numeric.push_back(true);
  }
  if (paid) {
    months.header.push_back("Utbetalt");
    months.numeric.push_back(true);
  }
  if (mb) {
    months.header.push_back("Medelbidrag");
    months.numeric.push_back(true);
  }
  for (std::size_t i = 0; i < f.households.per_month.size(); ++i) {
    std::vector<std::string> row{month_label(f.households.per_month[i].month)};
    if (hh) row.push_back(count_sv(f.households.per_month[i].value));
    if (paid) row.push_back(kr_sv(Money::from_ore(f.money.per_month[i].value)));
    if (mb) {
      const auto& m = f.money.medelbidrag_per_month[i];
      row.push_back(m ? kr_sv(*m) : std::string(k_none));
    }
    months.rows.push_back(std::move(row));
  }
  s.tables.push_back(std::move(months));
  std::vector<std::vector<std::string>> rows;
  if (hh) {
    rows.push_back({"Biståndsmånader (hushållsmånader)", count_sv(f.households.household_months)});
    rows.push_back({"Bidragshushåll per månad i genomsnitt", format_decimal_sv(f.households.average, 1)});
    rows.push_back({"Olika bidragshushåll under perioden", count_sv(f.households.distinct)});
    rows.push_back({"  varav med barn", count_sv(f.households.with_children)});
  }
  if (paid) rows.push_back({"Utbetalt försörjningsstöd", kr_sv(f.money.paid)});
  if (mb) {
    const auto text = [](const std::optional<Money>& m) { return m ? kr_sv(*m) : std::string(k_none); };
    const bool year = r.period.month_count() == 12;
    rows.push_back({"Medelbidrag per hushåll och månad", text(f.money.per_household_month)});
    rows.push_back({year ? "Medelbidrag per hushåll och år" : "Medelbidrag per hushåll under perioden",
                    text(f.money.per_household_year)});
    s.notes.push_back(
        "Medelbidrag enligt Stockholms stads definition: utbetalt ÷ biståndsmånader, och utbetalt ÷ antal olika "
        "hushåll.");
  }
  s.tables.push_back(key_values(std::move(rows)));
  d.sections.push_back(std::move(s));
}

void persons(ReportDocument& d, const UnitReport& r) {
  const PersonFigures& p = r.figures.persons;
  ReportSection s;
  s.figure = Figure::persons;
  s.heading = "Personer i bidragshushållen";
  s.paragraphs.push_back(
      "Olika personer under perioden. Den som varit sökande eller make/sambo räknas som vuxen, övriga som barn; kön "
      "enligt personnumret. Unga vuxna är 18–24 år den " +
      r.period.last.last_day().to_string() + ".");
  s.tables.push_back(key_values({{"Personer", count_sv(p.persons())},
                                 {"Vuxna", count_sv(p.adults)},
                                 {"  kvinnor", count_sv(p.women)},
                                 {"  män", count_sv(p.men)},
                                 {"Barn", count_sv(p.children)},
                                 {"  flickor", count_sv(p.girls)},
                                 {"  pojkar", count_sv(p.boys)},
                                 {"  barn till ensamstående", count_sv(p.children_single_parent)},
                                 {"Unga vuxna 18–24 år", count_sv(p.young)},
                                 {"  kvinnor", count_sv(p.young_women)},
                                 {"  män", count_sv(p.young_men)}}));
  d.sections.push_back(std::move(s));
}

void long_term(ReportDocument& d, const UnitReport& r) {
  const LongTermFigures& l = r.figures.long_term;
  ReportSection s;
  s.figure = Figure::long_term;
  s.heading = "Långvarigt bistånd";
  s.paragraphs.push_back("Vuxna som haft bistånd i minst " + std::to_string(l.min_months) + " månader under " +
                         period_label(l.window) + ".");
  s.tables.push_back(
      key_values({{"Vuxna", count_sv(l.adults)}, {"  kvinnor", count_sv(l.women)}, {"  män", count_sv(l.men)}}));
  d.sections.push_back(std::move(s));
}

void hinder(ReportDocument& d, const UnitReport& r) {
  const HinderFigures& h = r.figures.hinder;
  ReportSection s;
  s.figure = Figure::hinder;
  s.heading = "Försörjningshinder " + month_label(h.month);
  s.paragraphs.push_back("Vuxna i bidragshushåll " + month_label(h.month) +
                         " efter försörjningshinder: " + count_sv(h.adults) + " vuxna i " + count_sv(h.households) +
                         " hushåll. Ett hushåll med två vuxna med olika hinder räknas under båda.");
  ReportTable t{
      {"Försörjningshinder", "Vuxna", "Andel", "Hushåll", "Andel av hushållen"}, {false, true, true, true, true}, {}};
  for (const auto& c : h.codes) {
    t.rows.push_back({c.code.empty() ? "uppgift saknas" : r.config.hinder_label(c.code), count_sv(c.adults),
                      percent(c.share), count_sv(c.households), percent(c.household_share)});
  }
  if (h.households == 0) {
    s.paragraphs.back() = "Inga bidragshushåll " + month_label(h.month) + ".";
  } else {
    s.tables.push_back(std::move(t));
  }
  ReportTable support{
      {"Försörjningshinder", "Vuxna", "Till egen/annan försörjning", "Andel"}, {false, true, true, true}, {}};
  for (const auto& x : r.figures.hinder_support) {
    support.rows.push_back(
        {r.config.hinder_label(x.code), count_sv(x.persons), count_sv(x.supported), percent({x.supported, x.persons})});
  }
  std::string reasons;
  for (const auto reason : r.config.support_reasons) {
    reasons += (reasons.empty() ? "" : ", ") + std::string(closure_reason_label(reason));
  }
  if (!support.rows.empty()) s.tables.push_back(std::move(support));
  s.notes.push_back("Till egen eller annan försörjning: ärendet avslutat under perioden med orsak " + reasons +
                    ", och inte återöppnat före periodens slut.");
  d.sections.push_back(std::move(s));
}

void handling(ReportDocument& d, const UnitReport& r) {
  const HandlingFigures& h = r.figures.handling;
  const HandlingConvention& c = h.convention;
  ReportSection s;
  s.figure = Figure::handlaggningstid;
  s.heading = "Handläggningstid";
  s.paragraphs.push_back(
      std::string("Arbetsdagar från den dag ansökan var komplett (annars ankomstdagen) till första beslutet, ") +
      (c.count == HandlingCount::including_arrival ? "ankomstdagen inräknad (dag 1)"
                                                   : "räknat från dagen efter ankomststämpeln") +
      "; helgdagar, midsommar-, jul- och nyårsafton räknas inte. Mål: " + days_sv(c.target_days) + ".");
  std::vector<std::vector<std::string>> rows{
      {"Beslutade ansökningar", count_sv(h.decided)},
      {"Median", median_sv(h.median_days)},
      {"Inom " + days_sv(c.target_days), count_and_share(h.within_target, h.within_target_share())}};
  if (c.target_days != 5) rows.push_back({"Inom 5 arbetsdagar", count_and_share(h.within_5, h.within_5_share())});
  if (h.not_measured > 0) rows.push_back({"Beslut före ankomstdagen (ej mätbara)", count_sv(h.not_measured)});
  s.tables.push_back(key_values(std::move(rows)));
  ReportTable dist{{"Arbetsdagar", "Beslut"}, {true, true}, {}};
  for (std::size_t i = 0; i < h.distribution.size(); ++i) {
    if (h.distribution[i] > 0) dist.rows.push_back({std::to_string(i), count_sv(h.distribution[i])});
  }
  if (!dist.rows.empty()) s.tables.push_back(std::move(dist));
  d.sections.push_back(std::move(s));
}

void decisions(ReportDocument& d, const UnitReport& r) {
  const DecisionFigures& x = r.figures.decisions;
  ReportSection s;
  s.figure = Figure::decisions;
  s.heading = "Beslut";
  s.paragraphs.push_back("Ansökningar med första beslut under perioden, efter det gällande beslutets utfall.");
  s.tables.push_back(key_values({{"Bifall", count_sv(x.bifall)},
                                 {"Delvis bifall", count_sv(x.delbifall)},
                                 {"Avslag", count_sv(x.avslag)},
                                 {"Totalt", count_sv(x.total())},
                                 {"Andel avslag", percent(x.avslag_share())}}));
  d.sections.push_back(std::move(s));
}

void closures(ReportDocument& d, const UnitReport& r) {
  const ClosureFigures& c = r.figures.closures;
  ReportSection s;
  s.figure = Figure::closures;
  s.heading = "Avslutade ärenden";
  s.paragraphs.push_back("Ärenden avslutade under perioden, efter avslutsorsak.");
  std::vector<std::vector<std::string>> rows;
  for (const auto reason : k_closure_reasons) {
    std::string label(closure_reason_label(reason));
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    rows.push_back({label, count_sv(c.count(reason))});
  }
  rows.push_back({"Totalt", count_sv(c.total())});
  rows.push_back({"Återöppnade av en senare ansökan", count_sv(c.reopened)});
  s.tables.push_back(ReportTable{{"Avslutsorsak", "Ärenden"}, {false, true}, std::move(rows)});
  d.sections.push_back(std::move(s));
}

void housing(ReportDocument& d, const UnitReport& r) {
  const HousingFigures& h = r.figures.housing;
  ReportSection s;
  s.figure = Figure::housing;
  s.heading = "Hemlöshet";
  s.paragraphs.push_back(
      "Personer i bidragshushåll utan stadigvarande bostad någon månad under perioden: hemlösa eller i tillfälligt "
      "boende (hotell, vandrarhem, härbärge), enligt ansökans uppgift om boende.");
  s.tables.push_back(
      key_values({{"Hemlösa vuxna", count_sv(h.homeless)},
                  {"  kvinnor", count_sv(h.homeless_women)},
                  {"  män", count_sv(h.homeless_men)},
                  {"Barn i hushållen", count_sv(h.homeless_children)},
                  {"Familjer med barn som saknar stadigvarande bostad", count_sv(h.families_unstable)}}));
  d.sections.push_back(std::move(s));
}

void control(ReportDocument& d, const UnitReport& r) {
  const ControlFigures& c = r.figures.control;
  ReportSection s;
  s.figure = Figure::internal_control;
  s.heading = "Intern kontroll";
  std::vector<std::vector<std::string>> rows{
      {"Beslut som rör barn (avslag och delbifall i hushåll med barn)", count_sv(c.child_decisions)},
      {"  med barnkonsekvensanalys", count_and_share(c.with_child_impact, c.child_impact_share())},
      {"Bidragshushåll " + month_label(r.period.last), count_sv(c.cases)}};
  if (c.arbetsplan_months) {
    rows.push_back({"  med aktuell arbetsplan", count_and_share(c.with_current_plan, c.arbetsplan_share())});
    s.notes.push_back("Aktuell arbetsplan: upprättad eller förnyad under de " + std::to_string(*c.arbetsplan_months) +
                      " månader som slutar med " + month_label(r.period.last) + ".");
  } else {
    rows.push_back({"  med aktuell arbetsplan", std::string(k_none)});
    s.notes.push_back("Arbetsplanens giltighetstid ([arbetsplan] current_months) saknas i konfigurationen.");
  }
  s.tables.push_back(key_values(std::move(rows)));
  d.sections.push_back(std::move(s));
}

void fut(ReportDocument& d, const UnitReport& r) {
  const FutFigures& u = r.figures.fut;
  ReportSection s;
  s.figure = Figure::fut;
  s.heading = "Felaktiga utbetalningar (FUT)";
  if (!u.available) {
    s.paragraphs.push_back("Uppgifter saknas: databasen har ingen FUT-granskning (eb fut-check).");
  } else {
    s.tables.push_back(key_values({{"Nya flaggor", count_sv(u.flags_raised)},
                                   {"Utredda: inget fel", count_sv(u.closed_no_error)},
                                   {"Utredda: fel (återkrav)", count_sv(u.closed_error)},
                                   {"Utredda: misstänkt brott", count_sv(u.closed_crime)},
                                   {"Återkrav", count_sv(u.claims_raised)},
                                   {"Återkrävt belopp", kr_sv(u.claimed)},
                                   {"Återbetalt", kr_sv(u.repaid)},
                                   {"Polisanmälningar", count_sv(u.police_reports)}}));
  }
  d.sections.push_back(std::move(s));
}

void indicators(ReportDocument& d, const UnitReport& r) {
  ReportSection s;
  s.figure = Figure::indicators;
  s.heading = "Indikatorer";
  const MonthRange before = r.period.shifted_years(-1);
  s.paragraphs.push_back(
      "Verksamhetsplanens indikatorer för " + period_label(r.period) +
      ": utfall (för män/pojkar och kvinnor/flickor där personer ligger bakom), utfall samma period " +
      std::to_string(before.last.year()) + " (" + period_label(before) + "), prognos för helåret och årets mål.");
  ReportTable t{{"Indikator", "Utfall", "Män/pojkar", "Kvinnor/flickor",
                 "Samma period " + std::to_string(r.period.last.year() - 1), "Prognos helår", "Årsmål", "KF:s årsmål"},
                {false, true, true, true, true, true, false, false},
                {},
                true};
  for (const IndicatorRow& i : r.indicators) {
    const int dec = decimals_of(i.id.kind);
    t.rows.push_back({i.name, cell_sv(i.outcome, i.share, dec), i.sex_split ? cell_sv(i.men, i.share, dec) : "",
                      i.sex_split ? cell_sv(i.women, i.share, dec) : "", cell_sv(i.year_before, i.share, dec),
                      i.prognosis.value ? cell_sv(i.prognosis, i.share, dec) : "", target_sv(i.target),
                      target_sv(i.kf_target)});
    if (!i.outcome.value && !i.outcome.missing.empty()) s.notes.push_back(i.name + ": " + i.outcome.missing + ".");
    if (i.outcome.value && !i.prognosis.value && !i.prognosis.missing.empty()) {
      s.notes.push_back(i.name + ", prognos helår: " + i.prognosis.missing + ".");
    }
  }
  if (!r.year_before_missing.empty()) s.notes.push_back("Föregående år: " + r.year_before_missing + ".");
  s.tables.push_back(std::move(t));
  d.sections.push_back(std::move(s));
}

void budget(ReportDocument& d, const UnitReport& r) {
  const BudgetFollowUp& b = r.budget;
  ReportSection s;
  s.figure = Figure::budget;
  s.heading = "Uppföljning av budget";
  s.paragraphs.push_back(
      "Beloppen anges i tkr. Utfall är utbetalt försörjningsstöd för periodens månader; "
      "periodens budget är årsbudgeten fördelad jämnt över månaderna. Avvikelse = budget − utfall.");
  const auto tkr = [](const std::optional<Money>& m) { return m ? tkr_sv(*m) : std::string(k_none); };
  ReportTable t{{"", "Utfall " + period_label(r.period), "Budget", "Avvikelse"}, {false, true, true, true}, {}};
  t.rows.push_back({"Försörjningsstöd", tkr_sv(b.outcome), tkr(b.budget), tkr(b.deviation)});
  s.tables.push_back(std::move(t));
  ReportTable y{
      {"", "Prognos helår " + std::to_string(b.year), "Budget helår", "Avvikelse"}, {false, true, true, true}, {}};
  y.rows.push_back({"Försörjningsstöd", tkr(b.prognosis.amount), tkr(b.budget_year), tkr(b.deviation_year)});
  s.tables.push_back(std::move(y));
  s.notes.push_back("Prognosmetod: " + method_sv(b.prognosis) + ".");
  if (!b.budget_missing.empty()) s.notes.push_back("Budget: " + b.budget_missing + ".");
  if (b.accuracy) {
    const PrognosisAccuracy& a = *b.accuracy;
    s.notes.push_back("Prognossäkerhet T2: prognosen i augusti " + tkr(a.t2.amount) + " tkr, utfallet " +
                      tkr_sv(a.outcome) + " tkr, skillnad " + tkr_sv(a.difference) + " tkr" +
                      (a.of_budget ? " (" + format_percent_sv(*a.of_budget, 1) + " av budget)" : "") + ".");
  } else {
    s.notes.push_back("Prognossäkerhet T2: " + b.accuracy_missing + ".");
  }
  d.sections.push_back(std::move(s));
}

ReportDocument sections_of(const UnitReport& r, const FigureSet& fs) {
  ReportDocument d;
  const std::string unit = r.config.unit.empty() ? "Ekonomiskt bistånd" : r.config.unit;
  d.title = unit + ": uppföljning " + period_label(r.period);
  const std::string span = r.period.first == r.period.last
                               ? r.period.first.to_string()
                               : r.period.first.to_string() + " till " + r.period.last.to_string();
  d.notes.push_back("Period " + span + ", uppgifter ur ärendedatabasen den " + r.today.to_string() + ".");
  d.notes.insert(d.notes.end(), r.notes.begin(), r.notes.end());
  households_and_money(d, r, fs);
  if (fs.has(Figure::persons)) persons(d, r);
  if (fs.has(Figure::long_term)) long_term(d, r);
  if (fs.has(Figure::hinder)) hinder(d, r);
  if (fs.has(Figure::handlaggningstid)) handling(d, r);
  if (fs.has(Figure::decisions)) decisions(d, r);
  if (fs.has(Figure::closures)) closures(d, r);
  if (fs.has(Figure::housing)) housing(d, r);
  if (fs.has(Figure::internal_control)) control(d, r);
  if (fs.has(Figure::fut)) fut(d, r);
  if (fs.has(Figure::indicators)) indicators(d, r);
  if (fs.has(Figure::budget)) budget(d, r);
  return d;
}

// One table of the shared model: the header shown when some column has one.
doc::Table table_of(const ReportTable& t) {
  doc::Table out;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    out.columns.push_back({t.header[c], c < t.numeric.size() && t.numeric[c] ? doc::Align::right : doc::Align::left});
  }
  for (auto row : t.rows) {
    // An indented label ("  varav med barn") keeps its indent on the page too.
    if (!row.empty() && row[0].rfind("  ", 0) == 0) row[0] = "\u00a0\u00a0\u00a0" + row[0].substr(2);
    out.add(std::move(row));
  }
  return out;
}

// A wide table for the terminal: per row, its first cell as a paragraph and the others as
// "header: value" (empty cells left out).
void add_per_row(doc::Document& d, const ReportTable& t) {
  for (const auto& row : t.rows) {
    doc::KeyValueList kv;
    for (std::size_t c = 1; c < row.size() && c < t.header.size(); ++c) {
      if (!row[c].empty()) kv.items.emplace_back(t.header[c], row[c]);
    }
    d.add(doc::Paragraph{row.empty() ? std::string() : row[0], false}, doc::Media::text);
    d.add(std::move(kv), doc::Media::text);
  }
}

}  // namespace

std::vector<doc::Chart> unit_report_charts(const UnitReport& r, const FigureSet& fs) {
  const UnitFigures& f = r.figures;
  std::vector<doc::Chart> charts;
  const auto short_month = [](Month m) { return std::string(month_name_sv(m.month())).substr(0, 3); };
  const auto point = [](std::string label, std::int64_t value, std::string text) {
    doc::ChartPoint p;
    p.label = std::move(label);
    p.value = value;
    p.text = std::move(text);
    return p;
  };
  const auto chart = [](doc::ChartKind kind, std::string title, std::string unit) {
    doc::Chart c;
    c.kind = kind;
    c.title = std::move(title);
    c.unit = std::move(unit);
    return c;
  };
  if (fs.has(Figure::households)) {
    doc::Chart c = chart(doc::ChartKind::columns, "Bidragshushåll per månad", "hushåll");
    for (const auto& m : f.households.per_month)
      c.points.push_back(point(short_month(m.month), m.value, count_sv(m.value)));
    charts.push_back(std::move(c));
  }
  if (fs.has(Figure::medelbidrag)) {
    doc::Chart c = chart(doc::ChartKind::columns, "Medelbidrag per hushåll och månad", "kr");
    for (std::size_t i = 0; i < f.money.per_month.size(); ++i) {
      const auto& m = f.money.medelbidrag_per_month[i];
      const std::int64_t kr = m ? m->rounded(money::Rounding::krona_half_up).ore() / 100 : 0;
      c.points.push_back(point(short_month(f.money.per_month[i].month), kr, m ? kr_sv(*m) : std::string(k_none)));
    }
    charts.push_back(std::move(c));
  }
  if (fs.has(Figure::hinder)) {
    doc::Chart c = chart(doc::ChartKind::bars, "Försörjningshinder " + month_label(f.hinder.month), "vuxna");
    for (const auto& h : f.hinder.codes) {
      c.points.push_back(point(h.code.empty() ? "uppgift saknas" : r.config.hinder_label(h.code), h.adults,
                               count_and_share(h.adults, h.share)));
    }
    charts.push_back(std::move(c));
  }
  if (fs.has(Figure::handlaggningstid)) {
    doc::Chart c = chart(doc::ChartKind::columns, "Handläggningstid (arbetsdagar)", "beslut");
    for (std::size_t i = 0; i < f.handling.distribution.size(); ++i) {
      c.points.push_back(point(std::to_string(i), f.handling.distribution[i], count_sv(f.handling.distribution[i])));
    }
    charts.push_back(std::move(c));
  }
  return charts;
}

doc::Document unit_report_document(const UnitReport& r, const FigureSet& fs) {
  const ReportDocument sections = sections_of(r, fs);
  doc::Document d;
  d.title = sections.title;
  d.layout = doc::Layout::report;
  if (!sections.notes.empty()) d.subtitle = sections.notes.front();
  for (std::size_t i = 1; i < sections.notes.size(); ++i)
    d.add(doc::Notice{doc::NoticeKind::info, "", sections.notes[i]});
  const std::vector<doc::Chart> charts = unit_report_charts(r, fs);
  if (!charts.empty()) {
    d.add(doc::Heading{2, "Diagram", "charts"}, doc::Media::html);
    for (const auto& c : charts) d.add(c, doc::Media::html);
  }
  for (const ReportSection& s : sections.sections) {
    d.add(doc::Heading{2, s.heading, std::string(figure_name(s.figure))});
    for (const auto& p : s.paragraphs) d.add(doc::Paragraph{p, false});
    for (const auto& t : s.tables) {
      if (t.per_row_in_text) {
        add_per_row(d, t);
        d.add(table_of(t), doc::Media::html);
      } else {
        d.add(table_of(t));
      }
    }
    for (const auto& n : s.notes) d.add(doc::Paragraph{n, true});
  }
  return d;
}

std::string unit_report_text(const UnitReport& r, const FigureSet& figures) {
  return doc::to_text(unit_report_document(r, figures));
}

std::string unit_report_html(const UnitReport& r, const FigureSet& figures) {
  return doc::to_html(unit_report_document(r, figures));
}

}  // namespace eb::report
