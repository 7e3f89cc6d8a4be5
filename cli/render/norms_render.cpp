// SPDX-License-Identifier: MIT
#include "render/norms_render.hpp"

#include <nlohmann/json.hpp>

#include "common/json_number.hpp"
#include "common/text.hpp"
#include "diagnostic.hpp"
#include "render/table.hpp"

namespace eb::cli {

using money::format_kr;

void print_norm_list(std::ostream& out, std::ostream& err, const norms::NormCatalog& catalog, bool json) {
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& n : catalog.all()) {
      arr.push_back({{"id", n.id},
                     {"valid_from", n.valid_from.to_string()},
                     {"valid_to", n.valid_to.to_string()},
                     {"status", norms::status_name(n.status)},
                     {"sfs", n.sfs},
                     {"single_ore", n.single.ore()},
                     {"couple_ore", n.couple.ore()},
                     {"file", n.path},
                     {"sha256", n.sha256}});
    }
    out << arr.dump(2) << "\n";
    return;
  }
  Table t({"id", "valid", "status", "sfs", "single", "couple", "file"},
          {false, false, false, false, true, true, false});
  for (const auto& n : catalog.all()) {
    t.add({n.id, n.valid_from.to_string() + ".." + n.valid_to.to_string(), std::string(norms::status_name(n.status)),
           n.sfs.empty() ? "—" : n.sfs, format_kr(n.single), format_kr(n.couple), n.path});
  }
  t.print(out);
  for (const auto& n : catalog.all()) {
    if (n.status == norms::NormStatus::estimate) {
      err << warning_prefix() << n.id << " is an ESTIMATE, not the official table\n";
    } else if (n.status == norms::NormStatus::preliminary) {
      err << warning_prefix() << n.id << " is PRELIMINARY, derived from referensvärden and an index\n";
    }
  }
}

void print_norm(std::ostream& out, std::ostream& err, const norms::NormSet& n) {
  out << n.title << "  (" << n.id << ")\n"
      << "valid      " << n.valid_from.to_string() << " to " << n.valid_to.to_string() << "\n"
      << "status     " << norms::status_name(n.status) << "\n"
      << "sfs        " << (n.sfs.empty() ? "unknown" : n.sfs) << "\n"
      << "source     " << n.source << "\n";
  if (!n.source_note.empty()) out << "note       " << n.source_note << "\n";
  if (!n.items.empty()) {
    std::string items;
    for (const auto& i : n.items) items += (items.empty() ? "" : ", ") + i;
    out << "covers     " << items << "\n";
  }
  if (n.derivation) {
    const auto& d = *n.derivation;
    out << "derived    referensvärde × " << d.index.to_string() << " (jämförelsetal) × " << d.uplift.to_string() << ", "
        << money::rounding_name(d.rounding) << (d.reference_id.empty() ? "" : ", from " + d.reference_id) << "\n";
    if (!d.index_source.empty()) out << "index      " << d.index_source << "\n";
  }
  out << "file       " << n.path << "\nsha256     " << n.sha256 << "\n"
      << "prisbasbelopp " << format_kr(n.prisbasbelopp)
      << (n.prisbasbelopp_sfs.empty() ? " (SFS unknown: see the note)" : " (SFS " + n.prisbasbelopp_sfs + ")")
      << "\n\n";
  Table adults({"personliga kostnader, vuxna", "kr/mån"}, {false, true});
  adults.add({"ensamstående", format_kr(n.single)});
  adults.add({"gifta eller sambor (tillsammans)", format_kr(n.couple)});
  adults.print(out);
  out << "\n";
  Table kids({"barn", "med lunch", "utan lunch", "referensvärde"}, {false, true, true, true});
  for (const auto& b : n.bands) {
    kids.add({b.label, format_kr(b.amount),
              b.without_lunch ? format_kr(*b.without_lunch) : (b.without_lunch_unconfirmed ? "UNCONFIRMED" : "—"),
              b.reference ? format_kr(*b.reference) : "—"});
  }
  kids.print(out);
  out << "\n";
  Table common({"gemensamma hushållskostnader", "kr/mån"}, {false, true});
  for (std::size_t i = 0; i < n.common.size(); ++i)
    common.add({text::counted(static_cast<std::int64_t>(i + 1), "person", "personer"), format_kr(n.common[i])});
  if (n.common.size() >= 2) {
    common.add({"per person utöver " + std::to_string(n.common.size()), format_kr(n.common_for(8) - n.common.back())});
  }
  common.print(out);
  if (n.large_household) {
    const auto& lh = *n.large_household;
    out << "\nminskningsbelopp: fler än " << lh.above_children << " barn; faktor " << lh.factor_couple.to_string()
        << " (gifta/sambor), " << lh.factor_other.to_string() << " (övriga); " << money::rounding_name(lh.rounding)
        << "\n";
  }
  const auto& r = n.rules;
  out << "\nrules: part month /" << r.part_month_days << " (" << money::rounding_name(r.part_month_rounding)
      << "), common share " << money::rounding_name(r.common_share_rounding) << ", payable "
      << money::rounding_name(r.payable_rounding) << ", jobbstimulans " << r.jobbstimulans_percent << " % after "
      << r.jobbstimulans_qualifying_months << " months for " << r.jobbstimulans_duration_months
      << " months, children's earnings up to " << r.children_earnings_limit_pbb << " prisbasbelopp\n\n";
  Table refs({"lagrum", "text", "valid"});
  for (const auto& ref : n.refs) {
    refs.add({ref.key, ref.text, ref.valid_from.to_string() + ".." + (ref.valid_to ? ref.valid_to->to_string() : "")});
  }
  refs.print(out);
  if (n.status == norms::NormStatus::estimate) err << warning_prefix() << n.id << " is an ESTIMATE\n";
  if (n.status == norms::NormStatus::preliminary) err << warning_prefix() << n.id << " is PRELIMINARY\n";
}

