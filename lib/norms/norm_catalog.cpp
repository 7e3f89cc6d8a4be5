// SPDX-License-Identifier: MIT
#include "norms/norm_catalog.hpp"

#include <algorithm>
#include <filesystem>

#include "common/error.hpp"
#include "common/file.hpp"
#include "common/sha256.hpp"
#include "norms/norm_parser.hpp"

namespace eb::norms {

namespace fs = std::filesystem;

NormCatalog::NormCatalog(std::vector<NormSet> sets, std::string dir, Transitions transitions)
    : m_sets(std::move(sets)), m_dir(std::move(dir)), m_transitions(std::move(transitions)) {
  std::sort(m_sets.begin(), m_sets.end(),
            [](const NormSet& a, const NormSet& b) { return a.valid_from < b.valid_from; });
  for (std::size_t i = 1; i < m_sets.size(); ++i) {
    if (m_sets[i].valid_from <= m_sets[i - 1].valid_to) {
      throw NormError(m_sets[i].path + ": valid_from " + m_sets[i].valid_from.to_string() + " overlaps " +
                          m_sets[i - 1].path + " (valid to " + m_sets[i - 1].valid_to.to_string() + ")",
                      ExitCode::invalid_input);
    }
  }
}

NormCatalog NormCatalog::load(const std::string& dir) {
  const fs::path folder = fs::path(dir) / "riksnorm";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw NormError("no norms folder at " + folder.string() + " (set --norms or $EB_NORMS)", ExitCode::not_found);
  }
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<NormSet> sets;
  for (const auto& p : paths) sets.push_back(read_norm_file(p));
  if (sets.empty()) throw NormError("no norm files in " + folder.string(), ExitCode::not_found);
  const fs::path rules = fs::path(dir) / "transitional.toml";
  Transitions transitions;
  if (fs::is_regular_file(rules, ec)) transitions = Transitions::parse(read_file(rules.string()), rules.string());
  return NormCatalog(std::move(sets), dir, std::move(transitions));
}

const NormSet& NormCatalog::valid_on(period::Date day) const {
  for (const auto& n : m_sets) {
    if (n.covers(day)) return n;
  }
  std::string range =
      m_sets.empty() ? "none" : m_sets.front().valid_from.to_string() + " to " + m_sets.back().valid_to.to_string();
  throw NormError("no riksnorm is valid on " + day.to_string() + " (the norm files cover " + range + ")",
                  ExitCode::not_found);
}

const NormSet& NormCatalog::norm_for(const RuleChoice& choice) const {
  for (const auto& n : m_sets) {
    if (n.covers(choice.norm_day)) return n;
  }
  std::string why;
  for (const auto& a : choice.applied) {
    if (a.in_force == choice.norm_day && a.kind == TransitionKind::arrival_and_period) {
      why += (why.empty() ? "" : ", ") + std::string("SFS ") + a.sfs;
    }
  }
  if (why.empty()) return valid_on(choice.norm_day);
  std::string range =
      m_sets.empty() ? "none" : m_sets.front().valid_from.to_string() + " to " + m_sets.back().valid_to.to_string();
  throw NormError("the application arrived after " + why + " entered into force on " + choice.norm_day.to_string() +
                      ", so its rules apply (transitional rules, " + m_transitions.path() +
                      "), but no riksnorm is valid on " + choice.norm_day.to_string() + " (the norm files cover " +
                      range + ")",
                  ExitCode::not_found);
}

const NormSet& NormCatalog::find(std::string_view name) const {
  for (const auto& n : m_sets) {
    if (n.id == name || n.path == name || std::to_string(n.valid_from.year()) == name) return n;
  }
  throw NormError("no norm file named '" + std::string(name) + "' in " + m_dir + " (try `eb norms list`)",
                  ExitCode::not_found);
}

Guideline NormCatalog::guideline(std::string_view name) const {
  const fs::path path = fs::path(m_dir) / "local" / (std::string(name) + ".toml");
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw NormError("guideline = \"" + std::string(name) + "\": no local guideline file " + path.string(),
                    ExitCode::not_found);
  }
  const std::string bytes = read_file(path.string());
  Guideline g = parse_guideline_text(bytes, path.string());
  g.path = path.string();
  g.sha256 = sha256_hex(bytes);
  g.text = bytes;
  return g;
}

}  // namespace eb::norms
