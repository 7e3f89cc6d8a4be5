// SPDX-License-Identifier: MIT
#include "assess/calculator.hpp"

#include "common/error.hpp"

namespace eb::assess {

namespace {

using money::format_kr;
using money::Rounding;

// Where a line's amount comes from in the application, for the message of an overflow:
// "income[3].amount" on line 41. Empty for lines of the norm.
struct Origin {
  std::string field;
  long line = 0;
};

class Calculation {
 public:
  Calculation(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline)
      : m_app(app), m_norms(norms), m_guideline(guideline), m_day(app.month.first_day()) {}

  Assessment run() {
    m_out.month = m_app.month;
    m_out.norm_id = m_norms.id;
    m_out.norm_sha256 = m_norms.sha256;
    m_out.norm_status = m_norms.status;
    m_out.norm_source = m_norms.source;
    if (m_guideline) m_out.guideline_id = m_guideline->id;
    note_norm_status();
    adults();
    children();
    norm_raises();
    large_household_reduction();
    common_costs();
    costs();
    incomes();
    totals();
    return std::move(m_out);
  }

 private:
  const std::string& ref(std::string_view key) const { return m_norms.ref(key, m_day); }

  Origin origin_of(const Cost& c) const {
    const auto i = static_cast<std::size_t>(&c - m_app.costs.data()) + 1;
    return {"cost[" + std::to_string(i) + "]." + (c.approved ? "approved" : "applied"), c.line};
  }
  Origin origin_of(const Income& in) const {
    const auto i = static_cast<std::size_t>(&in - m_app.incomes.data()) + 1;
    return {"income[" + std::to_string(i) + "].amount", in.line};
  }
  Origin origin_of(const Member& m) const {
    const auto i = static_cast<std::size_t>(&m - m_app.members.data()) + 1;
    return {"member[" + std::to_string(i) + "].norm_raise", m.line};
  }

  void add(Section section, std::string label, std::string member, Money amount, std::string rule,
           std::string_view ref_key, std::string detail, Origin origin = {}) {
    m_origins.push_back(std::move(origin));
    Line l;
    l.section = section;
    l.label = std::move(label);
    l.member = std::move(member);
    l.amount = amount;
    l.applied = amount;
    l.rule = std::move(rule);
    l.ref = ref(ref_key);
    l.detail = std::move(detail);
    m_out.lines.push_back(std::move(l));
  }

  void note_norm_status() {
    using norms::NormStatus;
    const std::string& id = m_norms.id;
    switch (m_norms.status) {
      case NormStatus::official:
        break;
      case NormStatus::estimate:
        m_out.warnings.push_back(id + " is an ESTIMATE, not the official table (" + m_norms.source_note +
                                 "); check the amounts against the SFS before deciding");
        break;
      case NormStatus::preliminary:
        m_out.warnings.push_back(id +
                                 " is PRELIMINARY: amounts derived from referensvärden and an index, "
                                 "not yet fixed by the government");
        break;
      case NormStatus::derived:
      case NormStatus::municipal:
        m_out.notes.push_back(id + " has status " + std::string(norms::status_name(m_norms.status)) + ": " +
                              m_norms.source_note);
        break;
    }
  }

  void adults() {
    const Member& a = m_app.applicant();
    if (const Member* p = m_app.partner()) {
      add(Section::norm, "Personliga kostnader, sambor/makar", a.pnr.masked() + " + " + p->pnr.masked(), m_norms.couple,
          "riksnorm.couple", "norm_personal",
          m_norms.id + ": gifta eller sambor, " + format_kr(m_norms.couple) + " for both");
    } else {
      add(Section::norm, "Personliga kostnader, ensamstående", a.pnr.masked(), m_norms.single, "riksnorm.single",
          "norm_personal", m_norms.id + ": ensamstående, " + format_kr(m_norms.single));
    }
  }

  int age_of(const Member& m) const { return m.pnr.age_on(m_app.month.last_day(), m_norms.rules.leap_day_on_feb28); }

