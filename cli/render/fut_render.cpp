// SPDX-License-Identifier: MIT
#include "render/fut_render.hpp"

#include "common/ids.hpp"
#include "common/json_stream.hpp"
#include "common/text.hpp"
#include "fut/content.hpp"
#include "fut/evidence_section.hpp"
#include "fut/finding_json.hpp"
#include "person/personnummer.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

using money::Money;
using nlohmann::json;

std::string flag_name(std::int64_t id) {
  return format_id(IdKind::flag, id);
}

std::string member_of(const fut::Finding& f, bool show_pnr) {
  return f.member ? person::written_pnr(f.member->digits(), show_pnr) : "";
}

std::string cases_of(const fut::Finding& f) {
  std::string out;
  for (const auto c : f.cases) out += (out.empty() ? "" : " ") + format_id(IdKind::arende, c);
  return out;
}

std::string status_of(const store::StoredFlag& f) {
  if (!f.resolution) return "open";
  return std::string(fut::outcome_name(f.resolution->outcome)) + " " + f.resolution->on.to_string();
}

json flag_json(std::int64_t id, bool is_new, const fut::Finding& f, bool show_pnr) {
  json j = fut::finding_json(f, show_pnr);
  json out = {{"flag_id", flag_name(id)}, {"new", is_new}};
  out.update(j);
  return out;
}

json resolution_json(const std::optional<fut::Resolution>& r) {
  if (!r) return nullptr;
  return {{"outcome", std::string(fut::outcome_name(r->outcome))},
          {"note", r->note},
          {"by", r->by},
          {"on", r->on.to_string()}};
}

}  // namespace

void print_import(std::ostream& out, const flow::FutImportOutcome& o) {
  const store::FutImport& im = o.import;
  out << "fut-import-" << im.id << ": " << im.kind << " register " << im.file << ": "
      << text::counted(im.rows_read, "row", "rows") << " read, " << text::format_count(im.rows_added) << " new";
  if (o.kind == flow::RegisterKind::income) {
    const fut::IncomeSummary& a = o.income_added;
    if (a.rows > 0) {
      std::string by;
      for (std::size_t s = 0; s < fut::k_source_count; ++s) {
        if (a.by_source[s] == 0) continue;
        by += (by.empty() ? "" : ", ") + std::string(fut::source_code(static_cast<fut::Source>(s))) + " " +
              text::format_count(static_cast<std::int64_t>(a.by_source[s]));
      }
      out << " (" << by << "), " << a.first_month->to_string()
          << (*a.last_month != *a.first_month ? ".." + a.last_month->to_string() : "") << ", "
          << money::format_kr(a.total);
    }
  } else if (o.population_added.rows > 0) {
    out << " (" << text::format_count(static_cast<std::int64_t>(o.population_added.deceased))
        << " with a date of death)";
  }
  out << "\n";
  if (im.rows_added == 0 && im.rows_read > 0) out << "  nothing new: every row of the file was imported before\n";
}

void print_run(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr) {
  out << "fut-check " << o.period.to_string() << ": "
      << text::counted(static_cast<std::int64_t>(o.case_months), "paid case-month", "paid case-months")
      << " screened by " << text::counted(static_cast<std::int64_t>(o.rules.size()), "rule", "rules") << "; "
      << text::counted(static_cast<std::int64_t>(o.flags.size()), "finding", "findings") << ", "
      << text::format_count(static_cast<std::int64_t>(o.new_flags)) << " new"
      << (o.run ? " (run " + std::to_string(*o.run) + ")" : "") << "\n";
  if (o.flags.empty()) return;
  Table t({"flag", "new", "rule", "case", "month", "member", "at risk", "cases"},
          {false, false, false, false, false, false, true, false});
  for (const auto& r : o.flags) {
    const fut::Finding& f = r.finding;
    t.add({flag_name(r.flag_id), r.is_new ? "new" : "", f.rule, format_id(IdKind::arende, f.case_id),
           f.month.to_string(), member_of(f, show_pnr), money::format_kr(f.amount_at_risk), cases_of(f)});
  }
  t.print(out);
}

void write_run_json(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr) {
  json rules = json::array();
  for (const auto* r : o.rules) rules.push_back(std::string(r->id));
  const json head = {{"period", o.period.to_string()},
                     {"run", o.run ? json(*o.run) : json(nullptr)},
                     {"rules", rules},
                     {"screened", {{"case_months", o.case_months}, {"register_rows", o.register_rows}}},
                     {"new_flags", o.new_flags}};
  write_json_with_array(out, head, "flags", o.flags.size(), [&](std::size_t i) {
    const auto& r = o.flags[i];
    return flag_json(r.flag_id, r.is_new, r.finding, show_pnr);
  });
}

