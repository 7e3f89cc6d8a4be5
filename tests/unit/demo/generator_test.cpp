// SPDX-License-Identifier: MIT
// Tests of the district generator: a pure function of its parameters, valid and named people,
// applications that eb reads back exactly, the seed district's shape, and planted FUT errors
// that are there at the rate asked for while every clean case stays clean under each of the
// seven rules of fut.md (checked on the data itself: the rule engine is built elsewhere).
#include "demo/generator.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "assess/application_fields.hpp"
#include "assess/application_writer.hpp"
#include "common/error.hpp"
#include "demo/figures.hpp"
#include "demo/registers.hpp"
#include "pay/bank_account.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::demo::District;
using eb::demo::FutRule;
using eb::demo::GeneratedApplication;
using eb::demo::Parameters;
using eb::demo::Plant;
using eb::money::Money;
using eb::period::Month;

namespace {

Parameters params(int households, int months, std::uint64_t seed, std::int64_t ppm) {
  Parameters p;
  p.households = households;
  p.months = months;
  p.first_month = Month(2026, 1);
  p.seed = seed;
  p.plant_ppm = ppm;
  return p;
}

District make(const Parameters& p) {
  return eb::demo::generate_district(p, eb::test::bundled_catalog());
}

// A year of a district four times the seed unit's, without and with planted errors (0.5 %).
const District& clean_year() {
  static const District d = make(params(2000, 12, 11, 0));
  return d;
}
const District& planted_year() {
  static const District d = make(params(1000, 12, 12, 5000));
  return d;
}

// Everything the generator gives, as the bytes the files would hold.
std::string serialized(const District& d) {
  std::string out;
  for (const auto& a : d.applications) out += a.file + "\n" + eb::assess::write_application_toml(a.application);
  for (const auto& r : d.income_register) out += eb::demo::income_register_line(r);
  for (const auto& r : d.population) out += eb::demo::population_line(r);
  out += eb::demo::truth_json(eb::demo::truth_header(params(0, 0, 0, 0)), d.truth).dump();
  return out;
}

using CaseKey = std::pair<std::string, std::string>;  // household, month

std::set<CaseKey> cases_of(const std::vector<Plant>& plants) {
  std::set<CaseKey> out;
  for (const auto& p : plants) {
    for (const auto& c : p.cases) out.insert({c.household, c.month.to_string()});
  }
  return out;
}

CaseKey key_of(const GeneratedApplication& a) {
  return {a.household, a.application.month.to_string()};
}

std::int64_t per_mille(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0 : part * 1000 / whole;
}

}  // namespace

TEST_CASE("generate_district", "[demo]") {
  SECTION("is a pure function of the parameters and the seed") {
    const Parameters p = params(120, 4, 3, 5000);
    const std::string first = serialized(make(p));
    CHECK(first == serialized(make(p)));
    CHECK(first != serialized(make(params(120, 4, 4, 5000))));
  }
  SECTION("gives exactly the number of households asked for, every month") {
    std::map<int, int> per_month;
    for (const auto& a : clean_year().applications) ++per_month[a.month_index];
    REQUIRE(per_month.size() == 12);
    for (const auto& [month, n] : per_month) CHECK(n == 2000);
    std::map<int, int> planted;
    for (const auto& a : planted_year().applications) ++planted[a.month_index];
    for (const auto& [month, n] : planted) CHECK(n == 1000);
  }
  SECTION("gives months in order, each household once a month") {
    std::set<CaseKey> seen;
    int last = 0;
    for (const auto& a : planted_year().applications) {
      CHECK(a.month_index >= last);
      last = a.month_index;
      CHECK(a.application.month == Month(2026, 1).plus(a.month_index));
      CHECK(seen.insert(key_of(a)).second);
      CHECK(a.file == a.application.month.to_string() + "/" + a.household + ".toml");
    }
  }
}

