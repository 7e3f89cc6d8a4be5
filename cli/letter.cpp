// SPDX-License-Identifier: MIT
// eb letter: the decision letter (beslut) for the applicant, as text or printable HTML.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "commands.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/letter.hpp"
#include "store/decisions.hpp"

namespace eb::cli {

namespace {

struct LetterOptions {
  std::string decision;
  std::string format = "text";
  std::string output;
};

decide::Official official(const store::CaseStore& store, const std::string& name) {
  const auto u = store::find_user(store, name);
  if (!u) return decide::Official{name, "", decide::Role::socialsekreterare};
  return decide::Official{u->name, u->full_name, u->role};
}

// Writes `text` to `path`, owner-only (the letter holds the recipient's personnummer).
void write_private(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) throw StoreError(path + ": cannot write: " + std::strerror(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw StoreError(path + ": cannot write: " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw StoreError(path + ": cannot write: " + std::strerror(errno));
}

void run_letter(const LetterOptions& opt, Session& session) {
  const auto id = parse_id(opt.decision, IdKind::beslut, true);
  if (!id) throw InputError("DECISION-ID", text::quoted(opt.decision), "not a decision id (write e.g. D-5)");
  const store::CaseStore store = session.open_store(store::OpenMode::read_only);
  const decide::Decision d = store::load_decision(store, *id);
  const assess::Application app = store.load_application(d.application_id);
  const store::ApplicationSummary summary = store.application_summary(d.application_id);
  std::optional<store::StoredAssessment> assessment;
  for (auto& a : store.assessments(d.application_id)) {
    if (a.id == d.assessment_id) assessment = std::move(a);
  }
  if (!assessment) throw NotFound("assessment " + std::to_string(d.assessment_id) + " of " + opt.decision);

  decide::LetterInput in;
  in.decision = &d;
  in.assessment = &assessment->result;
  in.application = &app;
  in.case_id = summary.case_id;
  in.decided_by = official(store, d.decided_by);
  if (d.presented_by) in.presented_by = official(store, *d.presented_by);
  if (d.replaces) in.replaced_decided_on = store::load_decision(store, *d.replaces).decided_on;
  if (const auto newer = store::replaced_by(store, *id)) {
    session.err << "eb: warning: " << format_id(IdKind::beslut, *id) << " has been replaced by "
                << format_id(IdKind::beslut, *newer) << "; this letter is of the earlier decision\n";
  }
  const std::string text =
      decide::render_letter(in, opt.format == "html" ? decide::LetterFormat::html : decide::LetterFormat::text);
  if (opt.output.empty() || opt.output == "-") {
    session.out << text;
  } else {
    write_private(opt.output, text);
    session.err << "eb: wrote " << opt.output << "\n";
  }
}

}  // namespace

void add_letter_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<LetterOptions>();
  CLI::App* cmd = app.add_subcommand("letter", "Print the decision letter (beslut) for the applicant");
  cmd->add_option("decision", opt->decision, "The decision (D-5)")->required();
  cmd->add_option("--format", opt->format, "text (default) or html (one self-contained, printable page)")
      ->check(CLI::IsMember({"text", "html"}));
  cmd->add_option("-o,--output", opt->output, "Write the letter to FILE (owner-only) instead of standard output");
  cmd->callback([opt, &session] { run_letter(*opt, session); });
}

}  // namespace eb::cli
