// SPDX-License-Identifier: MIT
// The store id and audit key of a demo store, derived from the demo's parameters, so that the
// same parameters give a byte-identical store (eb-demo(1), REPRODUCIBLE STORES). Anyone who knows
// the parameters can compute the key, so a demo store's seals prove nothing: it holds synthetic
// households only, and eb never derives the key of any other store.
#pragma once

#include <string>

#include "demo/generator.hpp"

namespace eb::demo {

struct StoreIdentity {
  std::string store_id;  // 32 hex digits, as a random store id has
  std::string key;       // 32 bytes
};

// sha256 of "eb demo store 1" and the parameters (households, months, first month, seed,
// plant rate), split into the id and the key. Pure.
StoreIdentity store_identity(const Parameters& p);

}  // namespace eb::demo
