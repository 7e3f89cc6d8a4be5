// SPDX-License-Identifier: MIT
// eb demo's two parts: the year run in a fresh store (demo.cpp) and the district's files
// (demo_generate.cpp).
#pragma once

#include <string>

#include "command.hpp"
#include "demo/generator.hpp"

namespace eb::cli {

// The district both demo commands take: --households, --months, --year, --seed, --plant-errors.
struct DistrictOptions {
  int households = 505;
  int months = 12;
  int year = 2026;
  std::string seed = "1";
  std::string plant_errors = "0%";
};

// The generator's parameters of `opt`, from January of its year. Throws InputError naming the
// option for a year outside 1900–9999, a bad seed or a bad error rate.
demo::Parameters district_parameters(const DistrictOptions& opt);

// Adds `eb demo generate` under `demo`.
void add_demo_generate_command(CLI::App* demo, CommandTable& table);

}  // namespace eb::cli
