// SPDX-License-Identifier: MIT
// Writing a NormSet as a norm file (TOML text) that parse_norm_text reads back unchanged.
#pragma once

#include <string>

#include "norms/derive.hpp"
#include "norms/norm_set.hpp"

namespace eb::norms {

// The norm file text of `d.norm`, with `d`'s comments: every field parse_norm_text reads, the
// named rules in full (the UNCONFIRMED ones marked), one [[ref]] per statute reference.
std::string format_norm_toml(const DerivedNorm& d);

}  // namespace eb::norms
