// SPDX-License-Identifier: MIT
// eb norms: list, show, check, compare and derive the riksnorm files.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "norms/derive.hpp"
#include "norms/norm_catalog.hpp"
#include "norms/norm_diff.hpp"
#include "norms/norm_parser.hpp"
#include "norms/norm_writer.hpp"
#include "norms/reference_values.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

using money::format_kr;
using money::format_sv;

struct NormsOptions {
  std::string name;
  std::vector<std::string> files;
  std::string from;
  std::string to;
  bool json = false;
  // derive
  std::string year;
  std::string index;
  std::string index_source;
  std::string reference;
  std::string prisbasbelopp;
  std::string output;
  bool force = false;
};

void run_list(const NormsOptions& opt, Run& s) {
  const norms::NormCatalog& catalog = s.session.catalog();
  if (opt.json) {
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
    s.out << arr.dump(2) << "\n";
    return;
  }
  Table t({"id", "valid", "status", "sfs", "single", "couple", "file"},
          {false, false, false, false, true, true, false});
  for (const auto& n : catalog.all()) {
    t.add({n.id, n.valid_from.to_string() + ".." + n.valid_to.to_string(), std::string(norms::status_name(n.status)),
           n.sfs.empty() ? "—" : n.sfs, format_kr(n.single), format_kr(n.couple), n.path});
  }
  t.print(s.out);
  for (const auto& n : catalog.all()) {
    if (n.status == norms::NormStatus::estimate) {
      s.err << "eb: warning: " << n.id << " is an ESTIMATE, not the official table\n";
    } else if (n.status == norms::NormStatus::preliminary) {
      s.err << "eb: warning: " << n.id << " is PRELIMINARY, derived from referensvärden and an index\n";
    }
  }
}

void run_show(const NormsOptions& opt, Run& s) {
  const norms::NormCatalog& catalog = s.session.catalog();
  const norms::NormSet& n = catalog.find(opt.name);
  s.out << n.title << "  (" << n.id << ")\n"
        << "valid      " << n.valid_from.to_string() << " to " << n.valid_to.to_string() << "\n"
        << "status     " << norms::status_name(n.status) << "\n"
        << "sfs        " << (n.sfs.empty() ? "unknown" : n.sfs) << "\n"
        << "source     " << n.source << "\n";
  if (!n.source_note.empty()) s.out << "note       " << n.source_note << "\n";
  if (!n.items.empty()) {
    std::string items;
    for (const auto& i : n.items) items += (items.empty() ? "" : ", ") + i;
    s.out << "covers     " << items << "\n";
  }
  if (n.derivation) {
    const auto& d = *n.derivation;
    s.out << "derived    referensvärde × " << d.index.to_string() << " (jämförelsetal) × " << d.uplift.to_string()
          << ", " << money::rounding_name(d.rounding) << (d.reference_id.empty() ? "" : ", from " + d.reference_id)
          << "\n";
    if (!d.index_source.empty()) s.out << "index      " << d.index_source << "\n";
  }
  s.out << "file       " << n.path << "\nsha256     " << n.sha256 << "\n"
        << "prisbasbelopp " << format_kr(n.prisbasbelopp)
        << (n.prisbasbelopp_sfs.empty() ? " (SFS unknown: see the note)" : " (SFS " + n.prisbasbelopp_sfs + ")")
        << "\n\n";
  Table adults({"personliga kostnader, vuxna", "kr/mån"}, {false, true});
  adults.add({"ensamstående", format_kr(n.single)});
  adults.add({"gifta eller sambor (tillsammans)", format_kr(n.couple)});
  adults.print(s.out);
  s.out << "\n";
  Table kids({"barn", "med lunch", "utan lunch", "referensvärde"}, {false, true, true, true});
  for (const auto& b : n.bands) {
    kids.add({b.label, format_kr(b.amount),
              b.without_lunch ? format_kr(*b.without_lunch) : (b.without_lunch_unconfirmed ? "UNCONFIRMED" : "—"),
              b.reference ? format_kr(*b.reference) : "—"});
  }
  kids.print(s.out);
  s.out << "\n";
  Table common({"gemensamma hushållskostnader", "kr/mån"}, {false, true});
  for (std::size_t i = 0; i < n.common.size(); ++i)
    common.add({std::to_string(i + 1) + " personer", format_kr(n.common[i])});
  if (n.common.size() >= 2) {
    common.add({"per person utöver " + std::to_string(n.common.size()), format_kr(n.common_for(8) - n.common.back())});
  }
  common.print(s.out);
  if (n.large_household) {
    const auto& lh = *n.large_household;
    s.out << "\nminskningsbelopp: fler än " << lh.above_children << " barn; faktor " << lh.factor_couple.to_string()
          << " (gifta/sambor), " << lh.factor_other.to_string() << " (övriga); " << money::rounding_name(lh.rounding)
          << "\n";
  }
  const auto& r = n.rules;
  s.out << "\nrules: part month /" << r.part_month_days << " (" << money::rounding_name(r.part_month_rounding)
        << "), common share " << money::rounding_name(r.common_share_rounding) << ", payable "
        << money::rounding_name(r.payable_rounding) << ", jobbstimulans " << r.jobbstimulans_percent << " % after "
        << r.jobbstimulans_qualifying_months << " months for " << r.jobbstimulans_duration_months
        << " months, children's earnings up to " << r.children_earnings_limit_pbb << " prisbasbelopp\n\n";
  Table refs({"lagrum", "text", "valid"});
  for (const auto& ref : n.refs) {
    refs.add({ref.key, ref.text, ref.valid_from.to_string() + ".." + (ref.valid_to ? ref.valid_to->to_string() : "")});
  }
  refs.print(s.out);
  if (n.status == norms::NormStatus::estimate) s.err << "eb: warning: " << n.id << " is an ESTIMATE\n";
  if (n.status == norms::NormStatus::preliminary) s.err << "eb: warning: " << n.id << " is PRELIMINARY\n";
}

