// SPDX-License-Identifier: MIT
// NormCatalog: the folder of norm files, and "the riksnorm valid on date D".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"

namespace eb::norms {

class NormCatalog {
 public:
  // Reads every `dir`/riksnorm/*.toml. Throws InputError if a file is invalid, NormError if
  // two files cover the same day or the folder has none.
  static NormCatalog load(const std::string& dir);
  // A catalog of the given sets (tests, `--norms-file`).
  explicit NormCatalog(std::vector<NormSet> sets, std::string dir = "");

  // The norm whose validity covers `day`. Throws NormError (not found) naming the day and
  // the period the catalog covers.
  const NormSet& valid_on(period::Date day) const;
  // A norm by year ("2026"), id ("riksnorm-2026") or file path. Throws NormError if unknown.
  const NormSet& find(std::string_view name) const;
  const std::vector<NormSet>& all() const { return m_sets; }
  const std::string& dir() const { return m_dir; }

  // The local guideline `name` (norms/local/<name>.toml). Throws InputError if `name` is not
  // a guideline name (is_guideline_name: never a path), NormError if the file is missing.
  Guideline guideline(std::string_view name) const;

 private:
  std::vector<NormSet> m_sets;  // sorted by valid_from
  std::string m_dir;
};

}  // namespace eb::norms
