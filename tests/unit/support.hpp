// SPDX-License-Identifier: MIT
// Helpers shared by the unit tests: what an InputError says, and the bundled norms.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "norms/norm_catalog.hpp"

namespace eb::test {

// The message of the InputError `f()` throws (every problem, one per line), or "" if it
// throws none.
template <class F>
std::string input_error_of(F&& f) {
  try {
    std::forward<F>(f)();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The problems of the InputError `f()` throws, or none if it throws none.
template <class F>
std::vector<Problem> input_problems_of(F&& f) {
  try {
    std::forward<F>(f)();
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

// The norm files shipped in norms/, loaded once.
inline const norms::NormCatalog& bundled_catalog() {
  static const norms::NormCatalog c = norms::NormCatalog::load(EB_SOURCE_DIR "/norms");
  return c;
}

}  // namespace eb::test
