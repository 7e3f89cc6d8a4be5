// SPDX-License-Identifier: MIT
#include "assess/application_writer.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

namespace eb::assess {

namespace {

// "8200" for whole kronor, else "8200.50"; a negative amount (which the parser refuses) keeps
// its sign, "-0.50".
std::string amount_text(Money m) {
  const bool negative = m.is_negative();
  const std::int64_t ore = negative ? -m.ore() : m.ore();
  std::string out = (negative ? "-" : "") + std::to_string(ore / 100);
  if (ore % 100 != 0) {
    const std::int64_t frac = ore % 100;
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

}  // namespace

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          constexpr std::string_view k_hex = "0123456789ABCDEF";
          out += "\\u00";
          out += k_hex[u >> 4];
          out += k_hex[u & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string toml_amount(Money m) {
  return m.ore() % 100 == 0 ? amount_text(m) : toml_string(amount_text(m));
}

namespace {

nlohmann::ordered_json json_amount(Money m) {
  if (m.ore() % 100 == 0) return m.ore() / 100;
  return amount_text(m);
}

// The writers share one list of fields: `Out` is told each key and value in file order.
class TomlOut {
 public:
  void string(std::string_view key, std::string_view value) { line(key, toml_string(value)); }
  void integer(std::string_view key, std::int64_t value) { line(key, std::to_string(value)); }
  void boolean(std::string_view key, bool value) { line(key, value ? "true" : "false"); }
  void amount(std::string_view key, Money value) { line(key, toml_amount(value)); }
  void begin_table(std::string_view name) { m_text += "\n[[" + std::string(name) + "]]\n"; }
  void end_table() {}
  std::string take() { return std::move(m_text); }

 private:
  void line(std::string_view key, const std::string& value) {
    m_text += key;
    m_text += " = ";
    m_text += value;
    m_text += '\n';
  }
  std::string m_text;
};

class JsonOut {
 public:
  void string(std::string_view key, std::string_view value) { current()[std::string(key)] = std::string(value); }
  void integer(std::string_view key, std::int64_t value) { current()[std::string(key)] = value; }
  void boolean(std::string_view key, bool value) { current()[std::string(key)] = value; }
  void amount(std::string_view key, Money value) { current()[std::string(key)] = json_amount(value); }
  void begin_table(std::string_view name) {
    m_table_name = std::string(name);
    m_table = nlohmann::ordered_json::object();
    m_in_table = true;
  }
  void end_table() {
    m_doc[m_table_name].push_back(std::move(m_table));
    m_in_table = false;
  }
  std::string take() { return m_doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace); }

 private:
  nlohmann::ordered_json& current() { return m_in_table ? m_table : m_doc; }
  nlohmann::ordered_json m_doc = nlohmann::ordered_json::object();
  nlohmann::ordered_json m_table;
  std::string m_table_name;
  bool m_in_table = false;
};

template <class Out>
void write_member(Out& out, const Member& m) {
  out.begin_table("member");
  out.string("pnr", m.pnr.formatted());
  if (!m.name.empty()) out.string("name", m.name);
  out.string("role", role_name(m.role));
  if (!m.hinder.empty()) out.string("hinder", m.hinder);
  if (m.assistance_months) out.integer("assistance_months", *m.assistance_months);
  if (m.stimulus_start) out.string("stimulus_start", m.stimulus_start->to_string());
  if (m.preschool_lunch) out.boolean("preschool_lunch", true);
  if (m.in_school) out.boolean("in_school", true);
  if (m.days != 30) out.integer("days", m.days);
  if (m.alternating_residence) out.boolean("alternating_residence", true);
  if (!m.earned_this_year_before.is_zero()) out.amount("earned_this_year_before", m.earned_this_year_before);
  if (!m.norm_raise.is_zero()) out.amount("norm_raise", m.norm_raise);
  if (!m.norm_raise_reason.empty()) out.string("norm_raise_reason", m.norm_raise_reason);
  if (m.norm_raise_applied) out.amount("norm_raise_applied", *m.norm_raise_applied);
  out.end_table();
}

template <class Out>
void write_cost(Out& out, const Cost& c) {
  out.begin_table("cost");
  out.string("kind", cost_kind_name(c.kind));
  out.amount("applied", c.applied);
  if (c.approved) out.amount("approved", *c.approved);
  if (!c.note.empty()) out.string("note", c.note);
  if (c.second_hand) out.boolean("second_hand", true);
  if (c.consent) out.boolean("consent", true);
  if (!c.special_reasons.empty()) out.string("special_reasons", c.special_reasons);
  out.end_table();
}

template <class Out>
void write_income(Out& out, const Income& in) {
  out.begin_table("income");
  out.string("member", in.member.formatted());
  out.string("kind", income_kind_name(in.kind));
  out.amount("amount", in.amount);
  if (!in.note.empty()) out.string("note", in.note);
  out.end_table();
}

template <class Out>
std::string write(const Application& app) {
  Out out;
  out.string("month", app.month.to_string());
  if (app.received) out.string("received", app.received->to_string());
  out.string("kind", kind_name(app.kind));
  if (!app.guideline.empty()) out.string("guideline", app.guideline);
  if (app.housemates != 0) out.integer("housemates", app.housemates);
  if (!app.address.empty()) out.string("address", app.address);
  if (!app.account.empty()) out.string("account", app.account);
  if (!app.large_household_exempt.empty()) out.string("large_household_exempt", app.large_household_exempt);
  if (app.housing) out.string("housing", housing_name(*app.housing));
  if (app.complete_on) out.string("complete_on", app.complete_on->to_string());
  for (const auto& m : app.members) write_member(out, m);
  for (const auto& c : app.costs) write_cost(out, c);
  for (const auto& in : app.incomes) write_income(out, in);
  return out.take();
}

}  // namespace

std::string write_application_toml(const Application& app) {
  return write<TomlOut>(app);
}

std::string write_application_json(const Application& app) {
  return write<JsonOut>(app);
}

}  // namespace eb::assess
