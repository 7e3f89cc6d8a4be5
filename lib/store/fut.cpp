// SPDX-License-Identifier: MIT
// FUT screening in the case store (schema v7; schema.cpp k_v7 holds the rules: rows unique by
// content key, flags by evidence key, one outcome per flag, one claim per flag, repayments and
// waivers within the claim). This file reads and writes; the schema refuses.
#include "store/fut.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "common/ids.hpp"
#include "fut/finding_json.hpp"
#include "fut/rule_table.hpp"
#include "fut/screening_index.hpp"
#include "pay/bank_account.hpp"
#include "store/claim_rows.hpp"
#include "store/database_impl.hpp"
#include "store/raw_query.hpp"

namespace eb::store {

namespace {

using Impl = Database::Impl;
using money::Money;

std::string import_name(std::int64_t id) {
  return "fut-import-" + std::to_string(id);
}

void bind_key(SQLite::Statement& q, int index, const fut::ContentKey& key) {
  q.bind(index, key.bytes.data(), static_cast<int>(key.bytes.size()));
}

fut::ContentKey key_of(const SQLite::Column& c, const char* what) {
  fut::ContentKey k;
  if (!c.isBlob() || c.getBytes() != static_cast<int>(k.bytes.size())) {
    throw StoreError(std::string(what) + ": not a 32-byte key");
  }
  std::memcpy(k.bytes.data(), c.getBlob(), k.bytes.size());
  return k;
}

fut::ContentKey key_of(const RawQuery& q, int c, const char* what) {
  fut::ContentKey k;
  const std::string_view b = q.blob(c);
  if (q.type(c) != SQLITE_BLOB || b.size() != k.bytes.size())
    throw StoreError(std::string(what) + ": not a 32-byte key");
  std::memcpy(k.bytes.data(), b.data(), k.bytes.size());
  return k;
}

template <typename Fn>
auto refused_as_conflict(Impl& s, const std::string& what, Fn&& fn) -> decltype(fn()) {
  return guarded_rules(
      s, [&](const std::string& e) { return what + ": " + e; }, std::forward<Fn>(fn));
}

std::int64_t next_import_id(Impl& s) {
  return s.db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM fut_import").getInt64();
}

void insert_import(Impl& s, const FutImport& im) {
  SQLite::Statement& q = s.stmt(
      "INSERT INTO fut_import (id, kind, file, sha256, rows_read, rows_added, imported_at, imported_by) "
      "VALUES (?,?,?,?,?,?,?,?)");
  q.bind(1, im.id);
  q.bind(2, im.kind);
  q.bind(3, im.file);
  q.bind(4, im.sha256);
  q.bind(5, im.rows_read);
  q.bind(6, im.rows_added);
  q.bind(7, im.imported_at);
  q.bind(8, im.imported_by);
  q.exec();
}

FutImport new_import(Impl& s, std::string kind, const std::string& file, const std::string& sha256, std::size_t rows,
                     const WriteContext& ctx) {
  FutImport im;
  im.id = next_import_id(s);
  im.kind = std::move(kind);
  im.file = file;
  im.sha256 = sha256;
  im.rows_read = static_cast<std::int64_t>(rows);
  im.imported_at = ctx.at;
  im.imported_by = ctx.user;
  return im;
}

void audit_import(Impl& s, const FutImport& im, const WriteContext& ctx) {
  s.audit(ctx, import_name(im.id),
          im.kind + " register " + im.file + " (sha256 " + im.sha256 + "): " + std::to_string(im.rows_read) +
              " rows read, " + std::to_string(im.rows_added) + " added");
}

// Application ids to case-month indices: a table when the ids are dense (the usual case: the
// applications of a period are taken in during it), else a hash map.
class AppIndex {
 public:
  void build(const std::vector<std::pair<std::int64_t, std::uint32_t>>& pairs) {
    if (pairs.empty()) return;
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = 0;
    for (const auto& p : pairs) {
      lo = std::min(lo, p.first);
      hi = std::max(hi, p.first);
    }
    m_lo = lo;
    m_hi = hi;
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    m_dense = span <= 4 * static_cast<std::uint64_t>(pairs.size()) + 1024;
    if (m_dense) {
      m_table.assign(static_cast<std::size_t>(span), k_none);
      for (const auto& p : pairs) m_table[static_cast<std::size_t>(p.first - lo)] = p.second;
    } else {
      m_map.reserve(pairs.size());
      for (const auto& p : pairs) m_map.emplace(p.first, p.second);
    }
  }
  // The case-month of application `id`, or k_none.
  std::uint32_t find(std::int64_t id) const {
    if (id < m_lo || id > m_hi) return k_none;
    if (m_dense) return m_table[static_cast<std::size_t>(id - m_lo)];
    const auto it = m_map.find(id);
    return it == m_map.end() ? k_none : it->second;
  }
  std::int64_t lo() const { return m_lo; }
  std::int64_t hi() const { return m_hi; }

  static constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

