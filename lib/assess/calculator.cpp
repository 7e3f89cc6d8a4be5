// SPDX-License-Identifier: MIT
#include "assess/calculator.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace eb::assess {

namespace {

using money::format_kr;
using money::Rounding;

// Where a line's amount comes from in the application, for the message of an overflow:
// "income[3].amount" on line 41. No list for lines of the norm. The name is built only for
// the message.
struct Origin {
  const char* list = nullptr;  // "cost", "income", "member"
  std::size_t index = 0;       // from 1
  const char* field = "";
  long line = 0;

  std::string name() const {
    return list == nullptr ? std::string() : std::string(list) + "[" + std::to_string(index) + "]." + field;
  }
};

// The words of a line (Line::label, member and detail), built only when the assessment is
// explained (Detail::full).
struct Words {
  std::string label;
  std::string member;
  std::string detail;
};

class Calculation {
 public:
  Calculation(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline,
              const norms::RuleChoice* rules, Detail detail)
      : m_app(app),
        m_norms(norms),
        m_guideline(guideline),
        m_day(rules ? rules->law_day : app.month.first_day()),
        m_rules(rules),
        m_explain(detail == Detail::full) {}

  Assessment run() {
    m_out.month = m_app.month;
    m_out.norm_day = m_rules ? m_rules->norm_day : m_app.month.first_day();
    m_out.law_day = m_day;
    if (m_rules) {
      m_out.transitions = m_rules->applied;
      m_out.notes = m_rules->notes;
    }
    m_out.payable_rounding = m_norms.rules.payable_rounding;
    m_out.large_household_exempt = m_app.large_household_exempt;
    m_out.norm_id = m_norms.id;
    m_out.norm_sha256 = m_norms.sha256;
    m_out.norm_status = m_norms.status;
    m_out.norm_source = m_norms.source;
    if (m_guideline) m_out.guideline_id = m_guideline->id;
    // One line per member and item at most, and a few of the norm: no reallocation on the way.
    m_out.lines.reserve(m_app.members.size() + m_app.costs.size() + 2 * m_app.incomes.size() + 4);
    m_origins.reserve(m_out.lines.capacity());
    note_norm_status();
    check_members();
    adults();
    children();
    norm_raises();
    large_household_reduction();
    common_costs();
    costs();
    incomes();
    check_barnbidrag();
    totals();
    return std::move(m_out);
  }

 private:
  const std::string& ref(std::string_view key) const { return m_norms.ref(key, m_day); }

  Origin origin_of(const Cost& c) const {
    const auto i = static_cast<std::size_t>(&c - m_app.costs.data()) + 1;
    return {"cost", i, c.approved ? "approved" : "applied", c.line};
  }
  Origin origin_of(const Income& in) const {
    const auto i = static_cast<std::size_t>(&in - m_app.incomes.data()) + 1;
    return {"income", i, "amount", in.line};
  }
  Origin origin_of(const Member& m) const {
    const auto i = static_cast<std::size_t>(&m - m_app.members.data()) + 1;
    return {"member", i, "norm_raise", m.line};
  }

