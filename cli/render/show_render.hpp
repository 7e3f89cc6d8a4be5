// SPDX-License-Identifier: MIT
// How `eb show` prints a case with its months, and an application with its members,
// assessments and decisions (text, or JSON with personnummer masked unless `show_pnr`).
#pragma once

#include <ostream>

#include "flow/cases.hpp"

namespace eb::cli {

void print_case(std::ostream& out, const store::CaseSummary& c, bool json, bool show_pnr);
void print_application_view(std::ostream& out, const flow::ApplicationView& v, bool json, bool show_pnr);

}  // namespace eb::cli
