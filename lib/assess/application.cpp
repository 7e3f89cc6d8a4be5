// SPDX-License-Identifier: MIT
#include "assess/application.hpp"

#include <array>
#include <set>
#include <utility>

#include "assess/limits.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"
#include "norms/guideline.hpp"
#include "period/period_reader.hpp"

namespace eb::assess {

namespace {

struct CostInfo {
  CostKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<CostInfo, 13> k_costs{{
    {CostKind::rent, "rent", "Boendekostnad"},
    {CostKind::electricity, "electricity", "Hushållsel"},
    {CostKind::work_travel, "work_travel", "Arbetsresor"},
    {CostKind::home_insurance, "home_insurance", "Hemförsäkring"},
    {CostKind::union_fee, "union_fee", "Fackföreningsavgift"},
    {CostKind::akassa_fee, "akassa_fee", "A-kasseavgift"},
    {CostKind::childcare, "childcare", "Barnomsorgsavgift"},
    {CostKind::medical, "medical", "Läkarvård"},
    {CostKind::medicine, "medicine", "Medicin"},
    {CostKind::dental, "dental", "Tandvård"},
    {CostKind::glasses, "glasses", "Glasögon"},
    {CostKind::home_equipment, "home_equipment", "Hemutrustning"},
    {CostKind::other, "other", "Övrigt"},
}};

struct IncomeInfo {
  IncomeKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<IncomeInfo, 23> k_incomes{{
    {IncomeKind::salary, "salary", "Lön"},
    {IncomeKind::self_employment, "self_employment", "Inkomst av näringsverksamhet"},
    {IncomeKind::barnbidrag, "barnbidrag", "Barnbidrag"},
    {IncomeKind::studiebidrag, "studiebidrag", "Studiebidrag"},
    {IncomeKind::bostadsbidrag, "bostadsbidrag", "Bostadsbidrag"},
    {IncomeKind::underhallsstod, "underhallsstod", "Underhållsstöd"},
    {IncomeKind::sjukpenning, "sjukpenning", "Sjukpenning"},
    {IncomeKind::sjukersattning, "sjukersattning", "Sjukersättning"},
    {IncomeKind::aktivitetsersattning, "aktivitetsersattning", "Aktivitetsersättning"},
    {IncomeKind::aktivitetsstod, "aktivitetsstod", "Aktivitetsstöd"},
    {IncomeKind::etableringsersattning, "etableringsersattning", "Etableringsersättning"},
    {IncomeKind::a_kassa, "a_kassa", "A-kassa"},
    {IncomeKind::foraldrapenning, "foraldrapenning", "Föräldrapenning"},
    {IncomeKind::pension, "pension", "Pension"},
    {IncomeKind::csn, "csn", "Studiemedel (CSN)"},
    {IncomeKind::tax_refund, "tax_refund", "Skatteåterbäring"},
    {IncomeKind::swish_deposit, "swish_deposit", "Insättningar och Swish"},
    {IncomeKind::flerbarnstillagg, "flerbarnstillagg", "Flerbarnstillägg"},
    {IncomeKind::underhallsbidrag, "underhallsbidrag", "Underhållsbidrag"},
    {IncomeKind::bostadstillagg, "bostadstillagg", "Bostadstillägg"},
    {IncomeKind::vardbidrag, "vardbidrag", "Vårdbidrag, skattepliktig del"},
    {IncomeKind::omvardnadsbidrag, "omvardnadsbidrag", "Omvårdnadsbidrag"},
    {IncomeKind::other, "other", "Övrig inkomst"},
}};

std::string list_names(auto const& table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += ", ";
    out += e.name;
  }
  return out;
}

std::string housing_names() {
  std::string out;
  for (const Housing h : k_housings) out += (out.empty() ? "" : ", ") + std::string(housing_name(h));
  return out;
}

std::optional<Role> role_from(std::string_view s) {
  if (s == "applicant") return Role::applicant;
  if (s == "partner") return Role::partner;
  if (s == "child") return Role::child;
  return std::nullopt;
}

// Keys allowed only on adults, and only on children (application-format.md).
constexpr std::array<std::string_view, 3> k_adult_only{"hinder", "assistance_months", "stimulus_start"};
constexpr std::array<std::string_view, 5> k_child_only{"preschool_lunch", "in_school", "days",
                                                       "earned_this_year_before", "alternating_residence"};

// `s` quoted for a message, cut after 60 characters.
std::string shown(std::string_view s) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U && ++chars > 60) {
      return text::quoted(s.substr(0, i)) + "...";
    }
  }
  return text::quoted(s);
}

