// SPDX-License-Identifier: MIT
#include "fut/finding_json.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"
#include "fut/evidence_section.hpp"
#include "pay/payee_check.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

nlohmann::json finding_json(const Finding& f, bool show_personal) {
  using nlohmann::json;
  const auto pnr = [&](const person::Personnummer& p) { return person::written_pnr(p.digits(), show_personal); };
  json cases = json::array();
  for (const auto c : f.cases) cases.push_back(format_id(IdKind::arende, c));
  json ev = json::object();
  ev["note"] = f.evidence.note;
  json rows = json::array();
  for (const auto& r : f.evidence.register_rows) {
    rows.push_back({{"key", r.key.hex()},
                    {"source", std::string(source_code(r.source))},
                    {"kind", std::string(assess::income_kind_name(r.kind))},
                    {"month", r.month.to_string()},
                    {"amount_ore", r.amount.ore()},
                    {"paid_on", r.paid_on.to_string()},
                    {"pnr", pnr(r.pnr)},
                    {"import_id", r.import_id},
                    {"line", r.line}});
  }
  ev["register_rows"] = rows;
  json declared = json::array();
  for (const auto& d : f.evidence.declared) {
    declared.push_back({{"ref", d.ref},
                        {"member", pnr(d.member)},
                        {"kind", std::string(assess::income_kind_name(d.kind))},
                        {"amount_ore", d.amount.ore()}});
  }
  ev["declared"] = declared;
  if (f.evidence.population) {
    const auto& p = *f.evidence.population;
    ev["population"] = {{"key", p.key.hex()},
                        {"pnr", pnr(p.pnr)},
                        {"deceased_on", p.deceased_on ? json(p.deceased_on->to_string()) : json(nullptr)},
                        {"import_id", p.import_id},
                        {"line", p.line}};
  } else {
    ev["population"] = nullptr;
  }
  json payments = json::array();
  for (const auto& p : f.evidence.payments) {
    json apps = json::array();
    for (const auto id : p.application_ids) apps.push_back(format_id(IdKind::application, id));
    payments.push_back({{"case_id", format_id(IdKind::arende, p.case_id)},
                        {"applications", apps},
                        {"paid_ore", p.paid.ore()},
                        {"granted_ore", p.granted.ore()},
                        {"claimed_ore", p.claimed.ore()},
                        {"members", p.members}});
  }
  ev["payments"] = payments;
  ev["account"] = f.evidence.account.empty()
                      ? json(nullptr)
                      : json(show_personal ? f.evidence.account : pay::masked_account(f.evidence.account));
  ev["address"] = f.evidence.address.empty() ? json(nullptr) : json(f.evidence.address);
  return {{"rule", f.rule},
          {"case_id", format_id(IdKind::arende, f.case_id)},
          {"cases", cases},
          {"month", f.month.to_string()},
          {"member", f.member ? json(pnr(*f.member)) : json(nullptr)},
          {"amount_at_risk_ore", f.amount_at_risk.ore()},
          {"evidence_key", f.evidence_key.hex()},
          {"evidence", ev}};
}

namespace {

using nlohmann::json;

// Reads the fields of one JSON object, each named in errors by `where` and the key.
class Reader {
 public:
  Reader(const json& j, std::string where) : m_j(j), m_where(std::move(where)) {
    if (!m_j.is_object()) fail("", "not an object");
  }
  const json& at(const char* key) const {
    const auto it = m_j.find(key);
    if (it == m_j.end()) fail(key, "missing");
    return *it;
  }
  bool is_null(const char* key) const {
    const auto it = m_j.find(key);
    return it == m_j.end() || it->is_null();
  }
  std::string text(const char* key) const {
    const json& v = at(key);
    if (!v.is_string()) fail(key, "not a string");
    return v.get<std::string>();
  }
  std::int64_t integer(const char* key) const {
    const json& v = at(key);
    if (!v.is_number_integer()) fail(key, "not a whole number");
    return v.get<std::int64_t>();
  }
  Money ore(const char* key) const { return Money::from_ore(integer(key)); }
  person::Personnummer pnr(const char* key) const { return person::parse_personnummer(text(key), field(key)); }
  period::Month month(const char* key) const { return period::parse_month(text(key), field(key)); }
  period::Date date(const char* key) const { return period::parse_date(text(key), field(key)); }
  ContentKey key(const char* key) const { return ContentKey::from_hex(text(key), field(key)); }
  std::int64_t id(const char* key, IdKind kind) const {
    const auto id = parse_id(text(key), kind);
    if (!id) fail(key, "not an id");
    return *id;
  }
  assess::IncomeKind kind(const char* key) const {
    const auto k = assess::income_kind_from(text(key));
    if (!k) fail(key, "not an income kind");
    return *k;
  }
  std::string field(const char* key) const { return m_where + (*key ? std::string(".") + key : std::string()); }
  [[noreturn]] void fail(const char* key, const char* why) const { throw InputError(field(key), "", why); }

 private:
  const json& m_j;
  std::string m_where;
};

template <class Fn>
void each(const Reader& r, const char* key, Fn&& fn) {
  const json& list = r.at(key);
  if (!list.is_array()) r.fail(key, "not an array");
  for (std::size_t i = 0; i < list.size(); ++i) fn(Reader(list[i], r.field(key) + "[" + std::to_string(i + 1) + "]"));
}

}  // namespace

Evidence evidence_from_json(const nlohmann::json& j) {
  const Reader r(j, "evidence");
  Evidence e;
  e.note = r.text("note");
  each(r, "register_rows", [&](const Reader& x) {
    IncomeRow row;
    row.key = x.key("key");
    const auto source = source_from(x.text("source"));
    if (!source) x.fail("source", "not a register source");
    row.source = *source;
    row.kind = x.kind("kind");
    row.month = x.month("month");
    row.amount = x.ore("amount_ore");
    row.paid_on = x.date("paid_on");
    row.pnr = x.pnr("pnr");
    row.import_id = x.integer("import_id");
    row.line = static_cast<long>(x.integer("line"));
    e.register_rows.push_back(std::move(row));
  });
  each(r, "declared", [&](const Reader& x) {
    e.declared.push_back(DeclaredIncome{x.pnr("member"), x.kind("kind"), x.ore("amount_ore"), x.text("ref")});
  });
  if (!r.is_null("population")) {
    const Reader x(r.at("population"), r.field("population"));
    PopulationRow p;
    p.key = x.key("key");
    p.pnr = x.pnr("pnr");
    if (!x.is_null("deceased_on")) p.deceased_on = x.date("deceased_on");
    p.import_id = x.integer("import_id");
    p.line = static_cast<long>(x.integer("line"));
    e.population = std::move(p);
  }
  each(r, "payments", [&](const Reader& x) {
    PaymentEvidence p;
    p.case_id = x.id("case_id", IdKind::arende);
    const json& apps = x.at("applications");
    if (!apps.is_array()) x.fail("applications", "not an array");
    for (const auto& a : apps) {
      const auto id = a.is_string() ? parse_id(a.get<std::string>(), IdKind::application) : std::nullopt;
      if (!id) x.fail("applications", "not a list of application ids");
      p.application_ids.push_back(*id);
    }
    p.paid = x.ore("paid_ore");
    p.granted = x.ore("granted_ore");
    p.claimed = x.ore("claimed_ore");
    p.members = static_cast<int>(x.integer("members"));
    e.payments.push_back(std::move(p));
  });
  if (!r.is_null("account")) e.account = r.text("account");
  if (!r.is_null("address")) e.address = r.text("address");
  return e;
}

}  // namespace eb::fut
