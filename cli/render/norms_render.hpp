// SPDX-License-Identifier: MIT
// How `eb norms` prints the catalog, one norm, a check, a comparison and a derived norm.
#pragma once

#include <ostream>
#include <string>

#include "flow/norms.hpp"
#include "norms/norm_catalog.hpp"

namespace eb::cli {

// The norm files (table or JSON), warning on stderr of each estimate and preliminary norm.
void print_norm_list(std::ostream& out, std::ostream& err, const norms::NormCatalog& catalog, bool json);
// Every amount, rule and statute reference of `n`.
void print_norm(std::ostream& out, std::ostream& err, const norms::NormSet& n);
void print_norm_diff(std::ostream& out, const flow::NormDiff& d, bool json);
void print_norm_check(std::ostream& out, const flow::NormCheck& c);
// "wrote PATH: …" and the warning that a derived norm is preliminary.
void print_derived(std::ostream& out, std::ostream& err, const flow::DerivedNormOutcome& d, const std::string& path);

}  // namespace eb::cli
