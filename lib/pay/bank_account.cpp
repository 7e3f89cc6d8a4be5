// SPDX-License-Identifier: MIT
// The clearing-number table and the check-digit rules of Swedish bank accounts.
#include "pay/bank_account.hpp"

#include <array>
#include <optional>
#include <vector>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::pay {

namespace {

// How the account number of a clearing range is built and checked. The names follow
// Bankgirot's "Bankernas kontonummer" (type 1 or 2, and the comment in its table).
enum class Rule {
  // 7-digit account; modulus 11 over the clearing's last 3 digits and the account.
  type1_comment1,
  // 7-digit account; modulus 11 over the whole clearing and the account.
  type1_comment2,
  // 10-digit account; modulus 10 over the account.
  type2_comment1,
  // 9-digit account (Handelsbanken); modulus 11 over the account.
  type2_comment2,
  // Up to 10 digits, zero-padded to 10; modulus 10 over the account.
  type2_comment3,
};

struct ClearingRange {
  int first;
  int last;
  std::string_view bank;
  Rule rule;
  int clearing_digits = 4;  // 5 for Swedbank 8000–8999: the fifth is a check digit
};

// Bankgirot, "Bankernas kontonummer" (the table of clearing ranges, type and comment),
// sorted by clearing number; a range not listed belongs to no bank that takes transfers.
// Aion, Lunar, Multitude and Northmill are newer entries of that table and the least sure.
constexpr std::array k_ranges{
    ClearingRange{1100, 1199, "Nordea", Rule::type1_comment1},
    ClearingRange{1200, 1399, "Danske Bank", Rule::type1_comment1},
    ClearingRange{1400, 2099, "Nordea", Rule::type1_comment1},
    ClearingRange{2300, 2399, "Ålandsbanken", Rule::type1_comment2},
    ClearingRange{2400, 2499, "Danske Bank", Rule::type1_comment1},
    ClearingRange{3000, 3299, "Nordea", Rule::type1_comment1},
    ClearingRange{3300, 3300, "Nordea", Rule::type2_comment1},  // personkonto: number = personnummer
    ClearingRange{3301, 3399, "Nordea", Rule::type1_comment1},
    ClearingRange{3400, 3409, "Länsförsäkringar Bank", Rule::type1_comment1},
    ClearingRange{3410, 3781, "Nordea", Rule::type1_comment1},
    ClearingRange{3782, 3782, "Nordea", Rule::type2_comment1},  // personkonto: number = personnummer
    ClearingRange{3783, 3999, "Nordea", Rule::type1_comment1},
    ClearingRange{4000, 4999, "Nordea", Rule::type1_comment2},
    ClearingRange{5000, 5999, "SEB", Rule::type1_comment1},
    ClearingRange{6000, 6999, "Handelsbanken", Rule::type2_comment2},
    ClearingRange{7000, 7999, "Swedbank", Rule::type1_comment1},
    ClearingRange{8000, 8999, "Swedbank", Rule::type2_comment3, 5},
    ClearingRange{9020, 9029, "Länsförsäkringar Bank", Rule::type1_comment2},
    ClearingRange{9040, 9049, "Citibank", Rule::type1_comment2},
    ClearingRange{9060, 9069, "Länsförsäkringar Bank", Rule::type1_comment1},
    ClearingRange{9070, 9079, "Multitude Bank", Rule::type1_comment1},
    ClearingRange{9100, 9109, "Nordnet Bank", Rule::type1_comment2},
    ClearingRange{9120, 9124, "SEB", Rule::type1_comment1},
    ClearingRange{9130, 9149, "SEB", Rule::type1_comment1},
    ClearingRange{9150, 9169, "Skandiabanken", Rule::type1_comment2},
    ClearingRange{9170, 9179, "Ikano Bank", Rule::type1_comment1},
    ClearingRange{9180, 9189, "Danske Bank", Rule::type2_comment1},
    ClearingRange{9190, 9199, "DNB Bank", Rule::type1_comment2},
    ClearingRange{9230, 9239, "Marginalen Bank", Rule::type1_comment1},
    ClearingRange{9250, 9259, "SBAB", Rule::type1_comment1},
    ClearingRange{9260, 9269, "DNB Bank", Rule::type1_comment2},
    ClearingRange{9270, 9279, "ICA Banken", Rule::type1_comment1},
    ClearingRange{9280, 9289, "Resurs Bank", Rule::type1_comment1},
    ClearingRange{9300, 9349, "Swedbank", Rule::type2_comment1},  // formerly Sparbanken Öresund
    ClearingRange{9390, 9399, "Landshypotek", Rule::type1_comment2},
    ClearingRange{9400, 9449, "Forex Bank", Rule::type1_comment1},
    ClearingRange{9460, 9469, "Santander Consumer Bank", Rule::type1_comment1},
    ClearingRange{9470, 9479, "BNP Paribas", Rule::type1_comment2},
    ClearingRange{9500, 9549, "Plusgirot", Rule::type2_comment3},
    ClearingRange{9550, 9569, "Avanza Bank", Rule::type1_comment2},
    ClearingRange{9570, 9579, "Sparbanken Syd", Rule::type2_comment1},
    ClearingRange{9580, 9589, "Aion Bank", Rule::type1_comment1},
    ClearingRange{9590, 9599, "Erik Penser", Rule::type1_comment2},
    ClearingRange{9630, 9639, "Lån & Spar Bank Sverige", Rule::type1_comment1},
    ClearingRange{9640, 9649, "NOBA Bank Group (Nordax Bank)", Rule::type1_comment2},
    ClearingRange{9650, 9659, "MedMera Bank", Rule::type1_comment2},
    ClearingRange{9660, 9669, "Svea Bank", Rule::type1_comment2},
    ClearingRange{9670, 9679, "JAK Medlemsbank", Rule::type1_comment2},
    ClearingRange{9680, 9689, "BlueStep Finans", Rule::type1_comment1},
    ClearingRange{9700, 9709, "Ekobanken", Rule::type1_comment2},
    ClearingRange{9710, 9719, "Lunar Bank", Rule::type1_comment2},
    ClearingRange{9750, 9759, "Northmill Bank", Rule::type1_comment2},
    ClearingRange{9780, 9789, "Klarna Bank", Rule::type1_comment2},
    ClearingRange{9880, 9889, "Riksgälden", Rule::type1_comment2},
    ClearingRange{9890, 9899, "Riksgälden", Rule::type2_comment1},
    ClearingRange{9960, 9969, "Plusgirot", Rule::type2_comment3},
};

constexpr bool is_sorted_without_overlap() {
  for (std::size_t i = 0; i < k_ranges.size(); ++i) {
    if (k_ranges[i].first > k_ranges[i].last) return false;
    if (i > 0 && k_ranges[i - 1].last >= k_ranges[i].first) return false;
  }
  return true;
}
static_assert(is_sorted_without_overlap(), "clearing ranges must be sorted and must not overlap");

const ClearingRange* find_range(int clearing) {
  for (const auto& r : k_ranges) {
    if (clearing >= r.first && clearing <= r.last) return &r;
  }
  return nullptr;
}

int digit(char c) {
  return c - '0';
}

// Luhn (modulus 10): the weights 2, 1, 2, 1, … from the right, before the check digit.
int luhn_check_digit(std::string_view digits_before_check) {
  int sum = 0;
  bool twice = true;
  for (std::size_t i = digits_before_check.size(); i-- > 0;) {
    int v = digit(digits_before_check[i]) * (twice ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

bool passes_mod10(std::string_view digits) {
  return luhn_check_digit(digits.substr(0, digits.size() - 1)) == digit(digits.back());
}

// Modulus 11 with the weights 1, 2, …, 10, 1, 2, … from the right, check digit included.
bool passes_mod11(std::string_view digits) {
  int sum = 0;
  int weight = 1;
  for (std::size_t i = digits.size(); i-- > 0;) {
    sum += digit(digits[i]) * weight;
    weight = weight == 10 ? 1 : weight + 1;
  }
  return sum % 11 == 0;
}

std::string_view check_rule_text(Rule rule) {
  switch (rule) {
    case Rule::type1_comment1:
      return "modulus 11 over the clearing number's last three digits and the account number";
    case Rule::type1_comment2:
      return "modulus 11 over the clearing number and the account number";
    case Rule::type2_comment2:
      return "modulus 11 over the account number";
    case Rule::type2_comment1:
    case Rule::type2_comment3:
      return "modulus 10 over the account number";
  }
  return "";
}

bool is_separator_at(std::string_view s, std::size_t i, std::size_t& width) {
  const char c = s[i];
  if (c == ' ' || c == '-' || c == ',' || c == '.') {
    width = 1;
    return true;
  }
  if (s.substr(i, 2) == "\xC2\xA0") {  // no-break space, as pasted from documents
    width = 2;
    return true;
  }
  return false;
}

std::string with_clearing_dash(const std::string& clearing) {
  if (clearing.size() == 5) return clearing.substr(0, 4) + "-" + clearing.substr(4);
  return clearing;
}

}  // namespace

std::string BankAccount::formatted() const {
  return with_clearing_dash(clearing) + ", " + number;
}

std::string BankAccount::masked() const {
  std::string out = formatted();
  std::size_t shown = is_personkonto() ? 4 : 0;  // a personkonto shows none of its number's digits
  for (std::size_t i = out.size(); i-- > 0;) {
    if (out[i] < '0' || out[i] > '9') continue;
    if (shown < 4) {
      ++shown;
    } else {
      out[i] = 'X';
    }
  }
  return out;
}

std::string BankAccount::bban() const {
  return clearing.substr(0, 4) + number;
}

BankAccount parse_bank_account(std::string_view text, std::string_view field) {
  const auto fail = [&](const std::string& why) -> BankAccount {
    throw InputError(std::string(field), text::quoted(text), why);
  };

  // The digits, and the lengths of the digit groups between separators: the groups tell
  // whether a Swedbank clearing number was written with its fifth digit.
  std::string digits;
  std::vector<std::size_t> groups;
  bool in_group = false;
  for (std::size_t i = 0, width = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (!in_group) groups.push_back(0);
      in_group = true;
      ++groups.back();
      digits += c;
    } else if (is_separator_at(text, i, width)) {
      in_group = false;
      i += width - 1;
    } else {
      return fail("only digits, spaces and the separators - , . may appear in a bank account number");
    }
  }
  if (digits.empty()) {
    return fail("a clearing number and an account number are required, e.g. \"5000 1234567\"");
  }
  if (digits.size() < 4) return fail("a clearing number has four digits; this is too short");

  const std::string four = digits.substr(0, 4);
  int clearing_value = 0;
  text::parse_digits(four, clearing_value);
  const ClearingRange* range = find_range(clearing_value);
  if (range == nullptr) return fail("no Swedish bank has the clearing number " + four);
  const std::string bank(range->bank);

  BankAccount account;
  account.bank = bank;
  std::size_t clearing_written = 4;
  if (range->clearing_digits == 5) {
    const char check = static_cast<char>('0' + luhn_check_digit(four));
    // "8327-9 …", "8327 9 …" and "83279…" carry the fifth digit; "8327 0123456789" does not.
    const bool written = groups[0] >= 5 || (groups[0] == 4 && groups.size() >= 2 && groups[1] == 1);
    if (written) {
      clearing_written = 5;
      if (digits.size() >= 5 && digits[4] != check) {
        return fail("the fifth digit of a " + bank + " clearing number is a check digit: " + four + "-" + digits[4] +
                    " should be " + four + "-" + check);
      }
    }
    account.clearing = four + check;
  } else {
    account.clearing = four;
  }

  std::string number = digits.size() > clearing_written ? digits.substr(clearing_written) : "";
  const std::string at_bank = bank + " (clearing " + with_clearing_dash(account.clearing) + ")";
  if (number.empty()) return fail("the account number is missing after the clearing number");

  const auto wrong_length = [&](const std::string& expected) -> BankAccount {
    return fail("an account number at " + at_bank + " has " + expected + "; this one has " +
                std::to_string(number.size()));
  };
  bool check_ok = false;
  switch (range->rule) {
    case Rule::type1_comment1:
    case Rule::type1_comment2: {
      if (number.size() != 7) return wrong_length("7 digits");
      const std::string weighed = range->rule == Rule::type1_comment1 ? four.substr(1) + number : four + number;
      check_ok = passes_mod11(weighed);
      break;
    }
    case Rule::type2_comment1:
      if (number.size() != 10) {
        if (account.is_personkonto() && number.size() == 12) {
          return fail(
              "the account number of a Nordea personkonto is the personnummer with 10 digits "
              "(YYMMDDNNNN), without the century");
        }
        return wrong_length("10 digits");
      }
      check_ok = passes_mod10(number);
      break;
    case Rule::type2_comment2:
      // Nine digits; older 8-digit numbers get a leading zero, which modulus 11 ignores.
      if (number.size() != 8 && number.size() != 9) return wrong_length("9 digits");
      if (number.size() == 8) number.insert(0, "0");
      check_ok = passes_mod11(number);
      break;
    case Rule::type2_comment3:
      if (number.size() > 10) return wrong_length("at most 10 digits");
      number.insert(0, 10 - number.size(), '0');
      check_ok = passes_mod10(number);
      break;
  }
  if (number.find_first_not_of('0') == std::string::npos) return fail("the account number is all zeros");
  if (!check_ok) {
    if (account.is_personkonto()) {
      return fail(
          "the check digit is wrong: the account number of a Nordea personkonto is the holder's "
          "personnummer (YYMMDDNNNN), whose last digit checks the others");
    }
    return fail("the check digit does not match: at " + at_bank + " it is computed by " +
                std::string(check_rule_text(range->rule)) + "; look for a mistyped digit");
  }
  account.number = std::move(number);
  return account;
}

}  // namespace eb::pay