TEST_CASE("generate_district: people", "[demo]") {
  const District& d = planted_year();
  SECTION("every personnummer is valid, of an adult or a child as the role says") {
    for (const auto& a : d.applications) {
      const eb::period::Date end = a.application.month.last_day();
      for (const auto& m : a.application.members) {
        INFO(m.pnr.formatted());
        REQUIRE(eb::person::parse_personnummer(m.pnr.formatted(), "pnr") == m.pnr);
        const int age = m.pnr.age_on(end);
        if (m.is_adult()) {
          CHECK((age >= 18 && age <= 80));
        } else {
          CHECK((age >= 0 && age <= 20));
          if (age >= 19) CHECK(m.in_school);
        }
      }
    }
  }
  SECTION("each person has one number, and a few have a samordningsnummer") {
    std::set<std::string> seen;
    int samordning = 0;
    for (const auto& row : d.population) {
      CHECK(seen.insert(row.pnr.digits()).second);
      samordning += row.pnr.is_samordningsnummer() ? 1 : 0;
    }
    CHECK(samordning > 0);
    CHECK(per_mille(samordning, static_cast<std::int64_t>(d.population.size())) < 80);
  }
  SECTION("every member has a first and a last name") {
    for (const auto& a : d.applications) {
      for (const auto& m : a.application.members) {
        INFO(m.pnr.formatted());
        CHECK(m.name.find(' ') != std::string::npos);
        CHECK(m.name.front() != ' ');
      }
    }
  }
  SECTION("most households have a bank account, and every account is valid") {
    std::int64_t with = 0;
    for (const auto& a : d.applications) {
      if (a.application.account.empty()) continue;
      ++with;
      CHECK_NOTHROW(eb::pay::parse_bank_account(a.application.account, "account"));
    }
    const std::int64_t share = per_mille(with, static_cast<std::int64_t>(d.applications.size()));
    CHECK((share > 780 && share < 920));
  }
  SECTION("children grow older and leave; members and incomes change over the months") {
    std::map<std::string, std::set<int>> ages;  // child → ages seen
    std::map<std::string, std::set<std::int64_t>> income_totals;
    for (const auto& a : clean_year().applications) {
      Money total;
      for (const auto& in : a.application.incomes) total += in.amount;
      income_totals[a.household].insert(total.ore());
      for (const auto& m : a.application.members) {
        if (!m.is_adult()) ages[m.pnr.digits()].insert(m.pnr.age_on(a.application.month.last_day()));
      }
    }
    int grew = 0, changed = 0;
    for (const auto& [child, seen] : ages) grew += seen.size() > 1 ? 1 : 0;
    for (const auto& [household, seen] : income_totals) changed += seen.size() > 1 ? 1 : 0;
    CHECK(grew > 100);
    CHECK(changed > 500);
  }
}

TEST_CASE("generate_district: applications", "[demo]") {
  const District& d = planted_year();
  SECTION("every application reads back field by field from TOML and from a JSON line") {
    eb::assess::ParseOptions intake;
    intake.for_intake = true;
    std::size_t n = 0;
    for (const auto& a : d.applications) {
      if (n++ % 3 != 0) continue;  // a third of 12 000 is plenty
      const Application& app = a.application;
      const std::string toml = eb::assess::write_application_toml(app);
      INFO(toml);
      const auto from_toml =
          eb::test::application_differences(app, eb::assess::parse_application(toml, a.file, intake));
      CHECK(from_toml.empty());
      const std::string json = eb::assess::write_application_json(app);
      const auto from_json =
          eb::test::application_differences(app, eb::assess::parse_application_json(json, a.file, intake));
      CHECK(from_json.empty());
    }
    CHECK(n == d.applications.size());
  }
  SECTION("arrive before their month or in its first days; new only in a household's first month") {
    std::set<std::string> seen;
    for (const auto& a : d.applications) {
      const Application& app = a.application;
      REQUIRE(app.received);
      CHECK(*app.received >= app.month.plus(-1).first_day());
      CHECK(*app.received <= eb::period::Date(app.month.year(), app.month.month(), 12));
      const bool first = seen.insert(a.household).second;
      if (app.kind == eb::assess::ApplicationKind::new_application) CHECK(first);
      if (!first) CHECK(app.kind == eb::assess::ApplicationKind::renewal);
      CHECK_FALSE(app.address.empty());
    }
  }
  SECTION("every case is paid something under the riksnorm") {
    int unpaid = 0;
    for (const auto& a : d.applications) {
      REQUIRE(a.calculated);
      unpaid += a.payable.is_zero() ? 1 : 0;
    }
    CHECK(per_mille(unpaid, static_cast<std::int64_t>(d.applications.size())) < 30);
  }
}

