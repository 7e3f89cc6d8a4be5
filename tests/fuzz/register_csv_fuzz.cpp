// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes given to the CSV reader and the two register parsers must give
// rows or an InputError, never a crash, a hang or another exception; parsed income rows must
// have distinct keys (identical rows get their occurrence in the key).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "common/csv.hpp"
#include "common/error.hpp"
#include "fut/registers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  eb::csv::Limits limits;
  limits.max_bytes = 1 << 20;
  limits.max_records = 10000;
  limits.max_field_bytes = 4096;
  try {
    (void)eb::csv::read_all(text, "fuzz.csv", limits);
  } catch (const eb::InputError&) {
  }
  try {
    const auto rows = eb::fut::parse_income_register(text, "fuzz.csv", limits);
    std::set<eb::fut::ContentKey> keys;
    for (const auto& r : rows) {
      if (!keys.insert(r.key).second) __builtin_trap();
      if (r.amount.is_negative()) __builtin_trap();
    }
  } catch (const eb::InputError&) {
  }
  try {
    const auto rows = eb::fut::parse_population_register(text, "fuzz.csv", limits);
    std::set<std::string_view> pnrs;
    for (const auto& r : rows) {
      if (!pnrs.insert(r.pnr.digits()).second) __builtin_trap();
    }
  } catch (const eb::InputError&) {
  }
  return 0;
}
