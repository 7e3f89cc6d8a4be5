// SPDX-License-Identifier: MIT
// NormCatalog: the folder of norm files, and "the riksnorm valid on date D".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"
#include "norms/transitional.hpp"

namespace eb::norms {

class NormCatalog {
 public:
  // Reads every `dir`/riksnorm/*.toml and `dir`/transitional.toml (when present). Throws
  // InputError if a file is invalid, NormError if two files cover the same day or the folder
  // has none.
  static NormCatalog load(const std::string& dir);
  // A catalog of the given sets (tests, `--norms-file`), with the given transitional rules.
  explicit NormCatalog(std::vector<NormSet> sets, std::string dir = "", Transitions transitions = {});

  // The norm whose validity covers `day`. Throws NormError (not found) naming the day and
  // the period the catalog covers.
  const NormSet& valid_on(period::Date day) const;
  // A norm by year ("2026"), id ("riksnorm-2026") or file path. Throws NormError if unknown.
  const NormSet& find(std::string_view name) const;
  const std::vector<NormSet>& all() const { return m_sets; }
  const Transitions& transitions() const { return m_transitions; }
  // The rules for an application (Transitions::choose).
  RuleChoice rules_for(period::Month month, std::optional<period::Date> received, period::Date decided_on) const {
    return m_transitions.choose(month, received, decided_on);
  }
  // The norm of `choice` (valid on its norm day). Throws NormError (not found) naming the day
  // and, when a transitional rule moved it, the act.
  const NormSet& norm_for(const RuleChoice& choice) const;
  const std::string& dir() const { return m_dir; }

  // The local guideline `name` (norms/local/<name>.toml). Throws NormError if missing.
  Guideline guideline(std::string_view name) const;

 private:
  std::vector<NormSet> m_sets;  // sorted by valid_from
  std::string m_dir;
  Transitions m_transitions;
};

}  // namespace eb::norms