TEST_CASE("generate_district: the seed district's shape", "[demo]") {
  const District& d = clean_year();
  eb::demo::DistrictFigures f;
  for (const auto& a : d.applications) f.add(a);
  SECTION("households, adults and children a month as in seed 003 (505, 526, about 180)") {
    CHECK(f.households_per_month() == 2000);
    CHECK((f.adults_per_month() >= 2000 * 100 / 100 && f.adults_per_month() <= 2000 * 110 / 100));
    // 180 / 505 = 0.36 children per household.
    CHECK((f.children_per_month() >= 2000 * 28 / 100 && f.children_per_month() <= 2000 * 44 / 100));
  }
  SECTION("the figures agree with a count of their own") {
    std::int64_t adults = 0, children = 0, singles = 0;
    for (const auto& a : d.applications) {
      adults += a.application.adult_count();
      children += a.application.child_count();
      singles += a.application.members.size() == 1 ? 1 : 0;
    }
    CHECK(f.adults_per_month() == adults / 12);
    CHECK(f.children_per_month() == children / 12);
    CHECK(f.single_per_mille() == singles * 1000 / 24000);
  }
  SECTION("most households are one person") {
    CHECK(f.single_per_mille() > 700);
  }
  SECTION("försörjningshinder within 3 points of 48 / 23 / 22 % in the last month") {
    const auto hinder = f.hinder_per_mille_last_month();
    CHECK(std::abs(hinder.at("arbetslos") - 480) <= 30);
    CHECK(std::abs(hinder.at("sjukskriven") - 230) <= 30);
    CHECK(std::abs(hinder.at("sociala_medicinska_skal") - 220) <= 30);
    // The same over the whole year.
    std::map<std::string, std::int64_t> year;
    std::int64_t adults = 0;
    for (const auto& a : d.applications) {
      for (const auto& m : a.application.members) {
        if (m.is_adult()) ++year[m.hinder], ++adults;
      }
    }
    CHECK(std::abs(per_mille(year["arbetslos"], adults) - 480) <= 30);
    CHECK(std::abs(per_mille(year["sjukskriven"], adults) - 230) <= 30);
    CHECK(std::abs(per_mille(year["sociala_medicinska_skal"], adults) - 220) <= 30);
  }
  SECTION("a long-term core: about 58 % of a month's adults have bistånd 10 months of the year") {
    // 0.5 % of all adults are long-term where 0.92 % of the population has bistånd (seed 003).
    const std::int64_t share = per_mille(f.long_term_adults(), f.adults_per_month());
    INFO(share);
    CHECK((share >= 450 && share <= 700));
  }
  SECTION("households come and go: 5.5–8.5 months each in the year (Socialstyrelsen 6.6)") {
    const std::int64_t tenths = f.household_months() * 10 / f.distinct_households();
    INFO(tenths);
    CHECK((tenths >= 55 && tenths <= 85));
  }
  SECTION("medelbidrag under the 2026 riksnorm about 10 000–11 000 kr (9 135 kr in Stockholm 2017)") {
    const Money m = f.medelbidrag();
    INFO(eb::money::format_kr(m));
    CHECK((m >= Money::from_kr(9000) && m <= Money::from_kr(12500)));
  }
}

