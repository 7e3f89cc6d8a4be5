// SPDX-License-Identifier: MIT
// The flows of `eb norms` that do more than read the catalog: checking norm files, comparing two
// norms, and deriving a preliminary norm from the referensvärden (SoF 12 kap. 1 a–1 c §§).
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "flow/context.hpp"
#include "money/ratio.hpp"
#include "norms/norm_diff.hpp"
#include "norms/norm_set.hpp"

namespace eb::flow {

struct NormCheck {
  std::vector<norms::NormSet> ok;  // the files that passed, in the order given
};
// Reads and checks each file. Throws InputError with every problem of every file that failed.
NormCheck check_norm_files(const std::vector<std::string>& files);

struct NormDiff {
  norms::NormSet from;
  norms::NormSet to;
  std::vector<norms::NormChange> changes;
};
// The changes from `from` to `to`, each a year, an id of the catalog or a norm file (*.toml).
NormDiff diff_norms(const Context& ctx, const std::string& from, const std::string& to);

struct DeriveNormRequest {
  std::string year;  // as given: four digits
  std::string index;
  std::string index_source;
  std::string reference;  // a referensvärden file; empty: the one in NORMS/reference/ for the year
  std::string prisbasbelopp;
  std::string name;  // the file it will be written to, for messages
};
struct DerivedNormOutcome {
  std::string text;       // the norm file
  norms::NormSet norm;    // read back from `text`
  money::Ratio index;     // the jämförelsetal used
  std::string reference;  // where the referensvärden came from
};
// Derives the norm, and checks that its file reads back and passes `eb norms check`. Throws
// InputError naming YEAR, --index or --prisbasbelopp; NormError when no referensvärden cover the
// year.
DerivedNormOutcome derive_norm(const Context& ctx, const DeriveNormRequest& request);

}  // namespace eb::flow
