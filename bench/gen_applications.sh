#!/usr/bin/env bash
# gen_applications.sh — print N synthetic applications as JSON lines for `eb intake --file -`.
#
# Usage: bench/gen_applications.sh N [OFFSET] [MONTH]
#   N       number of applications (lines) to print
#   OFFSET  index of the first application (default 0). The output is a pure function of
#           (index, MONTH): batches with disjoint index ranges (0..299 and 300..599) share no
#           person, so they never collide in the store, and the same call prints the same bytes.
#   MONTH   the month applied for, YYYY-MM (default 2026-11)
#
# Every personnummer is synthetic with a valid check digit (Luhn over the last 10 digits).
# Application i uses person i of three disjoint ranges:
#   applicants born from 1945-01-01, partners from 1975-01-01, children from 2009-01-01;
#   900 persons per birth date (serial numbers 100–999), so a range advances one day per 900.
# Households cycle over i % 12: 6 single adults, 2 single parents with a child, 2 couples,
# 1 couple with a child, 1 adult with a housemate. Amounts vary with i.
set -euo pipefail

usage() {
  echo "usage: $0 N [OFFSET] [MONTH]" >&2
  exit 2
}
(($# >= 1 && $# <= 3)) || usage
n=$1
offset=${2:-0}
month=${3:-2026-11}
[[ $n =~ ^[0-9]+$ && $offset =~ ^[0-9]+$ ]] || usage
[[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || usage
# Children's birth dates must stay before the month and under 18: keep the ranges bounded.
if ((n + offset > 4000000)); then
  echo "$0: at most 4 000 000 distinct households (N + OFFSET)" >&2
  exit 2
fi

LC_ALL=C awk -v n="$n" -v offset="$offset" -v month="$month" '
# Days since 1970-01-01 for a civil date, and back (H. Hinnant, proleptic Gregorian).
function days_from_civil(y, m, d,    era, yoe, doy, doe) {
  if (m <= 2) y -= 1
  era = int(y / 400)
  yoe = y - era * 400
  doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
function ymd_from_days(z,    era, doe, yoe, y, doy, mp, d, m) {
  z += 719468
  era = int(z / 146097)
  doe = z - era * 146097
  yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
  y = yoe + era * 400
  doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
  mp = int((5 * doy + 2) / 153)
  d = doy - int((153 * mp + 2) / 5) + 1
  m = mp < 10 ? mp + 3 : mp - 9
  if (m <= 2) y += 1
  return sprintf("%04d%02d%02d", y, m, d)
}
# Luhn check digit over nine digits (YYMMDDNNN).
function luhn(s,    i, v, sum) {
  sum = 0
  for (i = 1; i <= 9; i++) {
    v = substr(s, i, 1) * (i % 2 == 1 ? 2 : 1)
    sum += int(v / 10) + v % 10
  }
  return (10 - sum % 10) % 10
}
# The personnummer of person `i` in the range starting at day `base`: YYYYMMDD-NNNC.
function pnr(base, i,    date, serial) {
  date = ymd_from_days(base + int(i / 900))
  serial = 100 + i % 900
  return date "-" serial luhn(substr(date, 3) serial)
}
function member(p, role) { return "{\"pnr\":\"" p "\",\"role\":\"" role "\"}" }
function cost(kind, kr) { return "{\"kind\":\"" kind "\",\"applied\":" kr "}" }
function income(p, kind, kr) { return "{\"member\":\"" p "\",\"kind\":\"" kind "\",\"amount\":" kr "}" }
BEGIN {
  adults = days_from_civil(1945, 1, 1)
  partners = days_from_civil(1975, 1, 1)
  children = days_from_civil(2009, 1, 1)
  for (i = offset; i < offset + n; i++) {
    type = i % 12
    a = pnr(adults, i)
    members = member(a, "applicant")
    housemates = 0
    if (type == 8 || type == 9 || type == 10) members = members "," member(pnr(partners, i), "partner")
    if (type == 6 || type == 7 || type == 10) {
      c = pnr(children, i)
      members = members "," member(c, "child")
    }
    if (type == 11) housemates = 1
    costs = cost("rent", 3500 + (i * 37) % 7000) "," cost("electricity", 150 + (i * 13) % 400)
    if (i % 5 == 0) costs = costs "," cost("home_insurance", 120 + i % 150)
    incomes = ""
    if (i % 3 == 0) incomes = income(a, "salary", 2000 + (i * 101) % 14000)
    else if (i % 3 == 1) incomes = income(a, "a_kassa", 3000 + (i * 53) % 9000)
    if (type == 6 || type == 7 || type == 10) incomes = incomes (incomes == "" ? "" : ",") income(a, "barnbidrag", 1250)
    printf "{\"month\":\"%s\",\"received\":\"%s-0%d\",\"kind\":\"new\",", month, month, 1 + i % 9
    printf "\"address\":\"Provgatan %d, 123 45 Exempelstad\",\"housemates\":%d,", 1 + i % 200, housemates
    # No "income" key when there is none: eb refuses an empty list ("income": []).
    printf "\"member\":[%s],\"cost\":[%s]%s}\n", members, costs, incomes == "" ? "" : ",\"income\":[" incomes "]"
  }
}'