  // A line: its section, amount and rule always; its words and statute (`words()`, a callable
  // returning Words, and `ref_key`) only when the assessment is explained.
  template <class MakeWords>
  void add(Section section, Money amount, std::string rule, std::string_view ref_key, const MakeWords& words,
           Origin origin = {}) {
    m_origins.push_back(origin);
    Line l;
    l.section = section;
    l.amount = amount;
    l.applied = amount;
    l.rule = std::move(rule);
    if (m_explain) {
      Words w = words();
      l.label = std::move(w.label);
      l.member = std::move(w.member);
      l.detail = std::move(w.detail);
      l.ref = ref(ref_key);
    }
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

  // SoL 12 kap. 9 § (hemmavarande barn under 18, skolungdomar under 21) and FB 7 kap. 1 §: a
  // child of the case from `in_school_from_age` counts only while in school. The parser checks
  // this too; a stored application is checked again under the norm it is assessed under.
  void check_members() const {
    const auto& r = m_norms.rules;
    for (std::size_t i = 0; i < m_app.members.size(); ++i) {
      const Member& c = m_app.members[i];
      if (c.role != Role::child || c.in_school) continue;
      const period::Date day = r.in_school_age_on_first_day ? m_app.month.first_day() : m_app.month.last_day();
      const int age = c.pnr.age_on(day, r.leap_day_on_feb28);
      if (age >= r.in_school_from_age) {
        throw InputError("member[" + std::to_string(i + 1) + "].in_school", "false",
                         "a child aged " + std::to_string(age) +
                             " counts in the household only while in school (SoL 12 kap. 9 §: hemmavarande barn "
                             "under 18 and skolungdomar under 21; FB 7 kap. 1 §): set in_school = true, or make them "
                             "their own case (or a housemate)");
      }
    }
  }

  // Marks the last line as cut, with `text()` (a callable returning the applicant's reason in
  // Swedish) only when the assessment is explained.
  template <class MakeText>
  void cut(std::string code, const MakeText& text) {
    m_out.lines.back().cut_code = std::move(code);
    if (m_explain) m_out.lines.back().cut_text = text();
  }

  void adults() {
    const Member& a = m_app.applicant();
    if (const Member* p = m_app.partner()) {
      add(Section::norm, m_norms.couple, "riksnorm.couple", "norm_personal", [&] {
        return Words{"Personliga kostnader, sambor/makar", a.pnr.masked() + " + " + p->pnr.masked(),
                     m_norms.id + ": gifta eller sambor, " + format_kr(m_norms.couple) + " for both"};
      });
    } else {
      add(Section::norm, m_norms.single, "riksnorm.single", "norm_personal", [&] {
        return Words{"Personliga kostnader, ensamstående", a.pnr.masked(),
                     m_norms.id + ": ensamstående, " + format_kr(m_norms.single)};
      });
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
      std::string_view variant = "med lunch";
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
      Money amount = full;
      const int month_days = m_norms.rules.part_month_days;
      const bool part_month = c.days < month_days;
      if (part_month) amount = full.scaled(c.days, month_days, m_norms.rules.part_month_rounding);
      add(Section::norm, amount, "riksnorm.child_band", "norm_personal", [&] {
        std::string detail = m_norms.id + ": barn " + band->label + " " + std::string(variant) + ", " + format_kr(full);
        if (part_month) {
          detail += " × " + std::to_string(c.days) + "/" + std::to_string(month_days) + " days = " + format_kr(amount) +
                    " (" + std::string(money::rounding_name(m_norms.rules.part_month_rounding)) + ")";
        }
        return Words{"Personliga kostnader, barn " + std::to_string(age) + " år", c.pnr.masked(), std::move(detail)};
      });
    }
  }

  // A personal cost set above the norm, with its recorded reason. From 2027 the norm is a
  // ceiling (SoL 12 kap. 7 b §: the norm file's `norm_ceiling` reference is in force): a
  // raise needs särskilda skäl for a child under 21 and synnerliga skäl for anyone else.
  // Before, a higher amount for särskilda skäl rests on 12 kap. 7 § tredje stycket (old SoL 4 kap.
  // 3 § andra stycket; the `norm_raise` reference). What was applied for beyond what is granted
  // is a cut (norm-raise-refused) with the rule in the applicant's words.
  void norm_raises() {
    for (const Member& m : m_app.members) {
      const Money applied = m.norm_raise_applied.value_or(m.norm_raise);
      if (applied.is_zero()) continue;
      const bool ceiling = m_norms.find_ref("norm_ceiling", m_day) != nullptr;
      const bool has_raise_ref = m_norms.find_ref("norm_raise", m_day) != nullptr;
      const bool child = m.role == Role::child;
      const std::string grounds = !ceiling ? "särskilda skäl" : child ? "särskilda skäl (barn)" : "synnerliga skäl";
      std::string detail = "personliga kostnader höjda med " + format_kr(m.norm_raise) + " på grund av " + grounds;
      if (!m.norm_raise_reason.empty()) detail += ": " + m.norm_raise_reason;
      if (applied > m.norm_raise) detail += "; ansökt " + format_kr(applied);
      add(
          Section::norm, m.norm_raise, "riksnorm.raised",
          ceiling         ? "norm_ceiling"
          : has_raise_ref ? "norm_raise"
                          : "norm_personal",
          [&] {
            return Words{"Höjd norm, " + grounds, m.pnr.masked(), detail};
          },
          origin_of(m));
      m_out.lines.back().applied = applied;
      if (!m.norm_raise.is_zero()) {
        m_out.notes.push_back("the norm is raised by " + format_kr(m.norm_raise) + " for " + m.pnr.masked() + " (" +
                              grounds + "); reports count raised norms");
      }
      if (applied > m.norm_raise) cut("norm-raise-refused", [&] { return raise_refused_text(m, applied, ceiling); });
    }
  }

  std::string who_sv(const Member& m) const {
    if (m.role == Role::applicant) return "dig";
    if (m.role == Role::partner) return "din make, maka eller sambo";
    return "barnet som är " + std::to_string(age_of(m)) + " år";
  }

  std::string raise_refused_text(const Member& m, Money applied, bool ceiling) const {
    const bool child = m.role == Role::child;
    const std::string skal = !ceiling || child ? "särskilda skäl" : "synnerliga skäl";
    std::string t = "Du har ansökt om " + format_kr(applied) + " i månaden utöver riksnormen för " + who_sv(m) + ". ";
    if (ceiling) {
      t += "Försörjningsstödet för personliga kostnader får inte beräknas till ett högre belopp än riksnormen. Det "
           "ska beräknas högre bara om det för barn och skolungdomar under 21 år finns särskilda skäl och för "
           "andra om det finns synnerliga skäl. ";
    } else {
      t += "Riksnormen beräknas till en högre nivå bara om det i det enskilda fallet finns särskilda skäl. ";
    }
    if (m.norm_raise.is_zero()) {
      t += "Nämnden har bedömt att det inte finns " + skal + " för en högre nivå. ";
    } else {
      t += "Nämnden har bedömt att det finns " + skal + " för " + format_kr(m.norm_raise) + " men inte för mer. ";
    }
    return t + format_kr(applied - m.norm_raise) + " beviljas därför inte.";
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
    const auto count = [&] {
      return excess_halves % 2 == 0 ? std::to_string(excess_halves / 2) : std::to_string(excess_halves / 2) + ",5";
    };
    const bool exempt = !m_app.large_household_exempt.empty();
    const Money reduction = exempt ? Money() : computed;
    if (exempt) {
      m_out.notes.push_back("large-household reduction of " + format_kr(computed) +
                            " not applied: synnerliga skäl recorded (" + m_app.large_household_exempt + ")");
    }
    add(Section::norm, -reduction, "riksnorm.large_household", "large_household", [&] {
      return Words{"Minskningsbelopp, fler än " + std::to_string(lh.above_children) + " barn", "",
                   "minskningsbelopp = medel av personliga kostnader " + std::to_string(lh.average_min_age) + "–" +
                       std::to_string(lh.average_max_age) + " år (" + format_kr(sum) + " / " + std::to_string(ages) +
                       ") × " + factor.to_string() + (couple ? " (gifta/sambor)" : " (övriga hushåll)") + ", " +
                       std::string(money::rounding_name(lh.rounding)) + " = " + format_kr(per_child) + "; × " +
                       count() + " barn utöver " + std::to_string(lh.above_children) + " = " + format_kr(computed) +
                       (exempt ? "; undantag för synnerliga skäl: " + m_app.large_household_exempt + ", 0 kr" : "")};
    });
    m_out.lines.back().applied = Money();
    if (exempt) return;
    cut("large-household-reduction",
        [&] { return large_household_text(halves, sum, ages, couple, per_child, computed); });
  }

  // The reason for the large-household reduction in the applicant's words, with the children
  // counted and the computation (SoL 12 kap. 7 a §).
  std::string large_household_text(int halves, Money sum, int ages, bool couple, Money per_child,
                                   Money computed) const {
    const auto& lh = *m_norms.large_household;
    const money::Ratio factor = couple ? lh.factor_couple : lh.factor_other;
    const int excess_halves = halves - 2 * lh.above_children;
    const std::string count =
        excess_halves % 2 == 0 ? std::to_string(excess_halves / 2) : std::to_string(excess_halves / 2) + ",5";
    int alternating = 0;
    for (const Member& c : m_app.members) alternating += c.role == Role::child && c.alternating_residence ? 1 : 0;
    const auto sv = [](const std::string& decimal) {
      std::string out = decimal;
      for (char& ch : out) ch = ch == '.' ? ',' : ch;
      return out;
    };
    int children = 0;
    for (const Member& c : m_app.members) children += c.role == Role::child ? 1 : 0;
    const std::string counted = halves % 2 == 0 ? std::to_string(halves / 2) : std::to_string(halves / 2) + ",5";
    std::string t = "Hushållet har " + std::to_string(children) + " hemmavarande barn och skolungdomar under 21 år";
    if (alternating > 0) {
      t += std::string(". ") + "Ett barn som bor växelvis" + " räknas som ett halvt barn, så hushållet räknas ha " +
           counted + " barn";
    }
    t += ". För ett hushåll med fler än " + std::to_string(lh.above_children) +
         " barn begränsas försörjningsstödet för de personliga kostnaderna: för varje barn utöver " +
         std::to_string(lh.above_children) +
         " dras ett minskningsbelopp av. Minskningsbeloppet är genomsnittet av de personliga kostnaderna enligt "
         "riksnormen för åldrarna " +
         std::to_string(lh.average_min_age) + "–" + std::to_string(lh.average_max_age) + " år (för " +
         std::to_string(lh.without_lunch_min_age) + "–" + std::to_string(lh.without_lunch_max_age) +
         " år beloppet utan lunch): " + format_kr(sum) + " / " + std::to_string(ages) + " = " +
         format_kr(sum.scaled(1, ages, Rounding::ore_half_up)) + ", gånger " + sv(factor.to_string()) +
         (couple ? " för gifta eller sambor" : " för ett hushåll där föräldern inte är gift eller sambo") + ", " +
         (lh.rounding == Rounding::down_10_kr ? std::string("avrundat nedåt till hela tiotal kronor")
                                              : "avrundat (" + std::string(money::rounding_name(lh.rounding)) + ")") +
         ": " + format_kr(per_child) + " per barn. " + count + " barn utöver " + std::to_string(lh.above_children) +
         " × " + format_kr(per_child) + " = " + format_kr(computed) +
         ". Nämnden har inte funnit synnerliga skäl att undanta hushållet från begränsningen.";
    return t;
  }

  void common_costs() {
    const int k = static_cast<int>(m_app.members.size());
    const int n = k + m_app.housemates;
    const Money table = m_norms.common_for(n);
    const auto table_detail = [&] {
      std::string detail = m_norms.id + ": gemensamma hushållskostnader för " + std::to_string(n) +
                           (n == 1 ? " person, " : " personer, ") + format_kr(table);
      if (n > static_cast<int>(m_norms.common.size())) {
        detail += " (" + std::to_string(m_norms.common.size()) + " personer + " +
                  std::to_string(n - static_cast<int>(m_norms.common.size())) +
                  " × skillnaden mellan 6 och 7 personer)";
      }
      return detail;
    };
    // SoF (2025:468) 12 kap. 3 § holds the rule for more than seven persons: cited only then,
    // where the norm file has that reference (`norm_common_large`).
    const bool large = n > static_cast<int>(m_norms.common.size());
    const std::string_view common_ref =
        large && m_norms.find_ref("norm_common_large", m_day) != nullptr ? "norm_common_large" : "norm_common";
    if (m_app.housemates == 0) {
      add(Section::common, table, "riksnorm.common", common_ref, [&] {
        return Words{"Gemensamma hushållskostnader, " + std::to_string(n) + (n == 1 ? " person" : " personer"), "",
                     table_detail()};
      });
      return;
    }
    const Money share = table.scaled(k, n, m_norms.rules.common_share_rounding);
    add(Section::common, share, "riksnorm.common_share", "common_share", [&] {
      return Words{"Gemensamma hushållskostnader, andel " + std::to_string(k) + "/" + std::to_string(n), "",
                   table_detail() + " × " + std::to_string(k) + "/" + std::to_string(n) + " (" +
                       std::to_string(m_app.housemates) +
                       " i hushållsgemenskapen utanför ärendet) = " + format_kr(share) + " (" +
                       std::string(money::rounding_name(m_norms.rules.common_share_rounding)) + ")"};
    });
  }

  void costs() {
    const int adults = m_app.adult_count();
    const int kids = m_app.child_count();
    for (const Cost& c : m_app.costs) {
      const bool outside = is_reasonable_cost(c.kind);
      const std::string_view label = cost_kind_label(c.kind);
      Money amount = c.applied;
      std::string detail;  // the words, only when explained
      if (m_explain) detail = "ansökt " + format_kr(c.applied);
      std::string cut_code;
      std::string cut_text;
      if (c.approved) {
        amount = *c.approved;
        if (m_explain) detail += ", godkänt " + format_kr(amount) + " (handläggarens bedömning)";
        if (amount < c.applied) cut_code = approved_cut(c, outside, label, m_explain ? &cut_text : nullptr);
      } else if (m_guideline != nullptr) {
        if (const norms::CostCap* cap = m_guideline->cap_for(cost_kind_name(c.kind), adults, kids)) {
          if (c.applied > cap->amount) {
            amount = cap->amount;
            if (m_guideline->status == "example") {
              m_out.warnings.push_back("cost capped by guideline '" + m_guideline->id +
                                       "', which is an EXAMPLE, not a nämnd's adopted figures");
            }
            cut_code = "cost-above-guideline";
            if (m_explain) {
              detail += ", begränsat till " + format_kr(cap->amount) + " enligt riktlinje " + m_guideline->id + " (" +
                        cap->label + "; " + m_guideline->source + ")";
              cut_text = "Du har ansökt om " + format_kr(c.applied) + " i månaden för " + lower_first(label) +
                         ". Enligt nämndens riktlinjer (" + m_guideline->title + ") är en skälig " +
                         lower_first(label) + " för ett hushåll med " + cap->label + " högst " +
                         format_kr(cap->amount) + " i månaden. Den del som är högre, " +
                         format_kr(c.applied - cap->amount) +
                         ", bedöms inte som en skälig kostnad och ingår inte i beräkningen.";
            }
          }
        }
      }
      std::string rule = "cost." + std::string(cost_kind_name(c.kind));
      std::string_view ref_key = outside ? "cost" : "other_need";
      if (c.second_hand && second_hand_rent(c, amount, detail, rule, ref_key)) {
        cut_code = "second-hand-no-consent";
        if (m_explain) {
          cut_text =
              "Du hyr bostaden i andra hand. Försörjningsstöd för boendekostnaden i en bostad som hyrs i andra hand "
              "lämnas bara om hyresvärden, bostadsrättsföreningen eller hyresnämnden har lämnat samtycke eller "
              "tillstånd till upplåtelsen, eller om det finns särskilda skäl. Samtycke eller tillstånd har inte "
              "visats, och det har inte kommit fram särskilda skäl. Boendekostnaden på " +
              format_kr(c.applied) + " ingår därför inte i beräkningen.";
        }
      }
      if (m_explain && !c.note.empty()) detail += "; " + c.note;
      add(
          outside ? Section::cost : Section::other, amount, std::move(rule), ref_key,
          [&] {
            return Words{std::string(label), "", std::move(detail)};
          },
          origin_of(c));
      // What was applied for; an approved amount above it is what the caseworker accepts.
      m_out.lines.back().applied = money::max(c.applied, amount);
      m_out.lines.back().kind = cost_kind_name(c.kind);
      if (!cut_code.empty()) cut(std::move(cut_code), [&] { return std::move(cut_text); });
    }
  }

  // The reason for an approved amount below the applied one: a cost outside the norm judged
  // reasonable at less (12 kap. 7 § första stycket 2), or a need for livsföring i övrigt found
  // smaller (12 kap. 1 §). The caseworker's note is their assessment.
  // Returns the cut code; writes the text to `out` when it is given.
  static std::string approved_cut(const Cost& c, bool outside, std::string_view label, std::string* out) {
    const Money approved = *c.approved;
    const std::string code = outside ? (approved.is_zero() ? "cost-not-reasonable" : "cost-reduced")
                                     : (approved.is_zero() ? "need-not-shown" : "need-reduced");
    if (out == nullptr) return code;
    std::string& text = *out;
    text = "Du har ansökt om " + format_kr(c.applied) + " för " + lower_first(label) + ". ";
    if (outside) {
      text += approved.is_zero() ? "Nämnden bedömer att kostnaden inte är skälig, och den ingår inte i beräkningen."
                                 : "Nämnden bedömer att " + format_kr(approved) + " är en skälig kostnad. Resten, " +
                                       format_kr(c.applied - approved) + ", ingår inte i beräkningen.";
    } else {
      text += approved.is_zero() ? "Nämnden bedömer att behovet inte har visats, och det ingår inte i beräkningen."
                                 : "Nämnden bedömer att " + format_kr(approved) +
                                       " behövs för att du ska få en skälig levnadsnivå. Resten, " +
                                       format_kr(c.applied - approved) + ", beviljas inte.";
    }
    if (!c.note.empty()) text += " Nämndens bedömning: " + c.note + ".";
    return code;
  }

  // "Boendekostnad" → "boendekostnad" (the Swedish labels start with one capital letter).
  static std::string lower_first(std::string_view label) {
    std::string s(label);
    if (s.empty()) return s;
    if (s[0] >= 'A' && s[0] <= 'Z') {
      s[0] = static_cast<char>(s[0] - 'A' + 'a');
    } else if (s.size() > 1 && s[0] == '\xC3' && (s[1] == '\x85' || s[1] == '\x84' || s[1] == '\x96')) {
      s[1] = static_cast<char>(s[1] + 0x20);  // Å Ä Ö → å ä ö
    }
    return s;
  }

  // Rent for a second-hand lease (SoL 12 kap. 7 d §, in force when the norm file's
  // `second_hand_rent` reference is): counted only with the landlord's, housing association's
  // or hyresnämnd's consent, or särskilda skäl recorded. Without either it is not counted and
  // the assessment carries a warning, so no routine decision grants it. Returns true when it
  // is not counted (a cut).
  bool second_hand_rent(const Cost& c, Money& amount, std::string& detail, std::string& rule,
                        std::string_view& ref_key) {
    if (m_norms.find_ref("second_hand_rent", m_day) == nullptr) {
      if (m_explain) detail += "; andrahandskontrakt (samtyckeskravet i 7 d § gäller från 2027-01-01)";
      return false;
    }
    ref_key = "second_hand_rent";
    if (c.consent) {
      if (m_explain) detail += "; andrahandskontrakt med hyresvärdens eller hyresnämndens samtycke";
      rule += ".second_hand";
      return false;
    }
    if (!c.special_reasons.empty()) {
      if (m_explain) detail += "; andrahandskontrakt utan samtycke, särskilda skäl: " + c.special_reasons;
      rule += ".second_hand";
      return false;
    }
    if (m_explain) detail += "; andrahandskontrakt utan samtycke och utan särskilda skäl: räknas inte (0 kr)";
    rule += ".second_hand_no_consent";
    m_out.warnings.push_back("rent of " + format_kr(c.applied) +
                             " for a second-hand lease without the landlord's or hyresnämnd's consent and without "
                             "särskilda skäl is not counted (SoL 12 kap. 7 d §)");
    amount = Money();
    return true;
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
      add(
          Section::income, in.amount, "income." + std::string(income_kind_name(in.kind)), "income",
          [&] {
            std::string detail = "nettoinkomst " + format_kr(in.amount);
            if (!in.note.empty()) detail += "; " + in.note;
            return Words{std::string(income_kind_label(in.kind)), in.member.masked(), std::move(detail)};
          },
          origin_of(in));
      m_out.lines.back().kind = income_kind_name(in.kind);
    }
    // Kinds the norm file lists as not counted (none in the shipped files).
    for (const Income& in : m_app.incomes) {
      if (r.income_not_counted.empty()) break;
      const std::string kind(income_kind_name(in.kind));
      if (std::find(r.income_not_counted.begin(), r.income_not_counted.end(), kind) == r.income_not_counted.end())
        continue;
      add(Section::exemption, in.amount, "exemption.not_counted", "income", [&] {
        return Words{
            "Inkomst som inte räknas: " + std::string(income_kind_label(in.kind)), in.member.masked(),
            m_norms.id + " lists " + kind + " in income_not_counted: " + format_kr(in.amount) + " not counted"};
      });
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
        add(
            Section::exemption, exempt, "exemption.children_earnings", "children_earnings",
            [&] {
              std::string detail = "barns arbetsinkomst räknas inte upp till " +
                                   std::to_string(r.children_earnings_limit_pbb) + " prisbasbelopp per år (" +
                                   format_kr(limit) + "); tidigare i år " + format_kr(c.earned_this_year_before) +
                                   ", undantaget " + format_kr(exempt);
              if (exempt < in.amount) detail += ", över gränsen räknas " + format_kr(in.amount - exempt);
              return Words{"Barns arbetsinkomst som inte räknas", c.pnr.masked(), std::move(detail)};
            },
            origin_of(in));
      }
    }
    // Jobbstimulans (12 kap. 8 §): a share of adults' employment income is not counted.
    for (const Member& a : m_app.members) {
      if (!a.is_adult()) continue;
      bool has_salary = false;
      for (const Income& in : m_app.incomes)
        has_salary = has_salary || (in.member == a.pnr && is_stimulus_kind(in.kind));
      if (!has_salary) continue;
      if (r.jobbstimulans_from && m_app.month < *r.jobbstimulans_from) {
        m_out.notes.push_back("jobbstimulans for " + a.pnr.masked() + ": not for income of " + m_app.month.to_string() +
                              "; the rule applies to income earned from " + r.jobbstimulans_from->to_string() +
                              " (Lag 2013:421, övergångsbestämmelse 2: not to income earned before the end of June "
                              "2013)");
        continue;
      }
      if (!jobbstimulans_applies(a)) continue;
      for (const Income& in : m_app.incomes) {
        if (!(in.member == a.pnr) || !is_stimulus_kind(in.kind)) continue;
        const Money exempt = in.amount.scaled(r.jobbstimulans_percent, 100, Rounding::ore_half_up);
        add(
            Section::exemption, exempt, "exemption.jobbstimulans", "jobbstimulans",
            [&] {
              return Words{"Jobbstimulans", a.pnr.masked(),
                           std::to_string(r.jobbstimulans_percent) + " % av " + format_kr(in.amount) + " = " +
                               format_kr(exempt) + " (ore_half_up)"};
            },
            origin_of(in));
      }
    }
  }

