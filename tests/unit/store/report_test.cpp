// SPDX-License-Identifier: MIT
// Tests of the report's reads of the store (store::read_report_rows through flow::unit_report):
// a small district taken through the real flows month by month in 2026 (intake, assessment,
// decisions, payment batches exported and confirmed, a return, closures, arbetsplan dates),
// every figure worked out by hand below.
//
//   C-1 Anna (woman, 1980), alone: January–September, 10 000 kr a month (3 940 + 1 280 + rent
//       4 780), second-hand lease, arbetslös; arbetsplan 15 January and 5 September; closed
//       to work 30 September. Exactly 9 months. Her May application arrives Tuesday 12 May and
//       is decided Tuesday 19 May, across Kristi himmelsfärdsdag (14 May): 5 working days.
//   C-2 Bo (man, 1975), alone: January–October, 9 000 kr (rent 3 780), sjukskriven; arbetsplan
//       1 March. Exactly 10 months. April: arrives Thursday 2 April, decided Wednesday 8
//       April, across Easter (3 and 6 April): 3 days. June: arrives 2 June, complete Thursday
//       4 June, decided Tuesday 9 June: 4 days from the complete day. July: arrives Monday 29
//       June, decided Tuesday 30 June (a month decided in advance): 2 days. His February
//       payment is returned by the bank and paid again in the March batch: it counts once,
//       for February. A supplement for March (tilläggsansökan, arrived and decided 10 March)
//       grants 500 kr more (3 940 + 1 280 − a salary of 4 720): still one household that month.
//   C-3 Greta (woman, 2003, 23 at the year's end) with Hugo (boy, 2024): January–June and
//       September–October, 10 000 kr (3 940 + 3 060 + 1 410 + rent 1 590), in a vandrarhem
//       January–March; closed to another benefit 30 June, reopened by the application
//       arriving 3 September (decided 14 September: 8 days); October a delbifall of 9 500 kr
//       (500 kr of the rent refused) with a barnkonsekvensanalys.
//   C-4 Cecilia (woman, 1990) and David (man, 1988), a couple: March–April, 12 000 kr (7 100 +
//       1 410 + rent 3 490); both adults count. The March application arrives on Friday 27
//       February and is decided Thursday 5 March: 5 days. Arbetsplan 10 March.
//   C-5 Ivan (man, 1970), homeless in a härbärge: March–April, 6 000 kr (fee 780 as rent);
//       closed to studies 5 May. His March application (arrived 2 March) is decided 30 March,
//       after the March batch, and paid in April's: it counts for March. 21 days.
//   C-6 Jonas (man, 1985): May, a salary of 30 000 kr: avslag, nothing paid.
// Every other application arrives on the month's first working day after the 1st (2 January,
// 2 February, …, 4 May, 3 August) and is decided that day: 1 working day.
#include "store/report.hpp"

#include <catch2/catch.hpp>

#include "decide/reasons.hpp"
#include "flow/arbetsplan.hpp"
#include "flow/assess.hpp"
#include "flow/close.hpp"
#include "flow/decide.hpp"
#include "flow/flow_support.hpp"
#include "flow/pay.hpp"
#include "flow/report.hpp"
#include "flow/users.hpp"
#include "report/report_fixture.hpp"
#include "report/unit_report_json.hpp"

using eb::money::Money;
using eb::period::Date;
using eb::period::Month;
using eb::report::ClosureReason;
using eb::report::Fraction;