 private:
  bool m_dense = true;
  std::int64_t m_lo = 1, m_hi = 0;
  std::vector<std::uint32_t> m_table;
  std::unordered_map<std::int64_t, std::uint32_t> m_map;
};

// The cases of a flag as stored: "3 9".
std::string cases_text(const std::vector<std::int64_t>& cases) {
  std::string out;
  for (const auto c : cases) out += (out.empty() ? "" : " ") + std::to_string(c);
  return out;
}

std::vector<std::int64_t> cases_of(const std::string& text) {
  std::vector<std::int64_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    out.push_back(std::stoll(text.substr(i, j - i)));
    i = j + 1;
  }
  return out;
}

constexpr std::string_view k_flag_sql =
    "SELECT f.id, f.evidence_key, f.rule, f.arende_id, f.cases, f.month, f.member_pnr, f.amount_at_risk_ore, "
    "f.evidence_json, f.first_run, f.run_period, f.created_at, f.created_by, o.outcome, o.note, o.created_by, "
    "o.decided_on, (SELECT k.id FROM claim k WHERE k.fut_flag_id = f.id) "
    "FROM fut_flag f LEFT JOIN fut_outcome o ON o.flag_id = f.id ";

StoredFlag read_flag(SQLite::Statement& q) {
  StoredFlag f;
  f.id = q.getColumn(0).getInt64();
  const std::string where = format_id(IdKind::flag, f.id);
  fut::Finding& x = f.finding;
  x.evidence_key = key_of(q.getColumn(1), "fut_flag.evidence_key");
  x.rule = q.getColumn(2).getString();
  x.case_id = q.getColumn(3).getInt64();
  x.cases = cases_of(q.getColumn(4).getString());
  x.month = period::parse_month(q.getColumn(5).getString(), "fut_flag.month");
  if (!q.getColumn(6).isNull()) x.member = person::parse_personnummer(q.getColumn(6).getString(), "fut_flag.member");
  x.amount_at_risk = Money::from_ore(q.getColumn(7).getInt64());
  try {
    x.evidence = fut::evidence_from_json(nlohmann::json::parse(q.getColumn(8).getString()));
  } catch (const std::exception& e) {
    throw StoreError(where + ": its evidence cannot be read (" + e.what() + ")");
  }
  f.first_run = q.getColumn(9).getInt64();
  f.run_period = q.getColumn(10).getString();
  f.created_at = timestamp_of(q.getColumn(11));
  f.created_by = q.getColumn(12).getString();
  if (!q.getColumn(13).isNull()) {
    f.resolution = fut::Resolution{fut::parse_outcome(q.getColumn(13).getString(), "fut_outcome.outcome"),
                                   q.getColumn(14).getString(), q.getColumn(15).getString(),
                                   period::parse_date(q.getColumn(16).getString(), "fut_outcome.decided_on")};
  }
  if (!q.getColumn(17).isNull()) f.claim_id = q.getColumn(17).getInt64();
  return f;
}

}  // namespace

namespace {

// The one import loop of both registers: the import numbered, each row inserted by `sql` unless
// its content key is stored already (bound by `bind_row` from parameter 3 on), the new rows
// marked with the import, then the import's own row and its audit entry.
template <typename Row, typename BindRow>
FutImportResult import_rows(Database& store, const char* kind, const std::string& file, const std::string& sha256,
                            std::vector<Row>& rows, const WriteContext& ctx, const char* sql, BindRow bind_row) {
  Impl& s = store.impl();
  return guarded(s, [&] {
    FutImportResult out;
    out.import = new_import(s, kind, file, sha256, rows.size(), ctx);
    SQLite::Statement& q = s.stmt(sql);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      Row& r = rows[i];
      q.reset();
      bind_key(q, 1, r.key);
      q.bind(2, out.import.id);
      bind_row(q, r);
      if (q.exec() > 0) {
        r.import_id = out.import.id;
        out.added.push_back(i);
      }
    }
    out.import.rows_added = static_cast<std::int64_t>(out.added.size());
    insert_import(s, out.import);
    audit_import(s, out.import, ctx);
    return out;
  });
}

}  // namespace

FutImportResult import_income_rows(Database& store, const std::string& file, const std::string& sha256,
                                   std::vector<fut::IncomeRow>& rows, const WriteContext& ctx) {
  return import_rows(
      store, "income", file, sha256, rows, ctx,
      "INSERT INTO fut_income_row (key, import_id, line, pnr, month, source, kind, amount_ore, paid_on) "
      "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE NOT EXISTS (SELECT 1 FROM fut_income_row WHERE key = ?1)",
      [](SQLite::Statement& q, const fut::IncomeRow& r) {
        q.bind(3, static_cast<std::int64_t>(r.line));
        q.bind(4, r.pnr.digits());
        q.bind(5, r.month.to_string());
        q.bind(6, std::string(fut::source_code(r.source)));
        q.bind(7, std::string(assess::income_kind_name(r.kind)));
        q.bind(8, r.amount.ore());
        q.bind(9, r.paid_on.to_string());
      });
}

FutImportResult import_population_rows(Database& store, const std::string& file, const std::string& sha256,
                                       std::vector<fut::PopulationRow>& rows, const WriteContext& ctx) {
  return import_rows(store, "population", file, sha256, rows, ctx,
                     "INSERT INTO fut_population_row (key, import_id, line, pnr, address, deceased_on) "
                     "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM fut_population_row WHERE key = ?1)",
                     [](SQLite::Statement& q, const fut::PopulationRow& r) {
                       q.bind(3, static_cast<std::int64_t>(r.line));
                       q.bind(4, r.pnr.digits());
                       q.bind(5, r.address);
                       if (r.deceased_on) {
                         q.bind(6, r.deceased_on->to_string());
                       } else {
                         q.bind(6);
                       }
                     });
}

