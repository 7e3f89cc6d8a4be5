// SPDX-License-Identifier: MIT
#include "assess/application_reader.hpp"

#include "common/sha256.hpp"

namespace eb::assess {

Application read_application(std::string_view text, const std::string& source, SourceFormat format,
                             const norms::NormCatalog& catalog, bool for_intake) {
  const auto parse = [&](const ParseOptions& options) {
    return format == SourceFormat::toml ? parse_application(text, source, options)
                                        : parse_application_json(text, source, options);
  };
  ParseOptions options{for_intake, false};
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
