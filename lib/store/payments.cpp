// SPDX-License-Identifier: MIT
// Payments, batches, returns, claims and repayments (schema v4). The invariants that keep money
// from leaving twice are the schema's triggers and indexes (schema.cpp, k_v4); this file reads
// state, writes rows and names what the schema refused.
#include "store/payments.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "common/ids.hpp"
#include "store/cases.hpp"
#include "store/claim_rows.hpp"
#include "store/database_impl.hpp"

namespace eb::store {

namespace {

using Impl = Database::Impl;
using money::Money;

// Runs `fn`; a constraint the schema raised becomes Conflict starting with `what`.
template <typename Fn>
auto refused_as_conflict(Impl& s, const std::string& what, Fn&& fn) -> decltype(fn()) {
  return guarded_rules(
      s, [&](const std::string& e) { return what + ": " + e; }, std::forward<Fn>(fn));
}

pay::BatchStatus status_of(const std::string& text) {
  return pay::parse_batch_status(text).value_or(pay::BatchStatus::created);
}

std::string batch_name(std::int64_t id) {
  return format_id(IdKind::batch, id);
}

// "20260325" from 2026-03-25.
std::string compact(period::Date d) {
  std::string s = d.to_string();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

}  // namespace

std::vector<pay::ApplicationState> payment_states(const Database& store, std::optional<period::Month> month) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    std::vector<pay::ApplicationState> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    const std::string m = month ? month->to_string() : std::string();
    SQLite::Statement& q = s.stmt(
        "SELECT d.id, d.application_id, d.granted_ore, a.arende_id, a.month, a.account, a.address, "
        "coalesce(p.name, ''), (SELECT min(x.decided_on) FROM decision x WHERE x.application_id = d.application_id) "
        "FROM decision d JOIN application a ON a.id = d.application_id "
        "LEFT JOIN member mb ON mb.application_id = a.id AND +mb.role = 'applicant' "
        "LEFT JOIN person p ON p.id = mb.person_id "
        "WHERE NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id) AND (?1 = '' OR a.month = ?1) "
        "ORDER BY a.month, a.id");
    q.bind(1, m);
    while (q.executeStep()) {
      pay::ApplicationState st;
      st.decision_id = q.getColumn(0).getInt64();
      st.application_id = q.getColumn(1).getInt64();
      st.granted = Money::from_ore(q.getColumn(2).getInt64());
      st.case_id = q.getColumn(3).getInt64();
      st.month = period::parse_month(q.getColumn(4).getString(), "application.month");
      st.account = q.getColumn(5).getString();
      st.address = q.getColumn(6).getString();
      st.payee_name = q.getColumn(7).getString();
      st.first_decided_on = period::parse_date(q.getColumn(8).getString(), "decision.decided_on");
      index.emplace(st.application_id, out.size());
      out.push_back(std::move(st));
    }
    SQLite::Statement& pq = s.stmt(
        "SELECT p.id, p.application_id, p.batch_id, p.decision_id, p.reissue_of, p.amount_ore, b.status, "
        "EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id), p.cancelled "
        "FROM payment p JOIN batch b ON b.id = p.batch_id "
        "WHERE (?1 = '' OR p.month = ?1) ORDER BY p.id");
    pq.bind(1, m);
    while (pq.executeStep()) {
      const auto it = index.find(pq.getColumn(1).getInt64());
      if (it == index.end()) continue;
      pay::PaymentFact f;
      f.id = pq.getColumn(0).getInt64();
      f.batch_id = pq.getColumn(2).getInt64();
      f.decision_id = pq.getColumn(3).getInt64();
      if (!pq.getColumn(4).isNull()) f.reissue_of = pq.getColumn(4).getInt64();
      f.amount = Money::from_ore(pq.getColumn(5).getInt64());
      f.batch_status = status_of(pq.getColumn(6).getString());
      f.returned = pq.getColumn(7).getInt() != 0;
      f.cancelled = pq.getColumn(8).getInt() != 0;
      out[it->second].payments.push_back(f);
    }
    SQLite::Statement& cq = s.stmt(
        "SELECT id, application_id, decision_id, amount_ore FROM claim "
        "WHERE decision_id IS NOT NULL AND (?1 = '' OR month = ?1) ORDER BY id");
    cq.bind(1, m);
    while (cq.executeStep()) {
      const auto it = index.find(cq.getColumn(1).getInt64());
      if (it == index.end()) continue;
      out[it->second].claims.push_back(
          {cq.getColumn(0).getInt64(), cq.getColumn(2).getInt64(), Money::from_ore(cq.getColumn(3).getInt64())});
    }
    return out;
  });
}

