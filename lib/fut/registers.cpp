// SPDX-License-Identifier: MIT
#include "fut/registers.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::fut {

namespace {

struct SourceInfo {
  Source source;
  std::string_view code;
  std::string_view name;
};
constexpr std::array<SourceInfo, k_source_count> k_sources{{
    {Source::fk, "FK", "Försäkringskassan"},
    {Source::csn, "CSN", "Centrala studiestödsnämnden"},
    {Source::pm, "PM", "Pensionsmyndigheten"},
    {Source::akassa, "AKASSA", "arbetslöshetskassan"},
    {Source::af, "AF", "Arbetsförmedlingen"},
    {Source::skv, "SKV", "Skatteverket"},
}};

constexpr std::size_t k_max_problems = 100;

std::string joined(auto const& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string income_kind_list() {
  std::vector<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(assess::IncomeKind::other); ++k) {
    names.push_back(assess::income_kind_name(static_cast<assess::IncomeKind>(k)));
  }
  return joined(names);
}

// Collects the problems of one file, in line order, and stops at k_max_problems.
class FileProblems {
 public:
  explicit FileProblems(std::string file) : m_file(std::move(file)) {}
  void add(long line, std::string field, std::string value, std::string message) {
    m_list.add(Problem{m_file, line, std::move(field), std::move(value), std::move(message)});
  }
  // Runs `f`; an InputError it throws becomes problems on `line`. True if it threw none.
  template <class F>
  bool attempt(long line, F&& f) {
    try {
      std::forward<F>(f)();
      return true;
    } catch (const InputError& e) {
      for (auto p : e.problems()) {
        p.file = m_file;
        p.line = line;
        m_list.add(std::move(p));
      }
      return false;
    }
  }
  std::size_t size(const csv::Reader& reader) const { return m_list.items().size() + reader.problems().items().size(); }
  // Throws InputError with the reader's problems and these, ordered by line, if there are any.
  void throw_if_any(const csv::Reader& reader) const {
    std::vector<Problem> all = reader.problems().items();
    all.insert(all.end(), m_list.items().begin(), m_list.items().end());
    if (all.empty()) return;
    // By line; a problem of the whole file (line 0, e.g. "stopped after …") goes last.
    const auto order = [](const Problem& p) { return p.line == 0 ? std::numeric_limits<long>::max() : p.line; };
    std::stable_sort(all.begin(), all.end(), [&](const Problem& a, const Problem& b) { return order(a) < order(b); });
    throw InputError(std::move(all));
  }
  const std::string& file() const { return m_file; }

 private:
  std::string m_file;
  ProblemList m_list;
};

// Reads the header and returns, per expected column, its field index; nothing if the header is
// missing or wrong (the problems say why).
template <std::size_t N>
std::optional<std::array<std::size_t, N>> read_header(csv::Reader& reader,
                                                      const std::array<std::string_view, N>& columns,
                                                      std::string_view what, FileProblems& problems) {
  csv::Record header;
  if (!reader.next(header)) {
    if (reader.problems().empty()) {
      problems.add(1, "", "",
                   "the file is empty: the first line must be the " + std::string(what) + " header " +
                       text::quoted(joined(columns)));
    }
    return std::nullopt;
  }
  constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  std::array<std::size_t, N> index;
  index.fill(k_none);
  bool ok = true;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto& name = header.fields[i];
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it == columns.end()) {
      problems.add(header.line, "field " + std::to_string(i + 1), text::quoted(name),
                   "unknown column; the " + std::string(what) + " has the columns " + joined(columns));
      ok = false;
      continue;
    }
    auto& slot = index[static_cast<std::size_t>(it - columns.begin())];
    if (slot != k_none) {
      problems.add(header.line, name, "",
                   "the column appears twice in the header (fields " + std::to_string(slot + 1) + " and " +
                       std::to_string(i + 1) + ")");
      ok = false;
      continue;
    }
    slot = i;
  }
  for (std::size_t c = 0; c < N; ++c) {
    if (index[c] == k_none) {
      problems.add(header.line, std::string(columns[c]), "", "the column is missing from the header");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  reader.name_fields(header.fields);
  return index;
}

// True if `record` has exactly the header's fields; else a problem per missing or extra field.
bool has_all_fields(const csv::Record& record, std::size_t header_size, const std::vector<std::string>& names,
                    FileProblems& problems) {
  const std::size_t n = record.fields.size();
  if (n == header_size) return true;
  const std::string counts = "the row has " + std::to_string(n) + " field" + (n == 1 ? "" : "s") + ", the header " +
                             std::to_string(header_size);
  if (n < header_size) {
    for (std::size_t i = n; i < header_size; ++i) problems.add(record.line, names[i], "", "missing: " + counts);
  } else {
    for (std::size_t i = header_size; i < n; ++i) {
      problems.add(record.line, "field " + std::to_string(i + 1), text::quoted(record.fields[i]), "extra: " + counts);
    }
  }
  return false;
}

void require(std::string_view value, std::string_view field) {
  if (value.empty()) throw InputError(std::string(field), "", "a value is required");
}

std::string canonical_income(const IncomeRow& r) {
  std::string s = "income|";
  s += r.pnr.digits();
  s += '|';
  s += r.month.to_string();
  s += '|';
  s += source_code(r.source);
  s += '|';
  s += assess::income_kind_name(r.kind);
  s += '|';
  s += std::to_string(r.amount.ore());
  s += '|';
  s += r.paid_on.to_string();
  return s;
}

}  // namespace

