// SPDX-License-Identifier: MIT
// The schema. Money columns are integer öre (`*_ore`); dates are ISO text; months "YYYY-MM".
// Invariants that matter for money are constraints here, not checks in code.
#include "store/schema.hpp"

namespace eb::store {

namespace {

// v1: persons, cases (ärenden), applications with members, costs and incomes, assessments,
// the norm files they used, jobbstimulans periods, and the append-only audit log.
constexpr std::string_view k_v1 = R"sql(
CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  pnr         TEXT NOT NULL UNIQUE CHECK (length(pnr) = 12),
  birth_date  TEXT NOT NULL,
  sex         TEXT NOT NULL CHECK (sex IN ('K', 'M')),
  name        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE arende (
  id            INTEGER PRIMARY KEY,
  applicant_id  INTEGER NOT NULL REFERENCES person(id),
  opened_on     TEXT NOT NULL,
  closed_on     TEXT
);
CREATE INDEX arende_applicant ON arende(applicant_id);

CREATE TABLE application (
  id             INTEGER PRIMARY KEY,
  arende_id      INTEGER NOT NULL REFERENCES arende(id),
  month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  kind           TEXT NOT NULL CHECK (kind IN ('new', 'renewal', 'supplement')),
  received_on    TEXT NOT NULL,
  address        TEXT NOT NULL,
  account        TEXT NOT NULL DEFAULT '',
  guideline      TEXT NOT NULL DEFAULT '',
  housemates     INTEGER NOT NULL DEFAULT 0 CHECK (housemates >= 0),
  source         TEXT NOT NULL DEFAULT '',
  source_sha256  TEXT NOT NULL DEFAULT '',
  history_notes  TEXT NOT NULL DEFAULT '[]',
  created_at     TEXT NOT NULL
);
-- One application per case and month; supplements (tilläggsansökan) come on top.
CREATE UNIQUE INDEX application_once_per_month ON application(arende_id, month) WHERE kind <> 'supplement';
CREATE INDEX application_month ON application(month);

CREATE TABLE member (
  application_id          INTEGER NOT NULL REFERENCES application(id),
  seq                     INTEGER NOT NULL,
  person_id               INTEGER NOT NULL REFERENCES person(id),
  role                    TEXT NOT NULL CHECK (role IN ('applicant', 'partner', 'child')),
  hinder                  TEXT NOT NULL DEFAULT '',
  assistance_months       INTEGER,
  stimulus_start          TEXT,
  preschool_lunch         INTEGER NOT NULL DEFAULT 0,
  in_school               INTEGER NOT NULL DEFAULT 0,
  days                    INTEGER NOT NULL DEFAULT 30 CHECK (days BETWEEN 1 AND 30),
  alternating_residence   INTEGER NOT NULL DEFAULT 0,
  earned_before_ore       INTEGER NOT NULL DEFAULT 0 CHECK (earned_before_ore >= 0),
  PRIMARY KEY (application_id, seq),
  UNIQUE (application_id, person_id)
) WITHOUT ROWID;
CREATE INDEX member_person ON member(person_id);

CREATE TABLE cost (
  application_id  INTEGER NOT NULL REFERENCES application(id),
  seq             INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  applied_ore     INTEGER NOT NULL CHECK (applied_ore >= 0),
  approved_ore    INTEGER CHECK (approved_ore >= 0),
  note            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;

CREATE TABLE income (
  application_id  INTEGER NOT NULL REFERENCES application(id),
  seq             INTEGER NOT NULL,
  person_id       INTEGER NOT NULL REFERENCES person(id),
  kind            TEXT NOT NULL,
  amount_ore      INTEGER NOT NULL CHECK (amount_ore >= 0),
  note            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
CREATE INDEX income_person ON income(person_id);

-- The exact bytes of every norm or guideline file an assessment used, by hash, so an old
-- assessment can be reproduced even after norms/ has changed.
CREATE TABLE norm_file (
  sha256   TEXT PRIMARY KEY,
  id       TEXT NOT NULL,
  path     TEXT NOT NULL,
  content  TEXT NOT NULL
) WITHOUT ROWID;

-- Assessments are never overwritten: a re-assessment is a new row.
CREATE TABLE assessment (
  id                INTEGER PRIMARY KEY,
  application_id    INTEGER NOT NULL REFERENCES application(id),
  assessed_on       TEXT NOT NULL,
  assessed_by       TEXT NOT NULL,
  norm_sha256       TEXT NOT NULL REFERENCES norm_file(sha256),
  guideline_sha256  TEXT REFERENCES norm_file(sha256),
  norm_ore          INTEGER NOT NULL,
  costs_ore         INTEGER NOT NULL,
  other_ore         INTEGER NOT NULL,
  need_ore          INTEGER NOT NULL,
  income_ore        INTEGER NOT NULL,
  exempt_ore        INTEGER NOT NULL,
  amount_ore        INTEGER NOT NULL CHECK (amount_ore >= 0),
  has_warnings      INTEGER NOT NULL,
  result_json       TEXT NOT NULL
);
CREATE INDEX assessment_application ON assessment(application_id, id);

-- Jobbstimulans periods (SoL 12 kap. 8 §), recorded when an assessment starts one.
CREATE TABLE stimulus_period (
  person_id      INTEGER NOT NULL REFERENCES person(id),
  start_month    TEXT NOT NULL,
  assessment_id  INTEGER NOT NULL REFERENCES assessment(id),
  PRIMARY KEY (person_id, start_month)
) WITHOUT ROWID;

-- Months in which an adult had försörjningsstöd: the history behind "months in a row"
-- (jobbstimulans, SoL 12 kap. 8 §). Until decisions are stored, a month counts when the
-- latest assessment of an application for it is payable; a later schema version bases it on
-- granting decisions instead.
CREATE VIEW assistance_month AS
  SELECT DISTINCT m.person_id, a.month
  FROM member m JOIN application a ON a.id = m.application_id
  WHERE m.role <> 'child'
    AND (SELECT s.amount_ore FROM assessment s WHERE s.application_id = a.id ORDER BY s.id DESC LIMIT 1) > 0;

-- Append-only audit log with a hash chain: hash = sha256(prev_hash || the row's fields).
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user       TEXT NOT NULL,
  command    TEXT NOT NULL,
  entity     TEXT NOT NULL,
  detail     TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// v2: indexes for the follow-up figures (handläggningstid by arrival date, assessments by
// date) and the month an assessment belongs to, for reports and simulations over a month.
constexpr std::string_view k_v2 = R"sql(
CREATE INDEX application_received ON application(received_on);
CREATE INDEX assessment_assessed ON assessment(assessed_on);
CREATE INDEX member_role_person ON member(role, person_id);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
      {1, "cases, applications, assessments, audit log", k_v1},
      {2, "indexes for follow-up reports", k_v2},
  };
  return all;
}

int current_schema_version() {
  return migrations().back().version;
}

}  // namespace eb::store
