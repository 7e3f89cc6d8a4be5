// SPDX-License-Identifier: MIT
// Fuzz target: one line of a JSON-lines stream, read as `eb intake -` reads it (the shape
// check, the SAX reader, the application's rules, the norm of its month, a named guideline) and
// assessed. Any outcome other than an assessment or an eb::Error is a finding: a crash, a
// sanitizer report, or another exception (which would be eb's exit 70).
// fuzz-seeds: tests/fixtures/json
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "assess/application_reader.hpp"
#include "assess/calculator.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "norms/norm_catalog.hpp"

namespace {

const eb::norms::NormCatalog& catalog() {
  static const eb::norms::NormCatalog c = eb::norms::NormCatalog::load(EB_SOURCE_DIR "/norms");
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const eb::assess::Application app =
        eb::assess::read_application(text, "stdin:1", eb::assess::SourceFormat::json, catalog(), size % 2 == 0);
    std::optional<eb::norms::Guideline> guideline;
    if (!app.guideline.empty()) guideline = catalog().guideline(app.guideline);
    (void)eb::assess::calculate(app, catalog().valid_on(app.month.first_day()), guideline ? &*guideline : nullptr);
  } catch (const eb::Error& e) {
    // Refused, as most inputs are; the message is built as eb prints it.
    (void)eb::text::terminal_safe(e.what());
  }
  return 0;
}
