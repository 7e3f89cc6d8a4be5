// SPDX-License-Identifier: MIT
// Reading norm files: TOML text → NormSet, and the checks `eb norms check` runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "norms/norm_set.hpp"

namespace eb::norms {

// Parses a norm file's text. `file` names it in messages. Throws InputError with one problem
// per bad or unknown field (file, line, field, value).
NormSet parse_norm_text(std::string_view text, const std::string& file);

// Reads and parses the file at `path`, recording its path and SHA-256.
// Throws StoreError if it cannot be read, InputError if it is invalid.
NormSet read_norm_file(const std::string& path);

// Checks a parsed norm set for consistency: bands cover ages 0–20 without gaps or overlaps,
// amounts positive, common costs for 1–7 persons increasing, valid_from <= valid_to, every
// statute key referenced for the whole validity. Returns the problems (empty = fine).
std::vector<Problem> check_norm_set(const NormSet& norms);

}  // namespace eb::norms