TEST_CASE("generate_district: planted FUT errors", "[demo]") {
  const District& d = planted_year();
  const auto& truth = d.truth;
  // 0.5 % of 1000 × 12 household-months: 60 of each rule.
  SECTION("each rule's errors are there at the rate asked for, with clean edges beside them") {
    std::map<FutRule, int> errors, edges;
    for (const auto& p : truth.planted) {
      CHECK(p.error);
      ++errors[p.rule];
    }
    for (const auto& p : truth.edges) {
      CHECK_FALSE(p.error);
      ++edges[p.rule];
    }
    for (int r = 0; r < eb::demo::k_fut_rule_count; ++r) {
      INFO(eb::demo::rule_id(static_cast<FutRule>(r)));
      CHECK(errors[static_cast<FutRule>(r)] == 60);
    }
    CHECK(edges[FutRule::underdeclared_income] == 15);
    CHECK(edges[FutRule::paid_after_death] == 15);
    CHECK(edges[FutRule::address_concentration] == 15);
    CHECK(edges[FutRule::person_in_two_cases] > 0);
    CHECK(truth.actions.size() == 60);
  }
  SECTION("a tiny district still gets one error of each rule") {
    const District small = make(params(50, 3, 1, 5000));
    std::set<FutRule> rules;
    for (const auto& p : small.truth.planted) rules.insert(p.rule);
    CHECK(rules.size() == 7);
  }
  SECTION("too many errors for the households are refused, naming --plant-errors") {
    const std::string message = eb::test::input_error_of([] { make(params(8, 1, 1, 50000)); });
    CHECK(message.find("--plant-errors") != std::string::npos);
    CHECK(message.find("too many planted errors") != std::string::npos);
  }
  SECTION("every planted case is in the data, paid, and marked") {
    std::map<CaseKey, const GeneratedApplication*> apps;
    for (const auto& a : d.applications) apps[key_of(a)] = &a;
    for (const auto& p : truth.planted) {
      INFO(p.id);
      REQUIRE_FALSE(p.cases.empty());
      for (const auto& c : p.cases) {
        const auto it = apps.find({c.household, c.month.to_string()});
        REQUIRE(it != apps.end());
        CHECK(it->second->planted);
        CHECK(it->second->application.applicant().pnr == c.applicant);
        REQUIRE(c.payable);
        CHECK(*c.payable == it->second->payable);
        CHECK(*c.payable >= Money::from_kr(1000));
      }
    }
  }
  SECTION("the register rows named in the truth are at their lines of income-register.csv") {
    for (const auto* list : {&truth.planted, &truth.edges}) {
      for (const auto& p : *list) {
        if (!p.register_row) continue;
        INFO(p.id);
        REQUIRE(p.register_line >= 2);
        const auto& row = d.income_register[static_cast<std::size_t>(p.register_line - 2)];
        CHECK(eb::demo::income_register_line(row) == eb::demo::income_register_line(*p.register_row));
      }
    }
  }
  SECTION("the amounts at risk follow fut.md") {
    for (const auto& p : truth.planted) {
      INFO(p.id);
      const bool signal = p.rule == FutRule::shared_account || p.rule == FutRule::address_concentration;
      CHECK(p.amount_at_risk.has_value() == !signal);
      if (signal) continue;
      const Money paid = *p.cases.front().payable;
      switch (p.rule) {
        case FutRule::undeclared_income:
          CHECK(*p.amount_at_risk == eb::money::min(p.register_row->amount, paid));
          break;
        case FutRule::underdeclared_income:
          CHECK(*p.amount_at_risk == eb::money::min(p.register_row->amount - *p.declared, paid));
          break;
        case FutRule::person_in_two_cases:
          CHECK(*p.amount_at_risk == eb::money::min(paid, *p.cases.back().payable));
          break;
        case FutRule::paid_after_death:
          CHECK(*p.amount_at_risk == paid);
          break;
        case FutRule::overpayment:
          CHECK(*p.amount_at_risk > Money());
          CHECK(*p.amount_at_risk < paid);
          break;
        default:
          break;
      }
    }
  }
  SECTION("each overpayment has its action: lower the decision after paying the month") {
    std::map<std::string, const Plant*> plants;
    for (const auto& p : truth.planted) plants[p.id] = &p;
    for (const auto& x : truth.actions) {
      INFO(x.id);
      REQUIRE(plants.count(x.plant) == 1);
      const Plant& p = *plants[x.plant];
      CHECK(p.rule == FutRule::overpayment);
      CHECK(x.after_paying == p.month);
      CHECK(x.target.household == p.cases.front().household);
      CHECK(x.granted == *p.cases.front().payable);
      CHECK(x.granted - x.lowered_to == *p.amount_at_risk);
    }
  }
}