void print_run_csv(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr) {
  Table t(
      {"flag_id", "rule", "case_id", "cases", "month", "member", "amount_at_risk_ore", "evidence_key", "new", "note"});
  for (const auto& r : o.flags) {
    const fut::Finding& f = r.finding;
    t.add({flag_name(r.flag_id), f.rule, format_id(IdKind::arende, f.case_id), cases_of(f), f.month.to_string(),
           member_of(f, show_pnr), std::to_string(f.amount_at_risk.ore()), f.evidence_key.hex(),
           r.is_new ? "true" : "false", f.evidence.note});
  }
  t.print_csv(out);
}

void print_flags(std::ostream& out, const std::vector<store::StoredFlag>& flags, bool show_pnr) {
  if (flags.empty()) {
    out << "no flags\n";
    return;
  }
  Table t({"flag", "rule", "case", "month", "member", "at risk", "status", "claim"},
          {false, false, false, false, false, true, false, false});
  for (const auto& f : flags) {
    t.add({flag_name(f.id), f.finding.rule, format_id(IdKind::arende, f.finding.case_id), f.finding.month.to_string(),
           member_of(f.finding, show_pnr), money::format_kr(f.finding.amount_at_risk), status_of(f),
           f.claim_id ? format_id(IdKind::claim, *f.claim_id) : ""});
  }
  t.print(out);
}

void write_flags_json(std::ostream& out, const std::vector<store::StoredFlag>& flags, bool show_pnr) {
  write_json_array(out, flags.size(), [&](std::size_t i) {
    const auto& f = flags[i];
    json j = flag_json(f.id, false, f.finding, show_pnr);
    j.erase("new");
    j.erase("evidence");
    j["status"] = f.resolution ? "closed" : "open";
    j["outcome"] = resolution_json(f.resolution);
    j["claim_id"] = f.claim_id ? json(format_id(IdKind::claim, *f.claim_id)) : json(nullptr);
    j["first_run"] = f.first_run;
    j["flagged_at"] = f.created_at;
    return j;
  });
}

void print_flag(std::ostream& out, const flow::FutFlagView& v, bool show_pnr) {
  const store::StoredFlag& f = v.flag;
  const fut::RuleInfo* rule = fut::find_rule(f.finding.rule);
  fut::Content c;
  c.title = "FUT-flagga " + flag_name(f.id);
  fut::Section head;
  head.heading = "Flagga";
  head.facts = {{"Kontroll", f.finding.rule + (rule ? " (" + std::string(rule->name_sv) + ")" : "")},
                {"Ärende", format_id(IdKind::arende, f.finding.case_id)},
                {"Berörda ärenden", cases_of(f.finding)},
                {"Månad", f.finding.month.to_string()},
                {"Person", f.finding.member ? member_of(f.finding, show_pnr) : "—"},
                {"I risk", money::format_kr(f.finding.amount_at_risk)},
                {"Flaggad", f.created_at + " av " + f.created_by + " (körning " + std::to_string(f.first_run) + ", " +
                                f.run_period + ")"}};
  if (rule) head.facts.push_back({"Lagrum", std::string(rule->statute)});
  c.sections.push_back(std::move(head));
  c.sections.push_back(fut::evidence_section(f.finding, show_pnr));
  fut::Section follow;
  follow.heading = "Uppföljning";
  if (!f.resolution) {
    follow.paragraphs.push_back("Öppen: utredningen är inte avslutad (eb fut-check resolve " + flag_name(f.id) + ").");
  } else {
    const auto& r = *f.resolution;
    follow.facts.push_back({"Utfall", std::string(fut::outcome_label_sv(r.outcome)) + " (" +
                                          std::string(fut::outcome_name(r.outcome)) + "), " + r.on.to_string() + ", " +
                                          r.by});
    follow.facts.push_back({"Anteckning", r.note});
  }
  if (v.claim) {
    const auto& k = *v.claim;
    const Money left = fut::outstanding(k.claim, k.balance);
    follow.facts.push_back({"Återkrav", format_id(IdKind::claim, k.id) + ", " + money::format_kr(k.claim.amount) +
                                            " (" + k.claim.statute + "), " + k.claim.on.to_string()});
    follow.facts.push_back(
        {"Grund", std::string(decide::claim_ground_label_sv(k.claim.ground)) +
                      (k.claim.on_decision ? ", enligt beslut " + format_id(IdKind::beslut, *k.claim.on_decision)
                                           : std::string())});
    follow.facts.push_back({"Beslut", k.claim.decision});
    follow.facts.push_back({"Återbetalt", money::format_kr(k.balance.repaid)});
    follow.facts.push_back({"Eftergivet", money::format_kr(k.balance.waived)});
    follow.facts.push_back({"Kvar", money::format_kr(left)});
    const int days = k.claim.days_to_deadline(v.today);
    follow.facts.push_back(
        {"Talan senast", k.claim.deadline.to_string() + " (" + k.claim.deadline_statute + "; " +
                             (days >= 0 ? text::counted(days, "dag", "dagar") + " kvar" : "tiden har gått ut") + ")"});
  }
  for (const auto& r : v.follow_ups) {
    if (r.kind == "waiver") {
      follow.facts.push_back({"Eftergift", money::format_kr(*r.amount) + ", " + r.on.to_string() + ", " + r.created_by +
                                               " (" + r.statute + "): " + r.detail});
    } else if (r.kind == "police-report") {
      follow.facts.push_back({"Polisanmälan", r.on.to_string() + ", " + r.created_by + " (" + r.statute + ")"});
    } else {
      follow.facts.push_back({"Underrättelse", r.authority + (r.recipient.empty() ? "" : " (" + r.recipient + ")") +
                                                   ", " + r.on.to_string() + ", " + r.created_by + " (" + r.statute +
                                                   ")"});
    }
  }
  c.sections.push_back(std::move(follow));
  out << fut::render_text(c);
}