  // Barnbidrag (with any flerbarnstillägg) counts as income (SoL 12 kap. 1 §; rules-reference.md
  // §3.1): a household with a child under `barnbidrag_below_age` that declares none is looked at
  // before a decision (it may be paid to the other parent in växelvis boende).
  void check_barnbidrag() {
    int young = 0;
    for (const Member& c : m_app.members) {
      if (c.role == Role::child && age_of(c) < m_norms.rules.barnbidrag_below_age) ++young;
    }
    if (young == 0) return;
    for (const Income& in : m_app.incomes) {
      if (in.kind == IncomeKind::barnbidrag) return;
    }
    m_out.warnings.push_back(
        "no barnbidrag is declared, but the household has " + std::to_string(young) +
        (young == 1 ? " child" : " children") + " under " + std::to_string(m_norms.rules.barnbidrag_below_age) +
        ": barnbidrag, with any flerbarnstillägg, counts as income (SoL 12 kap. 1 §); check what Försäkringskassan "
        "pays (in växelvis boende it may be paid to the other parent)");
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
        throw InputError({Problem{m_app.source, o.line, o.list == nullptr ? "totals" : o.name(), format_kr(l.amount),
                                  "the sum of the section \"" + std::string(section_name(l.section)) +
                                      "\" goes beyond what eb can hold (±92 233 720 368 547 758 kr) at this line"}});
      }
    }
    try {
      t.need = t.norm + t.costs + t.other;
      t.income = income_declared - t.exempt;
      t.amount = money::max(Money(), t.need - t.income).rounded(m_norms.rules.payable_rounding);
      t.applied = applied_amount(m_out);
    } catch (const money::Overflow&) {
      throw InputError({Problem{m_app.source, 0, "totals", "",
                                "the need or the income goes beyond what eb can hold (±92 233 720 368 547 758 kr)"}});
    }
  }

  const Application& m_app;
  const norms::NormSet& m_norms;
  const norms::Guideline* m_guideline;
  period::Date m_day;  // the law day: statute references, and which dated rules are in force
  const norms::RuleChoice* m_rules;
  bool m_explain;  // Detail::full: the words of each line and the statute behind it
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

Money applied_amount(const Assessment& a) {
  Money need;
  for (const Line& l : a.lines) {
    if (l.section == Section::norm || l.section == Section::common || l.section == Section::cost ||
        l.section == Section::other) {
      need += l.applied;
    }
  }
  return money::max(Money(), need - a.totals.income).rounded(a.payable_rounding);
}

Assessment calculate(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline,
                     const norms::RuleChoice* rules, Detail detail) {
  const period::Date norm_day = rules ? rules->norm_day : app.month.first_day();
  if (!norms.covers(norm_day)) {
    throw NormError(norms.id + " is valid " + norms.valid_from.to_string() + " to " + norms.valid_to.to_string() +
                        ", not for " + app.month.to_string() +
                        (norm_day != app.month.first_day() ? " under the rules of " + norm_day.to_string() : ""),
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
    return Calculation(app, norms, guideline, rules, detail).run();
  } catch (const money::Overflow& e) {
    // An overflow outside the sums of totals(): still input, named by the application.
    throw InputError({Problem{app.source, 0, "", "", e.problems().front().message}});
  }
}

}  // namespace eb::assess
