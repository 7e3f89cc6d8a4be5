// SPDX-License-Identifier: MIT
// Tests of the application file (application-format.md): every validation rule on small inline
// TOML texts, each checked by the field path of the problem, and the JSON form's equivalence.
#include "assess/application.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include <string>
#include <vector>
#include "support.hpp"

#include "common/error.hpp"
#include "common/file.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

using eb::InputError;
using eb::Problem;
using eb::assess::Application;
using eb::assess::ApplicationKind;
using eb::assess::CostKind;
using eb::assess::IncomeKind;
using eb::assess::parse_application;
using eb::assess::parse_application_json;
using eb::assess::ParseOptions;
using eb::assess::Role;
using eb::period::Date;
using eb::period::Month;

// The personnummer below are synthetic, with check digits computed by hand (Luhn).

namespace {

// A valid application: a single parent (41 years old in March 2026) and a child of 8.
const std::string k_valid = R"(month = "2026-03"
received = "2026-02-24"
kind = "renewal"
housemates = 1

[[member]]
pnr = "19850312-2387"
name = "Anna Exempel"
role = "applicant"
assistance_months = 7

[[member]]
pnr = "20170405-2099"
role = "child"
days = 15

[[cost]]
kind = "rent"
applied = 6500
approved = 6400
note = "hyresavi mars"

[[cost]]
kind = "electricity"
applied = "250.55"

[[income]]
member = "19850312-2387"
kind = "salary"
amount = 9000
)";

