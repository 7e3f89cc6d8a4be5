// SPDX-License-Identifier: MIT
// Tests of the decision kinds, roles and the reason catalogue.
#include "decide/decision.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "decide/reasons.hpp"

using eb::decide::Kind;
using eb::decide::Role;
using eb::period::Date;

TEST_CASE("decide::kind_name and parse_kind", "[decide]") {
  SECTION("round-trips every kind") {
    for (Kind k : {Kind::bifall, Kind::delbifall, Kind::avslag}) CHECK(eb::decide::parse_kind(kind_name(k)) == k);
    CHECK(kind_name(Kind::delbifall) == "delbifall");
  }
  SECTION("refuses anything else") {
    CHECK_FALSE(eb::decide::parse_kind("Bifall"));
    CHECK_FALSE(eb::decide::parse_kind(""));
  }
}

TEST_CASE("decide::role_name and parse_role", "[decide]") {
  SECTION("round-trips every role") {
    for (Role r : {Role::socialsekreterare, Role::gruppledare, Role::enhetschef, Role::fut, Role::admin}) {
      CHECK(eb::decide::parse_role(role_name(r)) == r);
    }
  }
  SECTION("refuses an unknown role") {
    CHECK_FALSE(eb::decide::parse_role("chef"));
  }
}

TEST_CASE("decide::parse_reason", "[decide][reasons]") {
  SECTION("gives a code its Swedish text") {
    const auto r = eb::decide::parse_reason("income-exceeds-need", "--reason");
    CHECK(r.code == "income-exceeds-need");
    CHECK(r.text.find("inkomster är högre än behovet") != std::string::npos);
  }
  SECTION("takes text with a space as free text") {
    const auto r = eb::decide::parse_reason("Hyran är för hög.", "--reason");
    CHECK(r.code == "free");
    CHECK(r.text == "Hyran är för hög.");
  }
  SECTION("refuses a code-like word that is not in the catalogue, naming the field and listing the codes") {
    CHECK_THROWS_AS(eb::decide::parse_reason("income-exceed-need", "--reason"), eb::InputError);
    CHECK_THROWS_WITH(eb::decide::parse_reason("income-exceed-need", "--reason"),
                      Catch::StartsWith("--reason = \"income-exceed-need\": not a reason code (income-exceeds-need, "));
  }
  SECTION("refuses an empty reason") {
    CHECK_THROWS_WITH(eb::decide::parse_reason("  ", "--reason"), "--reason = \"\": a reason cannot be empty");
  }
}

TEST_CASE("decide::reason_statute", "[decide][reasons]") {
  // rules-reference.md §4.1: the numbering of SoL (2025:400) from 1 July 2025.
  const auto* work = eb::decide::find_reason("not-available-for-work");
  REQUIRE(work != nullptr);
  SECTION("cites SoL (2025:400) from 1 July 2025") {
    CHECK(eb::decide::reason_statute(*work, Date(2025, 7, 1)) == "SoL (2025:400) 12 kap. 3 §");
    CHECK(eb::decide::reason_statute(*eb::decide::find_reason("income-exceeds-need"), Date(2026, 3, 1)) ==
          "SoL (2025:400) 12 kap. 1 §");
    CHECK(eb::decide::reason_statute(*eb::decide::find_reason("refused-activity"), Date(2026, 3, 1)) ==
          "SoL (2025:400) 12 kap. 4 och 5 §§");
  }
  SECTION("cites SoL (2001:453) before") {
    CHECK(eb::decide::reason_statute(*work, Date(2025, 6, 1)) == "SoL (2001:453) 4 kap. 1 § andra stycket");
    CHECK(eb::decide::right_statute(Date(2025, 6, 30)) == "SoL (2001:453) 4 kap. 1 §");
  }
  SECTION("every code has a text and its statutes; a rule older than SoL (2025:400) also the old one") {
    for (const auto& r : eb::decide::reason_catalogue()) {
      INFO(r.code);
      CHECK_FALSE(r.text.empty());
      CHECK(r.statute.rfind("SoL (2025:400) ", 0) == 0);
      if (!r.from) CHECK(r.old_statute.rfind("SoL (2001:453) ", 0) == 0);
      if (r.from) CHECK(r.old_statute.empty());
    }
  }
  SECTION("the aktivitetskrav (Lag 2026:730): 4 d § from July 2026, 4 a § for försörjningsstöd from October 2026") {
    const auto* krav = eb::decide::find_reason("refused-aktivitetskrav");
    REQUIRE(krav != nullptr);
    CHECK(eb::decide::reason_statute(*krav, Date(2026, 6, 1)).empty());
    CHECK(eb::decide::reason_unavailable(*krav, Date(2026, 6, 1)).has_value());
    CHECK(eb::decide::reason_statute(*krav, Date(2026, 8, 1), eb::period::Month(2026, 8)) ==
          "SoL (2025:400) 12 kap. 4 d och 5 §§");
    CHECK(eb::decide::reason_statute(*krav, Date(2026, 10, 1), eb::period::Month(2026, 10)) ==
          "SoL (2025:400) 12 kap. 4 a, 4 d och 5 §§");
  }
  SECTION("arbetslivsinriktad rehabilitering (12 kap. 4 g §) from 2027") {
    const auto* rehab = eb::decide::find_reason("refused-rehabilitation");
    REQUIRE(rehab != nullptr);
    CHECK(eb::decide::reason_statute(*rehab, Date(2026, 12, 1)).empty());
    CHECK(eb::decide::reason_statute(*rehab, Date(2027, 1, 1)) == "SoL (2025:400) 12 kap. 4 g och 5 §§");
  }
  SECTION("the barnkonsekvensanalys cites barnets bästa") {
    CHECK(eb::decide::child_impact_statute(Date(2025, 7, 1)) == "SoL (2025:400) 3 kap. 1–2 §§");
    CHECK(eb::decide::child_impact_statute(Date(2025, 6, 30)) == "SoL (2001:453) 1 kap. 2 §");
  }
  SECTION("the appeal statute follows the decision date") {
    CHECK(eb::decide::appeal_statute(Date(2026, 3, 10), false) == "SoL (2025:400) 35 kap. 1 § 1");
    CHECK(eb::decide::appeal_statute(Date(2026, 3, 10), true) == "SoL (2025:400) 35 kap. 1 § 1 och 2");
    // The old act lists the appealable decisions in strecksatser of its first stycke.
    CHECK(eb::decide::appeal_statute(Date(2025, 6, 10), false) == "SoL (2001:453) 16 kap. 3 § första stycket");
  }
}