BatchOutcome store_batch(Database& store, const pay::Plan& plan, period::Date pay_date,
                         std::optional<period::Month> month, const WriteContext& ctx) {
  Impl& s = store.impl();
  BatchOutcome out;
  for (const auto& c : plan.claims) {
    refused_as_conflict(s,
                        "claim on " + format_id(IdKind::beslut, c.decision_id) + " (" +
                            format_id(IdKind::application, c.application_id) + ") refused",
                        [&] {
                          SQLite::Statement& q = s.stmt(
                              "INSERT INTO claim (arende_id, application_id, decision_id, month, amount_ore, reason, "
                              "statute, raised_on, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)");
                          q.bind(1, c.case_id);
                          q.bind(2, c.application_id);
                          q.bind(3, c.decision_id);
                          q.bind(4, c.month.to_string());
                          q.bind(5, c.amount.ore());
                          q.bind(6, c.reason);
                          q.bind(7, c.statute);
                          q.bind(8, ctx.today.to_string());
                          q.bind(9, ctx.at);
                          q.bind(10, ctx.user);
                          q.exec();
                        });
    const std::int64_t id = s.db.getLastInsertRowid();
    out.claim_ids.push_back(id);
    s.audit(ctx, format_id(IdKind::claim, id),
            "raised " + money::format_kr(c.amount) + " on " + format_id(IdKind::beslut, c.decision_id) + " (" +
                format_id(IdKind::application, c.application_id) + ", " + c.month.to_string() + ") under " + c.statute);
  }
  if (plan.payments.empty()) return out;

  const std::int64_t batch_id = guarded(s, [&] {
    const std::int64_t id = s.db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM batch").getInt64();
    SQLite::Statement& q =
        s.stmt("INSERT INTO batch (id, pay_date, month, created_at, created_by, message_id) VALUES (?,?,?,?,?,?)");
    q.bind(1, id);
    q.bind(2, pay_date.to_string());
    if (month) {
      q.bind(3, month->to_string());
    } else {
      q.bind(3);
    }
    q.bind(4, ctx.at);
    q.bind(5, ctx.user);
    q.bind(6, "EB-" + compact(pay_date) + "-" + batch_name(id));
    q.exec();
    return id;
  });
  for (const auto& p : plan.payments) {
    const std::string what = format_id(IdKind::application, p.application_id) + " (" +
                             format_id(IdKind::arende, p.case_id) + ", " + p.month.to_string() + "): payment of " +
                             money::format_kr(p.amount) + " under " + format_id(IdKind::beslut, p.decision_id) +
                             " refused";
    refused_as_conflict(s, what, [&] {
      SQLite::Statement& q = s.stmt(
          "INSERT INTO payment (batch_id, decision_id, application_id, arende_id, month, amount_ore, method, account, "
          "payee_name, payee_address, reissue_of) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
      q.bind(1, batch_id);
      q.bind(2, p.decision_id);
      q.bind(3, p.application_id);
      q.bind(4, p.case_id);
      q.bind(5, p.month.to_string());
      q.bind(6, p.amount.ore());
      q.bind(7, p.payee.account ? "account" : "avi");
      q.bind(8, p.payee.account ? p.payee.account->formatted() : std::string());
      q.bind(9, p.payee.name);
      q.bind(10, p.payee.account ? std::string() : p.payee.address);
      if (p.reissue_of) {
        q.bind(11, *p.reissue_of);
      } else {
        q.bind(11);
      }
      q.exec();
    });
    out.total += p.amount;
    ++out.payments;
  }
  out.batch_id = batch_id;
  s.audit(ctx, batch_name(batch_id),
          "created for " + pay_date.to_string() + (month ? " (month " + month->to_string() + ")" : std::string()) +
              ": " + pay::payments_text(out.payments) + ", " + money::format_kr(out.total));
  return out;
}

pay::Batch load_batch(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(
        "SELECT pay_date, month, status, message_id, created_at, created_by, exported_at, debtor_name, debtor_iban, "
        "debtor_bic, debtor_org_number, confirmed_at, cancelled_at, "
        "(SELECT count(*) FROM payment WHERE batch_id = b.id AND cancelled = 0), "
        "(SELECT coalesce(sum(amount_ore), 0) FROM payment WHERE batch_id = b.id AND cancelled = 0) "
        "FROM batch b WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw NotFound("no payment batch " + batch_name(id));
    pay::Batch b;
    b.id = id;
    b.pay_date = period::parse_date(q.getColumn(0).getString(), "batch.pay_date");
    if (!q.getColumn(1).isNull()) b.month = period::parse_month(q.getColumn(1).getString(), "batch.month");
    b.status = status_of(q.getColumn(2).getString());
    b.message_id = q.getColumn(3).getString();
    b.created_at = timestamp_of(q.getColumn(4));
    b.created_by = q.getColumn(5).getString();
    b.exported_at = timestamp_or_null(q.getColumn(6));
    if (!q.getColumn(8).isNull()) {
      b.debtor = pay::Debtor{q.getColumn(7).getString(), q.getColumn(8).getString(), q.getColumn(9).getString(),
                             q.getColumn(10).getString()};
    }
    b.confirmed_at = timestamp_or_null(q.getColumn(11));
    b.cancelled_at = timestamp_or_null(q.getColumn(12));
    b.payments = static_cast<std::size_t>(q.getColumn(13).getInt64());
    b.total = Money::from_ore(q.getColumn(14).getInt64());
    SQLite::Statement& e = s.stmt(
        "SELECT format, sha256, bytes, exported_at, exported_by FROM batch_export WHERE batch_id = ? "
        "ORDER BY exported_at, format");
    e.bind(1, id);
    while (e.executeStep()) {
      b.exports.push_back({pay::parse_file_format(e.getColumn(0).getString(), "batch_export.format"),
                           e.getColumn(1).getString(), e.getColumn(2).getInt64(), timestamp_of(e.getColumn(3)),
                           e.getColumn(4).getString()});
    }
    return b;
  });
}

