// SPDX-License-Identifier: MIT
// NormDiff: every changed figure between two norm sets, including band structure changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "norms/norm_set.hpp"

namespace eb::norms {

struct NormChange {
  std::string item;    // "adults.single", "child age 7 (7–10 år)", "common 4 persons", …
  std::string before;  // as text; "—" when absent
  std::string after;
  std::optional<Money> difference;  // for amounts present in both
};

// The changes from `a` to `b`, in table order: adults, children per band (or per age when
// the bands differ, with the structural change listed first), common costs, prisbasbelopp,
// rules, statute references.
std::vector<NormChange> diff_norms(const NormSet& a, const NormSet& b);

}  // namespace eb::norms
