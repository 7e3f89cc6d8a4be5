// SPDX-License-Identifier: MIT
// Personnummer and samordningsnummer: parsing, check digit, birth date, sex, age, masking.
#pragma once

#include <string>
#include <string_view>

#include "period/date.hpp"

namespace eb::person {

enum class Sex { woman, man };

// A validated 12-digit Swedish personal identity number (or samordningsnummer, where 60 is
// added to the day of birth). Skatteverket SKV 704: check digit by the Luhn algorithm over
// the last ten digits.
class Personnummer {
 public:
  // The 12 digits, no separator: "198503122387".
  const std::string& digits() const { return m_digits; }
  // "19850312-2387": the canonical written form.
  std::string formatted() const;
  // "19850312-XXXX": for lists and logs, where the full number is not needed.
  std::string masked() const;
  bool is_samordningsnummer() const { return m_samordning; }
  period::Date birth_date() const { return m_birth; }
  // From the second-to-last digit: odd is a man, even a woman.
  Sex sex() const;
  // Completed years on `day`. A person born on 29 February completes a year on 1 March in
  // non-leap years, or on 28 February when `leap_day_on_feb28` (a norm parameter: UNCONFIRMED).
  int age_on(period::Date day, bool leap_day_on_feb28 = false) const;

  bool operator==(const Personnummer& o) const { return m_digits == o.m_digits; }
  bool operator<(const Personnummer& o) const { return m_digits < o.m_digits; }

 private:
  friend Personnummer parse_personnummer(std::string_view, std::string_view);
  std::string m_digits;
  period::Date m_birth{1970, 1, 1};
  bool m_samordning = false;
};

// Parses "YYYYMMDD-NNNN", "YYYYMMDDNNNN" or "YYYYMMDD+NNNN". Throws InputError naming
// `field` and the text when it is not 12 digits, the date does not exist (day − 60 for a
// samordningsnummer) or the check digit is wrong (the message gives the expected digit).
Personnummer parse_personnummer(std::string_view text, std::string_view field);

// 12 stored digits as "YYYYMMDD-NNNN" when `full`, else masked "YYYYMMDD-XXXX"; anything
// else is returned unchanged.
std::string written_pnr(std::string_view digits, bool full);

// The Luhn check digit for the nine digits YYMMDDNNN.
int luhn_check_digit(std::string_view nine_digits);

}  // namespace eb::person
