// SPDX-License-Identifier: MIT
// One output option for every command that prints a result (as hledger has it): -O/--output-format
// names the format, -o/--output FILE writes the result there (its extension picks the format
// unless -O says otherwise), and --json, --csv and --html are aliases of -O. A leaf declares only
// the formats it has; any other is refused as a command-line mistake (exit 2).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace eb::cli {

enum class Format { text, json, csv, html, pain001 };

// "text", "json", "csv", "html", "pain001": the name -O takes.
const char* format_name(Format f);

// The format a file name's extension means (.json, .csv, .html/.htm, .txt, .xml), if any.
std::optional<Format> format_of_extension(const std::string& path);

// Whether -o FILE must be given (pay export writes a payment file) or may be.
enum class FileOption { optional, required };

class OutputOption {
 public:
  // Adds -O, -o and the aliases to `app`. The first of `formats` is the default. Aliases of
  // formats the command lacks are accepted (and refused clearly) but hidden from --help.
  OutputOption(CLI::App* app, std::vector<Format> formats, FileOption file);

  // Chooses the format: -O (or an alias), else the extension of -o, else the default. Throws
  // CLI::ValidationError (exit 2) for two different formats, an unknown one, or one the command
  // lacks, naming the command and the formats it has.
  void resolve();

  Format format() const { return m_format; }
  // The -o file as given ("" or "-": standard output).
  const std::string& path() const { return m_path; }
  bool to_file() const { return !m_path.empty() && m_path != "-"; }
  // The alias flag of `f` (--json, --csv, --html), for a leaf's `excludes`.
  CLI::Option* alias(Format f) const;

 private:
  CLI::App* m_app;
  std::vector<Format> m_formats;
  std::string m_named;        // -O
  std::string m_named_older;  // --format
  std::string m_path;
  bool m_json = false;
  bool m_csv = false;
  bool m_html = false;
  CLI::Option* m_json_flag = nullptr;
  CLI::Option* m_csv_flag = nullptr;
  CLI::Option* m_html_flag = nullptr;
  Format m_format;
};

}  // namespace eb::cli