std::string_view source_code(Source s) {
  return k_sources[static_cast<std::size_t>(s)].code;
}

std::string_view source_name(Source s) {
  return k_sources[static_cast<std::size_t>(s)].name;
}

std::optional<Source> source_from(std::string_view code) {
  for (const auto& s : k_sources) {
    if (s.code == code) return s.source;
  }
  return std::nullopt;
}

ContentKey income_row_key(const IncomeRow& row, int occurrence) {
  std::string canonical = canonical_income(row);
  if (occurrence > 1) canonical += "|" + std::to_string(occurrence);
  return ContentKey::of(canonical);
}

ContentKey population_row_key(const PopulationRow& row) {
  std::string s = "population|";
  s += row.pnr.digits();
  s += '|';
  s += row.address;
  s += '|';
  if (row.deceased_on) s += row.deceased_on->to_string();
  return ContentKey::of(s);
}

std::vector<IncomeRow> parse_income_register(std::string_view text, const std::string& file,
                                             const csv::Limits& limits) {
  csv::Reader reader(text, file, limits);
  FileProblems problems(file);
  const auto col = read_header(reader, k_income_columns, "income register", problems);
  std::vector<IncomeRow> rows;
  if (col) {
    const std::vector<std::string> names(k_income_columns.begin(), k_income_columns.end());
    std::vector<std::string> by_field(k_income_columns.size());
    for (std::size_t c = 0; c < k_income_columns.size(); ++c) by_field[(*col)[c]] = names[c];
    csv::Record rec;
    bool any_record = false;
    while (problems.size(reader) < k_max_problems && reader.next(rec)) {
      any_record = true;
      if (!has_all_fields(rec, k_income_columns.size(), by_field, problems)) continue;
      const auto field = [&](std::size_t c) -> const std::string& { return rec.fields[(*col)[c]]; };
      IncomeRow row;
      row.line = rec.line;
      bool ok = true;
      ok &= problems.attempt(rec.line, [&] {
        require(field(0), "pnr");
        row.pnr = person::parse_personnummer(field(0), "pnr");
      });
      ok &= problems.attempt(rec.line, [&] {
        require(field(1), "month");
        row.month = period::parse_month(field(1), "month");
      });
      ok &= problems.attempt(rec.line, [&] {
        require(field(2), "source");
        const auto s = source_from(field(2));
        if (!s) {
          std::vector<std::string_view> codes;
          for (const auto& i : k_sources) codes.push_back(i.code);
          throw InputError("source", text::quoted(field(2)), "unknown source (" + joined(codes) + ")");
        }
        row.source = *s;
      });
      ok &= problems.attempt(rec.line, [&] {
        require(field(3), "kind");
        const auto k = assess::income_kind_from(field(3));
        if (!k) throw InputError("kind", text::quoted(field(3)), "unknown income kind (" + income_kind_list() + ")");
        row.kind = *k;
      });
      ok &= problems.attempt(rec.line, [&] {
        row.amount = money::parse_money(field(4), "amount");
        if (row.amount.is_negative()) {
          throw InputError("amount", text::quoted(field(4)), "must not be negative (a register payment is 0 or more)");
        }
        if (row.amount > k_max_register_amount) {
          throw InputError(
              "amount", text::quoted(field(4)),
              "is more than " + money::format_kr(k_max_register_amount) + ", which is not a plausible payment");
        }
      });
      ok &= problems.attempt(rec.line, [&] {
        require(field(5), "paid_on");
        row.paid_on = period::parse_date(field(5), "paid_on");
      });
      if (ok) rows.push_back(std::move(row));
    }
    if (!any_record && problems.size(reader) == 0) {
      problems.add(1, "", "", "the file has a header but no rows");
    }
  }
  if (problems.size(reader) >= k_max_problems) {
    problems.add(0, "", "", "stopped after " + std::to_string(k_max_problems) + " problems; fix these first");
  }
  problems.throw_if_any(reader);

  // Keys: the n-th identical row of the file gets occurrence n (income_row_key).
  std::vector<ContentKey> base(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) base[i] = income_row_key(rows[i]);
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return base[a] != base[b] ? base[a] < base[b] : a < b; });
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && base[order[j]] == base[order[i]]) {
      const int occurrence = static_cast<int>(j - i) + 1;
      rows[order[j]].key = occurrence == 1 ? base[order[j]] : income_row_key(rows[order[j]], occurrence);
      ++j;
    }
    i = j;
  }
  return rows;
}