// The seven rules of fut.md, checked on the generated data: each planted error breaks its
// rule, and no other case does.
TEST_CASE("generate_district: clean cases are clean under every rule", "[demo]") {
  const District& d = planted_year();
  const std::set<CaseKey> planted = cases_of(d.truth.planted);
  std::map<FutRule, std::set<CaseKey>> planted_by_rule;
  for (const auto& p : d.truth.planted) {
    for (const auto& c : p.cases) planted_by_rule[p.rule].insert({c.household, c.month.to_string()});
  }
  // Who is in which case each month.
  std::map<std::pair<std::string, std::string>, std::vector<const GeneratedApplication*>> by_person;  // pnr, month
  for (const auto& a : d.applications) {
    for (const auto& m : a.application.members)
      by_person[{m.pnr.digits(), a.application.month.to_string()}].push_back(&a);
  }
  const auto flagged = [&](FutRule rule, const GeneratedApplication& a) {
    return planted_by_rule[rule].count(key_of(a)) > 0;
  };

  SECTION("undeclared-income and underdeclared-income: the register matches the application") {
    int undeclared = 0, underdeclared = 0;
    for (const auto& row : d.income_register) {
      const auto it = by_person.find({row.pnr.digits(), row.month.to_string()});
      if (it == by_person.end()) continue;  // a month without bistånd: after the case ended
      for (const GeneratedApplication* a : it->second) {
        std::optional<Money> declared;
        for (const auto& in : a->application.incomes) {
          if (in.member == row.pnr && in.kind == row.kind) declared = in.amount;
        }
        if (!declared) {
          ++undeclared;
          CHECK(flagged(FutRule::undeclared_income, *a));
        } else if (row.amount - *declared > Money::from_kr(100)) {
          ++underdeclared;
          CHECK(flagged(FutRule::underdeclared_income, *a));
        }
      }
    }
    CHECK(undeclared == 60);
    CHECK(underdeclared == 60);
  }
  SECTION("person-in-two-cases: nobody else is in two cases in one month") {
    int doubles = 0;
    for (const auto& [who, apps] : by_person) {
      if (apps.size() < 2) continue;
      ++doubles;
      for (const auto* a : apps) CHECK(flagged(FutRule::person_in_two_cases, *a));
    }
    CHECK(doubles == 60);
  }
  SECTION("shared-account: no other account is paid for two cases in one month") {
    std::map<std::pair<std::string, std::string>, std::vector<const GeneratedApplication*>> by_account;
    for (const auto& a : d.applications) {
      if (!a.application.account.empty()) {
        const auto bban = eb::pay::parse_bank_account(a.application.account, "account").bban();
        by_account[{bban, a.application.month.to_string()}].push_back(&a);
      }
    }
    int shared = 0;
    for (const auto& [account, apps] : by_account) {
      if (apps.size() < 2) continue;
      ++shared;
      CHECK(apps.size() == 2);
      for (const auto* a : apps) CHECK(flagged(FutRule::shared_account, *a));
    }
    CHECK(shared == 60);
  }
  SECTION("paid-after-death: nobody else is paid for a month after their death") {
    int after = 0, edges = 0;
    for (const auto& row : d.population) {
      if (!row.deceased_on) continue;
      const Month died = eb::period::month_of(*row.deceased_on);
      std::optional<Month> last;
      for (const auto& a : d.applications) {
        if (!a.application.member(row.pnr)) continue;
        last = a.application.month;
        if (died < a.application.month) {
          ++after;
          CHECK(flagged(FutRule::paid_after_death, a));
        }
      }
      REQUIRE(last);
      if (*last < died) {
        ++edges;
        CHECK(*last == died.plus(-1));  // the edge: died in the month after the last one paid
      }
    }
    CHECK(after == 60);
    CHECK(edges == 15);
  }
  SECTION("address-concentration: no other address has more than four cases in a month") {
    std::map<std::pair<std::string, std::string>, std::vector<const GeneratedApplication*>> by_address;
    for (const auto& a : d.applications)
      by_address[{a.application.address, a.application.month.to_string()}].push_back(&a);
    int crowded = 0, four = 0;
    for (const auto& [address, apps] : by_address) {
      if (apps.size() == 4) ++four;
      if (apps.size() <= 4) continue;
      ++crowded;
      for (const auto* a : apps) CHECK(flagged(FutRule::address_concentration, *a));
    }
    CHECK(crowded == 60);
    CHECK(four == 15);
  }
  SECTION("overpayment: only the planted cases have an action") {
    for (const auto& x : d.truth.actions) {
      CHECK(planted.count({x.target.household, x.target.month.to_string()}) == 1);
    }
  }
  SECTION("a case is planted for one rule only") {
    std::size_t total = 0;
    for (const auto& [rule, cases] : planted_by_rule) total += cases.size();
    CHECK(total == planted.size());
  }
}

