// SPDX-License-Identifier: MIT
// Writes a payment batch as pain.001.001.03 XML and as CSV, after checking every field.
#include "pay/payment_file.hpp"

#include <cstdint>
#include <set>
#include <string_view>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::pay {

namespace {

using money::Money;

// The largest sum the file can state: ActiveOrHistoricCurrencyAndAmount and DecimalNumber
// allow 18 digits in all, so 16 before the decimal mark.
constexpr std::int64_t k_max_total_ore = 999'999'999'999'999'999;

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

// Checks a required text field against its schema length. The file is UTF-8, and control
// characters are not allowed in these one-line fields (text::line_problem).
void check_text(ProblemList& problems, const std::string& field, std::string_view value, std::size_t max_chars) {
  if (is_blank(value)) {
    problems.add({"", 0, field, text::quoted(value), "is required"});
    return;
  }
  if (auto why = text::line_problem(value, max_chars); !why.empty()) {
    problems.add({"", 0, field, text::quoted(value), why});
  }
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// ISO 13616: the IBAN pattern of the schema and the modulus-97 check.
bool is_valid_iban(std::string_view iban) {
  if (iban.size() < 5 || iban.size() > 34) return false;
  if (!is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3])) return false;
  int rest = 0;
  const auto add = [&rest](int v) { rest = (rest * (v >= 10 ? 100 : 10) + v) % 97; };
  for (std::size_t k = 0; k < iban.size(); ++k) {
    const char c = iban[(k + 4) % iban.size()];
    if (is_digit(c)) {
      add(c - '0');
    } else if (is_upper(c)) {
      add(c - 'A' + 10);
    } else if (c >= 'a' && c <= 'z') {
      add(c - 'a' + 10);
    } else {
      return false;
    }
  }
  return rest == 1;
}

// The schema's BICIdentifier: [A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?
bool is_valid_bic(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!is_upper(bic[i])) return false;
  }
  if (!is_upper(bic[6]) && !(bic[6] >= '2' && bic[6] <= '9')) return false;
  if (bic[7] == 'O' || (!is_upper(bic[7]) && !is_digit(bic[7]))) return false;
  for (std::size_t i = 8; i < bic.size(); ++i) {
    if (!is_upper(bic[i]) && !is_digit(bic[i])) return false;
  }
  return true;
}

// Luhn over all digits of `digits`, the last being the check digit.
bool passes_luhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int v = (digits[i] - '0') * (twice ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// The 10 digits of an organisationsnummer, or empty if `text` is not one (Luhn check digit).
std::string org_number_digits(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (is_digit(c)) {
      digits += c;
    } else if (c != '-' && c != ' ') {
      return {};
    }
  }
  if (digits.size() != 10 || !passes_luhn(digits)) return {};
  return digits;
}

bool two_digits(std::string_view s, std::size_t at, int max) {
  if (at + 2 > s.size() || !is_digit(s[at]) || !is_digit(s[at + 1])) return false;
  return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
}

