// SPDX-License-Identifier: MIT
#include "fut/finding_json.hpp"

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

}  // namespace eb::fut