std::vector<FutImport> fut_imports(const Database& store) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(
        "SELECT id, kind, file, sha256, rows_read, rows_added, imported_at, imported_by FROM fut_import ORDER BY id");
    std::vector<FutImport> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64(),
                     timestamp_of(q.getColumn(6)), q.getColumn(7).getString()});
    }
    return out;
  });
}

namespace {

// The ids of the rows an index selects, when they lie close together: then the rows are read
// as one range of the table's own order (sequential), not one index lookup each.
struct IdSpan {
  std::int64_t lo = 0, hi = -1, count = 0;
  bool dense() const { return count > 0 && hi - lo + 1 <= 2 * count; }
};
IdSpan span_of(Impl& s, const std::string& sql, const std::string& a, const std::string& b) {
  RawQuery q(s.db, sql);
  q.bind(1, a);
  q.bind(2, b);
  IdSpan out;
  if (q.step() && !q.is_null(0)) out = {q.i64(0), q.i64(1), q.i64(2)};
  return out;
}

// "YYYY-MM" as months since year 0, or -1.
int month_index_of(std::string_view t) {
  if (t.size() != 7 || t[4] != '-') return -1;
  int v[6];
  const int pos[6] = {0, 1, 2, 3, 5, 6};
  for (int i = 0; i < 6; ++i) {
    const char c = t[static_cast<std::size_t>(pos[i])];
    if (c < '0' || c > '9') return -1;
    v[i] = c - '0';
  }
  const int m = v[4] * 10 + v[5];
  if (m < 1 || m > 12) return -1;
  return (v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]) * 12 + m - 1;
}

period::Month month_at(int index) {
  return period::Month(index / 12, index % 12 + 1);
}