namespace {

struct Person {
  std::string pnr;  // formatted
  std::string hinder;
};

Person person(const std::string& birth, const std::string& serial, const std::string& hinder = "") {
  return {eb::test::synthetic_pnr(birth, serial).formatted(), hinder};
}

const Person k_anna = person("19800510", "002", "arbetslos");
const Person k_bo = person("19750203", "011", "sjukskriven");
const Person k_cecilia = person("19900701", "024", "arbetslos");
const Person k_david = person("19881111", "035", "sjukskriven");
const Person k_greta = person("20030404", "068", "foraldraledig");
const Person k_hugo = person("20240115", "079");
const Person k_ivan = person("19701212", "081", "sociala_medicinska");
const Person k_jonas = person("19850101", "093", "arbetslos");

struct App {
  std::vector<Person> adults;  // the applicant first
  std::vector<Person> children;
  int rent = 0;
  int salary = 0;
  std::string housing;
  std::string complete_on;
  std::string kind;  // "" or "supplement"
};

std::string toml_of(const App& a, Month month, Date received) {
  std::string t = "month = \"" + month.to_string() + "\"\nreceived = \"" + received.to_string() +
                  "\"\naddress = \"Provgatan 1, 123 45 Exempelstad\"\n";
  if (!a.housing.empty()) t += "housing = \"" + a.housing + "\"\n";
  if (!a.kind.empty()) t += "kind = \"" + a.kind + "\"\n";
  if (!a.complete_on.empty()) t += "complete_on = \"" + a.complete_on + "\"\n";
  for (std::size_t i = 0; i < a.adults.size(); ++i) {
    t += "\n[[member]]\npnr = \"" + a.adults[i].pnr + "\"\nname = \"Prov Person\"\nrole = \"" +
         (i == 0 ? "applicant" : "partner") + "\"\n";
    if (!a.adults[i].hinder.empty()) t += "hinder = \"" + a.adults[i].hinder + "\"\n";
  }
  for (const auto& c : a.children) t += "\n[[member]]\npnr = \"" + c.pnr + "\"\nrole = \"child\"\n";
  t += "\n[[cost]]\nkind = \"rent\"\napplied = " + std::to_string(a.rent) + "\n";
  if (a.salary > 0) {
    t += "\n[[income]]\nmember = \"" + a.adults[0].pnr + "\"\nkind = \"salary\"\namount = " + std::to_string(a.salary) +
         "\n";
  }
  return t;
}

// The month's first working day after the 1st, in 2026.
Date arrival_day(int month) {
  return month == 5 ? Date(2026, 5, 4) : month == 8 ? Date(2026, 8, 3) : Date(2026, month, 2);
}

// The pay day of the month's batch (a working day near the 25th).
Date pay_day(int month) {
  static constexpr int k_day[] = {23, 25, 25, 24, 25, 25, 24, 25, 25, 23, 25, 24};
  return Date(2026, month, k_day[month - 1]);
}

class District {
 public:
  eb::store::Database db = eb::test::memory_store();