namespace {

constexpr std::string_view k_payment_sql =
    "SELECT p.id, p.application_id, p.arende_id, p.decision_id, p.month, p.amount_ore, p.method, p.account, "
    "p.payee_name, p.payee_address, p.reissue_of, p.cancelled, r.returned_on, r.reason "
    "FROM payment p LEFT JOIN payment_return r ON r.payment_id = p.id ";

pay::BatchPayment read_payment(SQLite::Statement& q) {
  pay::BatchPayment p;
  p.id = q.getColumn(0).getInt64();
  p.application_id = q.getColumn(1).getInt64();
  p.case_id = q.getColumn(2).getInt64();
  p.decision_id = q.getColumn(3).getInt64();
  p.month = period::parse_month(q.getColumn(4).getString(), "payment.month");
  p.amount = Money::from_ore(q.getColumn(5).getInt64());
  if (q.getColumn(6).getString() == "account") {
    p.account = pay::parse_bank_account(q.getColumn(7).getString(), "payment.account");
  }
  p.payee_name = q.getColumn(8).getString();
  p.payee_address = q.getColumn(9).getString();
  if (!q.getColumn(10).isNull()) p.reissue_of = q.getColumn(10).getInt64();
  p.cancelled = q.getColumn(11).getInt() != 0;
  if (!q.getColumn(12).isNull()) {
    p.returned_on = period::parse_date(q.getColumn(12).getString(), "payment_return.returned_on");
    p.return_reason = q.getColumn(13).getString();
  }
  return p;
}

}  // namespace

