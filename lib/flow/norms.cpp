// SPDX-License-Identifier: MIT
#include "flow/norms.hpp"

#include "common/text.hpp"
#include "norms/derive.hpp"
#include "norms/norm_parser.hpp"
#include "norms/norm_writer.hpp"
#include "norms/reference_values.hpp"

namespace eb::flow {

NormCheck check_norm_files(const std::vector<std::string>& files) {
  NormCheck out;
  std::vector<Problem> all;
  for (const auto& file : files) {
    try {
      norms::NormSet n = norms::read_norm_file(file);
      auto problems = norms::check_norm_set(n);
      if (problems.empty()) out.ok.push_back(std::move(n));
      all.insert(all.end(), problems.begin(), problems.end());
    } catch (const InputError& e) {
      all.insert(all.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!all.empty()) throw InputError(all);
  return out;
}

NormDiff diff_norms(const Context& ctx, const std::string& from, const std::string& to) {
  const auto load = [&](const std::string& name) {
    return name.find(".toml") != std::string::npos ? norms::read_norm_file(name) : ctx.catalog().find(name);
  };
  NormDiff d{load(from), load(to), {}};
  d.changes = norms::diff_norms(d.from, d.to);
  return d;
}

DerivedNormOutcome derive_norm(const Context& ctx, const DeriveNormRequest& r) {
  int year = 0;
  if (!text::parse_digits(r.year, year) || r.year.size() != 4) {
    throw InputError("YEAR", text::quoted(r.year), "not a year (write e.g. 2027)");
  }
  norms::DeriveInput in;
  in.year = year;
  in.index = money::parse_ratio(r.index, "--index");
  if (auto why = norms::index_problem(in.index)) throw InputError("--index", text::quoted(r.index), *why);
  in.index_source = r.index_source;
  if (!r.prisbasbelopp.empty()) in.prisbasbelopp = money::parse_money(r.prisbasbelopp, "--prisbasbelopp");
  const norms::ReferenceValues ref = r.reference.empty() ? norms::find_reference_values(ctx.catalog().dir(), year)
                                                         : norms::read_reference_file(r.reference);
  DerivedNormOutcome out;
  out.text = norms::format_norm_toml(norms::derive_norm(ref, in));
  // The file must read back as it was meant and pass `eb norms check`; anything else is a bug.
  out.norm = norms::parse_norm_text(out.text, r.name);
  out.norm.path = r.name;
  if (auto problems = norms::check_norm_set(out.norm); !problems.empty()) {
    throw Error("the derived norm fails its own check: " + problems.front().to_string());
  }
  out.index = in.index;
  out.reference = ref.path.empty() ? ref.id : ref.path;
  return out;
}

}  // namespace eb::flow
