// SPDX-License-Identifier: MIT
// How a command that records one thing shows it: its JSON with -O json, else its text.
#pragma once

#include <nlohmann/json.hpp>

#include "command.hpp"

namespace eb::cli {

// Writes `json` (-O json) or what `print_text(std::ostream&)` prints to the command's result
// (standard output, or the -o file).
template <class PrintText>
void record_shown(Run& run, const nlohmann::json& json, PrintText print_text) {
  if (run.format() == Format::json) {
    run.result() << json.dump(2) << "\n";
  } else {
    print_text(run.result());
  }
}

}  // namespace eb::cli
