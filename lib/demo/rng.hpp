// SPDX-License-Identifier: MIT
// The demo generator's random numbers: xoshiro256** seeded by splitmix64, with its own integer
// range mapping, so a seed gives the same district with every compiler and standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace eb::demo {

// A 64-bit mix of `a` and `b` (splitmix64's finaliser): the seed of an independent stream, e.g.
// mix(seed, household key). The same inputs always give the same value.
std::uint64_t mix(std::uint64_t a, std::uint64_t b);

// xoshiro256** (Blackman and Vigna, 2018), its state filled from `seed` by splitmix64. Not for
// cryptography: it makes synthetic data reproducible.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // A generator in exactly this state (not all zero): for checking against the reference
  // implementation's published outputs.
  static Rng from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);

  std::uint64_t next();
  // Uniform in [0, `n`) by rejection (no modulo bias); 0 when `n` is 0.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [`lo`, `hi`]; `lo` when `hi` < `lo`.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // The same as `int`, for counts and indexes.
  int between_int(int lo, int hi) { return static_cast<int>(between(lo, hi)); }
  // True with probability `p` / 1000 (`p` ≤ 0 never, ≥ 1000 always).
  bool per_mille(int p);
  // True with probability `p` / 1 000 000.
  bool per_million(std::int64_t p);
  // An index into `weights`, each chosen with probability weight / sum; 0 if the sum is 0.
  std::size_t weighted(std::span<const int> weights);

 private:
  std::uint64_t m_s[4];
};

}  // namespace eb::demo