// The 12 stored digits of a personnummer as a number (pnr_number without parsing), or 0.
std::uint64_t digits_number(std::string_view d) {
  if (d.size() != 12) return 0;
  std::uint64_t n = 0;
  for (const char c : d) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

// (pnr, month) keys of the members of paid case-months to their personnummer: open addressing
// in one array, so that looking up each register row costs one probe in memory, not a node.
class MemberKeys {
 public:
  explicit MemberKeys(std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    m_slots.assign(cap, Slot{0, nullptr});
    m_mask = cap - 1;
  }
  // Adds `key` (never 0) with `pnr`, unless it is there.
  void add(std::uint64_t key, const person::Personnummer* pnr) {
    for (std::size_t i = slot_of(key);; i = (i + 1) & m_mask) {
      if (m_slots[i].key == key) return;
      if (m_slots[i].key == 0) {
        m_slots[i] = {key, pnr};
        ++m_size;
        return;
      }
    }
  }
  // The personnummer of `key`, or nullptr.
  const person::Personnummer* find(std::uint64_t key) const {
    for (std::size_t i = slot_of(key);; i = (i + 1) & m_mask) {
      if (m_slots[i].key == key) return m_slots[i].pnr;
      if (m_slots[i].key == 0) return nullptr;
    }
  }
  bool empty() const { return m_size == 0; }

 private:
  struct Slot {
    std::uint64_t key;
    const person::Personnummer* pnr;
  };
  std::size_t slot_of(std::uint64_t key) const {
    key ^= key >> 33;  // a 64-bit mix (MurmurHash3's finaliser), so near keys spread out
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<std::size_t>(key) & m_mask;
  }
  std::vector<Slot> m_slots;
  std::size_t m_mask = 0;
  std::size_t m_size = 0;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Dates by their text, parsed once each (a register has few distinct payment dates).
class DateCache {
 public:
  period::Date get(std::string_view text, const char* field) {
    const auto it = m_dates.find(text);
    if (it != m_dates.end()) return it->second;
    const period::Date d = period::parse_date(text, field);
    m_dates.emplace(std::string(text), d);
    return d;
  }

 private:
  std::unordered_map<std::string, period::Date, StringHash, std::equal_to<>> m_dates;
};

}  // namespace

fut::ScreeningInput screening_input(const Database& store, const period::MonthRange& range) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    fut::ScreeningInput in;
    in.period = range;
    const std::string first = range.first.to_string(), last = range.last.to_string();
    auto& cms = in.case_months;
    // Binds ?1, ?2 (the months) and, for a dense span, ?3, ?4 (the ids).
    const auto bind = [&](RawQuery& q, const IdSpan& span) {
      q.bind(1, first);
      q.bind(2, last);
      if (span.dense()) {
        q.bind(3, span.lo);
        q.bind(4, span.hi);
      }
    };

    // 1. The period's applications, grouped into case-months (case, month; the application
    //    proper before its supplements).
    struct App {
      std::int64_t id, case_id;
      int month;
      bool supplement;
      std::string address;
    };
    std::vector<App> apps;
    {
      const IdSpan span =
          span_of(s, "SELECT min(id), max(id), count(*) FROM application WHERE month BETWEEN ?1 AND ?2", first, last);
      apps.reserve(static_cast<std::size_t>(span.count));
      RawQuery q(s.db,
                 span.dense()
                     ? "SELECT id, arende_id, month, kind, address FROM application "
                       "WHERE id BETWEEN ?3 AND ?4 AND +month BETWEEN ?1 AND ?2"
                     : "SELECT id, arende_id, month, kind, address FROM application WHERE month BETWEEN ?1 AND ?2");
      bind(q, span);
      while (q.step()) {
        const int m = month_index_of(q.text(2));
        if (m < 0) throw StoreError("application.month: not a month: " + std::string(q.text(2)));
        apps.push_back({q.i64(0), q.i64(1), m, q.text(3) == "supplement", std::string(q.text(4))});
      }
    }
    std::sort(apps.begin(), apps.end(), [](const App& a, const App& b) {
      return std::tie(a.case_id, a.month, a.supplement, a.id) < std::tie(b.case_id, b.month, b.supplement, b.id);
    });
    std::vector<std::pair<std::int64_t, std::uint32_t>> pairs;
    pairs.reserve(apps.size());
    cms.reserve(apps.size());
    for (auto& a : apps) {
      if (cms.empty() || cms.back().case_id != a.case_id || fut::month_index(cms.back().month) != a.month) {
        fut::PaidCaseMonth cm;
        cm.case_id = a.case_id;
        cm.month = month_at(a.month);
        cm.address = std::move(a.address);
        cms.push_back(std::move(cm));
      }
      cms.back().application_ids.push_back(a.id);
      pairs.emplace_back(a.id, static_cast<std::uint32_t>(cms.size() - 1));
    }
    for (auto& cm : cms) std::sort(cm.application_ids.begin(), cm.application_ids.end());
    apps = {};
    // The case-months in the order of their first application: the later reads come in
    // application order, so they then walk the case-months in order instead of jumping about.
    {
      std::vector<std::uint32_t> order(cms.size());
      for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return cms[a].application_ids.front() < cms[b].application_ids.front();
      });
      std::vector<fut::PaidCaseMonth> sorted;
      sorted.reserve(cms.size());
      for (const auto i : order) sorted.push_back(std::move(cms[i]));
      cms = std::move(sorted);
      pairs.clear();
      for (std::uint32_t i = 0; i < cms.size(); ++i) {
        for (const auto id : cms[i].application_ids) pairs.emplace_back(id, i);
      }
    }
    AppIndex index;
    index.build(pairs);
    pairs = {};
    // Consecutive rows mostly belong to one application: remember the last lookup.
    std::int64_t last_app = -1;
    std::uint32_t last_cm = AppIndex::k_none;
    const auto cm_of = [&](std::int64_t app) {
      if (app != last_app) {
        last_app = app;
        last_cm = index.find(app);
      }
      return last_cm;
    };

    // 2. What was sent for each case-month (in an exported or confirmed batch, not cancelled,
    //    not returned) and to which accounts.
    {
      std::unordered_set<std::int64_t> sent_batches, returned;
      RawQuery b(s.db, "SELECT id FROM batch WHERE status IN ('exported', 'confirmed')");
      while (b.step()) sent_batches.insert(b.i64(0));
      RawQuery rq(s.db,
                  "SELECT r.payment_id FROM payment_return r JOIN payment p ON p.id = r.payment_id "
                  "WHERE p.month BETWEEN ?1 AND ?2");
      rq.bind(1, first);
      rq.bind(2, last);
      while (rq.step()) returned.insert(rq.i64(0));
      const IdSpan span =
          span_of(s, "SELECT min(id), max(id), count(*) FROM payment WHERE month BETWEEN ?1 AND ?2", first, last);
      RawQuery q(s.db, span.dense() ? "SELECT id, application_id, batch_id, amount_ore, account FROM payment "
                                      "WHERE id BETWEEN ?3 AND ?4 AND +month BETWEEN ?1 AND ?2 AND cancelled = 0"
                                    : "SELECT id, application_id, batch_id, amount_ore, account FROM payment "
                                      "WHERE month BETWEEN ?1 AND ?2 AND cancelled = 0");
      bind(q, span);
      while (q.step()) {
        if (!sent_batches.count(q.i64(2)) || returned.count(q.i64(0))) continue;
        const std::uint32_t c = cm_of(q.i64(1));
        if (c == AppIndex::k_none) continue;
        fut::PaidCaseMonth& cm = cms[c];
        cm.paid += Money::from_ore(q.i64(3));
        const std::string_view account = q.text(4);
        if (account.empty()) continue;
        // Parsed for each payment: a month's accounts are nearly all distinct, so a cache of
        // them cost more than it saved.
        std::string bban = pay::parse_bank_account(account, "payment.account").bban();
        if (std::find(cm.accounts.begin(), cm.accounts.end(), bban) == cm.accounts.end()) {
          cm.accounts.push_back(std::move(bban));
        }
      }
    }
    const auto paid = [&](std::uint32_t c) { return c != AppIndex::k_none && cms[c].paid > Money(); };

    // 3. What the current decisions grant (the decision nothing replaces), and the claims on them.
    {
      struct Decided {
        std::int64_t id;
        std::uint32_t cm;
        Money granted;
      };
      std::vector<Decided> decided;
      std::unordered_set<std::int64_t> replaced;
      RawQuery sq(s.db, "SELECT min(id), max(id), count(*) FROM decision WHERE application_id BETWEEN ?1 AND ?2");
      sq.bind(1, index.lo());
      sq.bind(2, index.hi());
      IdSpan span;
      if (sq.step() && !sq.is_null(0)) {
        span = {sq.i64(0), sq.i64(1), sq.i64(2)};
      }
      RawQuery q(s.db, span.dense() ? "SELECT id, application_id, granted_ore, replaces FROM decision "
                                      "WHERE id BETWEEN ?3 AND ?4 AND +application_id BETWEEN ?1 AND ?2"
                                    : "SELECT id, application_id, granted_ore, replaces FROM decision "
                                      "WHERE application_id BETWEEN ?1 AND ?2");
      q.bind(1, index.lo());
      q.bind(2, index.hi());
      if (span.dense()) {
        q.bind(3, span.lo);
        q.bind(4, span.hi);
      }
      while (q.step()) {
        const std::uint32_t c = cm_of(q.i64(1));
        if (!paid(c)) continue;
        decided.push_back({q.i64(0), c, Money::from_ore(q.i64(2))});
        if (!q.is_null(3)) replaced.insert(q.i64(3));
      }
      for (const auto& d : decided) {
        if (!replaced.count(d.id)) cms[d.cm].granted += d.granted;
      }
      RawQuery k(
          s.db,
          "SELECT application_id, amount_ore FROM claim WHERE decision_id IS NOT NULL AND month BETWEEN ?1 AND ?2");
      k.bind(1, first);
      k.bind(2, last);
      while (k.step()) {
        const std::uint32_t c = cm_of(k.i64(0));
        if (paid(c)) cms[c].claimed += Money::from_ore(k.i64(1));
      }
    }

    // 4. The members of the paid case-months (each person once) and the incomes they declared,
    //    by person id; then those persons' personnummer, each parsed once.
    struct MemberRow {
      std::uint32_t cm;
      std::int64_t person;
      assess::Role role;
    };
    struct IncomeRowRef {
      std::uint32_t cm;
      std::int64_t app, seq, person, amount;
      assess::IncomeKind kind;
    };
    std::vector<MemberRow> member_rows;
    std::vector<IncomeRowRef> income_refs;
    std::int64_t person_lo = std::numeric_limits<std::int64_t>::max(), person_hi = 0;
    const auto saw_person = [&](std::int64_t id) {
      person_lo = std::min(person_lo, id);
      person_hi = std::max(person_hi, id);
    };
    {
      RawQuery q(s.db, "SELECT application_id, person_id, role FROM member WHERE application_id BETWEEN ?1 AND ?2");
      q.bind(1, index.lo());
      q.bind(2, index.hi());
      while (q.step()) {
        const std::uint32_t c = cm_of(q.i64(0));
        if (!paid(c)) continue;
        const std::string_view role = q.text(2);
        member_rows.push_back({c, q.i64(1),
                               role == "partner" ? assess::Role::partner
                               : role == "child" ? assess::Role::child
                                                 : assess::Role::applicant});
        saw_person(q.i64(1));
      }
      RawQuery i(
          s.db,
          "SELECT application_id, seq, person_id, kind, amount_ore FROM income WHERE application_id BETWEEN ?1 AND ?2");
      i.bind(1, index.lo());
      i.bind(2, index.hi());
      while (i.step()) {
        const std::uint32_t c = cm_of(i.i64(0));
        if (!paid(c)) continue;
        const auto kind = assess::income_kind_from(i.text(3));
        if (!kind) throw StoreError("income.kind: unknown income kind " + std::string(i.text(3)));
        income_refs.push_back({c, i.i64(0), i.i64(1), i.i64(2), i.i64(4), *kind});
        saw_person(i.i64(2));
      }
    }
    // The persons needed, as indices into `people` by person id − person_lo.
    std::vector<std::optional<person::Personnummer>> people;
    if (person_lo <= person_hi) {
      std::vector<bool> needed(static_cast<std::size_t>(person_hi - person_lo + 1), false);
      for (const auto& m : member_rows) needed[static_cast<std::size_t>(m.person - person_lo)] = true;
      for (const auto& m : income_refs) needed[static_cast<std::size_t>(m.person - person_lo)] = true;
      people.resize(needed.size());
      RawQuery q(s.db, "SELECT id, pnr FROM person WHERE id BETWEEN ?1 AND ?2");
      q.bind(1, person_lo);
      q.bind(2, person_hi);
      while (q.step()) {
        const auto at = static_cast<std::size_t>(q.i64(0) - person_lo);
        if (needed[at]) people[at] = person::parse_personnummer(q.text(1), "person.pnr");
      }
    }
    const auto pnr_of = [&](std::int64_t id) -> const person::Personnummer& {
      const auto& p = people[static_cast<std::size_t>(id - person_lo)];
      if (!p) throw StoreError("member of a case: no person " + std::to_string(id));
      return *p;
    };
    // (pnr, month) of every member of a paid case-month, with the member's personnummer.
    MemberKeys member_keys(member_rows.size());
    for (const auto& m : member_rows) {
      fut::PaidCaseMonth& cm = cms[m.cm];
      const person::Personnummer& pnr = pnr_of(m.person);
      const auto same = [&](const fut::CaseMember& x) { return x.pnr == pnr; };
      if (std::any_of(cm.members.begin(), cm.members.end(), same)) continue;
      cm.members.push_back({pnr, m.role, std::nullopt});
      member_keys.add(fut::pnr_month_key(pnr, cm.month), &pnr);
    }
    member_rows = {};
    for (const auto& i : income_refs) {
      cms[i.cm].incomes.push_back({pnr_of(i.person), i.kind, Money::from_ore(i.amount),
                                   format_id(IdKind::application, i.app) + " income[" + std::to_string(i.seq) + "]"});
    }
    income_refs = {};
    cms.erase(std::remove_if(cms.begin(), cms.end(), [](const fut::PaidCaseMonth& cm) { return cm.paid <= Money(); }),
              cms.end());

    // 5. The income register rows of the period's months for a member of a paid case-month in
    //    that month: the only rows a rule can match.
    if (!member_keys.empty()) {
      const IdSpan span = span_of(
          s, "SELECT min(id), max(id), count(*) FROM fut_income_row WHERE month BETWEEN ?1 AND ?2", first, last);
      RawQuery q(s.db,
                 span.dense()
                     ? "SELECT key, import_id, line, pnr, month, source, kind, amount_ore, paid_on FROM fut_income_row "
                       "WHERE id BETWEEN ?3 AND ?4 AND +month BETWEEN ?1 AND ?2"
                     : "SELECT key, import_id, line, pnr, month, source, kind, amount_ore, paid_on FROM fut_income_row "
                       "WHERE month BETWEEN ?1 AND ?2");
      bind(q, span);
      DateCache dates;
      while (q.step()) {
        const std::uint64_t number = digits_number(q.text(3));
        const int month = month_index_of(q.text(4));
        if (number == 0 || month < 0) throw StoreError("fut_income_row: a row with a bad pnr or month");
        const person::Personnummer* member = member_keys.find((number << 17) | static_cast<std::uint64_t>(month));
        if (member == nullptr) continue;
        fut::IncomeRow row;
        row.key = key_of(q, 0, "fut_income_row.key");
        row.import_id = q.i64(1);
        row.line = static_cast<long>(q.i64(2));
        row.pnr = *member;
        row.month = month_at(month);
        const auto source = fut::source_from(q.text(5));
        const auto kind = assess::income_kind_from(q.text(6));
        if (!source || !kind) throw StoreError("fut_income_row: a row with an unknown source or kind");
        row.source = *source;
        row.kind = *kind;
        row.amount = Money::from_ore(q.i64(7));
        row.paid_on = dates.get(q.text(8), "fut_income_row.paid_on");
        in.income_rows.push_back(std::move(row));
      }
    }

    // 6. The population rows that give a date of death.
    {
      RawQuery q(s.db,
                 "SELECT key, import_id, line, pnr, address, deceased_on FROM fut_population_row "
                 "WHERE deceased_on IS NOT NULL ORDER BY id");
      while (q.step()) {
        fut::PopulationRow row;
        row.key = key_of(q, 0, "fut_population_row.key");
        row.import_id = q.i64(1);
        row.line = static_cast<long>(q.i64(2));
        row.pnr = person::parse_personnummer(q.text(3), "fut_population_row.pnr");
        row.address = std::string(q.text(4));
        row.deceased_on = period::parse_date(q.text(5), "fut_population_row.deceased_on");
        in.population_rows.push_back(std::move(row));
      }
    }
    return in;
  });
}