// A text a person reads (a name, a note, a reason, the address): one line of at most
// `max_chars` characters without control characters (text::line_problem). A refused text
// is recorded as a problem and still returned, so that no second problem follows from it.
std::optional<std::string> text_field(TomlReader& r, std::string_view key, bool required = false,
                                      std::size_t max_chars = k_max_text_chars) {
  auto s = r.string(key, required);
  if (s) {
    if (auto why = text::line_problem(*s, max_chars); !why.empty()) r.problem(key, shown(*s), why);
  }
  return s;
}

// An amount of the application: at most k_max_amount (lib/assess/limits.hpp).
std::optional<Money> amount(TomlReader& r, std::string_view key, bool required = false) {
  return money::read_money(r, key, {.required = required, .allow_negative = false, .max = k_max_amount});
}

// `role_known` is false when the role is missing or unknown: such a member counts for no role.
Member parse_member(TomlReader& r, std::optional<period::Month> month, const ParseOptions& options, bool& role_known) {
  Member m;
  m.line = r.line();
  const auto pnr_text = r.string("pnr", true);
  bool pnr_ok = false;
  if (pnr_text) {
    try {
      m.pnr = person::parse_personnummer(*pnr_text, r.field("pnr"));
      pnr_ok = true;
    } catch (const InputError& e) {
      r.problem("pnr", text::quoted(*pnr_text), e.problems().front().message);
    }
  }
  m.name = text_field(r, "name", false, k_max_name_chars).value_or("");
  const auto role_text = r.string("role", true);
  std::optional<Role> role;
  if (role_text) {
    role = role_from(*role_text);
    if (!role) r.problem("role", text::quoted(*role_text), "unknown role (applicant, partner, child)");
  }
  m.role = role.value_or(Role::child);
  role_known = role.has_value();
  const bool is_child = role == Role::child;
  const bool is_adult = role && !is_child;
  for (auto key : k_adult_only) {
    if (role && is_child && r.has(key)) r.problem(key, "", "only adults (applicant, partner) may have this field");
  }
  for (auto key : k_child_only) {
    if (is_adult && r.has(key)) r.problem(key, "", "only children may have this field");
  }
  m.hinder = text_field(r, "hinder").value_or("");
  if (auto v = r.integer("assistance_months", false, 0, 1200)) m.assistance_months = static_cast<int>(*v);
  m.stimulus_start = period::read_month(r, "stimulus_start");
  if (m.stimulus_start && month && *month < *m.stimulus_start) {
    r.problem("stimulus_start", text::quoted(m.stimulus_start->to_string()),
              "is after the month applied for (" + month->to_string() + ")");
  }
  m.preschool_lunch = r.boolean("preschool_lunch").value_or(false);
  m.in_school = r.boolean("in_school").value_or(false);
  m.days = static_cast<int>(r.integer("days", false, 1, 30).value_or(30));
  m.alternating_residence = r.boolean("alternating_residence").value_or(false);
  m.earned_this_year_before = amount(r, "earned_this_year_before").value_or(Money());
  m.norm_raise = amount(r, "norm_raise").value_or(Money());
  m.norm_raise_reason = text_field(r, "norm_raise_reason").value_or("");
  m.norm_raise_applied = amount(r, "norm_raise_applied");
  if (m.norm_raise_applied && *m.norm_raise_applied < m.norm_raise) {
    r.problem("norm_raise_applied", money::format_sv(*m.norm_raise_applied),
              "is less than norm_raise (" + money::format_sv(m.norm_raise) +
                  "): what is applied for is at least what is granted");
  }
  if ((m.norm_raise > Money()) && m.norm_raise_reason.empty()) {
    r.problem("norm_raise_reason", "",
              "a norm raised above the riksnorm needs the reason (särskilda skäl for a child, synnerliga skäl for an "
              "adult; SoL 12 kap. 7 b §)");
  } else if (!(m.norm_raise > Money()) && !m.norm_raise_reason.empty()) {
    r.problem("norm_raise_reason", text::quoted(m.norm_raise_reason), "is given without a norm_raise amount");
  }

  // Ages need the month; without a valid month they are not checked rather than guessed.
  if (pnr_ok && role && month) {
    const int age = m.pnr.age_on(month->last_day(), options.leap_day_on_feb28);
    const std::string pnr_shown = text::quoted(*pnr_text);
    if (age < 0) {
      r.problem("pnr", pnr_shown, "is born after the month applied for");
    } else if (is_adult && age < 18) {
      r.problem("pnr", pnr_shown,
                std::string(*role == Role::applicant ? "an applicant" : "a partner") + " must be 18 or older (is " +
                    std::to_string(age) + " at the end of " + month->to_string() + ")");
    } else if (is_child && age >= 21) {
      r.problem("pnr", pnr_shown,
                "a child must be under 21 (is " + std::to_string(age) + " at the end of " + month->to_string() +
                    "); an adult child is their own case");
    } else if (const int edge_age = options.in_school_age_on_first_day
                                        ? m.pnr.age_on(month->first_day(), options.leap_day_on_feb28)
                                        : age;
               is_child && edge_age >= options.in_school_from_age && !m.in_school) {
      r.problem("in_school", m.in_school ? "true" : "false",
                "a child aged " + std::to_string(edge_age) +
                    " counts in the household only while in school (SoL 12 kap. 9 §: hemmavarande barn under 18 "
                    "and skolungdomar under 21; FB 7 kap. 1 §): set in_school = true, or make them their own case "
                    "(or a housemate)");
    }
  }
  r.finish();
  return m;
}

