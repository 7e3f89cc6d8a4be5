// SPDX-License-Identifier: MIT
#include "norms/reference_values.hpp"

#include <algorithm>
#include <filesystem>

#include "common/file.hpp"
#include "common/sha256.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"
#include "norms/norm_toml.hpp"
#include "period/period_reader.hpp"

namespace eb::norms {

namespace fs = std::filesystem;

bool ReferenceValues::covers_year(int year) const {
  return valid_from <= period::Date(year, 1, 1) && (!valid_to || period::Date(year, 12, 31) <= *valid_to);
}

ReferenceValues parse_reference_text(std::string_view text, const std::string& file) {
  using namespace detail;
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  ReferenceValues v;
  v.id = r.string("id", true).value_or("");
  v.title = r.string("title").value_or(v.id);
  v.valid_from = period::read_date(r, "valid_from", true).value_or(period::Date(1970, 1, 1));
  v.valid_to = period::read_date(r, "valid_to");
  v.price_level = r.string("price_level", true).value_or("");
  v.sfs = r.string("sfs", true).value_or("");
  v.source = r.string("source", true).value_or("");
  v.source_note = r.string("source_note").value_or("");
  v.items = r.strings("items");
  if (auto dv = r.table("derivation", true)) {
    v.uplift = money::read_ratio(*dv, "uplift", true).value_or(money::Ratio{});
    v.rounding = read_rounding(*dv, "rounding", money::Rounding::nearest_10_kr);
    dv->finish();
  }
  if (auto rules = r.table("rules")) v.rules = parse_rules(*rules);
  if (auto adults = r.table("adults", true)) {
    v.single = money::read_money(*adults, "single", {.required = true}).value_or(Money());
    v.couple = money::read_money(*adults, "couple", {.required = true}).value_or(Money());
    adults->finish();
  }
  for (auto& t : r.tables("child_band")) {
    // Only referensvärden: the amounts are what `eb norms derive` computes.
    ChildBand b;
    b.label = t.string("label", true).value_or("");
    b.min_age = read_int(t, "min_age", 0, 0, 20);
    if (!t.has("min_age")) t.problem("min_age", "", "missing (this field is required)");
    b.max_age = read_int(t, "max_age", 0, 0, 20);
    if (!t.has("max_age")) t.problem("max_age", "", "missing (this field is required)");
    b.reference = money::read_money(t, "reference", {.required = true});
    b.reference_without_lunch = money::read_money(t, "reference_without_lunch");
    t.finish();
    v.bands.push_back(std::move(b));
  }
  if (v.bands.empty()) r.problem("child_band", "", "missing: at least one [[child_band]]");
  if (auto common = r.table("common", true)) {
    v.common = money::read_money_list(*common, "amounts", true);
    common->finish();
  }
  for (auto& t : r.tables("large_household")) {
    LargeHouseholdPeriod p;
    p.rule = parse_large_household(t);
    p.valid_from = period::read_date(t, "valid_from", true).value_or(period::Date(1970, 1, 1));
    p.valid_to = period::read_date(t, "valid_to");
    p.sfs = t.string("sfs", true).value_or("");
    p.line = t.line();
    t.finish();
    v.large_household.push_back(std::move(p));
  }
  for (auto& t : r.tables("prisbasbelopp")) {
    PrisbasbeloppYear p;
    p.year = read_int(t, "year", 0, 1900, 9999);
    if (!t.has("year")) t.problem("year", "", "missing (this field is required)");
    p.amount = money::read_money(t, "amount", {.required = true}).value_or(Money());
    p.sfs = t.string("sfs").value_or("");
    if (const auto st = t.string("status")) {
      if (*st == "unconfirmed") {
        p.unconfirmed = true;
      } else {
        t.problem("status", text::quoted(*st), "the only status is \"unconfirmed\"");
      }
    }
    p.note = t.string("note").value_or("");
    p.line = t.line();
    t.finish();
    v.prisbasbelopp.push_back(std::move(p));
  }
  v.refs = parse_refs(r);
  r.finish();
  problems.throw_if_any();
  for (auto p : check_reference_values(v)) {
    p.file = file;
    problems.add(std::move(p));
  }
  problems.throw_if_any();
  return v;
}

ReferenceValues read_reference_file(const std::string& path) {
  const std::string bytes = read_file(path);
  ReferenceValues v = parse_reference_text(bytes, path);
  v.path = path;
  v.sha256 = sha256_hex(bytes);
  return v;
}

std::vector<Problem> check_reference_values(const ReferenceValues& v) {
  std::vector<Problem> out;
  const auto add = [&](std::string field, std::string value, std::string message, long line = 0) {
    out.push_back(Problem{v.path, line, std::move(field), std::move(value), std::move(message)});
  };
  if (v.valid_to && *v.valid_to < v.valid_from) {
    add("valid_to", v.valid_to->to_string(), "is before valid_from " + v.valid_from.to_string());
  }
  if (v.uplift.num <= 0 || v.uplift.num > 2 * v.uplift.den) {
    add("derivation.uplift", text::quoted(v.uplift.to_string()),
        "must be above 0 and at most 2 (SoF 12 kap. 1 b §: 1.02)");
  }
  if (v.single.ore() <= 0) add("adults.single", money::format_kr(v.single), "must be positive");
  if (v.couple.ore() <= 0) add("adults.couple", money::format_kr(v.couple), "must be positive");
  for (std::size_t i = 0; i < v.bands.size(); ++i) {
    const auto& b = v.bands[i];
    const std::string f = "child_band[" + std::to_string(i + 1) + "]";
    if (b.reference && b.reference->ore() <= 0)
      add(f + ".reference", money::format_kr(*b.reference), "must be positive");
    if (b.reference_without_lunch && b.reference_without_lunch->ore() <= 0) {
      add(f + ".reference_without_lunch", money::format_kr(*b.reference_without_lunch), "must be positive");
    }
  }
  detail::check_band_ages(
      v.bands, [&](std::string f, std::string val, std::string m) { add(std::move(f), std::move(val), std::move(m)); });
  detail::check_common_amounts(v.common, [&](std::string f, std::string val, std::string m) {
    add(std::move(f), std::move(val), std::move(m));
  });
  for (std::size_t i = 0; i < v.large_household.size(); ++i) {
    const auto& p = v.large_household[i];
    const std::string f = "large_household[" + std::to_string(i + 1) + "]";
    if (p.valid_to && *p.valid_to < p.valid_from) {
      add(f + ".valid_to", p.valid_to->to_string(), "is before valid_from " + p.valid_from.to_string(), p.line);
    }
    if (p.rule.factor_couple.num <= 0) add(f + ".factor_couple", "\"0\"", "must be positive", p.line);
    if (p.rule.factor_other.num <= 0) add(f + ".factor_other", "\"0\"", "must be positive", p.line);
    for (std::size_t j = 0; j < i; ++j) {
      const auto& q = v.large_household[j];
      const bool apart = (p.valid_to && *p.valid_to < q.valid_from) || (q.valid_to && *q.valid_to < p.valid_from);
      if (!apart) {
        add(f + ".valid_from", p.valid_from.to_string(),
            "overlaps large_household[" + std::to_string(j + 1) + "] (from " + q.valid_from.to_string() + ")", p.line);
      }
    }
  }
  for (std::size_t i = 0; i < v.prisbasbelopp.size(); ++i) {
    const auto& p = v.prisbasbelopp[i];
    const std::string f = "prisbasbelopp[" + std::to_string(i + 1) + "]";
    if (p.amount.ore() <= 0) add(f + ".amount", money::format_kr(p.amount), "must be positive", p.line);
    for (std::size_t j = 0; j < i; ++j) {
      if (v.prisbasbelopp[j].year == p.year) add(f + ".year", std::to_string(p.year), "given twice", p.line);
    }
  }
  return out;
}

ReferenceValues find_reference_values(const std::string& dir, int year) {
  const fs::path folder = fs::path(dir) / "reference";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw NormError(
        "no referensvärden folder at " + folder.string() + " (set --norms or $EB_NORMS, or give --reference)",
        ExitCode::not_found);
  }
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ReferenceValues> hits;
  std::string covered;
  for (const auto& p : paths) {
    ReferenceValues v = read_reference_file(p);
    covered += (covered.empty() ? "" : "; ") + v.path + " covers " + v.valid_from.to_string() + ".." +
               (v.valid_to ? v.valid_to->to_string() : "");
    if (v.covers_year(year)) hits.push_back(std::move(v));
  }
  if (hits.size() > 1) {
    throw NormError(hits[0].path + " and " + hits[1].path + " both give referensvärden for " + std::to_string(year),
                    ExitCode::invalid_input);
  }
  if (hits.empty()) {
    throw NormError("no referensvärden for " + std::to_string(year) + " in " + folder.string() + " (" +
                        (covered.empty() ? "the folder has no files" : covered) +
                        "); the referensvärde model starts on 1 January 2027",
                    ExitCode::not_found);
  }
  return std::move(hits.front());
}

}  // namespace eb::norms