void run_check(const NormsOptions& opt, Run& s) {
  std::vector<Problem> all;
  for (const auto& file : opt.files) {
    try {
      const norms::NormSet n = norms::read_norm_file(file);
      auto problems = norms::check_norm_set(n);
      if (problems.empty()) {
        s.out << file << ": ok (" << n.id << ", " << norms::status_name(n.status) << ", " << n.valid_from.to_string()
              << ".." << n.valid_to.to_string() << ")\n";
      }
      all.insert(all.end(), problems.begin(), problems.end());
    } catch (const InputError& e) {
      all.insert(all.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!all.empty()) throw InputError(all);
}

void run_diff(const NormsOptions& opt, Run& s) {
  const norms::NormCatalog& catalog = s.session.catalog();
  const auto load = [&](const std::string& name) {
    return name.find(".toml") != std::string::npos ? norms::read_norm_file(name) : catalog.find(name);
  };
  const norms::NormSet a = load(opt.from);
  const norms::NormSet b = load(opt.to);
  const auto changes = norms::diff_norms(a, b);
  if (opt.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& c : changes) {
      nlohmann::json j{{"item", c.item}, {"before", c.before}, {"after", c.after}};
      if (c.difference) j["difference_ore"] = c.difference->ore();
      arr.push_back(std::move(j));
    }
    s.out << nlohmann::json{{"from", a.id}, {"to", b.id}, {"changes", arr}}.dump(2) << "\n";
    return;
  }
  s.out << a.id << " → " << b.id << ": " << changes.size() << " changes\n\n";
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
  if (!t.empty()) t.print(s.out);
  for (const auto* c : texts) {
    s.out << "\n" << c->item << "\n  " << a.id << ": " << c->before << "\n  " << b.id << ": " << c->after << "\n";
  }
}

void run_derive(const NormsOptions& opt, Run& s) {
  int year = 0;
  if (!text::parse_digits(opt.year, year) || opt.year.size() != 4) {
    throw InputError("YEAR", text::quoted(opt.year), "not a year (write e.g. 2027)");
  }
  norms::DeriveInput in;
  in.year = year;
  in.index = money::parse_ratio(opt.index, "--index");
  if (auto why = norms::index_problem(in.index)) throw InputError("--index", text::quoted(opt.index), *why);
  in.index_source = opt.index_source;
  if (!opt.prisbasbelopp.empty()) in.prisbasbelopp = money::parse_money(opt.prisbasbelopp, "--prisbasbelopp");
  const norms::ReferenceValues ref = opt.reference.empty()
                                         ? norms::find_reference_values(s.session.norms_dir().string(), year)
                                         : norms::read_reference_file(opt.reference);
  const norms::DerivedNorm derived = norms::derive_norm(ref, in);
  const std::string text = norms::format_norm_toml(derived);
  // The file must read back as it was meant and pass `eb norms check`; anything else is a bug.
  const std::string name = opt.output.empty() || opt.output == "-" ? "(derived)" : opt.output;
  norms::NormSet back = norms::parse_norm_text(text, name);
  back.path = name;
  if (auto problems = norms::check_norm_set(back); !problems.empty()) {
    throw Error("the derived norm fails its own check: " + problems.front().to_string());
  }
  if (opt.output.empty() || opt.output == "-") {
    s.out << text;
    return;
  }
  check_output_path(opt.output);  // a directory or a link is refused before the existence check
  std::error_code ec;
  if (!opt.force && std::filesystem::exists(opt.output, ec)) {
    throw Conflict("-o " + opt.output + ": the file exists; eb norms derive does not overwrite it without --force");
  }
  s.write_output(opt.output, text);
  s.out << "wrote " << opt.output << ": " << back.id << " (" << norms::status_name(back.status) << ", "
        << back.valid_from.to_string() << ".." << back.valid_to.to_string() << "), jämförelsetal "
        << in.index.to_string() << ", from " << (ref.path.empty() ? ref.id : ref.path) << "\n";
  s.err << "eb: warning: " << back.id
        << " is PRELIMINARY: replace it with the government's fixed amounts when they are known\n";
}

}  // namespace

