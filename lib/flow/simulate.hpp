// SPDX-License-Identifier: MIT
// The simulation flow (`eb simulate`): every stored application of a month assessed again under
// another norm or as of another month, reading the store only, and what changes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "flow/context.hpp"
#include "period/month.hpp"
#include "report/simulation.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct SimulateRequest {
  period::Month month{2000, 1};
  std::optional<period::Month> as_of;
  std::string norms_file;  // a draft norm for "after"; empty: the norms folder
  std::size_t top = 10;
  bool keep_cases = false;  // every household in the result (JSON, CSV)
  unsigned threads = 1;
};

// Simulates `request` over the stored applications of its month. Throws InputError naming the
// option when a month has no norm in the folder, or the norm file is missing, invalid or does
// not cover the month assessed after. Writes nothing.
report::SimulationResult simulate(const store::Database& db, const Context& ctx, const SimulateRequest& request);

}  // namespace eb::flow