// `k_valid` with the first `from` replaced by `to`.
std::string valid_with(const std::string& from, const std::string& to) {
  std::string text = k_valid;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// The problems parse_application reports for `text`; none if it parses.
std::vector<Problem> problems_of(const std::string& text, const ParseOptions& options = {}) {
  return eb::test::input_problems_of([&] { parse_application(text, "app.toml", options); });
}

// The one problem `text` has; fails the test if it has none or several.
Problem only_problem(const std::string& text, const ParseOptions& options = {}) {
  const auto problems = problems_of(text, options);
  std::string all;
  for (const auto& p : problems) all += p.to_string() + "\n";
  INFO(all);
  REQUIRE(problems.size() == 1);
  return problems[0];
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

long line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("parse_application", "[assess]") {
  SECTION("reads a valid file") {
    const Application app = parse_application(k_valid, "app.toml");
    CHECK(app.month == Month(2026, 3));
    REQUIRE(app.received.has_value());
    CHECK(*app.received == Date(2026, 2, 24));
    CHECK(app.kind == ApplicationKind::renewal);
    CHECK(app.housemates == 1);
    CHECK(app.source == "app.toml");
    REQUIRE(app.members.size() == 2);
    CHECK(app.members[0].pnr.digits() == "198503122387");
    CHECK(app.members[0].name == "Anna Exempel");
    CHECK(app.members[0].role == Role::applicant);
    CHECK(app.members[0].assistance_months == 7);
    CHECK(app.members[0].line == line_of(k_valid, "[[member]]"));
    CHECK(app.members[1].role == Role::child);
    CHECK(app.members[1].days == 15);
    CHECK(app.applicant().pnr.digits() == "198503122387");
    CHECK(app.partner() == nullptr);
    CHECK(app.adult_count() == 1);
    CHECK(app.child_count() == 1);
    REQUIRE(app.costs.size() == 2);
    CHECK(app.costs[0].kind == CostKind::rent);
    CHECK(app.costs[0].applied.ore() == 650000);
    CHECK(app.costs[0].approved == eb::money::Money::from_kr(6400));
    CHECK(app.costs[0].note == "hyresavi mars");
    CHECK(app.costs[1].applied.ore() == 25055);  // "250.55"
    REQUIRE(app.incomes.size() == 1);
    CHECK(app.incomes[0].kind == IncomeKind::salary);
    CHECK(app.incomes[0].amount.ore() == 900000);
  }
  SECTION("uses the defaults for optional fields") {
    const Application app = parse_application(
        "month = \"2026-03\"\n[[member]]\npnr = \"19850312-2387\"\n"
        "role = \"applicant\"\n",
        "app.toml");
    CHECK_FALSE(app.received.has_value());
    CHECK(app.kind == ApplicationKind::new_application);
    CHECK(app.housemates == 0);
    CHECK_FALSE(app.members[0].assistance_months.has_value());
    CHECK(app.members[0].days == 30);
  }
  SECTION("refuses an empty file") {
    const Problem p = only_problem(" \n");
    CHECK(p.field == "month");
    CHECK(p.message == "missing: the file is empty");
  }
  SECTION("refuses a TOML syntax error") {
    const Problem p = only_problem(valid_with("kind = \"renewal\"", "kind = renewal"));
    CHECK(p.file == "app.toml");
    CHECK(p.line == 3);
    CHECK(p.message.rfind("TOML syntax error: ", 0) == 0);
  }
  SECTION("month: is required") {
    const Problem p = only_problem(valid_with("month = \"2026-03\"\n", ""));
    CHECK(p.field == "month");
    CHECK(p.message == "missing (this field is required)");
  }
  SECTION("month: is a real month") {
    const Problem p = only_problem(valid_with("2026-03", "2026-13"));
    CHECK(p.field == "month");
    CHECK(p.value == "\"2026-13\"");
    CHECK(p.line == 1);
    CHECK(p.message == "no such month");
  }
  SECTION("month: is a string") {
    const Problem p = only_problem(valid_with("\"2026-03\"", "202603"));
    CHECK(p.field == "month");
    CHECK(p.message == "must be a month as a string, \"YYYY-MM\"");
  }
  SECTION("received: is a real date") {
    const Problem p = only_problem(valid_with("2026-02-24", "2026-02-30"));
    CHECK(p.field == "received");
    CHECK(p.value == "\"2026-02-30\"");
    CHECK(p.message == "no such date");
  }
  SECTION("received and address: required for intake only") {
    const std::string text = valid_with("received = \"2026-02-24\"\n", "");
    CHECK(problems_of(text).empty());
    ParseOptions intake;
    intake.for_intake = true;
    const auto problems = problems_of(text, intake);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "received");
    CHECK(problems[0].message == "missing (this field is required)");
    CHECK(problems[1].field == "address");
    CHECK(problems[1].message == "missing (this field is required)");
  }
  SECTION("kind: is new, renewal or supplement") {
    const Problem p = only_problem(valid_with("\"renewal\"", "\"again\""));
    CHECK(p.field == "kind");
    CHECK(p.message == "unknown kind (new, renewal, supplement)");
  }
  SECTION("housemates: is not negative") {
    const Problem p = only_problem(valid_with("housemates = 1", "housemates = -1"));
    CHECK(p.field == "housemates");
    CHECK(p.value == "-1");
    CHECK(p.message == "must be from 0 to 50");
  }
  SECTION("amounts: at most two decimals") {
    const Problem p = only_problem(valid_with("\"250.55\"", "\"250.555\""));
    CHECK(p.field == "cost[2].applied");
    CHECK(p.value == "\"250.555\"");
    CHECK(p.message == "at most two decimals (whole öre) are allowed");
  }
  SECTION("amounts: not negative") {
    const Problem p = only_problem(valid_with("applied = 6500", "applied = -6500"));
    CHECK(p.field == "cost[1].applied");
    CHECK(p.value == "-6500");
    CHECK(p.message == "must not be negative");
  }
  SECTION("amounts: an approved amount is not negative") {
    const Problem p = only_problem(valid_with("approved = 6400", "approved = \"-1,50\""));
    CHECK(p.field == "cost[1].approved");
    CHECK(p.message == "must not be negative");
  }
  SECTION("amounts: an income is not negative") {
    const Problem p = only_problem(valid_with("amount = 9000", "amount = -9000"));
    CHECK(p.field == "income[1].amount");
    CHECK(p.message == "must not be negative");
  }
  SECTION("amounts: not a float") {
    const Problem p = only_problem(valid_with("applied = 6500", "applied = 6500.5"));
    CHECK(p.field == "cost[1].applied");
    CHECK(p.message == "write kronor as a whole number (8200) or as a string with öre (\"8200.50\"), not as a float");
  }
  SECTION("amounts: not text") {
    const Problem p = only_problem(valid_with("amount = 9000", "amount = \"nio tusen\""));
    CHECK(p.field == "income[1].amount");
    CHECK(p.message == "not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
  }
  SECTION("pnr: is 12 digits") {
    const Problem p = only_problem(valid_with("20170405-2099", "2017040-2099"));
    CHECK(p.field == "member[2].pnr");
    CHECK(p.value == "\"2017040-2099\"");
    CHECK(p.message == "a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("pnr: has a valid check digit") {
    const auto problems = problems_of(replace_all(k_valid, "19850312-2387", "19850312-2388"));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "member[1].pnr");
    CHECK(problems[0].value == "\"19850312-2388\"");
    CHECK(problems[0].line == line_of(k_valid, "pnr = \"19850312-2387\""));
    CHECK(problems[0].message == "check digit is wrong (should be 7)");
    CHECK(problems[1].field == "income[1].member");  // the same number, where the income names it
    CHECK(problems[1].message == "check digit is wrong (should be 7)");
  }
  SECTION("pnr: has a real birth date") {
    const Problem p = only_problem(valid_with("20170405-2099", "20170231-2099"));
    CHECK(p.field == "member[2].pnr");
    CHECK(p.message == "no such birth date");
  }
  SECTION("pnr: a samordningsnummer has a real date after subtracting 60") {
    const Problem p = only_problem(valid_with("20170405-2099", "20170291-2099"));  // 31 February
    CHECK(p.field == "member[2].pnr");
    CHECK(p.message == "no such birth date (a samordningsnummer adds 60 to the day)");
  }
  SECTION("pnr: a valid samordningsnummer is accepted") {
    // born 2019-03-31: day 31 + 60 = 91
    const Application app = parse_application(valid_with("20170405-2099", "20190391-1236"), "app.toml");
    CHECK(app.members[1].pnr.is_samordningsnummer());
  }
  SECTION("pnr: is required") {
    const Problem p = only_problem(valid_with("pnr = \"20170405-2099\"\n", ""));
    CHECK(p.field == "member[2].pnr");
    CHECK(p.message == "missing (this field is required)");
  }
  SECTION("pnr: appears only once") {
    const Problem p = only_problem(k_valid + "[[member]]\npnr = \"20170405-2099\"\nrole = \"child\"\n");
    CHECK(p.field == "member[3].pnr");
    CHECK(p.value == "\"20170405-2099\"");
    CHECK(p.message == "appears more than once in this application");
  }
  SECTION("role: exactly one applicant, not two") {
    const Problem p = only_problem(k_valid + "[[member]]\npnr = \"19830704-1510\"\nrole = \"applicant\"\n");
    CHECK(p.field == "member[3].role");
    CHECK(p.value == "\"applicant\"");
    CHECK(p.message == "there must be exactly one applicant; this is the second");
  }
  SECTION("role: exactly one applicant, not none") {
    const Problem p = only_problem(valid_with("role = \"applicant\"", "role = \"partner\""));
    CHECK(p.field == "member.role");
    CHECK(p.message == "there must be exactly one member with role = \"applicant\"");
  }
  SECTION("role: at most one partner") {
    const Problem p = only_problem(k_valid + "[[member]]\npnr = \"19830704-1510\"\nrole = \"partner\"\n" +
                                   "[[member]]\npnr = \"19900101-1239\"\nrole = \"partner\"\n");
    CHECK(p.field == "member[4].role");
    CHECK(p.message == "there can be at most one partner; this is the second");
  }
  SECTION("role: is applicant, partner or child") {
    const auto problems = problems_of(valid_with("role = \"child\"", "role = \"grandparent\""));
    REQUIRE_FALSE(problems.empty());  // see the  test below for the second problem
    CHECK(problems[0].field == "member[2].role");
    CHECK(problems[0].value == "\"grandparent\"");
    CHECK(problems[0].message == "unknown role (applicant, partner, child)");
  }
  SECTION("role: is required") {
    const auto problems = problems_of(valid_with("role = \"child\"\n", ""));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].field == "member[2].role");
    CHECK(problems[0].message == "missing (this field is required)");
  }
  SECTION("members: at least one") {
    const Problem p = only_problem("month = \"2026-03\"\n");
    CHECK(p.field == "member");
    CHECK(p.message == "missing: at least one [[member]], the applicant");
  }
  SECTION("adults: the applicant is 18 at the end of the month") {
    // born 2008-03-31: 18 on 2026-03-31, the last day of the month
    CHECK(problems_of(replace_all(k_valid, "19850312-2387", "20080331-1232")).empty());
    // born 2008-04-01: still 17 on 2026-03-31
    const Problem p = only_problem(replace_all(k_valid, "19850312-2387", "20080401-1237"));
    CHECK(p.field == "member[1].pnr");
    CHECK(p.value == "\"20080401-1237\"");
    CHECK(p.message == "an applicant must be 18 or older (is 17 at the end of 2026-03)");
  }
  SECTION("adults: a partner is 18 or older") {
    const Problem p = only_problem(k_valid + "[[member]]\npnr = \"20080401-1237\"\nrole = \"partner\"\n");
    CHECK(p.field == "member[3].pnr");
    CHECK(p.message.find("must be 18 or older (is 17 at the end of 2026-03)") != std::string::npos);
  }
  SECTION("members: are born by the end of the month") {
    // born 2026-04-01, after the month applied for
    const Problem p = only_problem(valid_with("20170405-2099", "20260401-1235"));
    CHECK(p.field == "member[2].pnr");
    CHECK(p.message == "is born after the month applied for");
    // born 2026-03-15, in the month: a newborn is 0
    CHECK(problems_of(valid_with("20170405-2099", "20260315-1230")).empty());
  }
  SECTION("children: under 21 at the end of the month") {
    // born 2005-03-31: 21 on 2026-03-31
    const Problem p = only_problem(valid_with("20170405-2099", "20050331-1235"));
    CHECK(p.field == "member[2].pnr");
    CHECK(p.value == "\"20050331-1235\"");
    CHECK(p.message == "a child must be under 21 (is 21 at the end of 2026-03); an adult child is their own case");
  }
  SECTION("children: aged 19–20 only in school") {
    // born 2005-04-01: 20 on 2026-03-31
    const Problem p = only_problem(valid_with("20170405-2099", "20050401-1230"));
    CHECK(p.field == "member[2].in_school");
    CHECK(p.value == "false");
    CHECK(p.message ==
          "a child aged 20 counts in the household only while in school (SoL 12 kap. 9 §: hemmavarande barn "
          "under 18 and skolungdomar under 21; FB 7 kap. 1 §): set in_school = true, or make them their own case "
          "(or a housemate)");
  }
  SECTION("children: aged 19 with in_school = true is accepted") {
    const std::string text = replace_all(k_valid, "20170405-2099", "20070331-2348");  // 19 on 2026-03-31
    CHECK(problems_of(replace_all(text, "role = \"child\"", "role = \"child\"\nin_school = true")).empty());
  }
  SECTION("children: days is 1–30") {
    const Problem p31 = only_problem(valid_with("days = 15", "days = 31"));
    CHECK(p31.field == "member[2].days");
    CHECK(p31.value == "31");
    CHECK(p31.message == "must be from 1 to 30");
    const Problem p0 = only_problem(valid_with("days = 15", "days = 0"));
    CHECK(p0.field == "member[2].days");
    CHECK(p0.value == "0");
  }
  SECTION("children: days is a whole number") {
    const Problem p = only_problem(valid_with("days = 15", "days = \"15\""));
    CHECK(p.field == "member[2].days");
    CHECK(p.message == "must be a whole number");
  }
  SECTION("children: preschool_lunch is true or false") {
    const Problem p = only_problem(valid_with("days = 15", "preschool_lunch = \"yes\""));
    CHECK(p.field == "member[2].preschool_lunch");
    CHECK(p.message == "must be true or false");
  }
  SECTION("child-only fields are refused on adults") {
    for (const std::string field :
         {"days = 15", "preschool_lunch = true", "in_school = true", "earned_this_year_before = 100"}) {
      INFO(field);
      const Problem p = only_problem(valid_with("role = \"applicant\"", "role = \"applicant\"\n" + field));
      CHECK(p.field == "member[1]." + field.substr(0, field.find(' ')));
      CHECK(p.message == "only children may have this field");
    }
  }
  SECTION("adult-only fields are refused on children") {
    for (const std::string field :
         {"assistance_months = 6", "stimulus_start = \"2026-01\"", "hinder = \"arbetslos\""}) {
      INFO(field);
      const Problem p = only_problem(valid_with("role = \"child\"", "role = \"child\"\n" + field));
      CHECK(p.field == "member[2]." + field.substr(0, field.find(' ')));
      CHECK(p.message == "only adults (applicant, partner) may have this field");
    }
  }
  SECTION("assistance_months: not negative") {
    const Problem p = only_problem(valid_with("assistance_months = 7", "assistance_months = -1"));
    CHECK(p.field == "member[1].assistance_months");
    CHECK(p.message == "must be from 0 to 1200");
  }
  SECTION("stimulus_start: a real month, not after the month applied for") {
    const Problem p13 = only_problem(valid_with("assistance_months = 7", "stimulus_start = \"2025-13\""));
    CHECK(p13.field == "member[1].stimulus_start");
    CHECK(p13.message == "no such month");
    const Problem later = only_problem(valid_with("assistance_months = 7", "stimulus_start = \"2026-04\""));
    CHECK(later.field == "member[1].stimulus_start");
    CHECK(later.value == "\"2026-04\"");
    CHECK(later.message == "is after the month applied for (2026-03)");
  }
  SECTION("income.member: names a member") {
    const Problem p = only_problem(valid_with("member = \"19850312-2387\"", "member = \"19830704-1510\""));
    CHECK(p.field == "income[1].member");
    CHECK(p.value == "\"19830704-1510\"");
    CHECK(p.message == "is not a [[member]] of this application");
  }
  SECTION("income.member: is a valid personnummer") {
    const Problem p = only_problem(valid_with("member = \"19850312-2387\"", "member = \"Anna\""));
    CHECK(p.field == "income[1].member");
    CHECK(p.message == "a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("unknown keys: at the top level") {
    const std::string text = valid_with("housemates = 1", "housemates = 1\nhousmates = 2");
    const Problem p = only_problem(text);
    CHECK(p.field == "housmates");
    CHECK(p.line == line_of(text, "housmates"));
    CHECK(p.message == "unknown key (check the spelling against the file format in the manual)");
  }
  SECTION("caller_keys: a top-level table the caller reads itself passes (eb test's [expect], issue #17)") {
    const std::string text = k_valid + "\n[expect]\namount = 12120\n";
    CHECK(only_problem(text).field == "expect");
    ParseOptions options;
    options.caller_keys = {"expect"};
    CHECK(problems_of(text, options).empty());
    const Application app = parse_application(text, "app.toml", options);
    CHECK(app.members.size() == 2);
  }
  SECTION("caller_keys: every other unknown key is still refused") {
    ParseOptions options;
    options.caller_keys = {"expect"};
    const std::string text = k_valid + "\n[expected]\namount = 12120\n";
    CHECK(only_problem(text, options).field == "expected");
    CHECK(only_problem(valid_with("role = \"child\"", "role = \"child\"\nexpect = 1"), options).field ==
          "member[2].expect");
  }
  SECTION("unknown keys: in a member") {
    const std::string text = valid_with("role = \"child\"", "role = \"child\"\nshoe_size = 32");
    const Problem p = only_problem(text);
    CHECK(p.field == "member[2].shoe_size");
    CHECK(p.line == line_of(text, "shoe_size"));
  }
  SECTION("unknown keys: in a cost") {
    const Problem p = only_problem(valid_with("approved = 6400", "approved = 6400\napproved_by = \"x\""));
    CHECK(p.field == "cost[1].approved_by");
  }
  SECTION("unknown keys: in an income") {
    const Problem p = only_problem(valid_with("amount = 9000", "amount = 9000\ngross = 12000"));
    CHECK(p.field == "income[1].gross");
  }
  SECTION("unknown kinds: of a cost") {
    const Problem p = only_problem(valid_with("kind = \"rent\"", "kind = \"mortgage\""));
    CHECK(p.field == "cost[1].kind");
    CHECK(p.value == "\"mortgage\"");
    CHECK(p.message ==
          "unknown cost kind (rent, electricity, work_travel, home_insurance, union_fee, akassa_fee, "
          "childcare, medical, medicine, dental, glasses, home_equipment, other)");
  }
  SECTION("unknown kinds: of an income") {
    const Problem p = only_problem(valid_with("kind = \"salary\"", "kind = \"lottery\""));
    CHECK(p.field == "income[1].kind");
    CHECK(p.message.rfind("unknown income kind (salary, self_employment, barnbidrag, ", 0) == 0);
  }
  SECTION("cost kind other: needs a note") {
    const Problem p = only_problem(valid_with("kind = \"electricity\"", "kind = \"other\""));
    CHECK(p.field == "cost[2].note");
    CHECK(p.message == "a cost of kind \"other\" needs a note saying what it is");
  }
  SECTION("income kind other: needs a note") {
    const Problem p = only_problem(valid_with("kind = \"salary\"", "kind = \"other\""));
    CHECK(p.field == "income[1].note");
    CHECK(p.message == "an income of kind \"other\" needs a note saying what it is");
  }
  SECTION("cost: applied is required") {
    const Problem p = only_problem(valid_with("applied = 6500\n", ""));
    CHECK(p.field == "cost[1].applied");
    CHECK(p.message == "missing (this field is required)");
  }
  SECTION("reports every problem at once, in file order") {
    std::string text = valid_with("2026-02-24", "2026-02-30");
    text = text.replace(text.find("days = 15"), 9, "days = 31");
    text = text.replace(text.find("kind = \"rent\""), 13, "kind = \"mortgage\"");
    const auto problems = problems_of(text);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].field == "received");
    CHECK(problems[1].field == "member[2].days");
    CHECK(problems[2].field == "cost[1].kind");
  }
}