TEST_CASE("check_parameters", "[demo]") {
  SECTION("refuses values out of range, naming the flag") {
    Parameters p = params(0, 12, 1, 0);
    CHECK(eb::test::input_error_of([&] { eb::demo::check_parameters(p); }).find("--households") != std::string::npos);
    p = params(10, 121, 1, 0);
    CHECK(eb::test::input_error_of([&] { eb::demo::check_parameters(p); }).find("--months") != std::string::npos);
    p = params(10, 12, 1, 50001);
    CHECK(eb::test::input_error_of([&] { eb::demo::check_parameters(p); }).find("--plant-errors") != std::string::npos);
    p = params(2'000'000, 13, 1, 0);
    CHECK(eb::test::input_error_of([&] { eb::demo::check_parameters(p); }).find("household-months") !=
          std::string::npos);
  }
  SECTION("takes the defaults") {
    CHECK_NOTHROW(eb::demo::check_parameters(Parameters{}));
  }
}

TEST_CASE("parse_seed", "[demo]") {
  SECTION("reads a decimal seed up to 2^64 - 1") {
    CHECK(eb::demo::parse_seed("0", "--seed") == 0);
    CHECK(eb::demo::parse_seed("7", "--seed") == 7);
    CHECK(eb::demo::parse_seed("18446744073709551615", "--seed") == 18446744073709551615ULL);
  }
  SECTION("refuses a sign, another base, a fraction or a seed too large, naming the field") {
    for (const char* bad : {"-1", "+1", "0x10", "1.5", "18446744073709551616", "99999999999999999999999", "", "1 "}) {
      INFO(bad);
      CHECK(eb::test::input_error_of([&] { eb::demo::parse_seed(bad, "--seed"); }).find("--seed") != std::string::npos);
    }
  }
}

TEST_CASE("parse_plant_rate", "[demo]") {
  SECTION("reads per cent with up to four decimals into per million") {
    CHECK(eb::demo::parse_plant_rate("0.5%", "--plant-errors") == 5000);
    CHECK(eb::demo::parse_plant_rate("0,5 %", "--plant-errors") == 5000);
    CHECK(eb::demo::parse_plant_rate("2%", "--plant-errors") == 20000);
    CHECK(eb::demo::parse_plant_rate("0.0001%", "--plant-errors") == 1);
    CHECK(eb::demo::parse_plant_rate("0%", "--plant-errors") == 0);
  }
  SECTION("refuses a missing %, five decimals, or more than 5 %") {
    for (const char* bad : {"0.5", "0.00001%", "5.5%", "%", "-1%", "1e2%", "0.5%%", ""}) {
      INFO(bad);
      CHECK(eb::test::input_error_of([&] {
              eb::demo::parse_plant_rate(bad, "--plant-errors");
            }).find("--plant-errors") != std::string::npos);
    }
  }
  SECTION("writes it back") {
    CHECK(eb::demo::plant_rate_text(5000) == "0.5%");
    CHECK(eb::demo::plant_rate_text(20000) == "2%");
    CHECK(eb::demo::plant_rate_text(1) == "0.0001%");
  }
}