  District() {
    write(Date(2026, 1, 2),
          [&](const auto& ctx) { (void)eb::flow::add_user(db, ctx, "chef", "", eb::decide::Role::enhetschef); });
    const App anna{{k_anna}, {}, 4780, 0, "second_hand", "", ""};
    const App bo{{k_bo}, {}, 3780, 0, "", "", ""};
    const App couple{{k_cecilia, k_david}, {}, 3490, 0, "own_lease", "", ""};
    const App greta_hostel{{k_greta}, {k_hugo}, 1590, 0, "vandrarhem", "", ""};
    const App greta_home{{k_greta}, {k_hugo}, 1590, 0, "own_lease", "", ""};
    const App ivan{{k_ivan}, {}, 780, 0, "harbarge", "", ""};
    const App jonas{{k_jonas}, {}, 5000, 30000, "own_lease", "", ""};
    const App bo_supplement{{k_bo}, {}, 0, 4720, "", "", "supplement"};
    for (int m = 1; m <= 10; ++m) {
      const Month month(2026, m);
      const Date day = arrival_day(m);
      if (m == 3) {
        take(couple, month, Date(2026, 2, 27), Date(2026, 3, 5));  // a Friday arrival
      }
      if (m <= 9) {
        if (m == 5) {
          take(anna, month, Date(2026, 5, 12), Date(2026, 5, 19));  // across Kristi himmelsfärd
        } else {
          take(anna, month, day, day);
        }
        if (m == 1) arbetsplan(1, Date(2026, 1, 15));
      }
      if (m == 4) {
        take(bo, month, Date(2026, 4, 2), Date(2026, 4, 8));  // across Easter
      } else if (m == 6) {
        App late = bo;
        late.complete_on = "2026-06-04";
        take(late, month, day, Date(2026, 6, 9));
      } else if (m != 7) {  // July's came in June
        take(bo, month, day, day);
      }
      if (m <= 6) take(m <= 3 ? greta_hostel : greta_home, month, day, day);
      if (m == 9) take(greta_home, month, Date(2026, 9, 3), Date(2026, 9, 14));  // reopens C-4
      if (m == 10) {
        eb::decide::Request delbifall;
        delbifall.kind = eb::decide::Kind::delbifall;
        delbifall.rejections.push_back(eb::decide::parse_rejection("rent:500:cost-above-guideline", "--reject"));
        delbifall.child_impact = "Barnet kan bo kvar; förskolan påverkas inte.";
        take(greta_home, month, day, day, delbifall);
      }
      if (m == 3) {
        take(ivan, month, day, Date(2026, 3, 30));  // decided after the March batch
        take(bo_supplement, month, Date(2026, 3, 10), Date(2026, 3, 10));
        arbetsplan(2, Date(2026, 3, 1));
        arbetsplan(4, Date(2026, 3, 10));
      }
      if (m == 3 || m == 4) {
        if (m == 4) take(couple, month, day, day);
        if (m == 4) take(ivan, month, day, day);
      }
      if (m == 5) {
        close(5, Date(2026, 5, 5), ClosureReason::studies);
        eb::decide::Request avslag;
        avslag.kind = eb::decide::Kind::avslag;
        avslag.reasons.push_back(eb::decide::parse_reason("income-exceeds-need", "--reason"));
        take(jonas, month, day, day, avslag);
      }
      pay(m);
      if (m == 2) return_bo_february();
      if (m == 6) {
        take(bo, Month(2026, 7), Date(2026, 6, 29), Date(2026, 6, 30));  // decided in advance
        close(3, Date(2026, 6, 30), ClosureReason::another_benefit);
      }
      if (m == 9) {
        arbetsplan(1, Date(2026, 9, 5));
        close(1, Date(2026, 9, 30), ClosureReason::work);
      }
    }
  }

  eb::report::UnitReport report(const char* period, const char* today) const {
    eb::flow::ReportRequest r;
    r.period = eb::period::parse_month_range(period, "--period");
    r.config = eb::report::parse_report_config(eb::test::District::k_config, "report.toml");
    return eb::flow::unit_report(db, eb::test::context_on(eb::period::parse_date(today, "today")), r);
  }

 private:
  template <class Fn>
  void write(Date today, Fn&& fn) {
    const eb::flow::Context ctx = eb::test::context_on(today);
    eb::store::Transaction tx(db);
    fn(ctx);
    tx.commit();
  }

  void take(const App& a, Month month, Date received, Date decided, eb::decide::Request request = {}) {
    std::int64_t id = 0;
    // Registered the day it arrived, or the day it became complete.
    const Date registered = a.complete_on.empty() ? received : eb::period::parse_date(a.complete_on, "complete_on");
    write(registered, [&](const auto& ctx) {
      const auto out =
          eb::flow::intake(db, ctx, {{"t.toml", toml_of(a, month, received), eb::assess::SourceFormat::toml}});
      REQUIRE(out.stored == 1);
      id = out.items[0].stored->application_id;
      eb::flow::AssessRequest ar;
      ar.application_id = id;
      (void)eb::flow::assess(&db, ctx, ar);
    });
    write(decided, [&](const auto& ctx) { (void)eb::flow::decide(db, ctx, id, request, "chef"); });
  }