TEST_CASE("parse_application_json", "[assess]") {
  const std::string json = R"({"month": "2026-03", "received": "2026-02-24", "kind": "renewal", "housemates": 1,
    "member": [
      {"pnr": "19850312-2387", "name": "Anna Exempel", "role": "applicant", "assistance_months": 7},
      {"pnr": "20170405-2099", "role": "child", "days": 15}],
    "cost": [
      {"kind": "rent", "applied": 6500, "approved": 6400, "note": "hyresavi mars"},
      {"kind": "electricity", "applied": "250.55"}],
    "income": [{"member": "19850312-2387", "kind": "salary", "amount": 9000}]})";
  SECTION("gives the same application as the TOML form") {
    const Application a = parse_application(k_valid, "app.toml");
    const Application b = parse_application_json(json, "line 1");
    CHECK(b.source == "line 1");
    CHECK(b.month == a.month);
    CHECK(b.received == a.received);
    CHECK(b.kind == a.kind);
    CHECK(b.housemates == a.housemates);
    REQUIRE(b.members.size() == a.members.size());
    for (std::size_t i = 0; i < a.members.size(); ++i) {
      INFO(i);
      CHECK(b.members[i].pnr == a.members[i].pnr);
      CHECK(b.members[i].name == a.members[i].name);
      CHECK(b.members[i].role == a.members[i].role);
      CHECK(b.members[i].assistance_months == a.members[i].assistance_months);
      CHECK(b.members[i].days == a.members[i].days);
    }
    REQUIRE(b.costs.size() == a.costs.size());
    for (std::size_t i = 0; i < a.costs.size(); ++i) {
      INFO(i);
      CHECK(b.costs[i].kind == a.costs[i].kind);
      CHECK(b.costs[i].applied == a.costs[i].applied);
      CHECK(b.costs[i].approved == a.costs[i].approved);
      CHECK(b.costs[i].note == a.costs[i].note);
    }
    REQUIRE(b.incomes.size() == 1);
    CHECK(b.incomes[0].member == a.incomes[0].member);
    CHECK(b.incomes[0].kind == a.incomes[0].kind);
    CHECK(b.incomes[0].amount == a.incomes[0].amount);
  }
  SECTION("applies the same rules, with the same field paths") {
    std::string bad = json;
    bad.replace(bad.find("\"days\": 15"), 10, "\"days\": 31");
    try {
      parse_application_json(bad, "line 1");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].file == "line 1");
      CHECK(e.problems()[0].field == "member[2].days");
      CHECK(e.problems()[0].message == "must be from 1 to 30");
    }
  }
  SECTION("refuses a float amount") {
    std::string bad = json;
    bad.replace(bad.find("\"applied\": 6500"), 15, "\"applied\": 6500.5");
    try {
      parse_application_json(bad, "line 1");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "cost[1].applied");
      CHECK(e.problems()[0].message ==
            "write kronor as a whole number (8200) or as a string with öre (\"8200.50\"), not as a float");
    }
  }
  SECTION("refuses a JSON syntax error") {
    try {
      parse_application_json("{\"month\": ", "line 7");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].file == "line 7");
      CHECK(e.problems()[0].message.rfind("JSON syntax error: ", 0) == 0);
    }
  }
  SECTION("refuses anything but an object") {
    CHECK_THROWS_WITH(parse_application_json("[1, 2]", "line 2"), "line 2: each line must be one JSON object");
  }
  SECTION("refuses null") {
    try {
      parse_application_json(R"({"month": null})", "line 3");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "month");
      CHECK(e.problems()[0].message == "unsupported value (null?)");
    }
  }
}