std::vector<pay::BatchPayment> batch_payments(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_payment_sql) + "WHERE p.batch_id = ? ORDER BY p.id");
    q.bind(1, id);
    std::vector<pay::BatchPayment> out;
    while (q.executeStep()) out.push_back(read_payment(q));
    return out;
  });
}

std::vector<std::string> batch_overgrants(const Database& store, std::int64_t id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    // Per application of the batch: its live payments against the current decision's grant
    // plus the claims on its decisions.
    SQLite::Statement& q = s.stmt(
        "WITH apps AS (SELECT DISTINCT application_id FROM payment WHERE batch_id = ?1 AND cancelled = 0) "
        "SELECT a.application_id, d.id, d.granted_ore, "
        "(SELECT coalesce(sum(p.amount_ore), 0) FROM payment p WHERE p.application_id = a.application_id "
        "  AND p.cancelled = 0 AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id)), "
        "(SELECT coalesce(sum(k.amount_ore), 0) FROM claim k WHERE k.application_id = a.application_id "
        "  AND k.decision_id IS NOT NULL) "
        "FROM apps a JOIN decision d ON d.application_id = a.application_id "
        "WHERE NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id) ORDER BY a.application_id");
    q.bind(1, id);
    std::vector<std::string> out;
    while (q.executeStep()) {
      const Money granted = Money::from_ore(q.getColumn(2).getInt64());
      const Money live = Money::from_ore(q.getColumn(3).getInt64());
      const Money claimed = Money::from_ore(q.getColumn(4).getInt64());
      if (live - claimed <= granted) continue;
      out.push_back(format_id(IdKind::application, q.getColumn(0).getInt64()) + ": its payments come to " +
                    money::format_kr(live - claimed) + " but its current decision " +
                    format_id(IdKind::beslut, q.getColumn(1).getInt64()) + " grants " + money::format_kr(granted));
    }
    return out;
  });
}

void record_export(Database& store, std::int64_t id, const pay::BatchExport& file, const pay::Debtor& debtor,
                   const WriteContext& ctx) {
  Impl& s = store.impl();
  const pay::Batch b = load_batch(store, id);
  const std::string name = batch_name(id);
  pay::require_exportable(b);
  refused_as_conflict(s, name + ": export refused", [&] {
    if (b.status == pay::BatchStatus::created) {
      SQLite::Statement& q = s.stmt(
          "UPDATE batch SET status = 'exported', exported_at = ?, exported_by = ?, debtor_name = ?, debtor_iban = ?, "
          "debtor_bic = ?, debtor_org_number = ? WHERE id = ?");
      q.bind(1, file.exported_at);
      q.bind(2, ctx.user);
      q.bind(3, debtor.name);
      q.bind(4, debtor.iban);
      q.bind(5, debtor.bic);
      q.bind(6, debtor.org_number);
      q.bind(7, id);
      q.exec();
    }
    if (!b.export_of(file.format)) {
      SQLite::Statement& q = s.stmt(
          "INSERT INTO batch_export (batch_id, format, sha256, bytes, exported_at, exported_by) VALUES (?,?,?,?,?,?)");
      q.bind(1, id);
      q.bind(2, std::string(pay::format_name(file.format)));
      q.bind(3, file.sha256);
      q.bind(4, file.bytes);
      q.bind(5, file.exported_at);
      q.bind(6, ctx.user);
      q.exec();
    }
  });
  const bool again = b.export_of(file.format) != nullptr;
  s.audit(ctx, name,
          std::string(again ? "exported again" : "exported") + " as " + std::string(pay::format_name(file.format)) +
              ": " + pay::payments_text(b.payments) + ", " + money::format_kr(b.total) + ", sha256 " + file.sha256);
}