std::vector<std::optional<std::int64_t>> flag_ids_of(const Database& store, const std::vector<fut::Finding>& findings) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    std::vector<std::optional<std::int64_t>> out;
    out.reserve(findings.size());
    SQLite::Statement& q = s.stmt("SELECT id FROM fut_flag WHERE evidence_key = ?");
    for (const auto& f : findings) {
      q.reset();
      bind_key(q, 1, f.evidence_key);
      out.push_back(q.executeStep() ? std::optional<std::int64_t>(q.getColumn(0).getInt64()) : std::nullopt);
    }
    return out;
  });
}

std::int64_t next_fut_run(const Database& store) {
  Impl& s = impl_of(store);
  return guarded(s, [&] { return s.db.execAndGet("SELECT coalesce(max(first_run), 0) + 1 FROM fut_flag").getInt64(); });
}

std::vector<std::optional<std::int64_t>> store_flags(Database& store, const std::vector<const fut::Finding*>& findings,
                                                     std::int64_t run, const std::string& period,
                                                     const WriteContext& ctx) {
  Impl& s = store.impl();
  return guarded(s, [&] {
    std::vector<std::optional<std::int64_t>> out;
    SQLite::Statement& q = s.stmt(
        "INSERT INTO fut_flag (evidence_key, rule, arende_id, cases, month, member_pnr, amount_at_risk_ore, "
        "evidence_json, first_run, run_period, created_at, created_by) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 "
        "WHERE NOT EXISTS (SELECT 1 FROM fut_flag WHERE evidence_key = ?1)");
    for (const fut::Finding* f : findings) {
      q.reset();
      bind_key(q, 1, f->evidence_key);
      q.bind(2, f->rule);
      q.bind(3, f->case_id);
      q.bind(4, cases_text(f->cases));
      q.bind(5, f->month.to_string());
      if (f->member) {
        q.bind(6, f->member->digits());
      } else {
        q.bind(6);
      }
      q.bind(7, f->amount_at_risk.ore());
      q.bind(8, fut::finding_json(*f, true)["evidence"].dump());
      q.bind(9, run);
      q.bind(10, period);
      q.bind(11, ctx.at);
      q.bind(12, ctx.user);
      if (q.exec() == 0) {
        out.push_back(std::nullopt);
        continue;
      }
      const std::int64_t id = s.db.getLastInsertRowid();
      out.push_back(id);
      s.audit(ctx, format_id(IdKind::flag, id),
              "flagged by run " + std::to_string(run) + " of " + period + ": " + f->rule + ", " +
                  format_id(IdKind::arende, f->case_id) + ", " + f->month.to_string() + ", " +
                  money::format_kr(f->amount_at_risk) + " at risk, evidence " + f->evidence_key.hex());
    }
    return out;
  });
}

