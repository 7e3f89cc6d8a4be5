// SPDX-License-Identifier: MIT
// The result of `eb test` for a terminal (one line per case, the differences of each failure,
// the summary) and as JSON for CI (man/eb-test.1, JSON). Amounts in JSON are integer öre.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "flow/test.hpp"

namespace eb::cli {

// "ok  NAME" / "FAIL  NAME" / "updated  NAME" per case and reform; under each failure a table of
// what differs (expected, got, difference, statute) and, under a candidate norm, the lines it
// changes; the files --update rewrote; "N passed, N failed". `norms_file` is --norms-file.
void print_test_text(std::ostream& out, const flow::TestOutcome& o, const std::string& norms_file);

// The same as one JSON object: {"cases": […], "reforms": […], "updated": […], "norms_file": …,
// "warnings": […], "passed": N, "failed": N}.
nlohmann::ordered_json test_json(const flow::TestOutcome& o, const std::string& norms_file);

}  // namespace eb::cli