  void children() {
    for (const Member& c : m_app.members) {
      if (c.role != Role::child) continue;
      const int age = age_of(c);
      const norms::ChildBand* band = m_norms.band_for_age(age);
      if (band == nullptr) {
        throw NormError(m_norms.id + " has no child band for age " + std::to_string(age), ExitCode::invalid_input);
      }
      Money full = band->amount;
      std::string variant = "med lunch";
      if (c.preschool_lunch) {
        if (band->without_lunch) {
          full = *band->without_lunch;
          variant = "utan lunch (lunch i förskola)";
        } else if (band->without_lunch_unconfirmed) {
          throw NormError(m_norms.id + ": the \"utan lunch\" amount for children " + band->label +
                              " is UNCONFIRMED for this year (no source found), so preschool_lunch = true cannot be "
                              "assessed under it; enter the amount the nämnd applies with an approved override, "
                              "or assess without preschool_lunch",
                          ExitCode::not_found);
        } else {
          m_out.notes.push_back("preschool_lunch has no effect for the child aged " + std::to_string(age) + " (" +
                                c.pnr.masked() + "): the band " + band->label + " has one amount");
        }
      }
      std::string detail = m_norms.id + ": barn " + band->label + " " + variant + ", " + format_kr(full);
      Money amount = full;
      const int month_days = m_norms.rules.part_month_days;
      if (c.days < month_days) {
        amount = full.scaled(c.days, month_days, m_norms.rules.part_month_rounding);
        detail += " × " + std::to_string(c.days) + "/" + std::to_string(month_days) + " days = " + format_kr(amount) +
                  " (" + std::string(money::rounding_name(m_norms.rules.part_month_rounding)) + ")";
      }
      add(Section::norm, "Personliga kostnader, barn " + std::to_string(age) + " år", c.pnr.masked(), amount,
          "riksnorm.child_band", "norm_personal", detail);
    }
  }

  // A personal cost set above the norm, with its recorded reason. From 2027 the norm is a
  // ceiling (SoL 12 kap. 7 b §: the norm file's `norm_ceiling` reference is in force): a
  // raise needs särskilda skäl for a child under 21 and synnerliga skäl for anyone else.
  // Before, a higher amount for särskilda skäl rests on 12 kap. 7 § (norm_personal).
  void norm_raises() {
    const bool ceiling = m_norms.find_ref("norm_ceiling", m_day) != nullptr;
    for (const Member& m : m_app.members) {
      if (m.norm_raise.is_zero()) continue;
      const bool child = m.role == Role::child;
      const std::string grounds = !ceiling ? "särskilda skäl" : child ? "särskilda skäl (barn)" : "synnerliga skäl";
      add(Section::norm, "Höjd norm, " + grounds, m.pnr.masked(), m.norm_raise, "riksnorm.raised",
          ceiling ? "norm_ceiling" : "norm_personal",
          "personliga kostnader höjda med " + format_kr(m.norm_raise) + " på grund av " + grounds + ": " +
              m.norm_raise_reason,
          origin_of(m));
      m_out.notes.push_back("the norm is raised by " + format_kr(m.norm_raise) + " for " + m.pnr.masked() + " (" +
                            grounds + "); reports count raised norms");
    }
  }

  // SoL 12 kap. 7 a §; SoF 12 kap. 3 b–3 c §§ (from 2027): households with more than
  // `above_children` children have their personal costs reduced per child beyond that.
  void large_household_reduction() {
    if (!m_norms.large_household) return;
    const auto& lh = *m_norms.large_household;
    int halves = 0;  // a child in växelvis boende counts 0.5
    for (const Member& c : m_app.members) {
      if (c.role == Role::child) halves += c.alternating_residence ? 1 : 2;
    }
    const int excess_halves = halves - 2 * lh.above_children;
    if (excess_halves <= 0) return;
    Money sum;
    int ages = 0;
    for (int age = lh.average_min_age; age <= lh.average_max_age; ++age, ++ages) {
      const norms::ChildBand* band = m_norms.band_for_age(age);
      if (band == nullptr)
        throw NormError(m_norms.id + ": no band for age " + std::to_string(age), ExitCode::invalid_input);
      const bool lunch_variant =
          age >= lh.without_lunch_min_age && age <= lh.without_lunch_max_age && band->without_lunch;
      sum += lunch_variant ? *band->without_lunch : band->amount;
    }
    const bool couple = m_app.partner() != nullptr;
    const money::Ratio factor = couple ? lh.factor_couple : lh.factor_other;
    // average × factor, rounded down to 10 kr, in one exact step: sum × num / (ages × den).
    const Money per_child = sum.scaled(factor.num, static_cast<std::int64_t>(ages) * factor.den, lh.rounding);
    const Money computed = per_child.scaled(excess_halves, 2, Rounding::exact);
    const std::string count =
        excess_halves % 2 == 0 ? std::to_string(excess_halves / 2) : std::to_string(excess_halves / 2) + ",5";
    const bool exempt = !m_app.large_household_exempt.empty();
    const Money reduction = exempt ? Money() : computed;
    if (exempt) {
      m_out.notes.push_back("large-household reduction of " + format_kr(computed) +
                            " not applied: synnerliga skäl recorded (" + m_app.large_household_exempt + ")");
    }
    add(Section::norm, "Minskningsbelopp, fler än " + std::to_string(lh.above_children) + " barn", "", -reduction,
        "riksnorm.large_household", "large_household",
        "minskningsbelopp = medel av personliga kostnader " + std::to_string(lh.average_min_age) + "–" +
            std::to_string(lh.average_max_age) + " år (" + format_kr(sum) + " / " + std::to_string(ages) + ") × " +
            factor.to_string() + (couple ? " (gifta/sambor)" : " (övriga hushåll)") + ", " +
            std::string(money::rounding_name(lh.rounding)) + " = " + format_kr(per_child) + "; × " + count +
            " barn utöver " + std::to_string(lh.above_children) + " = " + format_kr(computed) +
            (exempt ? "; undantag för synnerliga skäl: " + m_app.large_household_exempt + ", 0 kr" : ""));
  }

