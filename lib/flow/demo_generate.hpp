// SPDX-License-Identifier: MIT
// The flow of `eb demo generate`: a synthetic district (lib/demo) written to a folder of new
// private files: the applications (a TOML file each, or one JSON-lines file), the FUT income and
// population registers, and the truth file of what was planted. All of it, or nothing.
#pragma once

#include <cstdint>
#include <string>

#include "demo/figures.hpp"
#include "demo/generator.hpp"
#include "flow/context.hpp"

namespace eb::flow {

struct DemoGenerateRequest {
  demo::Parameters parameters;
  bool jsonl = false;  // one applications.jsonl instead of applications/YYYY-MM/*.toml
  std::string folder;
  bool force = false;  // replace an earlier run's files in a folder that is not empty
};

struct DemoGenerateOutcome {
  demo::DistrictFigures figures;
  std::int64_t income_rows = 0;
  std::int64_t population_rows = 0;
  std::size_t planted = 0;
  std::size_t edges = 0;
  std::size_t actions = 0;
  std::string norm_id;  // the riksnorm of the first month
};

// Generates and writes the district. Throws InputError for bad parameters, NormError when a month
// has no riksnorm (before anything is written), Conflict or StoreError for the folder; on any
// error what this run wrote is removed.
DemoGenerateOutcome demo_generate(const Context& ctx, const DemoGenerateRequest& request);

}  // namespace eb::flow
