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
// The norm as JSON: every amount in öre (`*_ore`), factors as numbers (eb-norms(1), JSON).
void print_norm_json(std::ostream& out, const norms::NormSet& n);
// The files that passed, as a JSON array of {file, ok, id, status, valid_from, valid_to}.
void print_norm_check_json(std::ostream& out, const flow::NormCheck& c);
void print_norm_diff(std::ostream& out, const flow::NormDiff& d, bool json);
void print_norm_check(std::ostream& out, const flow::NormCheck& c);
// "wrote PATH: …" and the warning that a derived norm is preliminary.
void print_derived(std::ostream& out, std::ostream& err, const flow::DerivedNormOutcome& d, const std::string& path);

}  // namespace eb::cli