  void pay(int month) {
    const Date day = pay_day(month);
    write(day, [&](const auto& ctx) {
      const auto batch = eb::flow::pay_batch(db, ctx, day, std::nullopt, false);
      REQUIRE(batch.stored.batch_id);
      m_batch = *batch.stored.batch_id;
      (void)eb::flow::pay_export(db, ctx, m_batch, eb::pay::FileFormat::pain001);
      (void)eb::flow::pay_confirm(db, ctx, m_batch);
    });
  }

  void return_bo_february() {
    write(Date(2026, 3, 3), [&](const auto& ctx) {
      for (const auto& p : eb::flow::pay_show(db, m_batch).payments) {
        if (p.case_id == 2) (void)eb::flow::pay_return(db, ctx, p.id, Date(2026, 3, 3), "kontot avslutat");
      }
    });
  }

  void close(std::int64_t case_id, Date on, ClosureReason reason) {
    write(on, [&](const auto& ctx) { (void)eb::flow::close_case(db, ctx, case_id, on, reason, ""); });
  }

  void arbetsplan(std::int64_t case_id, Date on) {
    write(on, [&](const auto& ctx) { (void)eb::flow::record_arbetsplan(db, ctx, case_id, on); });
  }

  std::int64_t m_batch = 0;
};

const District& district() {
  static const District d;
  return d;
}

std::vector<std::int64_t> values(const std::vector<eb::report::MonthValue>& v) {
  std::vector<std::int64_t> out;
  for (const auto& m : v) out.push_back(m.value);
  return out;
}

}  // namespace