json flag_view_json(const flow::FutFlagView& v, bool show_pnr) {
  const store::StoredFlag& f = v.flag;
  json j = flag_json(f.id, false, f.finding, show_pnr);
  j.erase("new");
  j["status"] = f.resolution ? "closed" : "open";
  j["outcome"] = resolution_json(f.resolution);
  j["first_run"] = f.first_run;
  j["flagged_at"] = f.created_at;
  j["flagged_by"] = f.created_by;
  if (v.claim) {
    const auto& k = *v.claim;
    j["claim"] = {
        {"claim_id", format_id(IdKind::claim, k.id)},
        {"amount_ore", k.claim.amount.ore()},
        {"decision", k.claim.decision},
        {"ground", decide::claim_ground_name(k.claim.ground)},
        {"on_decision_id", k.claim.on_decision ? json(format_id(IdKind::beslut, *k.claim.on_decision)) : json(nullptr)},
        {"statute", k.claim.statute},
        {"raised_on", k.claim.on.to_string()},
        {"repaid_ore", k.balance.repaid.ore()},
        {"waived_ore", k.balance.waived.ore()},
        {"outstanding_ore", fut::outstanding(k.claim, k.balance).ore()},
        {"deadline", k.claim.deadline.to_string()},
        {"deadline_statute", k.claim.deadline_statute}};
  } else {
    j["claim"] = nullptr;
  }
  json follow = json::array();
  for (const auto& r : v.follow_ups) {
    follow.push_back({{"kind", r.kind},
                      {"on", r.on.to_string()},
                      {"by", r.created_by},
                      {"statute", r.statute},
                      {"amount_ore", r.amount ? json(r.amount->ore()) : json(nullptr)},
                      {"authority", r.authority.empty() ? json(nullptr) : json(r.authority)},
                      {"detail", r.detail},
                      {"sha256", r.sha256.empty() ? json(nullptr) : json(r.sha256)}});
  }
  j["follow_up"] = follow;
  return j;
}

void print_resolved(std::ostream& out, std::int64_t flag_id, const fut::Resolution& r) {
  out << flag_name(flag_id) << ": closed as " << fut::outcome_name(r.outcome) << " on " << r.on.to_string() << " by "
      << r.by << "\n";
}

void print_claimed(std::ostream& out, std::int64_t flag_id, const flow::FutClaimOutcome& o) {
  const std::string claim = format_id(IdKind::claim, o.claim_id);
  const std::string case_name = format_id(IdKind::arende, o.case_id);
  out << claim << ": claim of " << money::format_kr(o.claim.amount) << " on " << flag_name(flag_id) << " (" << case_name
      << ") under " << o.claim.statute
      << (o.claim.on_decision ? " on the written condition of " + format_id(IdKind::beslut, *o.claim.on_decision)
                              : std::string())
      << "\n"
      << "  court action by " << o.claim.deadline.to_string() << " if not repaid (" << o.claim.deadline_statute << ")\n"
      << "  repayments: eb pay repayment " << case_name << " --amount KR --claim " << claim << "\n";
}

void print_waived(std::ostream& out, std::int64_t flag_id, const flow::FutWaiveOutcome& o) {
  out << format_id(IdKind::claim, o.claim_id) << ": " << money::format_kr(o.waiver.amount) << " waived on "
      << flag_name(flag_id) << " under " << o.waiver.statute << "; " << money::format_kr(o.outstanding)
      << " outstanding\n";
}

std::string rules_help() {
  std::string out = "Rules (--rule ID; parameters with --param RULE.NAME=VALUE):\n";
  for (const auto& r : fut::rule_table()) {
    out += "  " + std::string(r.id) + ": " + std::string(r.name_sv) + " (" + std::string(r.statute) + ")\n";
    for (const auto& p : r.parameters) {
      out += "      " + std::string(r.id) + "." + std::string(p.name) + " (default " + std::string(p.default_value) +
             " " + std::string(p.unit) + ")\n";
    }
  }
  return out;
}

}  // namespace eb::cli