void confirm_batch(Database& store, std::int64_t id, const WriteContext& ctx) {
  Impl& s = store.impl();
  const pay::Batch b = load_batch(store, id);
  const std::string name = batch_name(id);
  pay::require_confirmable(b);
  refused_as_conflict(s, name + ": confirmation refused", [&] {
    SQLite::Statement& q =
        s.stmt("UPDATE batch SET status = 'confirmed', confirmed_at = ?, confirmed_by = ? WHERE id = ?");
    q.bind(1, ctx.at);
    q.bind(2, ctx.user);
    q.bind(3, id);
    q.exec();
  });
  s.audit(ctx, name, "confirmed: " + pay::payments_text(b.payments) + ", " + money::format_kr(b.total));
}

void cancel_batch(Database& store, std::int64_t id, const WriteContext& ctx) {
  Impl& s = store.impl();
  const pay::Batch b = load_batch(store, id);
  const std::string name = batch_name(id);
  pay::require_cancellable(b);
  refused_as_conflict(s, name + ": cancellation refused", [&] {
    SQLite::Statement& q =
        s.stmt("UPDATE batch SET status = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE id = ?");
    q.bind(1, ctx.at);
    q.bind(2, ctx.user);
    q.bind(3, id);
    q.exec();
  });
  s.audit(ctx, name, "cancelled: " + pay::payments_text(b.payments) + ", " + money::format_kr(b.total));
}

pay::BatchPayment record_return(Database& store, std::int64_t id, period::Date returned_on, const std::string& reason,
                                const WriteContext& ctx) {
  Impl& s = store.impl();
  const std::string name = format_id(IdKind::payment, id);
  const auto payment = guarded(s, [&] {
    SQLite::Statement& q = s.stmt(std::string(k_payment_sql) + "WHERE p.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw NotFound("no payment " + name);
    pay::BatchPayment p = read_payment(q);
    SQLite::Statement& b =
        s.stmt("SELECT batch_id, (SELECT status FROM batch WHERE id = batch_id) FROM payment WHERE id = ?");
    b.bind(1, id);
    b.executeStep();
    return std::make_pair(p, std::make_pair(b.getColumn(0).getInt64(), b.getColumn(1).getString()));
  });
  const pay::BatchPayment& p = payment.first;
  pay::require_returnable(p, payment.second.first, status_of(payment.second.second));
  refused_as_conflict(s, name + ": return refused", [&] {
    SQLite::Statement& q = s.stmt(
        "INSERT INTO payment_return (payment_id, returned_on, reason, recorded_at, recorded_by) VALUES (?,?,?,?,?)");
    q.bind(1, id);
    q.bind(2, returned_on.to_string());
    q.bind(3, reason);
    q.bind(4, ctx.at);
    q.bind(5, ctx.user);
    q.exec();
  });
  s.audit(ctx, name,
          "returned on " + returned_on.to_string() + ": " + money::format_kr(p.amount) + " (" + reason + ")");
  pay::BatchPayment out = p;
  out.returned_on = returned_on;
  out.return_reason = reason;
  return out;
}

ClaimBasis claim_basis(const Database& store, std::int64_t application_id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& a = s.stmt(
        "SELECT a.arende_id, a.month, (SELECT min(d.decided_on) FROM decision d WHERE d.application_id = a.id), "
        "(SELECT coalesce(sum(k.amount_ore), 0) FROM claim k WHERE k.application_id = a.id) "
        "FROM application a WHERE a.id = ?");
    a.bind(1, application_id);
    if (!a.executeStep()) throw NotFound("no application " + format_id(IdKind::application, application_id));
    ClaimBasis b;
    b.application_id = application_id;
    b.case_id = a.getColumn(0).getInt64();
    b.month = period::parse_month(a.getColumn(1).getString(), "application.month");
    if (!a.getColumn(2).isNull()) b.first_decided_on = period::parse_date(a.getColumn(2).getString(), "decided_on");
    b.claimed = Money::from_ore(a.getColumn(3).getInt64());
    SQLite::Statement& p = s.stmt(
        "SELECT coalesce(sum(p.amount_ore), 0), min(b.pay_date) FROM payment p JOIN batch b ON b.id = p.batch_id "
        "WHERE p.application_id = ? AND p.cancelled = 0 AND b.status IN ('exported', 'confirmed') "
        "AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id)");
    p.bind(1, application_id);
    if (p.executeStep()) {
      b.paid = Money::from_ore(p.getColumn(0).getInt64());
      if (!p.getColumn(1).isNull()) b.first_paid_on = period::parse_date(p.getColumn(1).getString(), "pay_date");
    }
    return b;
  });
}

