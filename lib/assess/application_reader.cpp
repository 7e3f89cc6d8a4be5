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
  const norms::NormSet& norm = catalog.valid_on(app.month.first_day());
  if (norm.rules.leap_day_on_feb28) {
    options.leap_day_on_feb28 = true;
    app = parse(options);
  }
  app.source_sha256 = sha256_hex(text);
  return app;
}

}  // namespace eb::assess