// Regression: the message for an under-age partner read "an partner …".
TEST_CASE("parse_application: the under-age partner message", "[assess]") {
  SECTION("reads \"a partner\"") {
    const Problem p = only_problem(k_valid + "[[member]]\npnr = \"20080401-1237\"\nrole = \"partner\"\n");
    CHECK(p.message == "a partner must be 18 or older (is 17 at the end of 2026-03)");
  }
}

// Regression: a member whose role was unknown or missing was counted as an applicant, giving a
// second, false problem with a value not in the file (application-format.md: each violation is
// one error naming the field and the value as given).
TEST_CASE("parse_application: a member with a bad role is not counted as an applicant", "[assess]") {
  SECTION("an unknown role gives one problem") {
    const Problem p = only_problem(valid_with("role = \"child\"", "role = \"grandparent\""));
    CHECK(p.field == "member[2].role");
  }
  SECTION("a missing role gives one problem") {
    const Problem p = only_problem(valid_with("role = \"child\"\n", ""));
    CHECK(p.field == "member[2].role");
  }
}

// Issue 11: hostile input. Names with control characters or of more than 140 characters were
// stored and then could not be exported; a NUL byte from JSON was stored; a guideline name
// was a path; 1 100 incomes of 90 000 000 000 000 kr summed past Money's range.
TEST_CASE("parse_application: the limits and the text rule", "[assess][limits]") {
  SECTION("refuses control characters in a name, naming the field and showing the value") {
    const Problem p = only_problem(valid_with("name = \"Anna Exempel\"", "name = \"Anna\\u001b[31mExempel\""));
    CHECK(p.field == "member[1].name");
    CHECK(p.value == "\"Anna\x1b[31mExempel\"");
    CHECK(p.message == "contains a control character (U+001B)");
    CHECK(only_problem(valid_with("name = \"Anna Exempel\"", "name = \"Anna\\nExempel\"")).message ==
          "contains a control character (U+000A)");
    CHECK(only_problem(valid_with("name = \"Anna Exempel\"", "name = \"Anna\\u0000\"")).message ==
          "contains a control character (U+0000)");
    CHECK(only_problem(valid_with("name = \"Anna Exempel\"", "name = \"Anna\\u009b\"")).message ==
          "contains a control character (U+009B)");
    CHECK(only_problem(valid_with("name = \"Anna Exempel\"", "name = \"Anna\\u007f\"")).message ==
          "contains a control character (U+007F)");
  }
  SECTION("refuses control characters in every other text") {
    CHECK(only_problem(valid_with("note = \"hyresavi mars\"", "note = \"hyresavi\\rmars\"")).field == "cost[1].note");
    CHECK(only_problem(valid_with("housemates = 1", "housemates = 1\naddress = \"Gatan 1\\u001b]0;x\\u0007\"")).field ==
          "address");
    CHECK(only_problem(valid_with("housemates = 1", "housemates = 1\naccount = \"8327\\n9\"")).field == "account");
    CHECK(only_problem(valid_with("assistance_months = 7", "assistance_months = 7\nhinder = \"a\\tb\"")).field ==
          "member[1].hinder");
  }
  SECTION("refuses a name of more than 140 characters, the most pain.001 can carry") {
    std::string name;
    for (int i = 0; i < 140; ++i) name += "Ö";
    CHECK(problems_of(valid_with("Anna Exempel", name)).empty());
    const Problem p = only_problem(valid_with("Anna Exempel", name + "x"));
    CHECK(p.field == "member[1].name");
    CHECK(p.message == "has 141 characters; at most 140 fit");
    CHECK(p.value.size() < 200);  // the value is shown cut
  }
  SECTION("refuses a guideline that is not an identifier, naming the field") {
    const Problem p = only_problem(valid_with("housemates = 1", "housemates = 1\nguideline = \"../riksnorm/2026\""));
    CHECK(p.field == "guideline");
    CHECK(p.value == "\"../riksnorm/2026\"");
    CHECK(p.message.find("never a path") != std::string::npos);
    CHECK(problems_of(valid_with("housemates = 1", "housemates = 1\nguideline = \"falun-2026_v2\"")).empty());
    CHECK(only_problem(valid_with("housemates = 1", "housemates = 1\nguideline = \"Falun\"")).field == "guideline");
    CHECK(only_problem(valid_with("housemates = 1", "housemates = 1\nguideline = \"/etc/x\"")).field == "guideline");
  }
  SECTION("refuses an amount above the limit of one amount") {
    const Problem p = only_problem(valid_with("applied = 6500", "applied = 1000000001"));
    CHECK(p.field == "cost[1].applied");
    CHECK(p.value == "1000000001");
    CHECK(p.message == "the amount is too large (at most 1 000 000 000 kr)");
    CHECK(problems_of(valid_with("applied = 6500", "applied = 1000000000")).empty());
    CHECK(only_problem(valid_with("applied = 6500", "applied = \"1000000000.01\"")).field == "cost[1].applied");
  }
  SECTION("refuses more incomes, costs or members than the limits, in one message each") {
    std::string incomes;
    for (int i = 0; i < 1100; ++i) {
      incomes += "\n[[income]]\nmember = \"19850312-2387\"\nkind = \"salary\"\namount = 90000000000000\n";
    }
    const Problem p = only_problem(k_valid + incomes);
    CHECK(p.field == "income");
    CHECK(p.value == "1101 tables");
    CHECK(p.message == "at most 500 are allowed in one application (eb-application(5), LIMITS)");
    std::string costs;
    for (int i = 0; i < 498; ++i) costs += "\n[[cost]]\nkind = \"rent\"\napplied = 1\n";
    CHECK(problems_of(k_valid + costs).empty());  // 2 + 498 = 500 costs
    CHECK(only_problem(k_valid + costs + "\n[[cost]]\nkind = \"rent\"\napplied = 1\n").value == "501 tables");
    std::string members;
    for (int i = 0; i < 30; ++i) members += "\n[[member]]\npnr = \"20170405-2099\"\nrole = \"child\"\n";
    CHECK(only_problem(k_valid + members).field == "member");
  }
  SECTION("refuses a file nested too deep or too large before parsing it") {
    std::string key = "x";
    for (int i = 0; i < 40000; ++i) key += ".a";
    const Problem p = only_problem(k_valid + key + " = 1\n");
    CHECK(p.message == "nests deeper than 8 levels (arrays, tables and the parts of dotted keys)");
    CHECK(only_problem(k_valid + "# " + std::string(1024 * 1024, 'x') + "\n").message.find("bytes; at most") !=
          std::string::npos);
  }
}

