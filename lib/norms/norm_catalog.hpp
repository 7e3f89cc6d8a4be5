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

namespace eb::norms {

class NormCatalog {
 public:
  // The norm files of `dir`/riksnorm/*.toml. A file is read when first needed: the month's
  // norm comes from the file named by its year (2026.toml), and only when that file does not
  // cover the day, or when all() is asked for, are all of them read and checked for overlaps.
  // Throws NormError if the folder has no norm files; reading a file may throw InputError.
  static NormCatalog load(const std::string& dir);
  // A catalog of the given sets (tests, `--norms-file`).
  explicit NormCatalog(std::vector<NormSet> sets, std::string dir = "");

  // The norm whose validity covers `day`. Throws NormError (not found) naming the day and
  // the period the catalog covers.
  const NormSet& valid_on(period::Date day) const;
  // A norm by year ("2026"), id ("riksnorm-2026") or file path. Throws NormError if unknown.
  const NormSet& find(std::string_view name) const;
  // Every norm file, read and checked (two files that cover the same day throw NormError).
  const std::vector<NormSet>& all() const;
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
  // Guarded by m_mutex (the simulation asks from several threads): the files read one at a
  // time, and all of them once asked for.
  mutable std::unique_ptr<std::mutex> m_mutex = std::make_unique<std::mutex>();
  mutable std::deque<NormSet> m_read;
  mutable std::optional<std::vector<NormSet>> m_sets;  // sorted by valid_from
};

}  // namespace eb::norms
