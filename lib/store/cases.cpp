// SPDX-License-Identifier: MIT
// The cases part of the case store: persons, ärenden, applications and assessments.
#include "store/cases.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "assess/assessment_json.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "store/application_rows.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using assess::Application;
using Impl = Database::Impl;
using money::Money;

std::string role_text(assess::Role r) {
  return std::string(assess::role_name(r));
}

std::optional<std::int64_t> find_person(Impl& s, const person::Personnummer& pnr) {
  SQLite::Statement& q = s.stmt("SELECT id FROM person WHERE pnr = ?");
  q.bind(1, pnr.digits());
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::int64_t person_id(Impl& s, const person::Personnummer& pnr, const std::string& name) {
  if (const auto id = find_person(s, pnr)) return *id;
  SQLite::Statement& ins = s.stmt("INSERT INTO person (pnr, birth_date, sex, name) VALUES (?,?,?,?)");
  ins.bind(1, pnr.digits());
  ins.bind(2, pnr.birth_date().to_string());
  ins.bind(3, pnr.sex() == person::Sex::woman ? "K" : "M");
  ins.bind(4, name);
  ins.exec();
  return s.db.getLastInsertRowid();
}

// The case of the person's latest month as applicant or partner. A person in two cases in one
// month (their own, and as another case's partner: what FUT's person-in-two-cases looks for)
// goes on in their own, the one where they are the applicant.
std::optional<std::int64_t> find_case(Impl& s, std::int64_t person) {
  SQLite::Statement& q = s.stmt(
      "SELECT a.arende_id FROM member m JOIN application a ON a.id = m.application_id "
      "WHERE m.person_id = ? AND m.role IN ('applicant', 'partner') "
      "ORDER BY a.month DESC, m.role = 'applicant' DESC, a.id DESC LIMIT 1");
  q.bind(1, person);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

// The earliest month before `month` in which `person` is in any application: how far back the store knows.
std::optional<period::Month> earliest_month(Impl& s, std::int64_t person, period::Month month) {
  SQLite::Statement& q = s.stmt(
      "SELECT min(a.month) FROM member m JOIN application a ON a.id = m.application_id "
      "WHERE m.person_id = ? AND a.month < ?");
  q.bind(1, person);
  q.bind(2, month.to_string());
  if (q.executeStep() && !q.getColumn(0).isNull()) return period::parse_month(q.getColumn(0).getString(), "month");
  return std::nullopt;
}

// Consecutive months with försörjningsstöd before `month`, and whether the run stopped at a
// month the store cannot judge (an application not yet assessed).
std::pair<int, bool> consecutive_assistance(Impl& s, std::int64_t person, period::Month month) {
  SQLite::Statement& q =
      s.stmt("SELECT month FROM assistance_month WHERE person_id = ? AND month < ? ORDER BY month DESC");
  q.bind(1, person);
  q.bind(2, month.to_string());
  int count = 0;
  period::Month expect = month.plus(-1);
  while (q.executeStep()) {
    if (q.getColumn(0).getString() != expect.to_string()) break;
    ++count;
    expect = expect.plus(-1);
  }
  SQLite::Statement& u = s.stmt(
      "SELECT 1 FROM member m CROSS JOIN application a ON a.id = m.application_id WHERE m.person_id = ? AND a.month = "
      "? "
      "AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.application_id = a.id)");
  u.bind(1, person);
  u.bind(2, expect.to_string());
  return {count, u.executeStep()};
}

assess::MemberHistory history_of(Impl& s, std::int64_t person, const assess::Member& m, period::Month month) {
  assess::MemberHistory h;
  h.known_from = earliest_month(s, person, month);
  if (!h.known_from) return h;
  if (m.is_adult()) {
    std::tie(h.assistance_months, h.stopped_at_unassessed) = consecutive_assistance(s, person, month);
    SQLite::Statement& q =
        s.stmt("SELECT max(start_month) FROM stimulus_period WHERE person_id = ? AND start_month <= ?");
    q.bind(1, person);
    q.bind(2, month.to_string());
    if (q.executeStep() && !q.getColumn(0).isNull()) {
      h.stimulus_start = period::parse_month(q.getColumn(0).getString(), "stimulus_start");
    }
    return h;
  }
  SQLite::Statement& q = s.stmt(
      "SELECT count(DISTINCT a.id), coalesce(sum(i.amount_ore), 0), min(a.month) FROM application a "
      "JOIN member m ON m.application_id = a.id AND m.person_id = ?1 "
      "LEFT JOIN income i ON i.application_id = a.id AND i.person_id = ?1 AND i.kind = 'salary' "
      "WHERE a.month >= ?2 AND a.month < ?3");
  q.bind(1, person);
  q.bind(2, period::Month(month.year(), 1).to_string());
  q.bind(3, month.to_string());
  q.executeStep();
  h.applications_this_year = q.getColumn(0).getInt();
  h.earned_this_year = Money::from_ore(q.getColumn(1).getInt64());
  if (!q.getColumn(2).isNull()) h.first_month_this_year = period::parse_month(q.getColumn(2).getString(), "month");
  return h;
}

}  // namespace

std::vector<assess::MemberHistory> member_history(const Database& db, const Application& app) {
  Impl& s = impl_of(db);
  return guarded(s, [&] {
    std::vector<assess::MemberHistory> out;
    for (const auto& m : app.members) {
      const auto person = find_person(s, m.pnr);
      out.push_back(person ? history_of(s, *person, m, app.month) : assess::MemberHistory{});
    }
    return out;
  });
}

IntakeResult store_application(Database& db, const Application& app, const std::vector<std::string>& notes,
                               const WriteContext& ctx) {
  Impl& s = db.impl();
  return guarded(s, [&] {
    IntakeResult out;
    out.notes = notes;
    std::vector<std::int64_t> person_ids;
    for (const auto& m : app.members) person_ids.push_back(person_id(s, m.pnr, m.name));
    const std::int64_t applicant = person_ids[static_cast<std::size_t>(
        std::find_if(app.members.begin(), app.members.end(),
                     [](const assess::Member& m) { return m.role == assess::Role::applicant; }) -
        app.members.begin())];
    std::optional<std::int64_t> case_id = find_case(s, applicant);
    if (!case_id) {
      SQLite::Statement& q = s.stmt("INSERT INTO arende (applicant_id, opened_on) VALUES (?, ?)");
      q.bind(1, applicant);
      q.bind(2, ctx.today.to_string());
      q.exec();
      case_id = s.db.getLastInsertRowid();
      out.new_case = true;
      s.audit(ctx, format_id(IdKind::arende, *case_id), "opened for applicant " + app.applicant().pnr.masked());
    } else if (app.kind != assess::ApplicationKind::supplement) {
      SQLite::Statement& q =
          s.stmt("SELECT id FROM application WHERE arende_id = ? AND month = ? AND kind <> 'supplement'");
      q.bind(1, *case_id);
      q.bind(2, app.month.to_string());
      if (q.executeStep()) {
        throw Conflict(app.source + ": case " + format_id(IdKind::arende, *case_id) + " already has application " +
                       format_id(IdKind::application, q.getColumn(0).getInt64()) + " for " + app.month.to_string() +
                       " (for more needs the same month, send kind = \"supplement\")");
      }
    }
    out.case_id = *case_id;

    SQLite::Statement& ins = s.stmt(
        "INSERT INTO application (arende_id, month, kind, received_on, address, account, guideline, housemates, "
        "source, source_sha256, history_notes, created_at, large_household_exempt, housing, complete_on) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, *case_id);
    ins.bind(2, app.month.to_string());
    ins.bind(3, std::string(assess::kind_name(app.kind)));
    ins.bind(4, app.received ? app.received->to_string() : ctx.today.to_string());
    ins.bind(5, app.address);
    ins.bind(6, app.account);
    ins.bind(7, app.guideline);
    ins.bind(8, app.housemates);
    ins.bind(9, app.source);
    ins.bind(10, app.source_sha256);
    ins.bind(11, nlohmann::json(out.notes).dump());
    ins.bind(12, ctx.at);
    ins.bind(13, app.large_household_exempt);
    if (app.housing) {
      ins.bind(14, std::string(assess::housing_name(*app.housing)));
    } else {
      ins.bind(14);
    }
    if (app.complete_on) {
      ins.bind(15, app.complete_on->to_string());
    } else {
      ins.bind(15);
    }
    ins.exec();
    out.application_id = s.db.getLastInsertRowid();

    for (std::size_t i = 0; i < app.members.size(); ++i) {
      const auto& m = app.members[i];
      SQLite::Statement& q = s.stmt(
          "INSERT INTO member (application_id, seq, person_id, role, hinder, assistance_months, stimulus_start, "
          "preschool_lunch, in_school, days, alternating_residence, earned_before_ore, norm_raise_ore, "
          "norm_raise_reason, norm_raise_applied_ore) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      q.bind(1, out.application_id);
      q.bind(2, static_cast<int>(i + 1));
      q.bind(3, person_ids[i]);
      q.bind(4, role_text(m.role));
      q.bind(5, m.hinder);
      if (m.assistance_months)
        q.bind(6, *m.assistance_months);
      else
        q.bind(6);
      if (m.stimulus_start)
        q.bind(7, m.stimulus_start->to_string());
      else
        q.bind(7);
      q.bind(8, m.preschool_lunch ? 1 : 0);
      q.bind(9, m.in_school ? 1 : 0);
      q.bind(10, m.days);
      q.bind(11, m.alternating_residence ? 1 : 0);
      q.bind(12, m.earned_this_year_before.ore());
      q.bind(13, m.norm_raise.ore());
      q.bind(14, m.norm_raise_reason);
      if (m.norm_raise_applied)
        q.bind(15, m.norm_raise_applied->ore());
      else
        q.bind(15);
      q.exec();
    }
    for (std::size_t i = 0; i < app.costs.size(); ++i) {
      const auto& c = app.costs[i];
      SQLite::Statement& q = s.stmt(
          "INSERT INTO cost (application_id, seq, kind, applied_ore, approved_ore, note, second_hand, consent, "
          "special_reasons) VALUES (?,?,?,?,?,?,?,?,?)");
      q.bind(1, out.application_id);
      q.bind(2, static_cast<int>(i + 1));
      q.bind(3, std::string(assess::cost_kind_name(c.kind)));
      q.bind(4, c.applied.ore());
      if (c.approved)
        q.bind(5, c.approved->ore());
      else
        q.bind(5);
      q.bind(6, c.note);
      q.bind(7, c.second_hand ? 1 : 0);
      q.bind(8, c.consent ? 1 : 0);
      q.bind(9, c.special_reasons);
      q.exec();
    }
    for (std::size_t i = 0; i < app.incomes.size(); ++i) {
      const auto& in = app.incomes[i];
      std::int64_t pid = 0;
      for (std::size_t k = 0; k < app.members.size(); ++k) {
        if (app.members[k].pnr == in.member) pid = person_ids[k];
      }
      SQLite::Statement& q =
          s.stmt("INSERT INTO income (application_id, seq, person_id, kind, amount_ore, note) VALUES (?,?,?,?,?,?)");
      q.bind(1, out.application_id);
      q.bind(2, static_cast<int>(i + 1));
      q.bind(3, pid);
      q.bind(4, std::string(assess::income_kind_name(in.kind)));
      q.bind(5, in.amount.ore());
      q.bind(6, in.note);
      q.exec();
    }
    s.audit(ctx, format_id(IdKind::application, out.application_id),
            "intake " + format_id(IdKind::arende, *case_id) + " " + app.month.to_string() + " " +
                std::string(assess::kind_name(app.kind)) + " from " + app.source);
    return out;
  });
}

Application read_application_row(const RawQuery& q, int first) {
  Application app;
  app.month = period::parse_month(q.text(first), "month");
  const std::string_view kind = q.text(first + 1);
  app.kind = kind == "renewal"      ? assess::ApplicationKind::renewal
             : kind == "supplement" ? assess::ApplicationKind::supplement
                                    : assess::ApplicationKind::new_application;
  app.received = period::parse_date(q.text(first + 2), "received");
  app.address = q.string(first + 3);
  app.account = q.string(first + 4);
  app.guideline = q.string(first + 5);
  app.housemates = q.integer(first + 6);
  app.large_household_exempt = q.string(first + 7);
  if (!q.is_null(first + 8)) app.housing = assess::housing_from(q.string(first + 8));
  if (!q.is_null(first + 9)) {
    app.complete_on = period::parse_date(q.text(first + 9), "complete_on");
  }
  return app;
}

assess::Member read_member_row(const RawQuery& q, int first) {
  assess::Member m;
  m.pnr = person::parse_personnummer(q.text(first), "person.pnr");
  m.name = q.string(first + 1);
  const std::string_view role = q.text(first + 2);
  m.role = role == "partner" ? assess::Role::partner : role == "child" ? assess::Role::child : assess::Role::applicant;
  m.hinder = q.string(first + 3);
  if (!q.is_null(first + 4)) m.assistance_months = q.integer(first + 4);
  if (!q.is_null(first + 5)) m.stimulus_start = period::parse_month(q.text(first + 5), "stimulus_start");
  m.preschool_lunch = q.integer(first + 6) != 0;
  m.in_school = q.integer(first + 7) != 0;
  m.days = q.integer(first + 8);
  m.alternating_residence = q.integer(first + 9) != 0;
  m.earned_this_year_before = Money::from_ore(q.i64(first + 10));
  m.norm_raise = Money::from_ore(q.i64(first + 11));
  m.norm_raise_reason = q.string(first + 12);
  if (!q.is_null(first + 13)) m.norm_raise_applied = Money::from_ore(q.i64(first + 13));
  return m;
}

assess::Cost read_cost_row(const RawQuery& q, int first) {
  assess::Cost c;
  c.kind = assess::cost_kind_from(q.text(first)).value_or(assess::CostKind::other);
  c.applied = Money::from_ore(q.i64(first + 1));
  if (!q.is_null(first + 2)) c.approved = Money::from_ore(q.i64(first + 2));
  c.note = q.string(first + 3);
  c.second_hand = q.integer(first + 4) != 0;
  c.consent = q.integer(first + 5) != 0;
  c.special_reasons = q.string(first + 6);
  return c;
}

assess::Income read_income_row(const RawQuery& q, int first) {
  assess::Income in;
  in.member = person::parse_personnummer(q.text(first), "person.pnr");
  in.kind = assess::income_kind_from(q.text(first + 1)).value_or(assess::IncomeKind::other);
  in.amount = Money::from_ore(q.i64(first + 2));
  in.note = q.string(first + 3);
  return in;
}

Application load_application(const Database& db, std::int64_t id) {
  Impl& s = impl_of(db);
  RawQuery& q =
      s.raw(std::string("SELECT ") + std::string(k_application_columns) + " FROM application a WHERE a.id = ?");
  q.bind(1, id);
  if (!q.step()) throw NotFound("no application " + format_id(IdKind::application, id));
  Application app = read_application_row(q, 0);
  app.source = format_id(IdKind::application, id);

  RawQuery& mq = s.raw(std::string("SELECT ") + std::string(k_member_columns) +
                       " FROM member m JOIN person p ON p.id = m.person_id WHERE m.application_id = ? "
                       "ORDER BY m.seq");
  mq.bind(1, id);
  while (mq.step()) app.members.push_back(read_member_row(mq, 0));
  RawQuery& cq = s.raw(std::string("SELECT ") + std::string(k_cost_columns) +
                       " FROM cost c WHERE c.application_id = ? ORDER BY c.seq");
  cq.bind(1, id);
  while (cq.step()) app.costs.push_back(read_cost_row(cq, 0));
  RawQuery& iq = s.raw(std::string("SELECT ") + std::string(k_income_columns) +
                       " FROM income i JOIN person p ON p.id = i.person_id WHERE i.application_id = ? "
                       "ORDER BY i.seq");
  iq.bind(1, id);
  while (iq.step()) app.incomes.push_back(read_income_row(iq, 0));
  return app;
}

std::vector<std::string> history_notes(const Database& db, std::int64_t id) {
  SQLite::Statement& q = impl_of(db).stmt("SELECT history_notes FROM application WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no application " + format_id(IdKind::application, id));
  return nlohmann::json::parse(q.getColumn(0).getString()).get<std::vector<std::string>>();
}

std::int64_t store_assessment(Database& db, std::int64_t application_id, const assess::Assessment& a,
                              const norms::NormSet& norm, const norms::Guideline* guideline, const WriteContext& ctx) {
  Impl& s = db.impl();
  try {
    const auto archive = [&](const std::string& sha, const std::string& id, const std::string& path,
                             const std::string& text) {
      // Archived once: a row is never replaced (not even by INSERT OR IGNORE, which the seal
      // triggers refuse), so only a file the store does not have is inserted.
      SQLite::Statement& q = s.stmt(
          "INSERT INTO norm_file (sha256, id, path, content) SELECT ?1, ?2, ?3, ?4 "
          "WHERE NOT EXISTS (SELECT 1 FROM norm_file WHERE sha256 = ?1)");
      q.bind(1, sha);
      q.bind(2, id);
      q.bind(3, path);
      q.bind(4, text);
      q.exec();
    };
    archive(norm.sha256, norm.id, norm.path, norm.text);
    if (guideline) archive(guideline->sha256, guideline->id, guideline->path, guideline->text);
    SQLite::Statement& q = s.stmt(
        "INSERT INTO assessment (application_id, assessed_on, assessed_by, norm_sha256, guideline_sha256, norm_ore, "
        "costs_ore, other_ore, need_ore, income_ore, exempt_ore, amount_ore, has_warnings, result_json) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const auto& t = a.totals;
    q.bind(1, application_id);
    q.bind(2, ctx.today.to_string());
    q.bind(3, ctx.user);
    q.bind(4, norm.sha256);
    if (guideline)
      q.bind(5, guideline->sha256);
    else
      q.bind(5);
    q.bind(6, t.norm.ore());
    q.bind(7, t.costs.ore());
    q.bind(8, t.other.ore());
    q.bind(9, t.need.ore());
    q.bind(10, t.income.ore());
    q.bind(11, t.exempt.ore());
    q.bind(12, t.amount.ore());
    q.bind(13, a.has_warnings() ? 1 : 0);
    q.bind(14, assess::to_json(a).dump());
    q.exec();
    const std::int64_t id = s.db.getLastInsertRowid();
    for (const auto& pnr : a.stimulus_starts) {
      SQLite::Statement& sp = s.stmt(
          "INSERT INTO stimulus_period (person_id, start_month, assessment_id) "
          "SELECT p.id, ?1, ?2 FROM person p WHERE p.pnr = ?3 AND NOT EXISTS "
          "(SELECT 1 FROM stimulus_period x WHERE x.person_id = p.id AND x.start_month = ?1)");
      sp.bind(1, a.month.to_string());
      sp.bind(2, id);
      sp.bind(3, pnr);
      sp.exec();
    }
    s.audit(ctx, format_id(IdKind::application, application_id),
            "assessed under " + norm.id + " (" + norm.sha256.substr(0, 12) + "): " + money::format_kr(t.amount));
    return id;
  } catch (const SQLite::Exception& e) {
    throw StoreError(s.path + ": " + e.what());
  }
}

namespace {
constexpr std::string_view k_assessment_sql =
    "SELECT id, application_id, assessed_on, assessed_by, result_json FROM assessment WHERE application_id = ? ";

StoredAssessment read_assessment(SQLite::Statement& q) {
  StoredAssessment sa;
  sa.id = q.getColumn(0).getInt64();
  sa.application_id = q.getColumn(1).getInt64();
  sa.assessed_on = period::parse_date(q.getColumn(2).getString(), "assessed_on");
  sa.assessed_by = q.getColumn(3).getString();
  sa.result = assess::assessment_from_json(nlohmann::json::parse(q.getColumn(4).getString()));
  return sa;
}
}  // namespace

std::optional<StoredAssessment> latest_assessment(const Database& db, std::int64_t application_id) {
  SQLite::Statement& q = impl_of(db).stmt(std::string(k_assessment_sql) + "ORDER BY id DESC LIMIT 1");
  q.bind(1, application_id);
  if (!q.executeStep()) return std::nullopt;
  return read_assessment(q);
}

std::vector<StoredAssessment> assessments(const Database& db, std::int64_t application_id) {
  SQLite::Statement& q = impl_of(db).stmt(std::string(k_assessment_sql) + "ORDER BY id");
  q.bind(1, application_id);
  std::vector<StoredAssessment> out;
  while (q.executeStep()) out.push_back(read_assessment(q));
  return out;
}

namespace {
const std::string k_summary_sql = std::string(
                                      "SELECT a.id, a.arende_id, a.month, a.kind, a.received_on, p.pnr, p.name, "
                                      "(SELECT count(*) FROM member x WHERE x.application_id = a.id), "
                                      "s.id, s.amount_ore, s.has_warnings, d.id, d.kind, d.granted_ore "
                                      "FROM application a "
                                      "JOIN member m ON m.application_id = a.id AND m.role = 'applicant' "
                                      "JOIN person p ON p.id = m.person_id "
                                      "LEFT JOIN assessment s ON s.id = ") +
                                  std::string(k_latest_assessment_id) +
                                  " LEFT JOIN current_decision d ON d.application_id = a.id ";

ApplicationSummary read_summary(SQLite::Statement& q) {
  ApplicationSummary r;
  r.id = q.getColumn(0).getInt64();
  r.case_id = q.getColumn(1).getInt64();
  r.month = period::parse_month(q.getColumn(2).getString(), "month");
  r.kind = q.getColumn(3).getString();
  r.received = period::parse_date(q.getColumn(4).getString(), "received");
  r.applicant_pnr = q.getColumn(5).getString();
  r.applicant_name = q.getColumn(6).getString();
  r.members = q.getColumn(7).getInt();
  if (!q.getColumn(8).isNull()) {
    r.assessment_id = q.getColumn(8).getInt64();
    r.amount = Money::from_ore(q.getColumn(9).getInt64());
    r.has_warnings = q.getColumn(10).getInt() != 0;
  }
  if (!q.getColumn(11).isNull()) {
    r.decision_id = q.getColumn(11).getInt64();
    r.decision_kind = q.getColumn(12).getString();
    r.granted = Money::from_ore(q.getColumn(13).getInt64());
  }
  r.status = r.decision_id ? "decided" : r.assessment_id ? "assessed" : "received";
  return r;
}
}  // namespace

std::vector<ApplicationSummary> list_applications(const Database& db, const ApplicationFilter& f) {
  std::string sql(k_summary_sql);
  sql +=
      "WHERE (?1 IS NULL OR a.month = ?1) AND (?2 IS NULL OR a.arende_id = ?2) AND (?3 IS NULL OR a.month >= ?3) "
      "AND (?4 IS NULL OR a.month <= ?4) ORDER BY a.month, a.id";
  SQLite::Statement& q = impl_of(db).stmt(sql);
  if (f.month) q.bind(1, f.month->to_string());
  if (f.case_id) q.bind(2, *f.case_id);
  if (f.period) {
    q.bind(3, f.period->first.to_string());
    q.bind(4, f.period->last.to_string());
  }
  std::vector<ApplicationSummary> out;
  while (q.executeStep()) {
    ApplicationSummary r = read_summary(q);
    if (f.status && r.status != *f.status) continue;
    out.push_back(std::move(r));
  }
  return out;
}

ApplicationSummary application_summary(const Database& db, std::int64_t id) {
  SQLite::Statement& q = impl_of(db).stmt(k_summary_sql + "WHERE a.id = ?1");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no application " + format_id(IdKind::application, id));
  return read_summary(q);
}

CaseSummary case_summary(const Database& db, std::int64_t case_id) {
  SQLite::Statement& q = impl_of(db).stmt(
      "SELECT c.id, p.pnr, p.name, c.opened_on FROM arende c JOIN person p ON p.id = c.applicant_id WHERE c.id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) throw NotFound("no case " + format_id(IdKind::arende, case_id));
  CaseSummary c;
  c.id = q.getColumn(0).getInt64();
  c.applicant_pnr = q.getColumn(1).getString();
  c.applicant_name = q.getColumn(2).getString();
  c.opened_on = period::parse_date(q.getColumn(3).getString(), "opened_on");
  ApplicationFilter f;
  f.case_id = case_id;
  c.applications = list_applications(db, f);
  return c;
}

void require_case(const Database& db, std::int64_t case_id) {
  Impl& s = impl_of(db);
  guarded(s, [&] {
    SQLite::Statement& q = s.stmt("SELECT 1 FROM arende WHERE id = ?");
    q.bind(1, case_id);
    if (!q.executeStep()) throw NotFound("no case " + format_id(IdKind::arende, case_id));
  });
}

}  // namespace eb::store