  void common_costs() {
    const int k = static_cast<int>(m_app.members.size());
    const int n = k + m_app.housemates;
    const Money table = m_norms.common_for(n);
    std::string detail = m_norms.id + ": gemensamma hushållskostnader för " + std::to_string(n) +
                         (n == 1 ? " person, " : " personer, ") + format_kr(table);
    if (n > static_cast<int>(m_norms.common.size())) {
      detail += " (" + std::to_string(m_norms.common.size()) + " personer + " +
                std::to_string(n - static_cast<int>(m_norms.common.size())) + " × skillnaden mellan 6 och 7 personer)";
    }
    if (m_app.housemates == 0) {
      add(Section::common, "Gemensamma hushållskostnader, " + std::to_string(n) + (n == 1 ? " person" : " personer"),
          "", table, "riksnorm.common", "norm_common", detail);
      return;
    }
    const Money share = table.scaled(k, n, m_norms.rules.common_share_rounding);
    detail += " × " + std::to_string(k) + "/" + std::to_string(n) + " (" + std::to_string(m_app.housemates) +
              " i hushållsgemenskapen utanför ärendet) = " + format_kr(share) + " (" +
              std::string(money::rounding_name(m_norms.rules.common_share_rounding)) + ")";
    add(Section::common, "Gemensamma hushållskostnader, andel " + std::to_string(k) + "/" + std::to_string(n), "",
        share, "riksnorm.common_share", "common_share", detail);
  }

  void costs() {
    const int adults = m_app.adult_count();
    const int kids = m_app.child_count();
    for (const Cost& c : m_app.costs) {
      const bool outside = is_reasonable_cost(c.kind);
      Money amount = c.applied;
      std::string detail = "ansökt " + format_kr(c.applied);
      if (c.approved) {
        amount = *c.approved;
        detail += ", godkänt " + format_kr(amount) + " (handläggarens bedömning)";
      } else if (m_guideline != nullptr) {
        if (const norms::CostCap* cap = m_guideline->cap_for(cost_kind_name(c.kind), adults, kids)) {
          if (c.applied > cap->amount) {
            amount = cap->amount;
            detail += ", begränsat till " + format_kr(cap->amount) + " enligt riktlinje " + m_guideline->id + " (" +
                      cap->label + "; " + m_guideline->source + ")";
            if (m_guideline->status == "example") {
              m_out.warnings.push_back("cost capped by guideline '" + m_guideline->id +
                                       "', which is an EXAMPLE, not a nämnd's adopted figures");
            }
          }
        }
      }
      std::string rule = "cost." + std::string(cost_kind_name(c.kind));
      std::string_view ref_key = outside ? "cost" : "other_need";
      if (c.second_hand) second_hand_rent(c, amount, detail, rule, ref_key);
      if (!c.note.empty()) detail += "; " + c.note;
      add(outside ? Section::cost : Section::other, std::string(cost_kind_label(c.kind)), "", amount, rule, ref_key,
          detail, origin_of(c));
      m_out.lines.back().applied = c.applied;
      m_out.lines.back().kind = cost_kind_name(c.kind);
    }
  }