TEST_CASE("parse_application_json: hostile input", "[assess][limits][json]") {
  const std::string line =
      R"({"month": "2026-03", "member": [{"pnr": "19850312-2387", "role": "applicant", "name": "Anna"}]})";
  SECTION("refuses a NUL byte in a name") {
    std::string bad = line;
    bad.replace(bad.find("\"Anna\""), 6, R"("An\u0000na")");
    const auto p = eb::test::input_problems_of([&] { parse_application_json(bad, "stdin:1"); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "member[1].name");
    CHECK(p[0].message == "contains a control character (U+0000)");
  }
  SECTION("refuses a duplicate key as TOML does") {
    std::string bad = line;
    bad.replace(bad.find("\"role\""), 6, R"("role": "child", "role")");
    const auto p = eb::test::input_problems_of([&] { parse_application_json(bad, "stdin:1"); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "member[1].role");
  }
  SECTION("refuses an unsigned number beyond int64 by its value, not as a wrapped -1") {
    const auto p = eb::test::input_problems_of([&] {
      parse_application_json(line.substr(0, line.size() - 1) + R"(, "housemates": 18446744073709551615})", "stdin:1");
    });
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "housemates");
    CHECK(p[0].value == "18446744073709551615");
  }
}

TEST_CASE("parse_application_json: the JSON fixtures", "[assess][json]") {
  SECTION("each parses to the same application as its TOML twin") {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(EB_SOURCE_DIR "/tests/fixtures/json")) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".json") continue;
      ++files;
      INFO(name);
      const bool example = name.rfind("example-", 0) == 0;
      const std::string twin = std::string(EB_SOURCE_DIR) + (example ? "/tests/fixtures/examples/" : "/data/demo/") +
                               name.substr(example ? 8 : 5, name.size() - (example ? 8 : 5) - 5) + ".toml";
      const Application a = parse_application(eb::read_file(twin), twin);
      const Application b = parse_application_json(eb::read_file(entry.path().string()), name);
      CHECK(b.month == a.month);
      CHECK(b.received == a.received);
      CHECK(b.address == a.address);
      CHECK(b.account == a.account);
      CHECK(b.guideline == a.guideline);
      REQUIRE(b.members.size() == a.members.size());
      for (std::size_t i = 0; i < a.members.size(); ++i) {
        CHECK(b.members[i].pnr == a.members[i].pnr);
        CHECK(b.members[i].name == a.members[i].name);
      }
      REQUIRE(b.costs.size() == a.costs.size());
      for (std::size_t i = 0; i < a.costs.size(); ++i) CHECK(b.costs[i].applied == a.costs[i].applied);
      REQUIRE(b.incomes.size() == a.incomes.size());
      for (std::size_t i = 0; i < a.incomes.size(); ++i) CHECK(b.incomes[i].amount == a.incomes[i].amount);
    }
    CHECK(files == 23);
  }
}

TEST_CASE("role_label", "[assess]") {
  SECTION("each role as the applicant reads it, distinct from its stored code") {
    CHECK(eb::assess::role_label(eb::assess::Role::applicant) == "sökande");
    CHECK(eb::assess::role_label(eb::assess::Role::partner) == "medsökande");
    CHECK(eb::assess::role_label(eb::assess::Role::child) == "barn");
    CHECK(eb::assess::role_name(eb::assess::Role::partner) == "partner");
  }
}
