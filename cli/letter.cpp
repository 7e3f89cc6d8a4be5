// SPDX-License-Identifier: MIT
// eb letter: the decision letter (beslut) for the applicant, as text or printable HTML.
#include "command.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/cases.hpp"

namespace eb::cli {

namespace {

struct LetterOptions {
  std::string decision;
  std::string format = "text";
  std::string output;
};

void run_letter(const LetterOptions& opt, Run& run) {
  const auto id = parse_id(opt.decision, IdKind::beslut, true);
  if (!id) throw InputError("DECISION-ID", text::quoted(opt.decision), "not a decision id (write e.g. D-5)");
  const flow::LetterOutcome o =
      flow::letter(run.db(), *id, opt.format == "html" ? decide::LetterFormat::html : decide::LetterFormat::text);
  if (o.replaced_by) {
    run.warn(format_id(IdKind::beslut, *id) + " has been replaced by " + format_id(IdKind::beslut, *o.replaced_by) +
             "; this letter is of the earlier decision");
  }
  run.write_output(opt.output, o.text);  // owner-only: the letter holds the recipient's personnummer
  if (!opt.output.empty() && opt.output != "-") run.err << "eb: wrote " << opt.output << "\n";
}

}  // namespace

void add_letter_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<LetterOptions>();
  CLI::App* cmd = app.add_subcommand("letter", "Print the decision letter (beslut) for the applicant");
  cmd->add_option("decision", opt->decision, "The decision (D-5)")->required();
  cmd->add_option("--format", opt->format, "text (default) or html (one self-contained, printable page)")
      ->check(CLI::IsMember({"text", "html"}));
  cmd->add_option("-o,--output", opt->output, "Write the letter to FILE (owner-only) instead of standard output");
  table.add(cmd, Access::read, [opt](Run& run) { run_letter(*opt, run); });
}

}  // namespace eb::cli