  // Rent for a second-hand lease (SoL 12 kap. 7 d §, in force when the norm file's
  // `second_hand_rent` reference is): counted only with the landlord's, housing association's
  // or hyresnämnd's consent, or särskilda skäl recorded. Without either it is not counted and
  // the assessment carries a warning, so no routine decision grants it.
  void second_hand_rent(const Cost& c, Money& amount, std::string& detail, std::string& rule,
                        std::string_view& ref_key) {
    if (m_norms.find_ref("second_hand_rent", m_day) == nullptr) {
      detail += "; andrahandskontrakt (samtyckeskravet i 7 d § gäller från 2027-01-01)";
      return;
    }
    ref_key = "second_hand_rent";
    if (c.consent) {
      detail += "; andrahandskontrakt med hyresvärdens eller hyresnämndens samtycke";
      rule += ".second_hand";
    } else if (!c.special_reasons.empty()) {
      detail += "; andrahandskontrakt utan samtycke, särskilda skäl: " + c.special_reasons;
      rule += ".second_hand";
    } else {
      detail += "; andrahandskontrakt utan samtycke och utan särskilda skäl: räknas inte (0 kr)";
      rule += ".second_hand_no_consent";
      m_out.warnings.push_back("rent of " + format_kr(c.applied) +
                               " for a second-hand lease without the landlord's or hyresnämnd's consent and without "
                               "särskilda skäl is not counted (SoL 12 kap. 7 d §)");
      amount = Money();
    }
  }

  // Jobbstimulans (12 kap. 8 §): is `m` within a two-year period this month?
  bool jobbstimulans_applies(const Member& m) {
    const auto& r = m_norms.rules;
    if (m.stimulus_start) {
      const int n = m_app.month.months_since(*m.stimulus_start);
      if (n < r.jobbstimulans_duration_months) {
        m_out.notes.push_back("jobbstimulans for " + m.pnr.masked() + ": month " + std::to_string(n + 1) + " of " +
                              std::to_string(r.jobbstimulans_duration_months) + " (started " +
                              m.stimulus_start->to_string() + ")");
        return true;
      }
      // After the two years a new qualification is needed: months counted after the period.
      const int since_end = n - r.jobbstimulans_duration_months;
      if (m.assistance_months && *m.assistance_months >= r.jobbstimulans_qualifying_months &&
          since_end >= r.jobbstimulans_qualifying_months) {
        m_out.notes.push_back("jobbstimulans for " + m.pnr.masked() + ": a new period starts " +
                              m_app.month.to_string());
        m_out.stimulus_starts.push_back(m.pnr.digits());
        return true;
      }
      m_out.notes.push_back("jobbstimulans for " + m.pnr.masked() + ": the period that started " +
                            m.stimulus_start->to_string() + " has ended");
      return false;
    }
    if (m.assistance_months && *m.assistance_months >= r.jobbstimulans_qualifying_months) {
      m_out.notes.push_back("jobbstimulans for " + m.pnr.masked() + ": qualified by " +
                            std::to_string(*m.assistance_months) + " months in a row; the period starts " +
                            m_app.month.to_string());
      m_out.stimulus_starts.push_back(m.pnr.digits());
      return true;
    }
    return false;
  }

  void incomes() {
    const auto& r = m_norms.rules;
    for (const Income& in : m_app.incomes) {
      std::string detail = "nettoinkomst " + format_kr(in.amount);
      if (!in.note.empty()) detail += "; " + in.note;
      add(Section::income, std::string(income_kind_label(in.kind)), in.member.masked(), in.amount,
          "income." + std::string(income_kind_name(in.kind)), "income", detail, origin_of(in));
      m_out.lines.back().kind = income_kind_name(in.kind);
    }
    // Children's earnings (12 kap. 9 §): not counted up to the limit per calendar year.
    const Money limit = m_norms.prisbasbelopp * r.children_earnings_limit_pbb;
    for (const Member& c : m_app.members) {
      if (c.role != Role::child) continue;
      Money left = money::max(Money(), limit - c.earned_this_year_before);
      for (const Income& in : m_app.incomes) {
        if (!(in.member == c.pnr) || in.kind != IncomeKind::salary) continue;
        const Money exempt = money::min(in.amount, left);
        left -= exempt;
        std::string detail = "barns arbetsinkomst räknas inte upp till " +
                             std::to_string(r.children_earnings_limit_pbb) + " prisbasbelopp per år (" +
                             format_kr(limit) + "); tidigare i år " + format_kr(c.earned_this_year_before) +
                             ", undantaget " + format_kr(exempt);
        if (exempt < in.amount) detail += ", över gränsen räknas " + format_kr(in.amount - exempt);
        add(Section::exemption, "Barns arbetsinkomst som inte räknas", c.pnr.masked(), exempt,
            "exemption.children_earnings", "children_earnings", detail, origin_of(in));
      }
    }
    // Jobbstimulans (12 kap. 8 §): a share of adults' employment income is not counted.
    for (const Member& a : m_app.members) {
      if (!a.is_adult()) continue;
      bool has_salary = false;
      for (const Income& in : m_app.incomes)
        has_salary = has_salary || (in.member == a.pnr && is_stimulus_kind(in.kind));
      if (!has_salary || !jobbstimulans_applies(a)) continue;
      for (const Income& in : m_app.incomes) {
        if (!(in.member == a.pnr) || !is_stimulus_kind(in.kind)) continue;
        const Money exempt = in.amount.scaled(r.jobbstimulans_percent, 100, Rounding::ore_half_up);
        add(Section::exemption, "Jobbstimulans", a.pnr.masked(), exempt, "exemption.jobbstimulans", "jobbstimulans",
            std::to_string(r.jobbstimulans_percent) + " % av " + format_kr(in.amount) + " = " + format_kr(exempt) +
                " (ore_half_up)",
            origin_of(in));
      }
    }
  }

