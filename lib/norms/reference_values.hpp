// SPDX-License-Identifier: MIT
// ReferenceValues: a referensvärden file (norms/reference/*.toml) — the riksnorm model from
// 2027 (SoF (2025:468) 12 kap. 1 a–1 c §§) as data, with the dated parameters a norm file
// derived from it needs: the uplift, the large-household factors per period, the prisbasbelopp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "money/money.hpp"
#include "money/ratio.hpp"
#include "money/rounding.hpp"
#include "norms/norm_set.hpp"
#include "period/date.hpp"

namespace eb::norms {

// The large-household parameters over a period: the factors change on 1 January 2028
// (0.375/0.2 → 0.75/0.4, SFS 2026:1127), so the referensvärden file dates them.
struct LargeHouseholdPeriod {
  LargeHousehold rule;
  period::Date valid_from{1970, 1, 1};
  std::optional<period::Date> valid_to;  // open-ended when absent
  std::string sfs;                       // the act that set the factors
  long line = 0;

  bool covers(period::Date day) const { return valid_from <= day && (!valid_to || day <= *valid_to); }
};

// The prisbasbelopp to write into the norm file derived for `year`.
struct PrisbasbeloppYear {
  int year = 0;
  Money amount;
  std::string sfs;           // the förordning that set it; empty when not known
  bool unconfirmed = false;  // status = "unconfirmed": a stand-in until the förordning is known
  std::string note;
  long line = 0;
};

struct ReferenceValues {
  std::string id;
  std::string title;
  period::Date valid_from{1970, 1, 1};   // the first day of the first norm year these values apply to
  std::optional<period::Date> valid_to;  // open-ended until an act changes the referensvärden
  std::string price_level;               // "2024-06": the price level of the referensvärden
  std::string sfs;                       // the act that set them: "2026:1126"
  std::string source;
  std::string source_note;
  money::Ratio uplift;  // SoF 12 kap. 1 b §: 1.02
  money::Rounding rounding = money::Rounding::nearest_10_kr;
  Money single;                  // referensvärde, ensamstående
  Money couple;                  // referensvärde, gifta eller sambor
  std::vector<ChildBand> bands;  // `reference` and `reference_without_lunch` set; no amounts
  std::vector<Money> common;     // referensvärden of the common costs, 1..7 persons
  std::vector<std::string> items;
  NormRules rules;
  std::vector<LargeHouseholdPeriod> large_household;
  std::vector<PrisbasbeloppYear> prisbasbelopp;
  std::vector<StatuteRef> refs;

  std::string path;
  std::string sha256;

  // True when the whole calendar year `year` lies inside this file's validity.
  bool covers_year(int year) const;
};

// Parses a referensvärden file's text. `file` names it in messages. Throws InputError with one
// problem per bad or unknown field, and for every problem check_reference_values finds.
ReferenceValues parse_reference_text(std::string_view text, const std::string& file);

// Reads and parses the file at `path`, recording its path and SHA-256. Throws StoreError if it
// cannot be read, InputError if it is invalid.
ReferenceValues read_reference_file(const std::string& path);

// The consistency checks: bands with referensvärden covering 0–20, 7 increasing common values,
// positive values, an uplift in (0, 2], large-household periods and prisbasbelopp years that do
// not overlap. Returns the problems (empty = fine).
std::vector<Problem> check_reference_values(const ReferenceValues& ref);

// The referensvärden file in `dir`/reference/ whose validity covers the whole of `year`.
// Throws NormError (not found) naming the folder and what it covers when there is none, or
// (invalid input) when two files cover the year.
ReferenceValues find_reference_values(const std::string& dir, int year);

}  // namespace eb::norms