namespace {

nlohmann::json ore_or_null(const std::optional<money::Money>& m) {
  return m ? nlohmann::json(m->ore()) : nlohmann::json();
}

}  // namespace

void print_norm_json(std::ostream& out, const norms::NormSet& n) {
  using nlohmann::json;
  json bands = json::array();
  for (const auto& b : n.bands) {
    bands.push_back({{"label", b.label},
                     {"min_age", b.min_age},
                     {"max_age", b.max_age},
                     {"amount_ore", b.amount.ore()},
                     {"without_lunch_ore", ore_or_null(b.without_lunch)},
                     {"without_lunch_unconfirmed", b.without_lunch_unconfirmed},
                     {"reference_ore", ore_or_null(b.reference)},
                     {"reference_without_lunch_ore", ore_or_null(b.reference_without_lunch)}});
  }
  json common = json::array();
  for (const auto& c : n.common) common.push_back(c.ore());
  json refs = json::array();
  for (const auto& r : n.refs) {
    refs.push_back({{"key", r.key},
                    {"text", r.text},
                    {"valid_from", r.valid_from.to_string()},
                    {"valid_to", r.valid_to ? json(r.valid_to->to_string()) : json()}});
  }
  const auto& r = n.rules;
  json j{
      {"id", n.id},
      {"title", n.title},
      {"valid_from", n.valid_from.to_string()},
      {"valid_to", n.valid_to.to_string()},
      {"status", norms::status_name(n.status)},
      {"sfs", n.sfs.empty() ? json() : json(n.sfs)},
      {"source", n.source},
      {"source_note", n.source_note},
      {"items", n.items},
      {"file", n.path},
      {"sha256", n.sha256},
      {"prisbasbelopp_ore", n.prisbasbelopp.ore()},
      {"prisbasbelopp_sfs", n.prisbasbelopp_sfs.empty() ? json() : json(n.prisbasbelopp_sfs)},
      {"single_ore", n.single.ore()},
      {"couple_ore", n.couple.ore()},
      {"child_bands", bands},
      {"common_ore", common},
      {"common_per_person_beyond_ore", n.common.size() >= 2 ? json((n.common_for(8) - n.common.back()).ore()) : json()},
      {"rules",
       {{"part_month_days", r.part_month_days},
        {"part_month_rounding", money::rounding_name(r.part_month_rounding)},
        {"common_share_rounding", money::rounding_name(r.common_share_rounding)},
        {"payable_rounding", money::rounding_name(r.payable_rounding)},
        {"jobbstimulans_percent", r.jobbstimulans_percent},
        {"jobbstimulans_qualifying_months", r.jobbstimulans_qualifying_months},
        {"jobbstimulans_duration_months", r.jobbstimulans_duration_months},
        {"children_earnings_limit_pbb", r.children_earnings_limit_pbb}}},
      {"refs", refs}};
  j["large_household"] = nullptr;
  if (n.large_household) {
    const auto& lh = *n.large_household;
    j["large_household"] = {{"above_children", lh.above_children},
                            {"factor_couple", decimal_number(lh.factor_couple.to_string())},
                            {"factor_other", decimal_number(lh.factor_other.to_string())},
                            {"rounding", money::rounding_name(lh.rounding)}};
  }
  j["derivation"] = nullptr;
  if (n.derivation) {
    const auto& d = *n.derivation;
    j["derivation"] = {{"index", decimal_number(d.index.to_string())},
                       {"index_source", d.index_source},
                       {"uplift", decimal_number(d.uplift.to_string())},
                       {"rounding", money::rounding_name(d.rounding)},
                       {"reference_id", d.reference_id}};
  }
  out << dump_json(j, 2) << "\n";
}

