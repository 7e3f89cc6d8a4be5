// SPDX-License-Identifier: MIT
#include "output_format.hpp"

#include <algorithm>

#include "usage.hpp"

namespace eb::cli {

namespace {

constexpr Format k_all[] = {Format::text, Format::json, Format::csv, Format::html, Format::pain001};

std::optional<Format> parse_format(const std::string& name) {
  for (const Format f : k_all) {
    if (name == format_name(f)) return f;
  }
  return std::nullopt;
}

bool has(const std::vector<Format>& formats, Format f) {
  return std::find(formats.begin(), formats.end(), f) != formats.end();
}

// "text and json", "text, json, csv and html".
std::string listed(const std::vector<Format>& formats) {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == formats.size() ? " and " : ", ") + std::string(format_name(formats[i]));
  }
  return out;
}

std::string choices(const std::vector<Format>& formats) {
  std::string out;
  for (const Format f : formats) out += (out.empty() ? "" : "|") + std::string(format_name(f));
  return out;
}

}  // namespace

const char* format_name(Format f) {
  switch (f) {
    case Format::text:
      return "text";
    case Format::json:
      return "json";
    case Format::csv:
      return "csv";
    case Format::html:
      return "html";
    case Format::pain001:
      return "pain001";
  }
  return "text";
}

std::optional<Format> format_of_extension(const std::string& path) {
  const std::string::size_type slash = path.find_last_of('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string::size_type dot = name.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "json") return Format::json;
  if (ext == "csv") return Format::csv;
  if (ext == "html" || ext == "htm") return Format::html;
  if (ext == "txt") return Format::text;
  if (ext == "xml") return Format::pain001;
  return std::nullopt;
}

OutputOption::OutputOption(CLI::App* app, std::vector<Format> formats, FileOption file)
    : m_app(app), m_formats(std::move(formats)), m_format(m_formats.front()) {
  const std::string default_name = format_name(m_formats.front());
  app->add_option("-O,--output-format", m_named,
                  "Output format: " + choices(m_formats) + " (default " + default_name + ")")
      ->type_name("FORMAT");
  app->add_option("--format", m_named_older, "The same as -O (the older spelling)")->group("");
  auto* o =
      app->add_option("-o,--output", m_path,
                      std::string(file == FileOption::required ? "The file to write" : "Write the result to FILE") +
                          " (owner-only, replaced atomically; - is standard output); its extension "
                          "(.json, .csv, .html, .txt, .xml) picks the format unless -O is given");
  if (file == FileOption::required) o->required();
  const auto flag = [&](const char* name, Format f, bool& target) {
    CLI::Option* opt = app->add_flag(name, target, std::string("The same as -O ") + format_name(f));
    if (!has(m_formats, f)) opt->group("");
    return opt;
  };
  m_json_flag = flag("--json", Format::json, m_json);
  m_csv_flag = flag("--csv", Format::csv, m_csv);
  m_html_flag = flag("--html", Format::html, m_html);
}

CLI::Option* OutputOption::alias(Format f) const {
  return f == Format::json ? m_json_flag : f == Format::csv ? m_csv_flag : f == Format::html ? m_html_flag : nullptr;
}

void OutputOption::resolve() {
  const std::string command = "'" + command_path(*m_app) + "'";
  // Each format asked for, with how it was asked ("-O json", "--csv").
  std::vector<std::pair<std::string, std::string>> named;
  if (!m_named.empty()) named.emplace_back(m_named, "-O " + m_named);
  if (!m_named_older.empty()) named.emplace_back(m_named_older, "--format " + m_named_older);
  if (m_json) named.emplace_back("json", "--json");
  if (m_csv) named.emplace_back("csv", "--csv");
  if (m_html) named.emplace_back("html", "--html");
  std::optional<Format> chosen;
  std::string how;
  for (const auto& [name, asked] : named) {
    const std::optional<Format> f = parse_format(name);
    if (!f) {
      throw CLI::ValidationError(asked + ": not an output format; " + command + " has " + listed(m_formats));
    }
    if (chosen && *chosen != *f) {
      throw CLI::ValidationError("give one output format: " + how + " and " + asked + " were both given to " + command);
    }
    chosen = f;
    how = asked;
  }
  if (!chosen && to_file()) {
    chosen = format_of_extension(m_path);
    how = "-o " + m_path;
  }
  if (!chosen) chosen = m_formats.front();
  if (!has(m_formats, *chosen)) {
    throw CLI::ValidationError(command + " has no " + format_name(*chosen) + " output (" + how + "); it has " +
                               listed(m_formats) + " (-O " + choices(m_formats) + ")");
  }
  m_format = *chosen;
}

}  // namespace eb::cli
