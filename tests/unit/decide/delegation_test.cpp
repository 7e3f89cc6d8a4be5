// SPDX-License-Identifier: MIT
// Tests of the delegation order: parsing (strict, with file, line and field in every message)
// and the check of a decision against it.
#include "decide/delegation.hpp"

#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "decide_support.hpp"

using eb::decide::Kind;
using eb::decide::parse_delegation;
using eb::decide::Role;
using eb::money::Money;
using eb::period::Date;
using eb::period::Month;
using eb::test::decider;
using eb::test::input_error_of;

namespace {

const char* const k_header = R"(id = "t"
title = "Test"
status = "adopted"
decided_by = "SN 2026-01-20 § 12"
authority = "Socialnämnden i Testby"
valid_from = 2026-01-01
)";

std::string with(const std::string& delegates) {
  return std::string(k_header) + delegates;
}

}  // namespace

TEST_CASE("decide::parse_delegation", "[decide][delegation]") {
  SECTION("reads the shipped example") {
    const auto& d = eb::test::example_delegation();
    CHECK(d.is_example());
    CHECK(d.authority == "Socialnämnden i Exempel kommun");
    REQUIRE(d.rule_for(Role::socialsekreterare) != nullptr);
    CHECK(d.rule_for(Role::socialsekreterare)->max_per_month == Money::from_kr(15000));
    CHECK(d.rule_for(Role::gruppledare)->max_per_month == Money::from_kr(30000));
    CHECK_FALSE(d.rule_for(Role::enhetschef)->max_per_month);
    CHECK(d.rule_for(Role::fut) == nullptr);
  }
  SECTION("names file, line, field and value of an unknown role") {
    const std::string e = input_error_of([] {
      parse_delegation(with("\n[[delegate]]\nrole = \"chef\"\npoint = \"1\"\nlabel = \"x\"\nmay_refuse = true\n"),
                       "d.toml");
    });
    CHECK(e ==
          "d.toml:9: delegate[1].role = \"chef\": unknown role (socialsekreterare, gruppledare, enhetschef, fut, "
          "admin)");
  }
  SECTION("refuses a role given twice") {
    const std::string one = "\n[[delegate]]\nrole = \"gruppledare\"\npoint = \"1\"\nlabel = \"x\"\nmay_refuse = true\n";
    CHECK_THAT(input_error_of([&] { parse_delegation(with(one + one), "d.toml"); }),
               Catch::Contains("delegate[2].role = \"gruppledare\": appears twice"));
  }
  SECTION("requires may_refuse") {
    CHECK_THAT(input_error_of([] {
                 parse_delegation(with("\n[[delegate]]\nrole = \"gruppledare\"\npoint = \"1\"\nlabel = \"x\"\n"),
                                  "d.toml");
               }),
               Catch::Contains("delegate[1].may_refuse: is required"));
  }
  SECTION("refuses a float amount and an unknown key") {
    const std::string e = input_error_of([] {
      parse_delegation(with("\n[[delegate]]\nrole = \"gruppledare\"\npoint = \"1\"\nlabel = \"x\"\nmay_refuse = true\n"
                            "max_per_month = 1500.5\nmax = 3\n"),
                       "d.toml");
    });
    CHECK_THAT(e, Catch::Contains("delegate[1].max_per_month = 1500.5"));
    CHECK_THAT(e, Catch::Contains("delegate[1].max"));
  }
  SECTION("requires the header fields") {
    CHECK_THAT(input_error_of([] { parse_delegation("id = \"x\"\n", "d.toml"); }), Catch::Contains("authority"));
  }
}

TEST_CASE("decide::delegation_refusal", "[decide][delegation]") {
  const Month m(2026, 3);
  const Date day(2026, 3, 10);
  SECTION("allows a grant within the limit, and at it") {
    CHECK_FALSE(eb::decide::delegation_refusal(decider(Role::socialsekreterare), Kind::bifall, Money::from_kr(15000),
                                               Money(), m, day));
  }
  SECTION("refuses a grant above the limit, naming user, role, limit, amount and who may decide") {
    const auto why = eb::decide::delegation_refusal(decider(Role::socialsekreterare), Kind::bifall,
                                                    Money::from_ore(1500001), Money(), m, day);
    REQUIRE(why);
    CHECK(*why ==
          "anna (socialsekreterare) may grant at most 15 000 kr per month under delegation order example "
          "(delegation.example.toml) point 3.1; this decision grants 15 000,01 kr for 2026-03: a gruppledare or "
          "enhetschef must decide");
  }
  SECTION("counts what the household was granted elsewhere the same month") {
    const auto why = eb::decide::delegation_refusal(decider(Role::socialsekreterare), Kind::bifall,
                                                    Money::from_kr(5000), Money::from_kr(12000), m, day);
    REQUIRE(why);
    CHECK_THAT(*why, Catch::Contains("5 000 kr (17 000 kr with the 12 000 kr already granted"));
  }
  SECTION("refuses a role without delegation") {
    const auto why =
        eb::decide::delegation_refusal(decider(Role::fut, "fia"), Kind::bifall, Money::from_kr(100), Money(), m, day);
    REQUIRE(why);
    CHECK_THAT(*why, Catch::StartsWith("fia (fut) has no delegation to decide"));
  }
  SECTION("has no limit for enhetschef") {
    CHECK_FALSE(eb::decide::delegation_refusal(decider(Role::enhetschef), Kind::bifall, Money::from_kr(90000), Money(),
                                               m, day));
  }
  SECTION("refuses a day outside the order's validity") {
    const auto why = eb::decide::delegation_refusal(decider(Role::enhetschef), Kind::bifall, Money::from_kr(1), Money(),
                                                    Month(2024, 12), Date(2024, 12, 31));
    REQUIRE(why);
    CHECK_THAT(*why, Catch::Contains("is valid from 2025-01-01, not on 2024-12-31"));
  }
  SECTION("refuses an avslag by a role that may not refuse") {
    const auto d = parse_delegation(
        with("\n[[delegate]]\nrole = \"socialsekreterare\"\npoint = \"1\"\nlabel = \"x\"\nmay_refuse = false\n"),
        "d.toml");
    const eb::decide::Decider who{"bo", Role::socialsekreterare, &d};
    const auto why = eb::decide::delegation_refusal(who, Kind::avslag, Money(), Money(), m, day);
    REQUIRE(why);
    CHECK_THAT(*why, Catch::StartsWith("bo (socialsekreterare) may not decide avslag"));
  }
  SECTION("delegation_used throws Conflict with the same message") {
    CHECK_THROWS_AS(eb::decide::delegation_used(decider(Role::socialsekreterare), Kind::bifall, Money::from_kr(20000),
                                                Money(), m, day),
                    eb::Conflict);
    CHECK(eb::decide::delegation_used(decider(Role::socialsekreterare), Kind::bifall, Money::from_kr(100), Money(), m,
                                      day) ==
          "punkt 3.1 i exempeldelegationsordningen (Socialnämnden 2026-01-20 § 12 (exempel)): Försörjningsstöd upp "
          "till 15 000 kr per månad, bifall och avslag");
  }
}