Cost parse_cost(TomlReader& r) {
  Cost c;
  c.line = r.line();
  if (const auto kind = r.string("kind", true)) {
    if (auto k = cost_kind_from(*kind)) {
      c.kind = *k;
    } else {
      r.problem("kind", text::quoted(*kind), "unknown cost kind (" + list_names(k_costs) + ")");
    }
  }
  c.applied = amount(r, "applied", true).value_or(Money());
  c.approved = amount(r, "approved");
  c.note = text_field(r, "note").value_or("");
  c.second_hand = r.boolean("second_hand").value_or(false);
  c.consent = r.boolean("consent").value_or(false);
  c.special_reasons = text_field(r, "special_reasons").value_or("");
  if (c.kind != CostKind::rent && r.has("kind")) {
    for (const char* key : {"second_hand", "consent", "special_reasons"}) {
      if (r.has(key)) r.problem(key, "", "only a cost of kind \"rent\" may have this field");
    }
  } else if (!c.second_hand && (r.has("consent") || r.has("special_reasons"))) {
    r.problem(r.has("consent") ? "consent" : "special_reasons", "",
              "only applies to a second-hand lease: set second_hand = true");
  }
  if (c.kind == CostKind::other && c.note.empty() && r.has("kind")) {
    r.problem("note", "", "a cost of kind \"other\" needs a note saying what it is");
  }
  r.finish();
  return c;
}

