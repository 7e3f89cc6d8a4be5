// SPDX-License-Identifier: MIT
// The demo district: synthetic households over months, their applications, the FUT registers
// and the planted errors, as a pure function of the parameters, the seed and the norm files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assess/application.hpp"
#include "demo/registers.hpp"
#include "demo/shape.hpp"
#include "demo/truth.hpp"
#include "norms/norm_catalog.hpp"
#include "period/month.hpp"

namespace eb::demo {

struct Parameters {
  int households = 505;  // households with an application each month (exactly this many)
  int months = 12;       // 1–120
  period::Month first_month{2026, 1};
  std::uint64_t seed = 1;
  // Planted FUT errors per rule, per million household-months: 5 000 is `--plant-errors 0.5%`.
  // With any rate above 0, each of the seven rules gets at least one, and the clean near-misses
  // (edges) come with them. At most 50 000 (5 %).
  std::int64_t plant_ppm = 0;
  // Compute each application's payable amount (assess::calculate under the month's norm). The
  // planted cases are always calculated: their amount at risk needs it.
  bool calculate_all = true;
  DistrictShape shape;
};

// One month's application of one household, as `eb intake` would take it.
struct GeneratedApplication {
  assess::Application application;
  std::string household;  // "H0000012-001": place 12, its second household (they count from 000)
  std::string file;       // "2026-03/H0000012-001.toml", relative to applications/
  int month_index = 0;    // 0 for the first month
  // calculate()'s amount; zero when not calculated (Parameters::calculate_all false).
  money::Money payable;
  bool calculated = false;
  bool planted = false;  // a case of a planted error this month
  bool edge = false;     // a case of a clean near-miss this month
};

// Receives the district as it is generated: the applications month by month (in household
// order), the income-register rows as they concern each month, and at the end the population
// register. A sink may write files; generate() never holds more than one month.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void application(const GeneratedApplication& a) = 0;
  virtual void income_row(const IncomeRow& row) = 0;
  virtual void population_row(const PopulationRow& row) = 0;
};

// Checks `p`. Throws InputError naming the flag (--households, --months, --plant-errors, …) and
// the value when a value is out of range.
void check_parameters(const Parameters& p);

// Generates the district into `sink` and returns what was planted. Pure: the same parameters,
// seed and norm files give the same calls in the same order. Throws InputError from
// check_parameters, and when the planted errors need more households than there are;
// NormError when `norms` has no riksnorm for a month.
Truth generate(const Parameters& p, const norms::NormCatalog& norms, Sink& sink);

// The whole district in memory (for tests and small runs).
struct District {
  std::vector<GeneratedApplication> applications;
  std::vector<IncomeRow> income_register;
  std::vector<PopulationRow> population;
  Truth truth;
};
District generate_district(const Parameters& p, const norms::NormCatalog& norms);

// The header of the truth file for `p`.
TruthHeader truth_header(const Parameters& p);

// Parses a plant rate such as "0.5%", "0.5 %" or "2%" (up to four decimals, at most 5 %) into
// per million. Throws InputError naming `field` otherwise.
std::int64_t parse_plant_rate(std::string_view text, std::string_view field);
// "0.5%" for 5 000.
std::string plant_rate_text(std::int64_t ppm);
// Parses a seed: decimal digits only, 0 to 18446744073709551615 (2^64 - 1). Throws InputError
// naming `field` otherwise (a sign, another base, or a number too large, which would otherwise
// be read as another seed).
std::uint64_t parse_seed(std::string_view text, std::string_view field);

}  // namespace eb::demo
