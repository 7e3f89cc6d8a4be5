// SPDX-License-Identifier: MIT
// eb db: create, migrate, check and back up the case store.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "record_shown.hpp"

namespace eb::cli {

namespace {

struct CheckOptions {
  bool head = false;
  std::string expect_head;
};

void run_init(Run& run) {
  const std::string name = run.session.db_path().string();
  record_shown(run, {{"store", name}, {"schema_version", run.db().schema_version()}}, [&](std::ostream& out) {
    out << name << ": case store, schema version " << run.db().schema_version() << "\n";
  });
}

void run_migrate(Run& run) {
  const std::string name = run.session.db_path().string();
  const auto applied = run.db().migrate(run.ctx.write("db migrate"));
  const nlohmann::json json{{"store", name}, {"schema_version", run.db().schema_version()}, {"migrated", applied}};
  record_shown(run, json, [&](std::ostream& out) {
    if (applied.empty()) out << name << ": up to date (schema version " << run.db().schema_version() << ")\n";
    for (const auto& a : applied) out << "migrated to " << a << "\n";
  });
}

// "N:MAC" as `eb db check --head` prints it.
store::AuditHead parse_head(const std::string& text) {
  const auto colon = text.find(':');
  store::AuditHead h;
  if (colon == std::string::npos || colon == 0 || text.size() - colon - 1 != 64) {
    throw InputError("--expect-head", text, "write ENTRY:MAC as eb db check --head prints it");
  }
  try {
    h.entry = std::stoll(text.substr(0, colon));
  } catch (const std::exception&) {
    throw InputError("--expect-head", text, "the entry is not a number");
  }
  h.mac = text.substr(colon + 1);
  return h;
}

void run_check(const CheckOptions& opt, Run& run) {
  const std::string name = run.session.db_path().string();
  std::optional<store::AuditHead> expect;
  if (!opt.expect_head.empty()) expect = parse_head(opt.expect_head);
  const store::CheckReport r = run.db().check(expect);
  if (!r.problems.empty()) {
    std::string all;
    for (const auto& p : r.problems) all += (all.empty() ? "" : "\n") + name + ": " + p;
    throw StoreError(all);
  }
  const std::string head = r.head ? r.head->to_string() : std::string("0:");
  if (run.format() == Format::json) {
    run.result() << nlohmann::json{{"store", name},
                                   {"ok", true},
                                   {"schema_version", run.db().schema_version()},
                                   {"sealed_rows", r.rows},
                                   {"audit_entries", r.entries},
                                   {"unkeyed_entries", r.unkeyed_entries},
                                   {"keyed", r.keyed},
                                   {"head", head}}
                        .dump(2)
                 << "\n";
  } else if (opt.head) {
    run.result() << head << "\n";
    return;
  } else {
    run.result() << name << ": ok (integrity, foreign keys, schema, " << r.rows << " sealed rows, audit chain of "
                 << r.entries << " entries" << (r.keyed ? ", keyed" : "") << ")\n";
  }
  if (!r.keyed) {
    run.warn(
        "the audit key is not available: only the unkeyed part was verified (the hash chain, the schema and the "
        "norm files), not the rows' seals or the keyed chain (eb-db(1), AUDIT KEY)");
  }
  if (r.unkeyed_entries > 0 && r.keyed) {
    run.warn(std::to_string(r.unkeyed_entries) +
             " audit entries were written before the keyed chain (schema version 6) and are verified by hash only");
  }
}

void run_backup(const std::string& file, Run& run) {
  run.db().backup(file);
  const std::string name = run.session.db_path().string();
  record_shown(run, {{"store", name}, {"backup", file}},
               [&](std::ostream& out) { out << "backed up " << name << " to " << file << "\n"; });
}

}  // namespace

void add_db_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto backup_file = std::make_shared<std::string>();
  auto check = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("db", "Create, migrate, check or back up the case store");
  cmd->require_subcommand(1);
  const std::vector<Format> text_json{Format::text, Format::json};
  CommandTable::with_output(
      table.add(
          cmd->add_subcommand("init", "Create the case store (owner-only) and its audit key, if it does not exist"),
          Access::create, run_init),
      text_json);
  CommandTable::with_output(
      table.add(cmd->add_subcommand("migrate", "Bring an older case store to this eb's schema, in one transaction"),
                Access::migrate, run_migrate),
      text_json);
  CLI::App* chk =
      cmd->add_subcommand("check", "Check integrity, the schema, every row's seal and the keyed audit chain");
  chk->add_flag("--head", check->head,
                "Print the audit chain's head (ENTRY:MAC) to note down, after checking the store");
  chk->add_option("--expect-head", check->expect_head,
                  "Also check that the chain still holds this head (ENTRY:MAC from --head): a truncated or "
                  "rewritten chain is found");
  CommandTable::with_output(table.add(chk, Access::inspect, [check](Run& run) { run_check(*check, run); }), text_json);
  CLI::App* backup = cmd->add_subcommand("backup", "Copy the case store to a new file (online backup)");
  backup->add_option("file", *backup_file, "The backup file to create")->required();
  CommandTable::with_output(
      table.add(backup, Access::inspect, [backup_file](Run& run) { run_backup(*backup_file, run); }), text_json);
}

}  // namespace eb::cli
