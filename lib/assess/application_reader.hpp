// SPDX-License-Identifier: MIT
// Reading an application against the norms: the month must have a riksnorm, and the norm's
// rules (e.g. the leap-day birthday) apply to the validation of ages.
#pragma once

#include <string>
#include <string_view>

#include "assess/application.hpp"
#include "norms/norm_catalog.hpp"

namespace eb::assess {

enum class SourceFormat { toml, json };

// Parses and validates `text` (a TOML file or one JSON object) named `source`. Throws
// InputError for bad content and NormError (not found) when no norm covers the month.
Application read_application(std::string_view text, const std::string& source, SourceFormat format,
                             const norms::NormCatalog& catalog, bool for_intake);
// The same with the caller's parse options (`leap_day_on_feb28` is set from the norm).
Application read_application(std::string_view text, const std::string& source, SourceFormat format,
                             const norms::NormCatalog& catalog, ParseOptions options);

}  // namespace eb::assess