std::int64_t insert_claim(Database::Impl& s, const ClaimPlace& place, const fut::Claim& claim,
                          const std::string& reason, const WriteContext& ctx) {
  SQLite::Statement& q = s.stmt(
      "INSERT INTO claim (arende_id, application_id, decision_id, month, amount_ore, reason, statute, raised_on, "
      "created_at, created_by, fut_flag_id, decision, deadline, deadline_statute, ground, on_decision_id) "
      "VALUES (?,?,NULL,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, place.case_id);
  bind_optional(q, 2, place.application_id);
  q.bind(3, place.month.to_string());
  q.bind(4, claim.amount.ore());
  q.bind(5, reason);
  q.bind(6, claim.statute);
  q.bind(7, claim.on.to_string());
  q.bind(8, ctx.at);
  q.bind(9, claim.by);
  bind_optional(q, 10, place.flag_id);
  q.bind(11, claim.decision);
  q.bind(12, claim.deadline.to_string());
  q.bind(13, claim.deadline_statute);
  q.bind(14, std::string(decide::claim_ground_name(claim.ground)));
  bind_optional(q, 15, claim.on_decision);
  q.exec();
  return s.db.getLastInsertRowid();
}

std::int64_t store_decision_claim(Database& store, const ClaimBasis& basis, const fut::Claim& claim,
                                  const WriteContext& ctx) {
  Impl& s = store.impl();
  const std::string on = claim.on_decision ? format_id(IdKind::beslut, *claim.on_decision) : std::string("-");
  std::int64_t id = 0;
  refused_as_conflict(s, "claim on " + on + " refused", [&] {
    id = insert_claim(s, ClaimPlace{basis.case_id, basis.application_id, basis.month, std::nullopt}, claim,
                      claim.reason, ctx);
  });
  s.audit(ctx, format_id(IdKind::claim, id),
          "raised " + money::format_kr(claim.amount) + " on " + on + " (" +
              format_id(IdKind::application, basis.application_id) + ", " + format_id(IdKind::arende, basis.case_id) +
              ", " + basis.month.to_string() + ") under " + claim.statute + " (" +
              std::string(decide::claim_ground_name(claim.ground)) + "); decision: " + claim.decision +
              "; court action by " + claim.deadline.to_string() + " (" + claim.deadline_statute + ")");
  return id;
}

std::vector<pay::Claim> case_claims(const Database& store, std::int64_t case_id) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    SQLite::Statement& q = s.stmt(
        "SELECT k.id, k.application_id, k.decision_id, k.month, k.amount_ore, "
        "(SELECT coalesce(sum(amount_ore), 0) FROM repayment y WHERE y.claim_id = k.id), k.reason, k.statute, "
        "k.raised_on, k.fut_flag_id, k.deadline, "
        "(SELECT coalesce(sum(amount_ore), 0) FROM fut_follow_up w WHERE w.claim_id = k.id AND w.kind = 'waiver'), "
        "k.ground, k.on_decision_id "
        "FROM claim k WHERE k.arende_id = ? ORDER BY k.raised_on, k.id");
    q.bind(1, case_id);
    std::vector<pay::Claim> out;
    while (q.executeStep()) {
      pay::Claim c;
      c.id = q.getColumn(0).getInt64();
      c.case_id = case_id;
      if (!q.getColumn(1).isNull()) c.application_id = q.getColumn(1).getInt64();
      if (!q.getColumn(2).isNull()) c.decision_id = q.getColumn(2).getInt64();
      if (!q.getColumn(3).isNull()) c.month = period::parse_month(q.getColumn(3).getString(), "claim.month");
      c.amount = Money::from_ore(q.getColumn(4).getInt64());
      c.repaid = Money::from_ore(q.getColumn(5).getInt64());
      c.reason = q.getColumn(6).getString();
      c.statute = q.getColumn(7).getString();
      c.raised_on = period::parse_date(q.getColumn(8).getString(), "claim.raised_on");
      if (!q.getColumn(9).isNull()) c.flag_id = q.getColumn(9).getInt64();
      if (!q.getColumn(10).isNull()) c.deadline = period::parse_date(q.getColumn(10).getString(), "claim.deadline");
      c.waived = Money::from_ore(q.getColumn(11).getInt64());
      c.ground = q.getColumn(12).getString();
      if (!q.getColumn(13).isNull()) c.on_decision_id = q.getColumn(13).getInt64();
      out.push_back(std::move(c));
    }
    return out;
  });
}

