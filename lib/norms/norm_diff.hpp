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
  bool is_amount = false;           // an amount: before_amount and after_amount hold it
  std::optional<Money> before_amount;
  std::optional<Money> after_amount;
};

// The changes from `a` to `b` (items named in Swedish where the norm's own words are: "gemensamma
// hushållskostnader, 1 person"), in table order: status, sfs, adults, children per band (or,
// when the bands differ, the structure, each band split or merged away and each new band,
// then every age 0–20), referensvärden, common costs, what the norm covers, prisbasbelopp,
// the large-household parameters, the derivation, every rule, every statute reference.
// Title, source and source_note are not compared.
std::vector<NormChange> diff_norms(const NormSet& a, const NormSet& b);

}  // namespace eb::norms