  bool is_stimulus_kind(IncomeKind k) const {
    for (const auto& name : m_norms.rules.jobbstimulans_income_kinds) {
      if (name == income_kind_name(k)) return true;
    }
    return false;
  }

  // The sums of the sections. Every sum is checked (money::Overflow): the line whose amount
  // takes a sum past what Money holds is named by its field, never wrapped.
  void totals() {
    Totals& t = m_out.totals;
    Money income_declared;
    for (std::size_t i = 0; i < m_out.lines.size(); ++i) {
      const Line& l = m_out.lines[i];
      Money* sum = nullptr;
      switch (l.section) {
        case Section::norm:
        case Section::common:
          sum = &t.norm;
          break;
        case Section::cost:
          sum = &t.costs;
          break;
        case Section::other:
          sum = &t.other;
          break;
        case Section::income:
          sum = &income_declared;
          break;
        case Section::exemption:
          sum = &t.exempt;
          break;
      }
      try {
        *sum += l.amount;
      } catch (const money::Overflow&) {
        const Origin& o = m_origins[i];
        throw InputError({Problem{m_app.source, o.line, o.field.empty() ? "totals" : o.field, format_kr(l.amount),
                                  "the sum of the section \"" + std::string(section_name(l.section)) +
                                      "\" goes beyond what eb can hold (±92 233 720 368 547 758 kr) at this line"}});
      }
    }
    try {
      t.need = t.norm + t.costs + t.other;
      t.income = income_declared - t.exempt;
      t.amount = money::max(Money(), t.need - t.income).rounded(m_norms.rules.payable_rounding);
    } catch (const money::Overflow&) {
      throw InputError({Problem{m_app.source, 0, "totals", "",
                                "the need or the income goes beyond what eb can hold (±92 233 720 368 547 758 kr)"}});
    }
  }

  const Application& m_app;
  const norms::NormSet& m_norms;
  const norms::Guideline* m_guideline;
  period::Date m_day;
  Assessment m_out;
  std::vector<Origin> m_origins;  // of m_out.lines, one for one
};

}  // namespace

std::string_view section_heading(Section s) {
  switch (s) {
    case Section::norm:
      return "Riksnorm, personliga kostnader";
    case Section::common:
      return "Riksnorm, gemensamma hushållskostnader";
    case Section::cost:
      return "Skäliga kostnader utanför normen";
    case Section::other:
      return "Livsföring i övrigt";
    case Section::income:
      return "Inkomster";
    case Section::exemption:
      return "Inkomster som inte räknas";
  }
  return "";
}

std::string_view section_name(Section s) {
  switch (s) {
    case Section::norm:
      return "norm";
    case Section::common:
      return "common";
    case Section::cost:
      return "cost";
    case Section::other:
      return "other";
    case Section::income:
      return "income";
    case Section::exemption:
      return "exemption";
  }
  return "?";
}

Assessment calculate(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline) {
  if (!norms.covers(app.month.first_day())) {
    throw NormError(norms.id + " is valid " + norms.valid_from.to_string() + " to " + norms.valid_to.to_string() +
                        ", not for " + app.month.to_string(),
                    ExitCode::not_found);
  }
  if (guideline != nullptr) {
    const period::Date day = app.month.first_day();
    if (day < guideline->valid_from || (guideline->valid_to && *guideline->valid_to < day)) {
      throw NormError("guideline = \"" + guideline->id + "\" is not valid for " + app.month.to_string() +
                          " (valid from " + guideline->valid_from.to_string() +
                          (guideline->valid_to ? " to " + guideline->valid_to->to_string() : std::string()) + ")",
                      ExitCode::not_found);
    }
  }
  try {
    return Calculation(app, norms, guideline).run();
  } catch (const money::Overflow& e) {
    // An overflow outside the sums of totals(): still input, named by the application.
    throw InputError({Problem{app.source, 0, "", "", e.problems().front().message}});
  }
}

}  // namespace eb::assess