TEST_CASE("read_report_rows: the year", "[store][report]") {
  const eb::report::UnitReport r = district().report("2026", "2027-01-20");
  const eb::report::UnitFigures& f = r.figures;
  REQUIRE(r.data_from == Month(2026, 1));

  SECTION("households by the month of bistånd: Ivan's March paid in April counts for March, the avslag never") {
    CHECK(values(f.households.per_month) == std::vector<std::int64_t>{3, 3, 5, 5, 3, 3, 2, 2, 3, 2, 0, 0});
    CHECK(f.households.household_months == 31);
    CHECK(f.households.distinct == 5);
    CHECK(f.households.with_children == 1);
  }
  SECTION("net paid per month: Bo's returned February payment is counted once, by its re-issue") {
    CHECK(values(f.money.per_month) == std::vector<std::int64_t>{2'900'000, 2'900'000, 4'750'000, 4'700'000, 2'900'000,
                                                                 2'900'000, 1'900'000, 1'900'000, 2'900'000, 1'850'000,
                                                                 0, 0});
    CHECK(f.money.paid == Money::from_kr(296'000));
  }
  SECTION("medelbidrag: 296 000 kr ÷ 31 household-months, ÷ 5 households") {
    CHECK(f.money.per_household_month == Money::from_ore(954'839));  // 9 548,387… kr
    CHECK(f.money.per_household_year == Money::from_kr(59'200));
  }
  SECTION("persons: both adults of the couple; the avslag's applicant not at all") {
    CHECK(f.persons.adults == 6);
    CHECK(f.persons.women == 3);
    CHECK(f.persons.men == 3);
    CHECK(f.persons.children == 1);
    CHECK(f.persons.boys == 1);
    CHECK(f.persons.children_single_parent == 1);
    CHECK(f.persons.young == 1);
    CHECK(f.persons.young_women == 1);
  }
  SECTION("long-term: Bo's 10 months count, Anna's 9 do not") {
    CHECK(f.long_term.adults == 1);
    CHECK(f.long_term.men == 1);
    CHECK(f.long_term.women == 0);
  }
  SECTION("handläggningstid: Friday arrival, Easter, Kristi himmelsfärd, a complete day, in advance") {
    CHECK(f.handling.decided == 33);
    std::vector<std::int64_t> want(22, 0);
    want[1] = 26;
    want[2] = 1;   // Bo's July, decided in advance
    want[3] = 1;   // Bo across Easter
    want[4] = 1;   // Bo's June, from the day it became complete
    want[5] = 2;   // the Friday arrival; Anna across Kristi himmelsfärd
    want[8] = 1;   // Greta's reopening application
    want[21] = 1;  // Ivan's March
    CHECK(f.handling.distribution == want);
    CHECK(f.handling.median_days == Fraction{1, 1});
    CHECK(f.handling.within_5 == 31);
  }
  SECTION("decisions by kind of the current decision") {
    CHECK(f.decisions.bifall == 31);
    CHECK(f.decisions.delbifall == 1);
    CHECK(f.decisions.avslag == 1);
    CHECK(f.control.child_decisions == 1);
    CHECK(f.control.with_child_impact == 1);
  }
  SECTION("closures by reason, and Greta's reopened by her September application") {
    CHECK(f.closures.count(ClosureReason::work) == 1);
    CHECK(f.closures.count(ClosureReason::studies) == 1);
    CHECK(f.closures.count(ClosureReason::another_benefit) == 1);
    CHECK(f.closures.total() == 3);
    CHECK(f.closures.reopened == 1);
  }
  SECTION("homelessness: Ivan in a härbärge, Greta and Hugo in a vandrarhem; a second-hand lease is housed") {
    CHECK(f.housing.homeless == 2);
    CHECK(f.housing.homeless_women == 1);
    CHECK(f.housing.homeless_men == 1);
    CHECK(f.housing.homeless_children == 1);
    CHECK(f.housing.families_unstable == 1);
  }
  SECTION("hinder → egen försörjning: Anna (work) and Ivan (studies); Greta's closure was reopened") {
    const auto support = [&](const std::string& code) {
      for (const auto& h : f.hinder_support) {
        if (h.code == code) return std::pair{h.supported, h.persons};
      }
      return std::pair<std::int64_t, std::int64_t>{-1, -1};
    };
    CHECK(support("arbetslos") == std::pair<std::int64_t, std::int64_t>{1, 2});
    CHECK(support("sjukskriven") == std::pair<std::int64_t, std::int64_t>{0, 2});
    CHECK(support("sociala_medicinska") == std::pair<std::int64_t, std::int64_t>{1, 1});
    CHECK(support("foraldraledig") == std::pair<std::int64_t, std::int64_t>{0, 1});
  }
  SECTION("no bidragshushåll in December: zeros and no share, not a division by zero") {
    CHECK(f.hinder.households == 0);
    CHECK_FALSE(f.hinder.codes.front().share.defined());
    CHECK(f.control.cases == 0);
    CHECK_FALSE(f.control.arbetsplan_share().defined());
  }
}

TEST_CASE("read_report_rows: T2 and shorter periods", "[store][report]") {
  SECTION("T2: hinder and arbetsplan in August") {
    const auto f = district().report("2026-T2", "2026-09-15").figures;
    CHECK(f.households.household_months == 26);
    CHECK(f.hinder.adults == 2);
    CHECK(f.hinder.households == 2);
    CHECK(f.control.cases == 2);
    CHECK(f.control.with_current_plan == 1);  // Bo's of 1 March; Anna's of 15 January is older than 6 months
    CHECK(f.long_term.adults == 0);
  }
  SECTION("March: one row for Bo's month with a supplement; the Friday arrival; Ivan's 21 days") {
    const auto f = district().report("2026-03", "2026-04-30").figures;
    CHECK(f.households.household_months == 5);
    CHECK(f.money.paid == Money::from_kr(47'500));  // with Bo's supplement
    CHECK(f.money.per_household_month == Money::from_kr(9'500));
    CHECK(f.persons.adults == 6);
    CHECK(f.handling.decided == 6);
    CHECK(f.handling.within_5 == 5);
    CHECK(f.handling.median_days == Fraction{1, 1});
  }
  SECTION("January–June: the first decision of July's application, made in June, counts") {
    const auto f = district().report("2026-01..2026-06", "2026-07-15").figures;
    CHECK(f.decisions.total() == 25);
    CHECK(f.handling.distribution.size() > 2);
    CHECK(f.handling.distribution[2] == 1);
    CHECK(f.households.per_month.back().value == 3);  // July is not in the period
  }
  SECTION("a period with no data: zeros and no data") {
    const auto r = district().report("2030", "2031-01-20");
    CHECK(r.figures.households.household_months == 0);
    CHECK(r.figures.households.distinct == 0);
    CHECK(r.figures.money.paid.is_zero());
    CHECK_FALSE(r.figures.money.per_household_month);
    CHECK(r.figures.handling.decided == 0);
    CHECK_FALSE(r.figures.handling.median_days);
    CHECK_FALSE(r.figures.handling.within_5_share().defined());
    CHECK_FALSE(r.figures.decisions.avslag_share().defined());
  }
}

TEST_CASE("first_application_month", "[store][report]") {
  CHECK(eb::store::first_application_month(district().db) == Month(2026, 1));
  const auto empty = eb::test::memory_store();
  CHECK_FALSE(eb::store::first_application_month(empty));
}

namespace {

// Four single adults with applications for January, February and March 2026, taken in
// month by month (each month's ids dense: read by id range) or household by household (each
// month's ids spread over three times their number: read by month), then assessed, decided by
// routine and paid.
eb::store::Database store_taken_in(bool by_household) {
  auto db = eb::test::memory_store();
  const auto ctx = eb::test::context_on(Date(2026, 3, 20));
  const std::vector<Person> people{k_anna, k_bo, k_ivan, k_jonas};
  std::vector<std::string> files;
  const auto file = [&](std::size_t p, int m) {
    return toml_of(App{{people[p]}, {}, 3000 + static_cast<int>(p) * 500, 0, "", "", ""}, Month(2026, m),
                   Date(2026, m, 2));
  };
  for (std::size_t outer = 0; outer < (by_household ? people.size() : 3); ++outer) {
    for (std::size_t inner = 0; inner < (by_household ? 3 : people.size()); ++inner) {
      files.push_back(by_household ? file(outer, static_cast<int>(inner) + 1)
                                   : file(inner, static_cast<int>(outer) + 1));
    }
  }
  (void)eb::test::take_in(db, ctx, files);
  eb::store::Transaction tx(db);
  (void)eb::flow::add_user(db, ctx, "chef", "", eb::decide::Role::enhetschef);
  for (int m = 1; m <= 3; ++m) {
    (void)eb::flow::assess_month(db, ctx, Month(2026, m), eb::flow::default_bulk_statuses());
    (void)eb::flow::decide_routine(db, ctx, Month(2026, m), "chef");
  }
  const auto batch = eb::flow::pay_batch(db, ctx, Date(2026, 3, 25), std::nullopt, false);
  (void)eb::flow::pay_export(db, ctx, *batch.stored.batch_id, eb::pay::FileFormat::pain001);
  tx.commit();
  return db;
}

}  // namespace

TEST_CASE("read_report_rows: by id range and by month alike", "[store][report]") {
  const auto dense = store_taken_in(false);
  const auto spread = store_taken_in(true);
  eb::flow::ReportRequest r;
  r.period = eb::period::parse_month_range("2026-T1", "--period");
  const auto ctx = eb::test::context_on(Date(2026, 5, 1));
  const auto a = eb::flow::unit_report(dense, ctx, r);
  const auto b = eb::flow::unit_report(spread, ctx, r);
  CHECK(a.figures.households.household_months == 12);
  CHECK(a.figures.decisions.total() == 12);
  CHECK(a.figures.money.paid == Money::from_kr(4 * 3 * (3940 + 1280) + 3 * (3000 + 3500 + 4000 + 4500)));
  CHECK(eb::report::unit_report_json(a) == eb::report::unit_report_json(b));
}
