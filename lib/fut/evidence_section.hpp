// SPDX-License-Identifier: MIT
// A finding's evidence as a document section: the register rows, the application lines they
// contradict and the payment facts, as tables in Swedish (for show, the police report, notices).
#pragma once

#include <string>
#include <string_view>

#include "fut/content.hpp"
#include "fut/screening.hpp"

namespace eb::fut {

// The section "Underlag" for `finding`: its note, then a table per kind of evidence it has.
// Personnummer and accounts are masked unless `show_personal` (a police report shows them).
Section evidence_section(const Finding& finding, bool show_personal);

// "3f2a9c01d4e5b6a7": the first 16 hex digits of a key, enough to find the row.
std::string short_key(const ContentKey& key);

}  // namespace eb::fut