Income parse_income(TomlReader& r, const std::vector<Member>& members) {
  Income in;
  in.line = r.line();
  if (const auto who = r.string("member", true)) {
    bool found = false;
    try {
      in.member = person::parse_personnummer(*who, r.field("member"));
      for (const auto& m : members) found = found || m.pnr == in.member;
      if (!found) r.problem("member", text::quoted(*who), "is not a [[member]] of this application");
    } catch (const InputError& e) {
      r.problem("member", text::quoted(*who), e.problems().front().message);
    }
  }
  if (const auto kind = r.string("kind", true)) {
    if (auto k = income_kind_from(*kind)) {
      in.kind = *k;
    } else {
      r.problem("kind", text::quoted(*kind), "unknown income kind (" + list_names(k_incomes) + ")");
    }
  }
  in.amount = amount(r, "amount", true).value_or(Money());
  in.note = text_field(r, "note").value_or("");
  if (in.kind == IncomeKind::other && in.note.empty() && r.has("kind")) {
    r.problem("note", "", "an income of kind \"other\" needs a note saying what it is");
  }
  r.finish();
  return in;
}

// Refuses more [[member]], [[cost]] or [[income]] tables than the limits allow, before any is
// read, so a file of a million tables gives one message, not a million.
void check_counts(TomlReader& r) {
  const std::pair<std::string_view, std::size_t> limits[] = {
      {"member", k_max_members}, {"cost", k_max_costs}, {"income", k_max_incomes}};
  for (const auto& [key, max] : limits) {
    const std::size_t n = r.count(key);
    if (n > max) {
      r.problem(key, std::to_string(n) + " tables",
                "at most " + std::to_string(max) + " are allowed in one application (eb-application(5), LIMITS)");
    }
  }
  r.problems().throw_if_any();
}

Application parse_table(const TomlDocument& doc, const std::string& file, const ParseOptions& options) {
  ProblemList problems;
  TomlReader r = doc.root(problems);
  check_counts(r);
  Application app;
  app.source = file;
  const auto month = period::read_month(r, "month", true);
  if (month) app.month = *month;
  app.received = period::read_date(r, "received", options.for_intake);
  if (const auto kind = r.string("kind")) {
    if (*kind == "new") {
      app.kind = ApplicationKind::new_application;
    } else if (*kind == "renewal") {
      app.kind = ApplicationKind::renewal;
    } else if (*kind == "supplement") {
      app.kind = ApplicationKind::supplement;
    } else {
      r.problem("kind", text::quoted(*kind), "unknown kind (new, renewal, supplement)");
    }
  }
  app.guideline = r.string("guideline").value_or("");
  if (!app.guideline.empty() && !norms::is_guideline_name(app.guideline)) {
    r.problem("guideline", shown(app.guideline), std::string(norms::k_guideline_name_rule));
  }
  app.housemates = static_cast<int>(r.integer("housemates", false, 0, 50).value_or(0));
  app.address = text_field(r, "address", options.for_intake).value_or("");
  app.account = text_field(r, "account").value_or("");
  app.large_household_exempt = text_field(r, "large_household_exempt").value_or("");
  if (const auto housing = r.string("housing")) {
    if (const auto h = housing_from(*housing)) {
      app.housing = *h;
    } else {
      r.problem("housing", shown(*housing), "unknown housing situation (" + housing_names() + ")");
    }
  }
  app.complete_on = period::read_date(r, "complete_on");
  if (app.complete_on && app.received && *app.complete_on < *app.received) {
    r.problem("complete_on", app.complete_on->to_string(),
              "is before the day the application arrived (received = " + app.received->to_string() + ")");
  }

  auto member_tables = r.tables("member");
  if (member_tables.empty()) r.problem("member", "", "missing: at least one [[member]], the applicant");
  std::vector<bool> role_known;
  for (auto& t : member_tables) {
    bool known = false;
    app.members.push_back(parse_member(t, month, options, known));
    role_known.push_back(known);
  }
  std::set<std::string> seen;
  int applicants = 0, partners = 0;
  for (std::size_t i = 0; i < app.members.size(); ++i) {
    const auto& m = app.members[i];
    const std::string f = "member[" + std::to_string(i + 1) + "]";
    if (!m.pnr.digits().empty() && !seen.insert(m.pnr.digits()).second) {
      problems.add(Problem{file, m.line, f + ".pnr", text::quoted(m.pnr.formatted()),
                           "appears more than once in this application"});
    }
    if (!role_known[i]) continue;
    if (m.role == Role::applicant && ++applicants == 2) {
      problems.add(Problem{file, m.line, f + ".role", "\"applicant\"",
                           "there must be exactly one applicant; this is the second"});
    }
    if (m.role == Role::partner && ++partners == 2) {
      problems.add(
          Problem{file, m.line, f + ".role", "\"partner\"", "there can be at most one partner; this is the second"});
    }
  }
  if (!member_tables.empty() && applicants == 0) {
    problems.add(Problem{file, 0, "member.role", "", "there must be exactly one member with role = \"applicant\""});
  }
  for (auto& t : r.tables("cost")) app.costs.push_back(parse_cost(t));
  for (auto& t : r.tables("income")) app.incomes.push_back(parse_income(t, app.members));
  for (const auto& key : options.caller_keys) r.accept(key);
  r.finish();
  problems.throw_if_any();
  return app;
}

}  // namespace