void audit_fut_run(Database& store, std::int64_t run, const std::string& detail, const WriteContext& ctx) {
  store.impl().audit(ctx, "fut-run-" + std::to_string(run), detail);
}

std::vector<StoredFlag> list_flags(const Database& store, const FlagFilter& filter) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_flag_sql) +
                                  "WHERE (?1 = 0 OR o.flag_id IS NULL) AND (?2 IS NULL OR f.rule = ?2) "
                                  "ORDER BY f.id DESC");
    q.bind(1, filter.open_only ? 1 : 0);
    bind_optional(q, 2, filter.rule);
    std::vector<StoredFlag> out;
    while (q.executeStep()) out.push_back(read_flag(q));
    return out;
  });
}

StoredFlag load_flag(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_flag_sql) + "WHERE f.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw NotFound("no flag " + format_id(IdKind::flag, id));
    return read_flag(q);
  });
}

void store_outcome(Database& store, std::int64_t id, const fut::Resolution& r, const WriteContext& ctx) {
  Impl& s = store.impl();
  const std::string name = format_id(IdKind::flag, id);
  refused_as_conflict(s, name + ": outcome refused", [&] {
    SQLite::Statement& q = s.stmt(
        "INSERT INTO fut_outcome (flag_id, outcome, note, decided_on, created_at, created_by) VALUES (?,?,?,?,?,?)");
    q.bind(1, id);
    q.bind(2, std::string(fut::outcome_name(r.outcome)));
    q.bind(3, r.note);
    q.bind(4, r.on.to_string());
    q.bind(5, ctx.at);
    q.bind(6, r.by);
    q.exec();
  });
  s.audit(ctx, name,
          "closed as " + std::string(fut::outcome_name(r.outcome)) + " on " + r.on.to_string() + ": " + r.note);
}

