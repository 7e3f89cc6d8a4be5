// SPDX-License-Identifier: MIT
#include "norms/norm_catalog.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "common/error.hpp"
#include "common/file.hpp"
#include "common/sha256.hpp"
#include "common/text.hpp"
#include "norms/norm_parser.hpp"

namespace eb::norms {

namespace fs = std::filesystem;

namespace {

// Sorts `sets` by validity and refuses two that cover the same day.
void check_order(std::vector<NormSet>& sets) {
  std::sort(sets.begin(), sets.end(), [](const NormSet& a, const NormSet& b) { return a.valid_from < b.valid_from; });
  for (std::size_t i = 1; i < sets.size(); ++i) {
    if (sets[i].valid_from <= sets[i - 1].valid_to) {
      throw NormError(sets[i].path + ": valid_from " + sets[i].valid_from.to_string() + " overlaps " +
                          sets[i - 1].path + " (valid to " + sets[i - 1].valid_to.to_string() + ")",
                      ExitCode::invalid_input);
    }
  }
}

// The year a name stands for: "2026" or "riksnorm-2026".
std::optional<int> year_of(std::string_view name) {
  if (name.size() > 9 && name.substr(0, 9) == "riksnorm-") name.remove_prefix(9);
  if (name.size() != 4 || name.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return std::stoi(std::string(name));
}

// Whether the file at `path` is named for `year` ("…/2026.toml"): its stem, as
// std::filesystem::path::stem gives it, without building a path (valid_on asks per household).
bool is_year_file(std::string_view path, std::string_view year) {
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot != 0 && name != "..") name = name.substr(0, dot);
  return name == year;
}

}  // namespace

NormCatalog::NormCatalog(std::vector<NormSet> sets, std::string dir, Transitions transitions)
    : m_dir(std::move(dir)), m_transitions(std::move(transitions)) {
  check_order(sets);
  m_sets = std::move(sets);
}

NormCatalog NormCatalog::load(const std::string& dir) {
  const fs::path folder = fs::path(dir) / "riksnorm";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw NormError("no norms folder at " + folder.string() + " (set --norms or $EB_NORMS)", ExitCode::not_found);
  }
  NormCatalog c;
  c.m_dir = dir;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") c.m_paths.push_back(entry.path().string());
  }
  std::sort(c.m_paths.begin(), c.m_paths.end());
  if (c.m_paths.empty()) throw NormError("no norm files in " + folder.string(), ExitCode::not_found);
  const fs::path rules = fs::path(dir) / "transitional.toml";
  if (fs::is_regular_file(rules, ec)) c.m_transitions = Transitions::parse(read_file(rules.string()), rules.string());
  return c;
}

const std::vector<NormSet>& NormCatalog::all() const {
  std::lock_guard<std::mutex> lock(*m_mutex);
  return all_locked();
}

const std::vector<NormSet>& NormCatalog::all_locked() const {
  if (!m_sets) {
    std::vector<NormSet> sets;
    for (const auto& p : m_paths) sets.push_back(read_norm_file(p));
    check_order(sets);
    m_sets = std::move(sets);
  }
  return *m_sets;
}

const NormSet* NormCatalog::by_year(int year) const {
  char digits[16];
  const int length = std::snprintf(digits, sizeof digits, "%d", year);
  const std::string_view name(digits, static_cast<std::size_t>(length));
  for (const auto& n : m_read) {
    if (is_year_file(n.path, name)) return &n;
  }
  for (const auto& p : m_paths) {
    if (is_year_file(p, name)) return &m_read.emplace_back(read_norm_file(p));
  }
  return nullptr;
}

const NormSet& NormCatalog::valid_on(period::Date day) const {
  std::lock_guard<std::mutex> lock(*m_mutex);
  if (!m_sets) {
    if (const NormSet* n = by_year(day.year()); n != nullptr && n->covers(day)) return *n;
  }
  const auto& sets = all_locked();
  for (const auto& n : sets) {
    if (n.covers(day)) return n;
  }
  std::string range =
      sets.empty() ? "none" : sets.front().valid_from.to_string() + " to " + sets.back().valid_to.to_string();
  throw NormError("no riksnorm is valid on " + day.to_string() + " (the norm files cover " + range + ")",
                  ExitCode::not_found);
}

const NormSet& NormCatalog::norm_for(const RuleChoice& choice) const {
  std::string why;
  for (const auto& a : choice.applied) {
    if (a.in_force == choice.norm_day && a.kind == TransitionKind::arrival_and_period) {
      why += (why.empty() ? "" : ", ") + std::string("SFS ") + a.sfs;
    }
  }
  if (why.empty()) return valid_on(choice.norm_day);
  try {
    return valid_on(choice.norm_day);
  } catch (const NormError&) {
    const auto& sets = all();
    const std::string range =
        sets.empty() ? "none" : sets.front().valid_from.to_string() + " to " + sets.back().valid_to.to_string();
    throw NormError("the application arrived after " + why + " entered into force on " + choice.norm_day.to_string() +
                        ", so its rules apply (transitional rules, " + m_transitions.path() +
                        "), but no riksnorm is valid on " + choice.norm_day.to_string() + " (the norm files cover " +
                        range + ")",
                    ExitCode::not_found);
  }
}

const NormSet& NormCatalog::find(std::string_view name) const {
  std::lock_guard<std::mutex> lock(*m_mutex);
  if (!m_sets) {
    if (const auto year = year_of(name)) {
      if (const NormSet* n = by_year(*year); n != nullptr && (n->id == name || std::to_string(*year) == name)) {
        return *n;
      }
    }
  }
  for (const auto& n : all_locked()) {
    if (n.id == name || n.path == name || std::to_string(n.valid_from.year()) == name) return n;
  }
  throw NormError("no norm file named '" + std::string(name) + "' in " + m_dir + " (try `eb norms list`)",
                  ExitCode::not_found);
}

Guideline NormCatalog::guideline(std::string_view name) const {
  if (!is_guideline_name(name)) throw InputError("guideline", text::quoted(name), std::string(k_guideline_name_rule));
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
