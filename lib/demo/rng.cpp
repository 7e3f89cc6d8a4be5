// SPDX-License-Identifier: MIT
#include "demo/rng.hpp"

namespace eb::demo {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t state = a ^ (b * 0xD1B54A32D192ED03ULL);
  splitmix64(state);
  return splitmix64(state);
}

Rng::Rng(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (auto& s : m_s) s = splitmix64(state);
}

Rng Rng::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
  Rng r(0);
  r.m_s[0] = s0;
  r.m_s[1] = s1;
  r.m_s[2] = s2;
  r.m_s[3] = s3;
  return r;
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
  const std::uint64_t t = m_s[1] << 17;
  m_s[2] ^= m_s[0];
  m_s[3] ^= m_s[1];
  m_s[1] ^= m_s[2];
  m_s[0] ^= m_s[3];
  m_s[2] ^= t;
  m_s[3] = rotl(m_s[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) return 0;
  // The values below `threshold` would make some residues one more likely than others.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t r = next();
    if (r >= threshold) return r % n;
  }
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  const auto span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + below(span));
}

bool Rng::per_mille(int p) {
  if (p <= 0) return false;
  if (p >= 1000) return true;
  return below(1000) < static_cast<std::uint64_t>(p);
}

bool Rng::per_million(std::int64_t p) {
  if (p <= 0) return false;
  if (p >= 1'000'000) return true;
  return below(1'000'000) < static_cast<std::uint64_t>(p);
}

std::size_t Rng::weighted(std::span<const int> weights) {
  std::uint64_t sum = 0;
  for (int w : weights) sum += w > 0 ? static_cast<std::uint64_t>(w) : 0;
  if (sum == 0) return 0;
  std::uint64_t r = below(sum);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::uint64_t w = weights[i] > 0 ? static_cast<std::uint64_t>(weights[i]) : 0;
    if (r < w) return i;
    r -= w;
  }
  return weights.size() - 1;
}

}  // namespace eb::demo
