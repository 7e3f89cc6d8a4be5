// SPDX-License-Identifier: MIT
// eb norms: list, show, check, compare and derive the riksnorm files.
#include <filesystem>

#include "command.hpp"
#include "common/error.hpp"
#include "flow/norms.hpp"
#include "render/norms_render.hpp"

namespace eb::cli {

namespace {

struct NormsOptions {
  std::string name;
  std::vector<std::string> files;
  std::string from;
  std::string to;
  // derive
  std::string year;
  std::string index;
  std::string index_source;
  std::string reference;
  std::string prisbasbelopp;
  std::string output;
  bool force = false;
};

void run_list(Run& s) {
  print_norm_list(s.result(), s.err, s.ctx.catalog(), s.format() == Format::json);
}

void run_show(const NormsOptions& opt, Run& s) {
  const norms::NormSet& n = s.ctx.catalog().find(opt.name);
  if (s.format() == Format::json) {
    print_norm_json(s.result(), n);
    if (n.status == norms::NormStatus::estimate || n.status == norms::NormStatus::preliminary)
      s.warn(n.id + " is " + (n.status == norms::NormStatus::estimate ? "an ESTIMATE" : "PRELIMINARY"));
  } else {
    print_norm(s.result(), s.err, n);
  }
}

void run_check(const NormsOptions& opt, Run& s) {
  const flow::NormCheck c = flow::check_norm_files(opt.files);
  if (s.format() == Format::json) {
    print_norm_check_json(s.result(), c);
  } else {
    print_norm_check(s.result(), c);
  }
}

void run_diff(const NormsOptions& opt, Run& s) {
  print_norm_diff(s.result(), flow::diff_norms(s.ctx, opt.from, opt.to), s.format() == Format::json);
}

void run_derive(const NormsOptions& opt, Run& s) {
  const bool to_stdout = opt.output.empty() || opt.output == "-";
  if (!to_stdout) {
    check_output_path(opt.output);  // a directory or a link is refused before anything is done
    std::error_code ec;
    if (!opt.force && std::filesystem::exists(opt.output, ec)) {
      throw Conflict("-o " + opt.output + ": the file exists; eb norms derive does not overwrite it without --force");
    }
  }
  const flow::DerivedNormOutcome d =
      flow::derive_norm(s.ctx, {opt.year, opt.index, opt.index_source, opt.reference, opt.prisbasbelopp,
                                to_stdout ? std::string("(derived)") : opt.output});
  s.write_output(opt.output, d.text);
  if (!to_stdout) print_derived(s.out, s.err, d, opt.output);
}

}  // namespace

void add_norms_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<NormsOptions>();
  CLI::App* cmd = app.add_subcommand("norms", "List, show, check, compare and derive riksnorm files");
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "List the norm files with validity, status and amending act");
  const std::vector<Format> text_json{Format::text, Format::json};
  CommandTable::with_output(table.add(list, Access::none, run_list), text_json);

  CLI::App* show = cmd->add_subcommand("show", "Show one norm: every amount, rule and statute reference");
  show->add_option("name", opt->name, "Year (2026), id (riksnorm-2026) or file")->required();
  CommandTable::with_output(table.add(show, Access::none, [opt](Run& run) { run_show(*opt, run); }), text_json);

  CLI::App* check = cmd->add_subcommand("check", "Validate norm files (bands, amounts, tables, statute references)");
  check->add_option("files", opt->files, "Norm files to check")->required();
  CommandTable::with_output(table.add(check, Access::none, [opt](Run& run) { run_check(*opt, run); }), text_json);

  CLI::App* diff = cmd->add_subcommand("diff", "Show every changed amount, band and reference between two norms");
  diff->add_option("from", opt->from, "Year, id or file")->required();
  diff->add_option("to", opt->to, "Year, id or file")->required();
  CommandTable::with_output(table.add(diff, Access::none, [opt](Run& run) { run_diff(*opt, run); }), text_json);

  CLI::App* derive = cmd->add_subcommand(
      "derive", "Derive a preliminary norm: referensvärde × jämförelsetal × 1.02, to the nearest 10 kr");
  derive->add_option("year", opt->year, "The norm year, e.g. 2027")->required();
  derive->add_option("--index", opt->index, "The jämförelsetal (SCB), an exact decimal such as 1.043 (0.8–2.0)")
      ->required();
  derive->add_option("--index-source", opt->index_source,
                     "Where the index comes from (recorded in the file), e.g. \"SCB, published 2026-08-28\"");
  derive->add_option("--reference", opt->reference,
                     "Referensvärden file; default the one in NORMS/reference/ that covers the year");
  derive->add_option("--prisbasbelopp", opt->prisbasbelopp,
                     "The year's prisbasbelopp in kronor; default the referensvärden file's figure");
  derive->add_option("-o,--output", opt->output, "Write the norm file here (- or absent: standard output)");
  derive->add_flag("--force", opt->force, "Overwrite an existing output file");
  table.add(derive, Access::none, [opt](Run& run) { run_derive(*opt, run); });
}

}  // namespace eb::cli
