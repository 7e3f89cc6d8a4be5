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
};

void run_letter(const LetterOptions& opt, Run& run) {
  const auto id = parse_id(opt.decision, IdKind::beslut, true);
  if (!id) throw InputError("DECISION-ID", text::quoted(opt.decision), "not a decision id (write e.g. D-5)");
  const flow::LetterOutcome o = flow::letter(
      run.db(), *id, run.format() == Format::html ? decide::LetterFormat::html : decide::LetterFormat::text);
  if (o.replaced_by) {
    run.warn(format_id(IdKind::beslut, *id) + " has been replaced by " + format_id(IdKind::beslut, *o.replaced_by) +
             "; this letter is of the earlier decision");
  }
  run.result() << o.text;  // -o: owner-only, for the letter holds the recipient's personnummer
}

}  // namespace

void add_letter_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<LetterOptions>();
  CLI::App* cmd = app.add_subcommand("letter", "Print the decision letter (beslut) for the applicant");
  cmd->add_option("decision", opt->decision, "The decision (D-5)")->required();
  // html: one self-contained, printable page
  CommandTable::with_output(table.add(cmd, Access::read, [opt](Run& run) { run_letter(*opt, run); }),
                            {Format::text, Format::html});
}

}  // namespace eb::cli
