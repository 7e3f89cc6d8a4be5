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

// v3: users and decisions (beslut). A decision is never edited: a correction is a new decision
// that replaces exactly one earlier decision of the same application. Owned by lib/store/decisions.cpp.
constexpr std::string_view k_v3 = R"sql(
CREATE TABLE user (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  full_name   TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL CHECK (role IN ('socialsekreterare', 'gruppledare', 'enhetschef', 'fut', 'admin')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);

CREATE TABLE decision (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES application(id),
  assessment_id   INTEGER NOT NULL REFERENCES assessment(id),
  kind            TEXT NOT NULL CHECK (kind IN ('bifall', 'delbifall', 'avslag')),
  decided_on      TEXT NOT NULL,
  decided_by      INTEGER NOT NULL REFERENCES user(id),
  presented_by    INTEGER REFERENCES user(id),
  delegation      TEXT NOT NULL,
  assessed_ore    INTEGER NOT NULL CHECK (assessed_ore >= 0),
  granted_ore     INTEGER NOT NULL CHECK (granted_ore >= 0),
  handling_days   INTEGER NOT NULL CHECK (handling_days >= 1),
  replaces        INTEGER UNIQUE REFERENCES decision(id),
  routine         INTEGER NOT NULL DEFAULT 0 CHECK (routine IN (0, 1)),
  child_impact    TEXT,
  reasons_json    TEXT NOT NULL DEFAULT '[]',
  statutes_json   TEXT NOT NULL DEFAULT '[]',
  created_at      TEXT NOT NULL,
  CHECK (kind <> 'avslag' OR granted_ore = 0),
  CHECK (kind <> 'bifall' OR granted_ore = assessed_ore),
  CHECK (replaces IS NULL OR replaces < id)
);
-- The first decision of an application is the only one without `replaces`; every later one
-- replaces exactly one earlier decision (replaces is UNIQUE), so the decisions of an
-- application form one chain and the current decision is the one nothing replaces.
CREATE UNIQUE INDEX decision_first ON decision(application_id) WHERE replaces IS NULL;
CREATE INDEX decision_decided_on ON decision(decided_on);
CREATE TRIGGER decision_replaces_same_application BEFORE INSERT ON decision
  WHEN NEW.replaces IS NOT NULL
   AND (SELECT application_id FROM decision WHERE id = NEW.replaces) IS NOT NEW.application_id
  BEGIN SELECT RAISE(ABORT, 'a decision can only replace a decision of the same application'); END;
CREATE TRIGGER decision_assessment_same_application BEFORE INSERT ON decision
  WHEN (SELECT application_id FROM assessment WHERE id = NEW.assessment_id) IS NOT NEW.application_id
  BEGIN SELECT RAISE(ABORT, 'a decision must rest on an assessment of its own application'); END;
CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
  BEGIN SELECT RAISE(ABORT, 'decisions are never edited; decide again with --replaces'); END;
CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
  BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

-- The outcome per item: what was applied for (assessed), what is granted, and why not all.
CREATE TABLE decision_line (
  decision_id  INTEGER NOT NULL REFERENCES decision(id),
  seq          INTEGER NOT NULL,
  item         TEXT NOT NULL,
  label        TEXT NOT NULL,
  assessed_ore INTEGER NOT NULL,
  granted_ore  INTEGER NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('bifall', 'delbifall', 'avslag')),
  reason       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (decision_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER decision_line_no_update BEFORE UPDATE ON decision_line
  BEGIN SELECT RAISE(ABORT, 'decisions are never edited'); END;
CREATE TRIGGER decision_line_no_delete BEFORE DELETE ON decision_line
  BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

-- The current decision of each application: the one no later decision replaces.
CREATE VIEW current_decision AS
  SELECT d.* FROM decision d WHERE NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id);

-- From v3 a month with försörjningsstöd is one whose current decision grants money; an
-- application not yet decided counts by its latest assessment, as before.
DROP VIEW assistance_month;
CREATE VIEW assistance_month AS
  SELECT DISTINCT m.person_id, a.month
  FROM member m JOIN application a ON a.id = m.application_id
  WHERE m.role <> 'child'
    AND coalesce(
          (SELECT d.granted_ore FROM current_decision d WHERE d.application_id = a.id),
          (SELECT s.amount_ore FROM assessment s WHERE s.application_id = a.id ORDER BY s.id DESC LIMIT 1)) > 0;
)sql";

