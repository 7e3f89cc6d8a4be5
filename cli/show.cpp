// SPDX-License-Identifier: MIT
// eb show: a case with its months, or an application with its members and assessments.
#include "command.hpp"
#include "common/ids.hpp"
#include "flow/cases.hpp"
#include "render/show_render.hpp"

namespace eb::cli {

namespace {

struct ShowOptions {
  std::string id;
  bool show_pnr = false;
};

void run_show(const ShowOptions& opt, Run& s) {
  if (auto c = parse_id(opt.id, IdKind::arende))
    return print_case(s.result(), flow::show_case(s.db(), *c), s.format() == Format::json, opt.show_pnr);
  if (auto a = parse_id(opt.id, IdKind::application)) {
    return print_application_view(s.result(), flow::show_application(s.db(), *a), s.format() == Format::json,
                                  opt.show_pnr);
  }
  throw InputError("ID", opt.id, "not a case (C-12) or application (A-34) id");
}

}  // namespace

void add_show_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "Show a case (C-12) with its months, or an application (A-34)");
  cmd->add_option("id", opt->id, "C-… or A-…")->required();
  cmd->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer (masked as YYYYMMDD-XXXX by default)");
  CommandTable::with_output(table.add(cmd, Access::read, [opt](Run& run) { run_show(*opt, run); }),
                            {Format::text, Format::json});
}

}  // namespace eb::cli
