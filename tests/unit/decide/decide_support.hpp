// SPDX-License-Identifier: MIT
// Helpers for the decision tests: an assessed application from TOML text, the example
// delegation order, and a decider.
#pragma once

#include <string>

#include "assess/application.hpp"
#include "assess/calculator.hpp"
#include "common/file.hpp"
#include "decide/delegation.hpp"
#include "support.hpp"

namespace eb::test {

// A single adult in March 2026 (riksnorm 2026): 3 940 + 1 280 + rent 6 500 + electricity 250
// − salary 2 000 = 9 970 kr.
inline const char* const k_single_adult = R"(month = "2026-03"
received = "2026-03-02"
address = "Provgatan 1, 123 45 Exempelstad"

[[member]]
pnr = "19850312-2387"
name = "Maja Prov"
role = "applicant"

[[cost]]
kind = "rent"
applied = 6500

[[cost]]
kind = "electricity"
applied = 250

[[income]]
member = "19850312-2387"
kind = "salary"
amount = 2000
)";

// A single parent with a child of 7 in March 2026: 3 940 + 3 820 + 1 410 (2 persons) + rent
// 7 000 = 16 170 kr.
inline const char* const k_parent_and_child = R"(month = "2026-03"
received = "2026-03-02"
address = "Barnvägen 2, 123 45 Exempelstad"

[[member]]
pnr = "19900101-2385"
name = "Lisa Förälder"
role = "applicant"

[[member]]
pnr = "20181005-2389"
name = "Alva Förälder"
role = "child"

[[cost]]
kind = "rent"
applied = 7000
)";

inline assess::Application application_of(const std::string& toml) {
  assess::ParseOptions o;
  o.for_intake = true;
  return assess::parse_application(toml, "test.toml", o);
}

inline assess::Assessment assessment_of(const std::string& toml) {
  const assess::Application app = application_of(toml);
  return assess::calculate(app, bundled_catalog().valid_on(app.month.first_day()));
}

inline const decide::Delegation& example_delegation() {
  static const decide::Delegation d = decide::parse_delegation(
      read_file(EB_SOURCE_DIR "/norms/local/delegation.example.toml"), "delegation.example.toml");
  return d;
}

inline decide::Decider decider(decide::Role role, const std::string& name = "anna") {
  return decide::Decider{name, role, &example_delegation()};
}

}  // namespace eb::test