// v4: payments, batches, returns, claims (återkrav) and repayments: the ledger. Exactly once
// is a constraint: owned by lib/store/payments.cpp.
constexpr std::string_view k_v4 = R"sql(
CREATE TABLE batch (
  id            INTEGER PRIMARY KEY,
  pay_date      TEXT NOT NULL,
  month         TEXT,
  status        TEXT NOT NULL DEFAULT 'created'
                CHECK (status IN ('created', 'exported', 'confirmed', 'cancelled')),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  message_id    TEXT NOT NULL UNIQUE,
  exported_at   TEXT,
  export_format TEXT,
  export_sha256 TEXT,
  confirmed_at  TEXT,
  cancelled_at  TEXT
);
-- created -> exported -> confirmed, or created -> cancelled; exported may be re-exported
-- (same content) but never goes back.
CREATE TRIGGER batch_status_flow BEFORE UPDATE OF status ON batch
  WHEN NOT ((OLD.status = 'created' AND NEW.status IN ('created', 'exported', 'cancelled'))
         OR (OLD.status = 'exported' AND NEW.status IN ('exported', 'confirmed')))
  BEGIN SELECT RAISE(ABORT, 'batch status cannot change this way'); END;
CREATE TRIGGER batch_no_delete BEFORE DELETE ON batch
  BEGIN SELECT RAISE(ABORT, 'batches are never deleted; cancel one before export'); END;

CREATE TABLE payment (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER NOT NULL REFERENCES batch(id),
  decision_id  INTEGER NOT NULL REFERENCES decision(id),
  arende_id    INTEGER NOT NULL REFERENCES arende(id),
  month        TEXT NOT NULL,
  amount_ore   INTEGER NOT NULL CHECK (amount_ore > 0),
  method       TEXT NOT NULL CHECK (method IN ('account', 'avi')),
  account      TEXT NOT NULL DEFAULT '',
  payee_name   TEXT NOT NULL,
  payee_address TEXT NOT NULL DEFAULT '',
  reissue_of   INTEGER REFERENCES payment(id),
  cancelled    INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  CHECK (method <> 'account' OR account <> '')
);
-- Exactly once: one live first payment per decision, and one live re-issue per returned
-- payment. A second run, a retry or a concurrent process hits these indexes, not a check.
CREATE UNIQUE INDEX payment_once ON payment(decision_id) WHERE reissue_of IS NULL AND cancelled = 0;
CREATE UNIQUE INDEX payment_reissue_once ON payment(reissue_of) WHERE reissue_of IS NOT NULL AND cancelled = 0;
CREATE INDEX payment_batch ON payment(batch_id);
CREATE INDEX payment_case_month ON payment(arende_id, month);

CREATE TABLE payment_return (
  payment_id   INTEGER PRIMARY KEY REFERENCES payment(id),
  returned_on  TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  recorded_at  TEXT NOT NULL
);

CREATE TABLE claim (
  id           INTEGER PRIMARY KEY,
  arende_id    INTEGER NOT NULL REFERENCES arende(id),
  decision_id  INTEGER REFERENCES decision(id),
  month        TEXT,
  amount_ore   INTEGER NOT NULL CHECK (amount_ore > 0),
  reason       TEXT NOT NULL,
  statute      TEXT NOT NULL,
  raised_on    TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
-- A replacing decision that lowers an amount already paid raises at most one claim.
CREATE UNIQUE INDEX claim_once_per_decision ON claim(decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX claim_case ON claim(arende_id);

CREATE TABLE repayment (
  id          INTEGER PRIMARY KEY,
  arende_id   INTEGER NOT NULL REFERENCES arende(id),
  claim_id    INTEGER REFERENCES claim(id),
  amount_ore  INTEGER NOT NULL CHECK (amount_ore > 0),
  paid_on     TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX repayment_case ON repayment(arende_id);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
      {1, "cases, applications, assessments, audit log", k_v1},
      {2, "indexes for follow-up reports", k_v2},
      {3, "users and decisions", k_v3},
      {4, "payments, batches, returns, claims and repayments", k_v4},
  };
  return all;
}

int current_schema_version() {
  return migrations().back().version;
}

}  // namespace eb::store
