// SPDX-License-Identifier: MIT
#include "fut/evidence_section.hpp"

#include "common/ids.hpp"
#include "pay/payee_check.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

namespace {

std::string where(std::int64_t import_id, long line) {
  std::string s;
  if (import_id > 0) s = "import " + std::to_string(import_id) + ", ";
  return s + "rad " + std::to_string(line);
}

}  // namespace

std::string short_key(const ContentKey& key) {
  return key.hex().substr(0, 16);
}

Section evidence_section(const Finding& f, bool show_personal) {
  Section s;
  s.heading = "Underlag";
  if (!f.evidence.note.empty()) s.paragraphs.push_back(f.evidence.note);
  if (!f.evidence.register_rows.empty()) {
    Table t;
    t.caption = "Registeruppgifter";
    t.header = {"Källa", "Slag", "Avser", "Belopp", "Utbetald", "Person", "Registerrad", "Nyckel"};
    for (const auto& r : f.evidence.register_rows) {
      t.rows.push_back({std::string(source_name(r.source)), std::string(assess::income_kind_label(r.kind)),
                        r.month.to_string(), money::format_kr(r.amount), r.paid_on.to_string(),
                        person::written_pnr(r.pnr.digits(), show_personal), where(r.import_id, r.line),
                        short_key(r.key)});
    }
    s.tables.push_back(std::move(t));
  }
  if (!f.evidence.declared.empty()) {
    Table t;
    t.caption = "Uppgifter i ansökan";
    t.header = {"Rad", "Person", "Slag", "Belopp"};
    for (const auto& d : f.evidence.declared) {
      t.rows.push_back({d.ref, person::written_pnr(d.member.digits(), show_personal),
                        std::string(assess::income_kind_label(d.kind)), money::format_kr(d.amount)});
    }
    s.tables.push_back(std::move(t));
  }
  if (f.evidence.population) {
    const auto& p = *f.evidence.population;
    s.facts.push_back(
        {"Avliden enligt folkbokföringen", p.deceased_on ? p.deceased_on->to_string() : std::string("—")});
    s.facts.push_back({"Folkbokföringsrad", where(p.import_id, p.line) + ", nyckel " + short_key(p.key)});
  }
  if (!f.evidence.account.empty()) {
    s.facts.push_back({"Konto", show_personal ? f.evidence.account : pay::masked_account(f.evidence.account)});
  }
  if (!f.evidence.address.empty()) s.facts.push_back({"Adress (normaliserad)", f.evidence.address});
  if (!f.evidence.payments.empty()) {
    Table t;
    t.caption = "Utbetalningar för " + f.month.to_string();
    t.header = {"Ärende", "Ansökningar", "Utbetalt", "Beviljat", "Återkrävt", "Personer"};
    for (const auto& p : f.evidence.payments) {
      std::string apps;
      for (const auto id : p.application_ids) apps += (apps.empty() ? "" : ", ") + format_id(IdKind::application, id);
      t.rows.push_back({format_id(IdKind::arende, p.case_id), apps.empty() ? "—" : apps, money::format_kr(p.paid),
                        money::format_kr(p.granted), money::format_kr(p.claimed), std::to_string(p.members)});
    }
    s.tables.push_back(std::move(t));
  }
  s.facts.push_back({"Bevisnyckel", f.evidence_key.hex()});
  return s;
}

}  // namespace eb::fut
