// SPDX-License-Identifier: MIT
#include "assess/application_reader.hpp"

#include <utility>

#include "common/sha256.hpp"

namespace eb::assess {

Application read_application(std::string_view text, const std::string& source, SourceFormat format,
                             const norms::NormCatalog& catalog, bool for_intake) {
  ParseOptions options;
  options.for_intake = for_intake;
  return read_application(text, source, format, catalog, std::move(options));
}

Application read_application(std::string_view text, const std::string& source, SourceFormat format,
                             const norms::NormCatalog& catalog, ParseOptions options) {
  const auto parse = [&](const ParseOptions& o) {
    return format == SourceFormat::toml ? parse_application(text, source, o) : parse_application_json(text, source, o);
  };
  options.leap_day_on_feb28 = false;
  Application app = parse(options);
  // The norm the application is assessed under (its month, moved by a transitional rule when it
  // arrived after an act's entry into force) decides the member rules; parse again if they differ.
  const norms::NormSet& norm = catalog.valid_on(catalog.transitions().norm_day(app.month, app.received));
  if (norm.rules.leap_day_on_feb28 != options.leap_day_on_feb28 ||
      norm.rules.in_school_from_age != options.in_school_from_age ||
      norm.rules.in_school_age_on_first_day != options.in_school_age_on_first_day) {
    options.leap_day_on_feb28 = norm.rules.leap_day_on_feb28;
    options.in_school_from_age = norm.rules.in_school_from_age;
    options.in_school_age_on_first_day = norm.rules.in_school_age_on_first_day;
    app = parse(options);
  }
  app.source_sha256 = sha256_hex(text);
  return app;
}

}  // namespace eb::assess
