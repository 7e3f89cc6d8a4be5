// SPDX-License-Identifier: MIT
// What CLI11 found wrong with a command line, in eb's words, and its exit status.
#include "common/error.hpp"
#include "usage.hpp"

namespace eb::cli {

namespace {

// CLI::Range refused a value: "--top: Value x not in range 0 to 1000".
bool is_range_error(const CLI::Error& e) {
  const std::string what = e.what();
  const auto at = what.find(": Value ");
  return dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && at != std::string::npos &&
         what.find(" not in range ", at) != std::string::npos;
}

}  // namespace

std::string cli11_finding(const CLI::App& app, const CLI::Error& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && what.find("subcommand") != std::string::npos) {
    std::string names;
    for (const auto& n : subcommand_names(app)) names += (names.empty() ? "" : ", ") + n;
    return "'" + command_path(app) + "' needs a command: " + names + see_help(app);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && what.rfind("unknown command", 0) == 0)
    return what;  // find_command's
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const std::string::size_type colon = what.find(": ");
    const std::string extra = colon == std::string::npos ? what : what.substr(colon + 2);
    return "unexpected argument " + extra + " for '" + command_path(app) + "'" + see_help(app);
  }
  // "--month: 1 required TEXT missing"; "Could not convert: --households = abc".
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && what.find(" required ") != std::string::npos &&
      what.find(": ") != std::string::npos && what.size() > 8 && what.compare(what.size() - 8, 8, " missing") == 0)
    return what.substr(0, what.find(": ")) + " needs a value" + see_help(app);
  const std::string unconverted = "Could not convert: ";
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr && what.rfind(unconverted, 0) == 0)
    return what.substr(unconverted.size()) + ": not a whole number in range";
  // CLI::Range's "--top: Value x not in range 0 to 1000".
  if (const auto at = what.find(": Value "), range = what.find(" not in range "); is_range_error(e)) {
    return what.substr(0, at) + " = " + what.substr(at + 8, range - at - 8) + ": must be " + what.substr(range + 14);
  }
  std::string message = what;
  if (!message.empty() && message.back() == '\n') message.pop_back();
  return message + see_help(app);
}

int usage_exit_status(const CLI::Error& e) {
  const bool bad_value = dynamic_cast<const CLI::ConversionError*>(&e) != nullptr || is_range_error(e);
  return static_cast<int>(bad_value ? ExitCode::invalid_input : ExitCode::usage);
}

}  // namespace eb::cli