std::vector<PopulationRow> parse_population_register(std::string_view text, const std::string& file,
                                                     const csv::Limits& limits) {
  csv::Reader reader(text, file, limits);
  FileProblems problems(file);
  const auto col = read_header(reader, k_population_columns, "population register", problems);
  std::vector<PopulationRow> rows;
  if (col) {
    const std::vector<std::string> names(k_population_columns.begin(), k_population_columns.end());
    std::vector<std::string> by_field(k_population_columns.size());
    for (std::size_t c = 0; c < k_population_columns.size(); ++c) by_field[(*col)[c]] = names[c];
    std::unordered_map<std::string, long> first_line;
    csv::Record rec;
    bool any_record = false;
    while (problems.size(reader) < k_max_problems && reader.next(rec)) {
      any_record = true;
      if (!has_all_fields(rec, k_population_columns.size(), by_field, problems)) continue;
      const auto field = [&](std::size_t c) -> const std::string& { return rec.fields[(*col)[c]]; };
      PopulationRow row;
      row.line = rec.line;
      bool ok = problems.attempt(rec.line, [&] {
        require(field(0), "pnr");
        row.pnr = person::parse_personnummer(field(0), "pnr");
      });
      if (ok) {
        const auto [it, inserted] = first_line.emplace(row.pnr.digits(), rec.line);
        if (!inserted) {
          problems.add(rec.line, "pnr", text::quoted(field(0)),
                       "appears twice in the file (first on line " + std::to_string(it->second) + ")");
          ok = false;
        }
      }
      ok &= problems.attempt(rec.line, [&] {
        const auto& a = field(1);
        for (const char c : a) {
          const auto b = static_cast<unsigned char>(c);
          if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7F) {
            throw InputError("address", "", "contains a control character");
          }
        }
        row.address = a;
      });
      ok &= problems.attempt(rec.line, [&] {
        if (field(2).empty()) return;
        row.deceased_on = period::parse_date(field(2), "deceased_on");
        if (!row.pnr.digits().empty() && *row.deceased_on < row.pnr.birth_date()) {
          throw InputError(
              "deceased_on", text::quoted(field(2)),
              "is before the date of birth the personnummer gives (" + row.pnr.birth_date().to_string() + ")");
        }
      });
      if (ok) {
        row.key = population_row_key(row);
        rows.push_back(std::move(row));
      }
    }
    if (!any_record && problems.size(reader) == 0) {
      problems.add(1, "", "", "the file has a header but no rows");
    }
  }
  if (problems.size(reader) >= k_max_problems) {
    problems.add(0, "", "", "stopped after " + std::to_string(k_max_problems) + " problems; fix these first");
  }
  problems.throw_if_any(reader);
  return rows;
}

IncomeSummary summarize(const std::vector<IncomeRow>& rows) {
  IncomeSummary s;
  s.rows = rows.size();
  for (const auto& r : rows) {
    ++s.by_source[static_cast<std::size_t>(r.source)];
    if (!s.first_month || r.month < *s.first_month) s.first_month = r.month;
    if (!s.last_month || *s.last_month < r.month) s.last_month = r.month;
    s.total += r.amount;
  }
  return s;
}

PopulationSummary summarize(const std::vector<PopulationRow>& rows) {
  PopulationSummary s;
  s.rows = rows.size();
  for (const auto& r : rows) s.deceased += r.deceased_on ? 1U : 0U;
  return s;
}

}  // namespace eb::fut
