// SPDX-License-Identifier: MIT
#include "pay/payer.hpp"

#include "common/text.hpp"
#include "common/toml_reader.hpp"

namespace eb::pay {

Payer parse_payer(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  Payer p;
  p.file = file;
  p.status = r.string("status", true).value_or("");
  if (!p.status.empty() && p.status != "example" && p.status != "adopted") {
    r.problem("status", text::quoted(p.status), "must be \"example\" or \"adopted\"");
  }
  p.source = r.string("source", true).value_or("");
  p.debtor.name = r.string("name", true).value_or("");
  p.debtor.iban = r.string("iban", true).value_or("");
  p.debtor.bic = r.string("bic", true).value_or("");
  p.debtor.org_number = r.string("org_number", true).value_or("");
  r.finish();
  if (problems.empty()) {
    for (const Problem& d : debtor_problems(p.debtor)) {
      // "debtor.iban" -> the file's key "iban"
      r.problem(d.field.substr(d.field.find('.') + 1), d.value, d.message);
    }
  }
  problems.throw_if_any();
  return p;
}

}  // namespace eb::pay