std::string_view role_name(Role r) {
  switch (r) {
    case Role::applicant:
      return "applicant";
    case Role::partner:
      return "partner";
    case Role::child:
      return "child";
  }
  return "?";
}

std::string_view role_label(Role r) {
  switch (r) {
    case Role::applicant:
      return "sökande";
    case Role::partner:
      return "medsökande";
    case Role::child:
      return "barn";
  }
  return "?";
}

std::string_view kind_name(ApplicationKind k) {
  switch (k) {
    case ApplicationKind::new_application:
      return "new";
    case ApplicationKind::renewal:
      return "renewal";
    case ApplicationKind::supplement:
      return "supplement";
  }
  return "?";
}

std::string_view cost_kind_name(CostKind k) {
  return k_costs[static_cast<std::size_t>(k)].name;
}
std::string_view cost_kind_label(CostKind k) {
  return k_costs[static_cast<std::size_t>(k)].label;
}
std::string_view income_kind_name(IncomeKind k) {
  return k_incomes[static_cast<std::size_t>(k)].name;
}
std::string_view income_kind_label(IncomeKind k) {
  return k_incomes[static_cast<std::size_t>(k)].label;
}

bool is_reasonable_cost(CostKind k) {
  return static_cast<int>(k) <= static_cast<int>(CostKind::akassa_fee);
}

std::optional<CostKind> cost_kind_from(std::string_view name) {
  for (const auto& c : k_costs) {
    if (c.name == name) return c.kind;
  }
  return std::nullopt;
}

std::optional<IncomeKind> income_kind_from(std::string_view name) {
  for (const auto& c : k_incomes) {
    if (c.name == name) return c.kind;
  }
  return std::nullopt;
}

const Member& Application::applicant() const {
  for (const auto& m : members) {
    if (m.role == Role::applicant) return m;
  }
  throw std::logic_error("validated application without applicant");
}

const Member* Application::partner() const {
  for (const auto& m : members) {
    if (m.role == Role::partner) return &m;
  }
  return nullptr;
}

const Member* Application::member(const person::Personnummer& pnr) const {
  for (const auto& m : members) {
    if (m.pnr == pnr) return &m;
  }
  return nullptr;
}

int Application::adult_count() const {
  int n = 0;
  for (const auto& m : members) n += m.is_adult() ? 1 : 0;
  return n;
}

int Application::child_count() const {
  return static_cast<int>(members.size()) - adult_count();
}

Application parse_application(std::string_view toml_text, const std::string& file, const ParseOptions& options) {
  bool blank = true;
  for (char c : toml_text) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (blank) throw InputError({Problem{file, 0, "month", "", "missing: the file is empty"}});
  return parse_table(TomlDocument::parse(toml_text, file, k_application_input), file, options);
}

Application parse_application_json(std::string_view json_text, const std::string& source, const ParseOptions& options) {
  return parse_table(TomlDocument::parse_json(json_text, source, k_application_input), source, options);
}

}  // namespace eb::assess
