// SPDX-License-Identifier: MIT
#include "command.hpp"

#include <stdexcept>

#include "diagnostic.hpp"

namespace eb::cli {

namespace {

store::OpenMode mode_of(Access a) {
  switch (a) {
    case Access::read:
      return store::OpenMode::read_only;
    case Access::write:
      return store::OpenMode::read_write;
    case Access::create:
      return store::OpenMode::create;
    case Access::migrate:
      return store::OpenMode::migrate;
    case Access::inspect:
    case Access::none:
      break;
  }
  return store::OpenMode::inspect;
}

bool writes(Access a) {
  return a == Access::write || a == Access::create || a == Access::migrate;
}

}  // namespace

Run::Run(Session& s, store::Database* db, bool dry_run, const OutputOption* output)
    : session(s), out(s.out), err(s.err), ctx(s.context()), m_db(db), m_dry_run(dry_run), m_output(output) {}

store::Database& Run::db() {
  if (m_db == nullptr) throw std::logic_error("this command declared no access to the case store");
  return *m_db;
}

void Run::write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    out << content;
    return;
  }
  m_files.emplace_back(path, content);
}

void Run::write_result() {
  const std::string content = m_result.str();
  if (m_output && m_output->to_file()) {
    write_output(m_output->path(), content);
  } else {
    out << content;
  }
}

void Run::publish_files() {
  for (auto& f : m_files) f.publish();
  m_files.clear();
}

void Run::warn(const std::string& text) const {
  err << warning_prefix() << text << "\n";
}

Leaf& CommandTable::add(CLI::App* app, Access access, Run_fn fn) {
  return add(
      app, [access] { return access; }, std::move(fn));
}

Leaf& CommandTable::add(CLI::App* app, Access_fn access, Run_fn fn) {
  auto leaf = std::make_unique<Leaf>();
  leaf->app = app;
  leaf->access = std::move(access);
  leaf->run = std::move(fn);
  m_leaves.push_back(std::move(leaf));
  return *m_leaves.back();
}

void CommandTable::with_dry_run(Leaf& leaf) {
  leaf.app->add_flag("--dry-run", leaf.dry_run,
                     "Run the command and show its result, then roll everything back: nothing is stored");
}

OutputOption& CommandTable::with_output(Leaf& leaf, std::vector<Format> formats, FileOption file) {
  leaf.output = std::make_shared<OutputOption>(leaf.app, std::move(formats), file);
  return *leaf.output;
}

Leaf* CommandTable::chosen() {
  for (auto& leaf : m_leaves) {
    if (leaf->app->parsed()) return leaf.get();
  }
  return nullptr;
}

void CommandTable::execute(Leaf& leaf, Session& session) {
  if (leaf.output) leaf.output->resolve();  // a format the command lacks: refused before anything is read
  if (leaf.prepare) leaf.prepare();
  const Access access = leaf.access();
  std::optional<store::Database> db;
  if (access != Access::none)
    db = store::Database::open(
        session.db_path().string(), mode_of(access), session.audit_keys(),
        session.new_store ? std::optional<std::string>(session.new_store->store_id) : std::nullopt);
  Run run(session, db ? &*db : nullptr, leaf.dry_run, leaf.output.get());
  if (db) {
    if (writes(access)) {
      db->begin();
    } else {
      db->begin_read();
    }
  }
  try {
    leaf.run(run);
    run.write_result();  // a -o FILE that cannot be written is refused before the commit
  } catch (...) {
    if (db) db->rollback();
    throw;
  }
  if (db) {
    if (writes(access) && !leaf.dry_run) {
      db->commit();
    } else {
      db->rollback();
    }
  }
  if (leaf.dry_run) {
    if (leaf.output && leaf.output->to_file()) run.warn("--dry-run: " + leaf.output->path() + " was not written");
    return;
  }
  run.publish_files();
  if (leaf.output && leaf.output->to_file()) session.err << "eb: wrote " << leaf.output->path() << "\n";
}

}  // namespace eb::cli
