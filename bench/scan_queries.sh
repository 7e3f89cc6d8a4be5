# shellcheck shell=bash
# scan_queries.sh — sourced by the benches: the queries lib/store/scan.cpp runs for a month, for
# sqlite3 to run as the baseline of `eb simulate` (keep them in step with scan.cpp).
#
# scan_queries DB MONTH sets
#   scan_sql  every row eb's scan reads (applications, members with person, costs, incomes with
#             person, latest assessments; the same columns, the same plan), to be printed
#   read_sql  the same rows, only counted and their columns' lengths summed (a bare read)
#   plan      which plan was used: the child tables by id range when the month's ids are dense
#             (as in a store built by one intake), else joined from the month
# shellcheck disable=SC2034  # scan_sql, read_sql and plan are for the caller
scan_queries() {
  local db=$1 month=$2 count first last
  read -r count first last < <(sqlite3 -readonly -separator ' ' "$db" \
    "SELECT count(*), min(id), max(id) FROM application WHERE month = '$month'")
  local month_where="WHERE a.month = '$month'" member_from cost_from income_from
  if ((count > 0 && last - first + 1 <= 2 * count)); then
    member_from="member m JOIN person p ON p.id = m.person_id WHERE m.application_id BETWEEN $first AND $last"
    cost_from="cost c WHERE c.application_id BETWEEN $first AND $last"
    income_from="income i JOIN person p ON p.id = i.person_id WHERE i.application_id BETWEEN $first AND $last"
    plan="child tables by id range $first..$last"
  else
    member_from="application a JOIN member m ON m.application_id = a.id JOIN person p ON p.id = m.person_id $month_where"
    cost_from="application a JOIN cost c ON c.application_id = a.id $month_where"
    income_from="application a JOIN income i ON i.application_id = a.id JOIN person p ON p.id = i.person_id $month_where"
    plan="child tables joined from the month"
  fi
  local app_cols="a.id, a.arende_id, a.month, a.kind, a.received_on, a.address, a.account, a.guideline, a.housemates,
  a.large_household_exempt"
  local member_cols="m.application_id, p.pnr, p.name, m.role, m.hinder, m.assistance_months, m.stimulus_start,
  m.preschool_lunch, m.in_school, m.days, m.alternating_residence, m.earned_before_ore, m.norm_raise_ore,
  m.norm_raise_reason"
  local cost_cols="c.application_id, c.kind, c.applied_ore, c.approved_ore, c.note, c.second_hand, c.consent,
  c.special_reasons"
  local income_cols="i.application_id, p.pnr, i.kind, i.amount_ore, i.note"
  local latest_from="application a
  JOIN assessment s ON s.id = (SELECT max(x.id) FROM assessment x WHERE x.application_id = a.id) $month_where"
  scan_sql="
SELECT $app_cols FROM application a $month_where ORDER BY a.id;
SELECT $member_cols FROM $member_from ORDER BY m.application_id, m.seq;
SELECT $cost_cols FROM $cost_from ORDER BY c.application_id, c.seq;
SELECT $income_cols FROM $income_from ORDER BY i.application_id, i.seq;
SELECT a.id, s.amount_ore FROM $latest_from ORDER BY a.id;"
  read_sql="
SELECT count(*), $(_scan_sum_of "$app_cols") FROM application a $month_where;
SELECT count(*), $(_scan_sum_of "$member_cols") FROM $member_from;
SELECT count(*), $(_scan_sum_of "$cost_cols") FROM $cost_from;
SELECT count(*), $(_scan_sum_of "$income_cols") FROM $income_from;
SELECT count(*), sum(s.amount_ore) FROM $latest_from;"
}

# sum(coalesce(length(a.x), 0) + …) over a column list.
_scan_sum_of() { printf 'sum(%s)' "$(sed -E 's/,/ +/g; s/([a-z]\.[a-z_]+)/coalesce(length(\1), 0)/g' <<<"$1")"; }
