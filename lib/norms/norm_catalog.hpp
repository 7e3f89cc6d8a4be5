// SPDX-License-Identifier: MIT
// NormCatalog: the folder of norm files, and "the riksnorm valid on date D".
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"
#include "norms/transitional.hpp"

namespace eb::norms {

class NormCatalog {
 public:
  // The norm files of `dir`/riksnorm/*.toml. A file is read when first needed: the month's
  // norm comes from the file named by its year (2026.toml), and only when that file does not
  // cover the day, or when all() is asked for, are all of them read and checked for overlaps.
  // Throws NormError if the folder has no norm files; reading a file may throw InputError.
  // `dir`/transitional.toml, when present, is read at once (an invalid one throws InputError).
  static NormCatalog load(const std::string& dir);
  // A catalog of the given sets (tests, `--norms-file`), with the given transitional rules.
  explicit NormCatalog(std::vector<NormSet> sets, std::string dir = "", Transitions transitions = {});

  // The norm whose validity covers `day`. Throws NormError (not found) naming the day and
  // the period the catalog covers.
  const NormSet& valid_on(period::Date day) const;
  // A norm by year ("2026"), id ("riksnorm-2026") or file path. Throws NormError if unknown.
  const NormSet& find(std::string_view name) const;
  // Every norm file, read and checked (two files that cover the same day throw NormError).
  const std::vector<NormSet>& all() const;
  // The transitional rules of `dir`/transitional.toml (none when it is missing).
  const Transitions& transitions() const { return m_transitions; }
  // The rules for an application (Transitions::choose).
  RuleChoice rules_for(period::Month month, std::optional<period::Date> received, period::Date decided_on) const {
    return m_transitions.choose(month, received, decided_on);
  }
  // The norm of `choice` (valid on its norm day). Throws NormError (not found) naming the day
  // and, when a transitional rule moved it, the act.
  const NormSet& norm_for(const RuleChoice& choice) const;
  const std::string& dir() const { return m_dir; }

  // The local guideline `name` (norms/local/<name>.toml). Throws InputError if `name` is not
  // a guideline name (is_guideline_name: never a path), NormError if the file is missing.
  Guideline guideline(std::string_view name) const;

 private:
  NormCatalog() = default;
  // The norm read from the file named after `year`, if there is one.
  const NormSet* by_year(int year) const;
  const std::vector<NormSet>& all_locked() const;

  std::vector<std::string> m_paths;  // the files, sorted; empty for a catalog of given sets
  std::string m_dir;
  Transitions m_transitions;
  // Guarded by m_mutex (the simulation asks from several threads): the files read one at a
  // time, and all of them once asked for.
  mutable std::unique_ptr<std::mutex> m_mutex = std::make_unique<std::mutex>();
  mutable std::deque<NormSet> m_read;
  mutable std::optional<std::vector<NormSet>> m_sets;  // sorted by valid_from
};

}  // namespace eb::norms