std::vector<RepaymentPart> record_repayment(Database& store, std::int64_t case_id, Money amount, period::Date paid_on,
                                            std::optional<std::int64_t> claim_id, const WriteContext& ctx) {
  Impl& s = store.impl();
  require_case(store, case_id);
  const std::string case_name = format_id(IdKind::arende, case_id);
  const std::vector<pay::Claim> claims = case_claims(store, case_id);
  if (claim_id) {
    const bool found =
        std::any_of(claims.begin(), claims.end(), [&](const pay::Claim& c) { return c.id == *claim_id; });
    if (!found) {
      const bool exists = guarded(s, [&] {
        SQLite::Statement& q = s.stmt("SELECT 1 FROM claim WHERE id = ?");
        q.bind(1, *claim_id);
        return q.executeStep();
      });
      if (!exists) throw NotFound("no claim " + format_id(IdKind::claim, *claim_id));
      throw Conflict(format_id(IdKind::claim, *claim_id) + " is not a claim of " + case_name);
    }
  }
  std::vector<std::pair<std::int64_t, Money>> parts;
  try {
    parts = pay::allocate_repayment(claims, amount, claim_id);
  } catch (const Conflict& e) {
    throw Conflict(case_name + ": " + e.what());
  }
  std::vector<RepaymentPart> out;
  for (const auto& [claim, part] : parts) {
    refused_as_conflict(s, case_name + ": repayment refused", [&] {
      SQLite::Statement& q = s.stmt(
          "INSERT INTO repayment (arende_id, claim_id, amount_ore, paid_on, created_at, created_by) "
          "VALUES (?,?,?,?,?,?)");
      q.bind(1, case_id);
      q.bind(2, claim);
      q.bind(3, part.ore());
      q.bind(4, paid_on.to_string());
      q.bind(5, ctx.at);
      q.bind(6, ctx.user);
      q.exec();
    });
    RepaymentPart r{s.db.getLastInsertRowid(), claim, part, Money()};
    for (const auto& c : claims) {
      if (c.id == claim) r.left = c.left() - part;
    }
    s.audit(ctx, format_id(IdKind::claim, claim),
            "repaid " + money::format_kr(part) + " on " + paid_on.to_string() + " by " + case_name + " (repayment " +
                std::to_string(r.repayment_id) + "); " + money::format_kr(r.left) + " left");
    out.push_back(r);
  }
  return out;
}

