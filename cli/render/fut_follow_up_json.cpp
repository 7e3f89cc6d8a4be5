// SPDX-License-Identifier: MIT
#include "render/fut_follow_up_json.hpp"

#include "common/ids.hpp"

namespace eb::cli {

namespace {

using nlohmann::json;

json month_or_null(const std::optional<period::Month>& m) {
  return m ? json(m->to_string()) : json(nullptr);
}

json added_json(const flow::FutImportOutcome& o) {
  if (o.kind == flow::RegisterKind::population) {
    return {{"rows", o.population_added.rows}, {"deceased", o.population_added.deceased}};
  }
  const fut::IncomeSummary& a = o.income_added;
  json by_source = json::object();
  for (std::size_t s = 0; s < fut::k_source_count; ++s) {
    if (a.by_source[s] > 0) by_source[std::string(fut::source_code(static_cast<fut::Source>(s)))] = a.by_source[s];
  }
  return {{"rows", a.rows},
          {"by_source", by_source},
          {"first_month", month_or_null(a.first_month)},
          {"last_month", month_or_null(a.last_month)},
          {"total_ore", a.total.ore()}};
}

}  // namespace

json import_json(const flow::FutImportOutcome& o) {
  const store::FutImport& im = o.import;
  return {{"import_id", im.id},
          {"kind", im.kind},
          {"file", im.file},
          {"sha256", im.sha256},
          {"rows_read", im.rows_read},
          {"rows_added", im.rows_added},
          {"imported_at", im.imported_at},
          {"imported_by", im.imported_by},
          {"added", added_json(o)}};
}

json resolved_json(std::int64_t flag_id, const fut::Resolution& r) {
  return {{"flag_id", format_id(IdKind::flag, flag_id)},
          {"outcome", fut::outcome_name(r.outcome)},
          {"note", r.note},
          {"by", r.by},
          {"on", r.on.to_string()}};
}

json claimed_json(std::int64_t flag_id, const flow::FutClaimOutcome& o) {
  const fut::Claim& c = o.claim;
  return {{"claim_id", format_id(IdKind::claim, o.claim_id)},
          {"flag_id", format_id(IdKind::flag, flag_id)},
          {"case_id", format_id(IdKind::arende, o.case_id)},
          {"amount_ore", c.amount.ore()},
          {"decision", c.decision},
          {"ground", decide::claim_ground_name(c.ground)},
          {"on_decision_id", c.on_decision ? json(format_id(IdKind::beslut, *c.on_decision)) : json(nullptr)},
          {"statute", c.statute},
          {"raised_on", c.on.to_string()},
          {"deadline", c.deadline.to_string()},
          {"deadline_statute", c.deadline_statute},
          {"warnings", o.warnings}};
}

json waived_json(std::int64_t flag_id, const flow::FutWaiveOutcome& o) {
  const fut::Waiver& w = o.waiver;
  return {{"claim_id", format_id(IdKind::claim, o.claim_id)},
          {"flag_id", format_id(IdKind::flag, flag_id)},
          {"amount_ore", w.amount.ore()},
          {"whole", w.whole},
          {"reason", w.reason},
          {"statute", w.statute},
          {"by", w.by},
          {"on", w.on.to_string()},
          {"outstanding_ore", o.outstanding.ore()}};
}

}  // namespace eb::cli