void print_norm_check_json(std::ostream& out, const flow::NormCheck& c) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& n : c.ok) {
    arr.push_back({{"file", n.path},
                   {"ok", true},
                   {"id", n.id},
                   {"status", norms::status_name(n.status)},
                   {"valid_from", n.valid_from.to_string()},
                   {"valid_to", n.valid_to.to_string()}});
  }
  out << arr.dump(2) << "\n";
}

void print_norm_diff(std::ostream& out, const flow::NormDiff& d, bool json) {
  const norms::NormSet& a = d.from;
  const norms::NormSet& b = d.to;
  const auto& changes = d.changes;
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& c : changes) {
      nlohmann::json j{{"item", c.item}, {"kind", c.is_amount ? "amount" : "text"}};
      if (c.is_amount) {
        const auto ore = [](const std::optional<money::Money>& m) {
          return m ? nlohmann::json(m->ore()) : nlohmann::json();
        };
        j["before_ore"] = ore(c.before_amount);
        j["after_ore"] = ore(c.after_amount);
        j["difference_ore"] = ore(c.difference);
      } else {
        // A figure (a factor, a number of months) is a number; other text stays text. The keys
        // are not before/after: those name money (eb(1), OUTPUT).
        const auto value = [](const std::string& s) { return is_decimal(s) ? decimal_number(s) : nlohmann::json(s); };
        j["before_value"] = value(c.before);
        j["after_value"] = value(c.after);
      }
      arr.push_back(std::move(j));
    }
    out << dump_json(nlohmann::json{{"from", a.id}, {"to", b.id}, {"changes", arr}}, 2) << "\n";
    return;
  }
  out << a.id << " → " << b.id << ": " << changes.size() << " changes\n\n";
  // Amounts as a table; status, rules and statute references as before/after lines.
  Table t({"item", a.id, b.id, "change"}, {false, true, true, true});
  std::vector<const norms::NormChange*> texts;
  for (const auto& c : changes) {
    if (c.is_amount) {
      const std::string change =
          c.difference ? (c.difference->is_negative() ? "" : "+") + format_kr(*c.difference) : "";
      t.add({c.item, c.before, c.after, change});
    } else {
      texts.push_back(&c);
    }
  }
  if (!t.empty()) t.print(out);
  for (const auto* c : texts) {
    out << "\n" << c->item << "\n  " << a.id << ": " << c->before << "\n  " << b.id << ": " << c->after << "\n";
  }
}

void print_norm_check(std::ostream& out, const flow::NormCheck& c) {
  for (const auto& n : c.ok) {
    out << n.path << ": ok (" << n.id << ", " << norms::status_name(n.status) << ", " << n.valid_from.to_string()
        << ".." << n.valid_to.to_string() << ")\n";
  }
}

void print_derived(std::ostream& out, std::ostream& err, const flow::DerivedNormOutcome& d, const std::string& path) {
  out << "wrote " << path << ": " << d.norm.id << " (" << norms::status_name(d.norm.status) << ", "
      << d.norm.valid_from.to_string() << ".." << d.norm.valid_to.to_string() << "), jämförelsetal "
      << d.index.to_string() << ", from " << d.reference << "\n";
  err << warning_prefix() << d.norm.id
      << " is PRELIMINARY: replace it with the government's fixed amounts when they are known\n";
}

}  // namespace eb::cli