std::vector<pay::LedgerRow> ledger_entries(const Database& store, std::optional<std::int64_t> case_id,
                                           std::optional<period::MonthRange> period) {
  Impl& s = impl_of(store);
  return guarded(s, [&] {
    const std::string from = period ? period->first.to_string() : "0000-00";
    const std::string to = period ? period->last.to_string() : "9999-99";
    std::map<std::pair<std::int64_t, std::string>, pay::LedgerFigures> rows;
    const auto each = [&](std::string_view sql, auto&& add) {
      SQLite::Statement& q = s.stmt(sql);
      q.bind(1, from);
      q.bind(2, to);
      if (case_id) {
        q.bind(3, *case_id);
      } else {
        q.bind(3);
      }
      while (q.executeStep()) {
        add(rows[{q.getColumn(0).getInt64(), q.getColumn(1).getString()}], q);
      }
    };
    const auto money_at = [](SQLite::Statement& q, int col) { return Money::from_ore(q.getColumn(col).getInt64()); };
    each(
        "SELECT a.arende_id, a.month, sum(d.granted_ore) FROM decision d JOIN application a ON a.id = d.application_id "
        "WHERE NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id) AND a.month BETWEEN ?1 AND ?2 "
        "AND (?3 IS NULL OR a.arende_id = ?3) GROUP BY a.arende_id, a.month",
        [&](pay::LedgerFigures& f, SQLite::Statement& q) { f.decided += money_at(q, 2); });
    each(
        "SELECT p.arende_id, p.month, "
        "coalesce(sum(CASE WHEN b.status IN ('exported', 'confirmed') THEN p.amount_ore END), 0), "
        "coalesce(sum(CASE WHEN r.payment_id IS NOT NULL THEN p.amount_ore END), 0), "
        "coalesce(sum(CASE WHEN b.status = 'created' THEN p.amount_ore END), 0) "
        "FROM payment p JOIN batch b ON b.id = p.batch_id LEFT JOIN payment_return r ON r.payment_id = p.id "
        "WHERE p.cancelled = 0 AND p.month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR p.arende_id = ?3) "
        "GROUP BY p.arende_id, p.month",
        [&](pay::LedgerFigures& f, SQLite::Statement& q) {
          f.paid += money_at(q, 2);
          f.returned += money_at(q, 3);
          f.pending += money_at(q, 4);
        });
    each(
        "SELECT k.arende_id, coalesce(k.month, substr(k.raised_on, 1, 7)) AS m, sum(k.amount_ore), "
        "coalesce(sum(CASE WHEN k.decision_id IS NOT NULL THEN k.amount_ore END), 0), "
        "coalesce(sum((SELECT sum(y.amount_ore) FROM repayment y WHERE y.claim_id = k.id)), 0), "
        "coalesce(sum((SELECT sum(w.amount_ore) FROM fut_follow_up w WHERE w.claim_id = k.id AND w.kind = 'waiver')), "
        "0) "
        "FROM claim k WHERE m BETWEEN ?1 AND ?2 AND (?3 IS NULL OR k.arende_id = ?3) GROUP BY k.arende_id, m",
        [&](pay::LedgerFigures& f, SQLite::Statement& q) {
          f.claimed += money_at(q, 2);
          f.claimed_on_decisions += money_at(q, 3);
          f.repaid += money_at(q, 4);
          f.waived += money_at(q, 5);
        });
    std::vector<pay::LedgerRow> out;
    out.reserve(rows.size());
    for (const auto& [key, figures] : rows) {
      out.push_back({key.first, period::parse_month(key.second, "month"), figures});
    }
    return out;
  });
}

}  // namespace eb::store