CaseMonthFacts case_month_facts(const Database& store, std::int64_t case_id, period::Month month) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    CaseMonthFacts out;
    const std::string m = month.to_string();
    SQLite::Statement& p = s.stmt(
        "SELECT coalesce(sum(p.amount_ore), 0), min(b.pay_date) FROM payment p JOIN batch b ON b.id = p.batch_id "
        "WHERE p.arende_id = ?1 AND p.month = ?2 AND p.cancelled = 0 AND b.status IN ('exported', 'confirmed') "
        "AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id)");
    p.bind(1, case_id);
    p.bind(2, m);
    if (p.executeStep()) {
      out.paid = Money::from_ore(p.getColumn(0).getInt64());
      if (!p.getColumn(1).isNull())
        out.first_paid_on = period::parse_date(p.getColumn(1).getString(), "batch.pay_date");
    }
    SQLite::Statement& d = s.stmt(
        "SELECT min(d.decided_on) FROM decision d JOIN application a ON a.id = d.application_id "
        "WHERE a.arende_id = ?1 AND a.month = ?2");
    d.bind(1, case_id);
    d.bind(2, m);
    if (d.executeStep() && !d.getColumn(0).isNull()) {
      out.first_decided_on = period::parse_date(d.getColumn(0).getString(), "decision.decided_on");
    }
    SQLite::Statement& a = s.stmt(
        "SELECT id, address FROM application WHERE arende_id = ?1 AND month = ?2 "
        "ORDER BY kind = 'supplement', id LIMIT 1");
    a.bind(1, case_id);
    a.bind(2, m);
    if (a.executeStep()) {
      out.application_id = a.getColumn(0).getInt64();
      out.address = a.getColumn(1).getString();
      SQLite::Statement& mq = s.stmt(
          "SELECT p.pnr, p.name FROM member m JOIN person p ON p.id = m.person_id WHERE m.application_id = ? "
          "ORDER BY m.seq");
      mq.bind(1, *out.application_id);
      while (mq.executeStep()) out.members.push_back({mq.getColumn(0).getString(), mq.getColumn(1).getString()});
    }
    return out;
  });
}

std::int64_t store_fut_claim(Database& store, const StoredFlag& flag, const fut::Claim& claim,
                             std::optional<std::int64_t> application_id, const WriteContext& ctx) {
  Impl& s = store.impl();
  const std::string name = format_id(IdKind::flag, flag.id);
  const fut::RuleInfo* rule = fut::find_rule(flag.finding.rule);
  const std::string reason = "Återkrav efter FUT-kontroll " + name + " (" +
                             (rule ? std::string(rule->name_sv) : flag.finding.rule) + ", " +
                             flag.finding.month.to_string() + ")";
  std::int64_t id = 0;
  refused_as_conflict(s, name + ": claim refused", [&] {
    id = insert_claim(s, ClaimPlace{flag.finding.case_id, application_id, flag.finding.month, flag.id}, claim, reason,
                      ctx);
  });
  s.audit(ctx, format_id(IdKind::claim, id),
          "raised " + money::format_kr(claim.amount) + " on " + name + " (" +
              format_id(IdKind::arende, flag.finding.case_id) + ", " + flag.finding.month.to_string() + ") under " +
              claim.statute + " (" + std::string(decide::claim_ground_name(claim.ground)) +
              (claim.on_decision ? ", on " + format_id(IdKind::beslut, *claim.on_decision) : std::string()) +
              "); decision: " + claim.decision + "; court action by " + claim.deadline.to_string() + " (" +
              claim.deadline_statute + ")");
  return id;
}