void add_norms_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<NormsOptions>();
  CLI::App* cmd = app.add_subcommand("norms", "List, show, check, compare and derive riksnorm files");
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "List the norm files with validity, status and amending act");
  list->add_flag("--json", opt->json, "Print as a JSON array");
  table.add(list, Access::none, [opt](Run& run) { run_list(*opt, run); });

  CLI::App* show = cmd->add_subcommand("show", "Show one norm: every amount, rule and statute reference");
  show->add_option("name", opt->name, "Year (2026), id (riksnorm-2026) or file")->required();
  table.add(show, Access::none, [opt](Run& run) { run_show(*opt, run); });

  CLI::App* check = cmd->add_subcommand("check", "Validate norm files (bands, amounts, tables, statute references)");
  check->add_option("files", opt->files, "Norm files to check")->required()->check(CLI::ExistingFile);
  table.add(check, Access::none, [opt](Run& run) { run_check(*opt, run); });

  CLI::App* diff = cmd->add_subcommand("diff", "Show every changed amount, band and reference between two norms");
  diff->add_option("from", opt->from, "Year, id or file")->required();
  diff->add_option("to", opt->to, "Year, id or file")->required();
  diff->add_flag("--json", opt->json, "Print the changes as JSON");
  table.add(diff, Access::none, [opt](Run& run) { run_diff(*opt, run); });

  CLI::App* derive = cmd->add_subcommand(
      "derive", "Derive a preliminary norm: referensvärde × jämförelsetal × 1.02, to the nearest 10 kr");
  derive->add_option("year", opt->year, "The norm year, e.g. 2027")->required();
  derive->add_option("--index", opt->index, "The jämförelsetal (SCB), an exact decimal such as 1.043 (0.8–2.0)")
      ->required();
  derive->add_option("--index-source", opt->index_source,
                     "Where the index comes from (recorded in the file), e.g. \"SCB, published 2026-08-28\"");
  derive
      ->add_option("--reference", opt->reference,
                   "Referensvärden file; default the one in NORMS/reference/ that covers the year")
      ->check(CLI::ExistingFile);
  derive->add_option("--prisbasbelopp", opt->prisbasbelopp,
                     "The year's prisbasbelopp in kronor; default the referensvärden file's figure");
  derive->add_option("-o,--output", opt->output, "Write the norm file here (- or absent: standard output)");
  derive->add_flag("--force", opt->force, "Overwrite an existing output file");
  table.add(derive, Access::none, [opt](Run& run) { run_derive(*opt, run); });
}

}  // namespace eb::cli
