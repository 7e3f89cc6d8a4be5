// SPDX-License-Identifier: MIT
#include "render/norms_render.hpp"

#include <nlohmann/json.hpp>

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
      err << "eb: warning: " << n.id << " is an ESTIMATE, not the official table\n";
    } else if (n.status == norms::NormStatus::preliminary) {
      err << "eb: warning: " << n.id << " is PRELIMINARY, derived from referensvärden and an index\n";
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
    common.add({std::to_string(i + 1) + " personer", format_kr(n.common[i])});
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
  if (n.status == norms::NormStatus::estimate) err << "eb: warning: " << n.id << " is an ESTIMATE\n";
  if (n.status == norms::NormStatus::preliminary) err << "eb: warning: " << n.id << " is PRELIMINARY\n";
}

void print_norm_diff(std::ostream& out, const flow::NormDiff& d, bool json) {
  const norms::NormSet& a = d.from;
  const norms::NormSet& b = d.to;
  const auto& changes = d.changes;
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& c : changes) {
      nlohmann::json j{{"item", c.item}, {"before", c.before}, {"after", c.after}};
      if (c.difference) j["difference_ore"] = c.difference->ore();
      arr.push_back(std::move(j));
    }
    out << nlohmann::json{{"from", a.id}, {"to", b.id}, {"changes", arr}}.dump(2) << "\n";
    return;
  }
  out << a.id << " → " << b.id << ": " << changes.size() << " changes\n\n";
  // Amounts as a table; status, rules and statute references as before/after lines.
  Table t({"item", a.id, b.id, "change"}, {false, true, true, true});
  std::vector<const norms::NormChange*> texts;
  for (const auto& c : changes) {
    if (c.difference || c.before.ends_with(" kr") || c.after.ends_with(" kr")) {
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
  err << "eb: warning: " << d.norm.id
      << " is PRELIMINARY: replace it with the government's fixed amounts when they are known\n";
}

}  // namespace eb::cli