std::optional<FlagClaim> flag_claim(const Database& store, std::int64_t flag_id) {
  Impl& s = impl_of(store);
  return guarded(s, [&]() -> std::optional<FlagClaim> {
    SQLite::Statement& q = s.stmt(
        "SELECT k.id, k.amount_ore, k.decision, k.statute, k.deadline, k.deadline_statute, k.raised_on, k.created_by, "
        "(SELECT coalesce(sum(y.amount_ore), 0) FROM repayment y WHERE y.claim_id = k.id), "
        "(SELECT coalesce(sum(w.amount_ore), 0) FROM fut_follow_up w WHERE w.claim_id = k.id AND w.kind = 'waiver'), "
        "k.ground, k.on_decision_id "
        "FROM claim k WHERE k.fut_flag_id = ?");
    q.bind(1, flag_id);
    if (!q.executeStep()) return std::nullopt;
    FlagClaim c;
    c.id = q.getColumn(0).getInt64();
    c.claim.amount = Money::from_ore(q.getColumn(1).getInt64());
    c.claim.decision = q.getColumn(2).getString();
    c.claim.statute = q.getColumn(3).getString();
    c.claim.deadline = period::parse_date(q.getColumn(4).getString(), "claim.deadline");
    c.claim.deadline_statute = q.getColumn(5).getString();
    c.claim.on = period::parse_date(q.getColumn(6).getString(), "claim.raised_on");
    c.claim.by = q.getColumn(7).getString();
    c.balance.repaid = Money::from_ore(q.getColumn(8).getInt64());
    c.balance.waived = Money::from_ore(q.getColumn(9).getInt64());
    c.claim.ground = decide::parse_claim_ground(q.getColumn(10).getString(), "claim.ground");
    if (!q.getColumn(11).isNull()) c.claim.on_decision = q.getColumn(11).getInt64();
    return c;
  });
}

namespace {

std::int64_t insert_follow_up(Impl& s, std::int64_t flag_id, const FollowUp& r, const WriteContext& ctx) {
  refused_as_conflict(s, format_id(IdKind::flag, flag_id) + ": " + r.kind + " refused", [&] {
    SQLite::Statement& q = s.stmt(
        "INSERT INTO fut_follow_up (flag_id, kind, claim_id, amount_ore, authority, recipient, detail, statute, "
        "sha256, on_date, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, flag_id);
    q.bind(2, r.kind);
    bind_optional(q, 3, r.claim_id);
    if (r.amount) {
      q.bind(4, r.amount->ore());
    } else {
      q.bind(4);
    }
    q.bind(5, r.authority);
    q.bind(6, r.recipient);
    q.bind(7, r.detail);
    q.bind(8, r.statute);
    if (r.sha256.empty()) {
      q.bind(9);
    } else {
      q.bind(9, r.sha256);
    }
    q.bind(10, r.on.to_string());
    q.bind(11, ctx.at);
    q.bind(12, r.created_by.empty() ? ctx.user : r.created_by);
    q.exec();
  });
  return s.db.getLastInsertRowid();
}

}  // namespace

std::int64_t store_waiver(Database& store, std::int64_t flag_id, std::int64_t claim_id, const fut::Waiver& w,
                          const WriteContext& ctx) {
  Impl& s = store.impl();
  FollowUp r;
  r.kind = "waiver";
  r.claim_id = claim_id;
  r.amount = w.amount;
  r.detail = w.reason;
  r.statute = w.statute;
  r.on = w.on;
  r.created_by = w.by;
  const std::int64_t id = insert_follow_up(s, flag_id, r, ctx);
  s.audit(ctx, format_id(IdKind::claim, claim_id),
          "waived " + money::format_kr(w.amount) + (w.whole ? " (all that was outstanding)" : "") + " on " +
              w.on.to_string() + " under " + w.statute + " (" + format_id(IdKind::flag, flag_id) + "): " + w.reason);
  return id;
}

std::int64_t store_document(Database& store, std::int64_t flag_id, const FollowUp& record, const WriteContext& ctx) {
  Impl& s = store.impl();
  const std::int64_t id = insert_follow_up(s, flag_id, record, ctx);
  s.audit(ctx, format_id(IdKind::flag, flag_id),
          (record.kind == "notice"
               ? "notice to " + record.authority + (record.recipient.empty() ? "" : " (" + record.recipient + ")")
               : std::string("police report")) +
              " made on " + record.on.to_string() + " (" + record.statute + "), " + record.detail + " sha256 " +
              record.sha256);
  return id;
}

std::vector<FollowUp> follow_ups(const Database& store, std::int64_t flag_id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(
        "SELECT id, kind, claim_id, amount_ore, authority, recipient, detail, statute, coalesce(sha256, ''), on_date, "
        "created_at, created_by FROM fut_follow_up WHERE flag_id = ? ORDER BY id");
    q.bind(1, flag_id);
    std::vector<FollowUp> out;
    while (q.executeStep()) {
      FollowUp r;
      r.id = q.getColumn(0).getInt64();
      r.kind = q.getColumn(1).getString();
      if (!q.getColumn(2).isNull()) r.claim_id = q.getColumn(2).getInt64();
      if (!q.getColumn(3).isNull()) r.amount = Money::from_ore(q.getColumn(3).getInt64());
      r.authority = q.getColumn(4).getString();
      r.recipient = q.getColumn(5).getString();
      r.detail = q.getColumn(6).getString();
      r.statute = q.getColumn(7).getString();
      r.sha256 = q.getColumn(8).getString();
      r.on = period::parse_date(q.getColumn(9).getString(), "fut_follow_up.on_date");
      r.created_at = timestamp_of(q.getColumn(10));
      r.created_by = q.getColumn(11).getString();
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace eb::store