// xs:dateTime as written in payment files: YYYY-MM-DDThh:mm:ss, optional fraction of a second,
// optional "Z" or "+hh:mm"/"-hh:mm".
bool is_iso_datetime(std::string_view s) {
  if (s.size() < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
  int y = 0, m = 0, d = 0;
  if (!text::parse_digits(s.substr(0, 4), y) || s[4] != '-' || !text::parse_digits(s.substr(5, 2), m) || s[7] != '-' ||
      !text::parse_digits(s.substr(8, 2), d) || !period::make_date(y, m, d)) {
    return false;
  }
  if (!two_digits(s, 11, 23) || !two_digits(s, 14, 59) || !two_digits(s, 17, 59)) return false;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  return s.size() == i + 6 && two_digits(s, i + 1, 14) && s[i + 3] == ':' && two_digits(s, i + 4, 59);
}

// "1234.50": kronor, a dot, exactly two öre digits (amounts are never negative here).
std::string decimal_text(Money m) {
  const std::int64_t ore = m.ore();
  const std::int64_t frac = ore % 100;
  return std::to_string(ore / 100) + "." + static_cast<char>('0' + frac / 10) + static_cast<char>('0' + frac % 10);
}

// The IBAN without its spaces.
std::string iban_digits(std::string_view iban) {
  std::string out;
  for (char c : iban) {
    if (c != ' ') out += c;
  }
  return out;
}

// The checked and normalised contents of a file, ready to write.
struct Checked {
  std::string iban;
  std::string org_number;
  std::vector<std::vector<std::string>> addresses;  // per transfer; empty for account transfers
  Money total;
};

// Checks every field; throws one InputError that lists every problem found.
Checked check(const PaymentFile& file) {
  ProblemList problems;
  Checked out;
  check_text(problems, "message_id", file.message_id, 35);
  if (!is_iso_datetime(file.created_at)) {
    problems.add({"", 0, "created_at", text::quoted(file.created_at),
                  "is not an ISO 8601 date and time such as \"2026-03-20T14:05:00\""});
  }
  for (auto& p : debtor_problems(file.debtor)) problems.add(std::move(p));
  out.iban = iban_digits(file.debtor.iban);
  out.org_number = org_number_digits(file.debtor.org_number);

  if (file.transfers.empty()) {
    problems.add({"", 0, "transfers", "", "a payment file needs at least one transfer"});
  }
  std::set<std::string> ids;
  bool overflow = false;
  for (std::size_t i = 0; i < file.transfers.size(); ++i) {
    const Transfer& t = file.transfers[i];
    const std::string f = "transfer[" + std::to_string(i + 1) + "]";
    check_text(problems, f + ".end_to_end_id", t.end_to_end_id, 35);
    if (!ids.insert(t.end_to_end_id).second) {
      problems.add({"", 0, f + ".end_to_end_id", text::quoted(t.end_to_end_id),
                    "appears twice in the file; each transfer needs its own"});
    }
    if (t.amount.ore() <= 0) {
      problems.add({"", 0, f + ".amount", money::format_sv(t.amount), "must be more than 0 kr"});
    } else {
      std::int64_t sum = 0;
      if (__builtin_add_overflow(out.total.ore(), t.amount.ore(), &sum) || sum > k_max_total_ore) {
        overflow = true;
      } else {
        out.total = Money::from_ore(sum);
      }
    }
    check_text(problems, f + ".creditor_name", t.creditor_name, 140);
    if (!t.remittance.empty()) {
      if (auto why = text::line_problem(t.remittance, 140); !why.empty()) {
        problems.add({"", 0, f + ".remittance", text::quoted(t.remittance), why});
      }
    }
    std::vector<std::string> lines;
    if (!t.account) {
      lines = address_lines(t.creditor_address);
      if (lines.empty()) {
        problems.add({"", 0, f + ".creditor_address", text::quoted(t.creditor_address),
                      "a payment by avi (no account) needs the recipient's postal address"});
      } else if (lines.size() > 7) {
        problems.add({"", 0, f + ".creditor_address", text::quoted(t.creditor_address),
                      "has " + std::to_string(lines.size()) + " lines; at most 7 fit"});
      }
      for (const auto& line : lines) {
        if (auto why = text::line_problem(line, 70); !why.empty()) {
          problems.add({"", 0, f + ".creditor_address", text::quoted(line), "a line " + why});
        }
      }
    }
    out.addresses.push_back(std::move(lines));
  }
  if (overflow) {
    problems.add({"", 0, "transfers", "", "the amounts add up to more than a payment file can hold"});
  }
  problems.throw_if_any();
  return out;
}

// A small indenting XML writer; every text and attribute value is escaped.
class XmlWriter {
 public:
  // `attributes` are written as given: they are constants of this file, never user data.
  void open(std::string_view tag, std::string_view attributes = {}) {
    indent();
    m_out += "<" + std::string(tag) + (attributes.empty() ? "" : " ") + std::string(attributes) + ">\n";
    ++m_depth;
  }
  void close(std::string_view tag) {
    --m_depth;
    indent();
    m_out += "</" + std::string(tag) + ">\n";
  }
  void leaf(std::string_view tag, std::string_view text) {
    indent();
    m_out += "<" + std::string(tag) + ">" + text::markup_escaped(text) + "</" + std::string(tag) + ">\n";
  }
  void amount(std::string_view tag, Money m) {
    indent();
    m_out += "<" + std::string(tag) + " Ccy=\"SEK\">" + decimal_text(m) + "</" + std::string(tag) + ">\n";
  }
  void raw(std::string_view text) { m_out += text; }
  std::string take() { return std::move(m_out); }

 private:
  void indent() { m_out.append(static_cast<std::size_t>(m_depth) * 2, ' '); }
  std::string m_out;
  int m_depth = 0;
};

void write_org_id(XmlWriter& x, const std::string& org_number) {
  x.open("Id");
  x.open("OrgId");
  x.open("Othr");
  x.leaf("Id", org_number);
  // UNCONFIRMED: banks differ on the scheme code of the initiating party (BANK or CUST);
  // the debtor bank's implementation guide decides.
  x.open("SchmeNm");
  x.leaf("Cd", "BANK");
  x.close("SchmeNm");
  x.close("Othr");
  x.close("OrgId");
  x.close("Id");
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

}  // namespace

std::vector<std::string> address_lines(std::string_view address) {
  const char separator = address.find('\n') != std::string_view::npos ? '\n' : ',';
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= address.size()) {
    std::size_t end = address.find(separator, start);
    if (end == std::string_view::npos) end = address.size();
    std::string line = trimmed(address.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::vector<Problem> debtor_problems(const Debtor& debtor) {
  ProblemList problems;
  check_text(problems, "debtor.name", debtor.name, 140);
  if (!is_valid_iban(iban_digits(debtor.iban))) {
    problems.add({"", 0, "debtor.iban", text::quoted(debtor.iban),
                  "is not a valid IBAN (two letters, two check digits, the account; modulus 97)"});
  }
  if (!is_valid_bic(debtor.bic)) {
    problems.add({"", 0, "debtor.bic", text::quoted(debtor.bic),
                  "is not a BIC (8 or 11 capital letters and digits, e.g. \"SWEDSESS\")"});
  }
  if (org_number_digits(debtor.org_number).empty()) {
    problems.add({"", 0, "debtor.org_number", text::quoted(debtor.org_number),
                  "is not an organisationsnummer (10 digits, NNNNNN-NNNN, with a valid check digit)"});
  }
  return problems.items();
}

std::string write_pain001(const PaymentFile& file) {
  const Checked c = check(file);
  const std::string count = std::to_string(file.transfers.size());
  XmlWriter x;
  x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  x.open("Document",
         "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
  x.open("CstmrCdtTrfInitn");
  x.open("GrpHdr");
  x.leaf("MsgId", file.message_id);
  x.leaf("CreDtTm", file.created_at);
  x.leaf("NbOfTxs", count);
  x.leaf("CtrlSum", decimal_text(c.total));
  x.open("InitgPty");
  x.leaf("Nm", file.debtor.name);
  write_org_id(x, c.org_number);
  x.close("InitgPty");
  x.close("GrpHdr");

  x.open("PmtInf");
  x.leaf("PmtInfId", file.message_id);
  x.leaf("PmtMtd", "TRF");
  x.leaf("NbOfTxs", count);
  x.leaf("CtrlSum", decimal_text(c.total));
  x.leaf("ReqdExctnDt", file.execution_date.to_string());
  x.open("Dbtr");
  x.leaf("Nm", file.debtor.name);
  x.close("Dbtr");
  x.open("DbtrAcct");
  x.open("Id");
  x.leaf("IBAN", c.iban);
  x.close("Id");
  x.leaf("Ccy", "SEK");
  x.close("DbtrAcct");
  x.open("DbtrAgt");
  x.open("FinInstnId");
  x.leaf("BIC", file.debtor.bic);
  x.close("FinInstnId");
  x.close("DbtrAgt");

  for (std::size_t i = 0; i < file.transfers.size(); ++i) {
    const Transfer& t = file.transfers[i];
    x.open("CdtTrfTxInf");
    x.open("PmtId");
    x.leaf("EndToEndId", t.end_to_end_id);
    x.close("PmtId");
    x.open("Amt");
    x.amount("InstdAmt", t.amount);
    x.close("Amt");
    if (t.account) {
      // A Swedish domestic account: the bank by clearing number in the Bankgirot clearing
      // (SESBA, first four digits), the account as a BBAN (clearing + account number).
      x.open("CdtrAgt");
      x.open("FinInstnId");
      x.open("ClrSysMmbId");
      x.open("ClrSysId");
      x.leaf("Cd", "SESBA");
      x.close("ClrSysId");
      x.leaf("MmbId", t.account->clearing.substr(0, 4));
      x.close("ClrSysMmbId");
      x.close("FinInstnId");
      x.close("CdtrAgt");
    }
    x.open("Cdtr");
    x.leaf("Nm", t.creditor_name);
    if (!t.account) {
      // Payment by avi: the bank posts an utbetalningsavi to this address.
      x.open("PstlAdr");
      x.leaf("Ctry", "SE");
      for (const auto& line : c.addresses[i]) x.leaf("AdrLine", line);
      x.close("PstlAdr");
    }
    x.close("Cdtr");
    if (t.account) {
      x.open("CdtrAcct");
      x.open("Id");
      x.open("Othr");
      x.leaf("Id", t.account->bban());
      x.open("SchmeNm");
      x.leaf("Cd", "BBAN");
      x.close("SchmeNm");
      x.close("Othr");
      x.close("Id");
      x.close("CdtrAcct");
    }
    if (!t.remittance.empty()) {
      x.open("RmtInf");
      x.leaf("Ustrd", t.remittance);
      x.close("RmtInf");
    }
    x.close("CdtTrfTxInf");
  }
  x.close("PmtInf");
  x.close("CstmrCdtTrfInitn");
  x.close("Document");
  return x.take();
}

std::string write_payment_csv(const PaymentFile& file) {
  const Checked c = check(file);
  std::string out =
      "end_to_end_id,execution_date,amount,currency,creditor_name,method,clearing,account,bank,"
      "creditor_address,remittance\r\n";
  const std::string date = file.execution_date.to_string();
  for (std::size_t i = 0; i < file.transfers.size(); ++i) {
    const Transfer& t = file.transfers[i];
    const std::vector<std::string> row{
        t.end_to_end_id,
        date,
        decimal_text(t.amount),
        "SEK",
        t.creditor_name,
        t.account ? "account" : "avi",
        t.account ? t.account->clearing : "",
        t.account ? t.account->number : "",
        t.account ? t.account->bank : "",
        joined(c.addresses[i], ", "),
        t.remittance,
    };
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0) out += ',';
      out += text::csv_cell(row[k]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace eb::pay
