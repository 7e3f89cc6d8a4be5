// SPDX-License-Identifier: MIT
#include "usage.hpp"

#include <algorithm>
#include <optional>

namespace eb::cli {

namespace {

bool is_visible(const CLI::App* sub) {
  return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return is_visible(sub); });
}

// The subcommand of `app` named `word`, hidden ones included (eb __complete).
const CLI::App* subcommand_named(const CLI::App& app, const std::string& word) {
  const auto subs =
      app.get_subcommands([&](const CLI::App* sub) { return !sub->get_name().empty() && sub->check_name(word); });
  return subs.empty() ? nullptr : subs.front();
}

// The option `name` ("--status", "-f") of `app` or of an app above it (eb's global options
// fall through to every command).
const CLI::Option* option_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* o = a->get_option_no_throw(name); o != nullptr && o->nonpositional()) return o;
  }
  return nullptr;
}

// Every option name `app` accepts, its own and those above it: "--status", "-f", …
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& l : o->get_lnames()) out.push_back("--" + l);
      for (const auto& s : o->get_snames()) out.push_back("-" + s);
    }
  }
  return out;
}

std::string unknown_command(const CLI::App& app, const std::string& word) {
  const std::vector<std::string> names = subcommand_names(app);
  std::string hint = did_you_mean(word, names);
  if (hint.empty() && word == "version" && app.get_parent() == nullptr) hint = "; did you mean 'eb --version'?";
  const std::string where = app.get_parent() == nullptr ? "" : " of '" + command_path(app) + "'";
  if (hint.empty()) hint = " (see '" + command_path(app) + " --help' for the commands)";
  return "unknown command '" + word + "'" + where + hint;
}

// What is wrong with `args` that eb can name better than CLI11: an unknown command or option.
// Walks the words as CLI11 does: options (and their values), then subcommands of the command
// reached so far.
std::optional<std::string> named_mistake(const CLI::App& root, const std::vector<std::string>& args) {
  const CLI::App* app = &root;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return std::nullopt;
    if (word.size() > 1 && word[0] == '-' && !(word[1] >= '0' && word[1] <= '9')) {
      const bool is_long = word.compare(0, 2, "--") == 0;
      const std::size_t eq = word.find('=');
      const std::string name = is_long ? word.substr(0, eq) : word.substr(0, 2);
      const CLI::Option* o = option_named(*app, name);
      if (o == nullptr) {
        return "unknown option '" + name + "' for '" + command_path(*app) + "'" + [&] {
          const std::string hint = did_you_mean(name, option_names(*app));
          return hint.empty() ? see_help(*app) : hint;
        }();
      }
      const bool joined = is_long ? eq != std::string::npos : word.size() > 2;
      if (o->get_items_expected_min() > 0 && !joined) ++i;  // its value
      continue;
    }
    if (const CLI::App* sub = subcommand_named(*app, word)) {
      app = sub;
      continue;
    }
    const bool takes_arguments = !app->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
    if (!visible_subcommands(*app).empty() && !takes_arguments) return unknown_command(*app, word);
  }
  return std::nullopt;
}

// The deepest command `args` reach, for "see 'eb pay batch --help'".
const CLI::App& reached(const CLI::App& root, const std::vector<std::string>& args) {
  const CLI::App* app = &root;
  for (const auto& word : args) {
    if (word == "--") break;
    if (const CLI::App* sub = subcommand_named(*app, word)) app = sub;
  }
  return *app;
}

}  // namespace

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* sub : visible_subcommands(app)) out.push_back(sub->get_name());
  return out;
}

std::string see_help(const CLI::App& app) {
  return " (see '" + command_path(app) + " --help')";
}

std::string command_path(const CLI::App& app) {
  if (app.get_parent() == nullptr) return "eb";
  return command_path(*app.get_parent()) + " " + app.get_name();
}

const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& words) {
  const CLI::App* app = &root;
  for (const auto& word : words) {
    const CLI::App* sub = subcommand_named(*app, word);
    if (sub == nullptr || !is_visible(sub))
      throw CLI::ExtrasError(unknown_command(*app, word), CLI::ExitCodes::ExtrasError);
    app = sub;
  }
  return *app;
}

std::string usage_message(const CLI::App& root, const std::vector<std::string>& args, const CLI::Error& e) {
  if (auto mistake = named_mistake(root, args)) return *mistake;
  return cli11_finding(reached(root, args), e);
}

}  // namespace eb::cli
