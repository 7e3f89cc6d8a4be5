// SPDX-License-Identifier: MIT
// The schema. Money columns are integer öre (`*_ore`); dates are ISO text; months "YYYY-MM".
// Invariants that matter for money are constraints here, not checks in code.
#include "store/schema.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "common/error.hpp"
#include "store/seal.hpp"

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
  authority       TEXT NOT NULL DEFAULT '',
  assessed_ore    INTEGER NOT NULL CHECK (assessed_ore >= 0),
  granted_ore     INTEGER NOT NULL CHECK (granted_ore >= 0),
  -- Working days from arrival (day 1); 0 when decided before the first working day.
  handling_days   INTEGER NOT NULL CHECK (handling_days >= 0),
  replaces        INTEGER UNIQUE REFERENCES decision(id),
  routine         INTEGER NOT NULL DEFAULT 0 CHECK (routine IN (0, 1)),
  child_impact    TEXT,
  reasons_json    TEXT NOT NULL DEFAULT '[]',
  statutes_json   TEXT NOT NULL DEFAULT '[]',
  created_at      TEXT NOT NULL,
  CHECK (granted_ore <= assessed_ore),
  CHECK (kind <> 'avslag' OR granted_ore = 0),
  CHECK (kind <> 'bifall' OR granted_ore = assessed_ore),
  CHECK (kind <> 'delbifall' OR (granted_ore > 0 AND granted_ore < assessed_ore)),
  CHECK (presented_by IS NULL OR presented_by <> decided_by),
  CHECK (replaces IS NULL OR replaces < id)
);
-- The first decision of an application is the only one without `replaces`; every later one
-- replaces exactly one earlier decision (replaces is UNIQUE), so the decisions of an
-- application form one chain and the current decision is the one nothing replaces.
CREATE UNIQUE INDEX decision_first ON decision(application_id) WHERE replaces IS NULL;
CREATE INDEX decision_application ON decision(application_id);
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

// v4: payments, batches, returns, claims (återkrav) and repayments: the ledger. Owned by
// lib/store/payments.cpp. Exactly once is a constraint here, not a check in code: a payment is
// made under the current decision of its application, the live payments of an application never
// exceed what its current decision grants (plus what was claimed back), a returned payment is
// re-issued at most once, and nothing that has left the municipality is edited or deleted.
constexpr std::string_view k_v4 = R"sql(
-- A payment batch: one payment file for one pay date. The debtor (the municipality's account)
-- is recorded with the first export, so a re-export writes the identical file.
CREATE TABLE batch (
  id                 INTEGER PRIMARY KEY,
  pay_date           TEXT NOT NULL CHECK (pay_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  month              TEXT CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  status             TEXT NOT NULL DEFAULT 'created'
                     CHECK (status IN ('created', 'exported', 'confirmed', 'cancelled')),
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  message_id         TEXT NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 35),
  exported_at        TEXT,
  exported_by        TEXT,
  debtor_name        TEXT,
  debtor_iban        TEXT,
  debtor_bic         TEXT,
  debtor_org_number  TEXT,
  confirmed_at       TEXT,
  confirmed_by       TEXT,
  cancelled_at       TEXT,
  cancelled_by       TEXT,
  CHECK (CASE status
           WHEN 'created' THEN exported_at IS NULL AND confirmed_at IS NULL AND cancelled_at IS NULL
           WHEN 'exported' THEN exported_at IS NOT NULL AND confirmed_at IS NULL AND cancelled_at IS NULL
           WHEN 'confirmed' THEN exported_at IS NOT NULL AND confirmed_at IS NOT NULL AND cancelled_at IS NULL
           ELSE exported_at IS NULL AND confirmed_at IS NULL AND cancelled_at IS NOT NULL
         END),
  CHECK ((exported_at IS NULL) = (debtor_iban IS NULL))
);
-- created -> exported -> confirmed, or created -> cancelled; nothing else about a batch changes.
CREATE TRIGGER batch_status_flow BEFORE UPDATE ON batch
  WHEN NOT (NEW.id IS OLD.id AND NEW.pay_date IS OLD.pay_date AND NEW.month IS OLD.month
            AND NEW.created_at IS OLD.created_at AND NEW.created_by IS OLD.created_by
            AND NEW.message_id IS OLD.message_id
            AND ((OLD.status = 'created' AND NEW.status IN ('exported', 'cancelled'))
              OR (OLD.status = 'exported' AND NEW.status = 'confirmed'
                  AND NEW.exported_at IS OLD.exported_at AND NEW.exported_by IS OLD.exported_by
                  AND NEW.debtor_name IS OLD.debtor_name AND NEW.debtor_iban IS OLD.debtor_iban
                  AND NEW.debtor_bic IS OLD.debtor_bic AND NEW.debtor_org_number IS OLD.debtor_org_number)))
  BEGIN SELECT RAISE(ABORT, 'a batch goes created -> exported -> confirmed, or created -> cancelled; nothing else about it changes'); END;
CREATE TRIGGER batch_no_delete BEFORE DELETE ON batch
  BEGIN SELECT RAISE(ABORT, 'batches are never deleted; cancel one before export'); END;

CREATE TABLE payment (
  id              INTEGER PRIMARY KEY,
  batch_id        INTEGER NOT NULL REFERENCES batch(id),
  decision_id     INTEGER NOT NULL REFERENCES decision(id),
  application_id  INTEGER NOT NULL REFERENCES application(id),
  arende_id       INTEGER NOT NULL REFERENCES arende(id),
  month           TEXT NOT NULL,
  amount_ore      INTEGER NOT NULL CHECK (amount_ore > 0),
  method          TEXT NOT NULL CHECK (method IN ('account', 'avi')),
  account         TEXT NOT NULL DEFAULT '',
  payee_name      TEXT NOT NULL CHECK (length(payee_name) > 0),
  payee_address   TEXT NOT NULL DEFAULT '',
  reissue_of      INTEGER REFERENCES payment(id),
  cancelled       INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  CHECK (method <> 'account' OR account <> ''),
  CHECK (method <> 'avi' OR (account = '' AND payee_address <> ''))
);
-- Exactly once: one live first payment per decision, and one live re-issue per returned or
-- cancelled payment. A second run, a retry or a concurrent process hits these indexes and the
-- trigger payment_within_grant, not a check in code.
CREATE UNIQUE INDEX payment_once ON payment(decision_id) WHERE reissue_of IS NULL AND cancelled = 0;
CREATE UNIQUE INDEX payment_reissue_once ON payment(reissue_of) WHERE reissue_of IS NOT NULL AND cancelled = 0;
CREATE INDEX payment_batch ON payment(batch_id);
CREATE INDEX payment_application ON payment(application_id);
CREATE INDEX payment_case_month ON payment(arende_id, month);

CREATE TRIGGER payment_batch_open BEFORE INSERT ON payment
  WHEN (SELECT status FROM batch WHERE id = NEW.batch_id) IS NOT 'created'
  BEGIN SELECT RAISE(ABORT, 'payments are added only to a batch that is created, not yet exported'); END;
CREATE TRIGGER payment_pays_its_application BEFORE INSERT ON payment
  WHEN (SELECT application_id FROM decision WHERE id = NEW.decision_id) IS NOT NEW.application_id
    OR (SELECT arende_id || ' ' || month FROM application WHERE id = NEW.application_id)
       IS NOT NEW.arende_id || ' ' || NEW.month
  BEGIN SELECT RAISE(ABORT, 'a payment must name the case, application and month of its decision'); END;
CREATE TRIGGER payment_current_decision BEFORE INSERT ON payment
  WHEN EXISTS (SELECT 1 FROM decision r WHERE r.replaces = NEW.decision_id)
  BEGIN SELECT RAISE(ABORT, 'a payment is made only under the current decision of its application'); END;
-- A re-issue pays again what a returned payment (or one cancelled with its batch) did not pay.
CREATE TRIGGER payment_reissue_of_unpaid BEFORE INSERT ON payment
  WHEN NEW.reissue_of IS NOT NULL
   AND (NOT (EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = NEW.reissue_of)
             OR (SELECT cancelled FROM payment WHERE id = NEW.reissue_of) = 1)
        OR (SELECT application_id FROM payment WHERE id = NEW.reissue_of) IS NOT NEW.application_id
        OR (SELECT amount_ore FROM payment WHERE id = NEW.reissue_of) < NEW.amount_ore)
  BEGIN SELECT RAISE(ABORT, 'a re-issue must re-pay a returned or cancelled payment of the same application, at most its amount'); END;
-- The live payments of an application (not cancelled, not returned), this one included, never
-- exceed what its current decision grants plus what was claimed back on its decisions.
CREATE TRIGGER payment_within_grant BEFORE INSERT ON payment
  WHEN NEW.amount_ore
       + (SELECT coalesce(sum(p.amount_ore), 0) FROM payment p
          WHERE p.application_id = NEW.application_id AND p.cancelled = 0
            AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id))
       > (SELECT d.granted_ore FROM decision d WHERE d.application_id = NEW.application_id
            AND NOT EXISTS (SELECT 1 FROM decision r WHERE r.replaces = d.id))
       + (SELECT coalesce(sum(k.amount_ore), 0) FROM claim k
          WHERE k.application_id = NEW.application_id AND k.decision_id IS NOT NULL)
  BEGIN SELECT RAISE(ABORT, 'this would pay more than the current decision grants: the decided amount is paid already'); END;
-- Only `cancelled` changes, from 0 to 1, and only while the batch has not been exported
-- (cancelling a batch cancels its payments, see batch_cancels_payments).
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
  WHEN NOT (NEW.id IS OLD.id AND NEW.batch_id IS OLD.batch_id AND NEW.decision_id IS OLD.decision_id
            AND NEW.application_id IS OLD.application_id AND NEW.arende_id IS OLD.arende_id
            AND NEW.month IS OLD.month AND NEW.amount_ore IS OLD.amount_ore AND NEW.method IS OLD.method
            AND NEW.account IS OLD.account AND NEW.payee_name IS OLD.payee_name
            AND NEW.payee_address IS OLD.payee_address AND NEW.reissue_of IS OLD.reissue_of
            AND OLD.cancelled = 0 AND NEW.cancelled = 1
            AND (SELECT status FROM batch WHERE id = OLD.batch_id) IN ('created', 'cancelled'))
  BEGIN SELECT RAISE(ABORT, 'payments are never edited; only a batch that is not exported can be cancelled'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
  BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
CREATE TRIGGER batch_cancels_payments AFTER UPDATE OF status ON batch
  WHEN NEW.status = 'cancelled'
  BEGIN UPDATE payment SET cancelled = 1 WHERE batch_id = NEW.id AND cancelled = 0; END;

-- The files a batch was exported as: the first export of each format fixes its bytes.
CREATE TABLE batch_export (
  batch_id     INTEGER NOT NULL REFERENCES batch(id),
  format       TEXT NOT NULL CHECK (format IN ('pain001', 'csv')),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes        INTEGER NOT NULL CHECK (bytes > 0),
  exported_at  TEXT NOT NULL,
  exported_by  TEXT NOT NULL,
  PRIMARY KEY (batch_id, format)
) WITHOUT ROWID;
CREATE TRIGGER batch_export_exported BEFORE INSERT ON batch_export
  WHEN (SELECT status FROM batch WHERE id = NEW.batch_id) NOT IN ('exported', 'confirmed')
  BEGIN SELECT RAISE(ABORT, 'only an exported batch has export files'); END;
CREATE TRIGGER batch_export_no_update BEFORE UPDATE ON batch_export
  BEGIN SELECT RAISE(ABORT, 'export records are never edited'); END;
CREATE TRIGGER batch_export_no_delete BEFORE DELETE ON batch_export
  BEGIN SELECT RAISE(ABORT, 'export records are never deleted'); END;

-- A payment the bank returned (closed account, …). It is re-issued as a new payment.
CREATE TABLE payment_return (
  payment_id   INTEGER PRIMARY KEY REFERENCES payment(id),
  returned_on  TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE TRIGGER payment_return_sent BEFORE INSERT ON payment_return
  WHEN (SELECT b.status FROM payment p JOIN batch b ON b.id = p.batch_id WHERE p.id = NEW.payment_id)
       NOT IN ('exported', 'confirmed')
  BEGIN SELECT RAISE(ABORT, 'only a payment of an exported batch can be returned'); END;
CREATE TRIGGER payment_return_no_update BEFORE UPDATE ON payment_return
  BEGIN SELECT RAISE(ABORT, 'returns are never edited'); END;
CREATE TRIGGER payment_return_no_delete BEFORE DELETE ON payment_return
  BEGIN SELECT RAISE(ABORT, 'returns are never deleted'); END;

-- Återkrav. A claim with a decision is raised by `eb pay batch` when the current decision of an
-- application grants less than has already been paid out for it; other claims (FUT) have none.
CREATE TABLE claim (
  id              INTEGER PRIMARY KEY,
  arende_id       INTEGER NOT NULL REFERENCES arende(id),
  application_id  INTEGER REFERENCES application(id),
  decision_id     INTEGER REFERENCES decision(id),
  month           TEXT CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  amount_ore      INTEGER NOT NULL CHECK (amount_ore > 0),
  reason          TEXT NOT NULL CHECK (length(reason) > 0),
  statute         TEXT NOT NULL CHECK (length(statute) > 0),
  raised_on       TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  CHECK (decision_id IS NULL OR (application_id IS NOT NULL AND month IS NOT NULL))
);
-- A replacing decision that lowers an amount already paid raises at most one claim.
CREATE UNIQUE INDEX claim_once_per_decision ON claim(decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX claim_case ON claim(arende_id);
CREATE INDEX claim_application ON claim(application_id);
CREATE TRIGGER claim_of_its_decision BEFORE INSERT ON claim
  WHEN NEW.decision_id IS NOT NULL
   AND ((SELECT application_id FROM decision WHERE id = NEW.decision_id) IS NOT NEW.application_id
        OR (SELECT arende_id || ' ' || month FROM application WHERE id = NEW.application_id)
           IS NOT NEW.arende_id || ' ' || NEW.month
        OR EXISTS (SELECT 1 FROM decision r WHERE r.replaces = NEW.decision_id))
  BEGIN SELECT RAISE(ABORT, 'a claim names the current decision of an application, with its case and month'); END;
-- A decision's claim never exceeds what was paid out (and not returned) beyond the grant.
CREATE TRIGGER claim_within_overpayment BEFORE INSERT ON claim
  WHEN NEW.decision_id IS NOT NULL
   AND NEW.amount_ore
       + (SELECT coalesce(sum(k.amount_ore), 0) FROM claim k
          WHERE k.application_id = NEW.application_id AND k.decision_id IS NOT NULL)
       > (SELECT coalesce(sum(p.amount_ore), 0) FROM payment p JOIN batch b ON b.id = p.batch_id
          WHERE p.application_id = NEW.application_id AND p.cancelled = 0 AND b.status IN ('exported', 'confirmed')
            AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id))
       - (SELECT granted_ore FROM decision WHERE id = NEW.decision_id)
  BEGIN SELECT RAISE(ABORT, 'a claim cannot exceed what was paid out beyond the current decision'); END;
CREATE TRIGGER claim_no_update BEFORE UPDATE ON claim
  BEGIN SELECT RAISE(ABORT, 'claims are never edited'); END;
CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
  BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END;

-- A repayment of (part of) a claim.
CREATE TABLE repayment (
  id          INTEGER PRIMARY KEY,
  arende_id   INTEGER NOT NULL REFERENCES arende(id),
  claim_id    INTEGER NOT NULL REFERENCES claim(id),
  amount_ore  INTEGER NOT NULL CHECK (amount_ore > 0),
  paid_on     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX repayment_case ON repayment(arende_id);
CREATE INDEX repayment_claim ON repayment(claim_id);
CREATE TRIGGER repayment_within_claim BEFORE INSERT ON repayment
  WHEN (SELECT arende_id FROM claim WHERE id = NEW.claim_id) IS NOT NEW.arende_id
    OR NEW.amount_ore + (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE claim_id = NEW.claim_id)
       > (SELECT amount_ore FROM claim WHERE id = NEW.claim_id)
  BEGIN SELECT RAISE(ABORT, 'repayments of a claim never exceed it, and belong to its case'); END;
CREATE TRIGGER repayment_no_update BEFORE UPDATE ON repayment
  BEGIN SELECT RAISE(ABORT, 'repayments are never edited'); END;
CREATE TRIGGER repayment_no_delete BEFORE DELETE ON repayment
  BEGIN SELECT RAISE(ABORT, 'repayments are never deleted'); END;
)sql";

// v5: the 2027 application fields: a norm raised above the riksnorm with its reason (SoL 12
// kap. 7 b §), a second-hand lease with consent or särskilda skäl (7 d §), and synnerliga skäl
// exempting a household from the large-household reduction (7 a §).
constexpr std::string_view k_v5 = R"sql(
ALTER TABLE member ADD COLUMN norm_raise_ore INTEGER NOT NULL DEFAULT 0 CHECK (norm_raise_ore >= 0);
ALTER TABLE member ADD COLUMN norm_raise_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE cost ADD COLUMN second_hand INTEGER NOT NULL DEFAULT 0 CHECK (second_hand IN (0, 1));
ALTER TABLE cost ADD COLUMN consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1));
ALTER TABLE cost ADD COLUMN special_reasons TEXT NOT NULL DEFAULT '';
ALTER TABLE application ADD COLUMN large_household_exempt TEXT NOT NULL DEFAULT '';
)sql";

// v6: a store that proves it was not edited behind eb's back (eb-db(1), AUDIT). Every row of an
// audited table has a seal (HMAC-SHA-256 under the store's audit key, kept outside the store,
// of the row's canonical content), written by triggers that call eb_seal_new, eb_reseal and
// eb_unseal, functions only eb's connection has: a write from any other program fails. The seals
// add up to seal_state (which eb brings up to date at each commit), and each audit entry records
// it (state) under the keyed chain (mac); the unkeyed chain (hash) stays for a check without the
// key. The triggers of each table are made from its columns by the
// C++ step of this migration (seal.cpp), which also seals the rows already stored.
constexpr std::string_view k_v6 = R"sql(
CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE seal (
  tbl  INTEGER NOT NULL,
  k1   NOT NULL,
  k2   NOT NULL,
  mac  BLOB NOT NULL CHECK (length(mac) = 16),
  PRIMARY KEY (tbl, k1, k2)
) WITHOUT ROWID;

CREATE TABLE seal_state (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  sum  BLOB NOT NULL CHECK (length(sum) = 16)
);
INSERT INTO seal_state (id, sum) VALUES (1, zeroblob(16));
-- A seal is changed or removed only by eb (eb_guard is a function only eb's connection has).
CREATE TRIGGER seal_guard_update BEFORE UPDATE ON seal BEGIN SELECT eb_guard(); END;
CREATE TRIGGER seal_guard_delete BEFORE DELETE ON seal BEGIN SELECT eb_guard(); END;
CREATE TRIGGER seal_state_guard BEFORE UPDATE ON seal_state BEGIN SELECT eb_guard(); END;
CREATE TRIGGER seal_state_no_delete BEFORE DELETE ON seal_state
  BEGIN SELECT RAISE(ABORT, 'the seal state is never deleted'); END;
CREATE TRIGGER seal_state_no_insert BEFORE INSERT ON seal_state
  BEGIN SELECT RAISE(ABORT, 'the seal state has one row'); END;

CREATE TABLE audit_v6 (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  user     TEXT NOT NULL,
  command  TEXT NOT NULL,
  entity   TEXT NOT NULL,
  detail   TEXT NOT NULL,
  hash     BLOB NOT NULL CHECK (length(hash) = 32),
  state    BLOB CHECK (state IS NULL OR length(state) = 16),
  mac      BLOB CHECK (mac IS NULL OR length(mac) = 32),
  CHECK ((state IS NULL) = (mac IS NULL))
);
)sql";

// The C++ part of v6: the audit log's hashes as bytes (entries before v6 keep their unkeyed
// hash and no state), the store's id and audit key, and the seal triggers and seals of every
// audited table.
void after_v6(SQLite::Database& db, const MakeKey& make_key) {
  {
    SQLite::Statement q(db, "SELECT id, at, user, command, entity, detail, hash FROM audit ORDER BY id");
    SQLite::Statement ins(db,
                          "INSERT INTO audit_v6 (id, at, user, command, entity, detail, hash) VALUES (?,?,?,?,?,?,?)");
    while (q.executeStep()) {
      const auto bytes = from_hex(q.getColumn(6).getString());
      if (!bytes || bytes->size() != 32) {
        throw StoreError("audit entry " + q.getColumn(0).getString() + ": its hash is not 64 hex digits");
      }
      ins.reset();
      ins.bind(1, q.getColumn(0).getInt64());
      for (int i = 1; i < 6; ++i) ins.bind(i + 1, q.getColumn(i).getString());
      ins.bind(7, bytes->data(), static_cast<int>(bytes->size()));
      ins.exec();
    }
  }
  db.exec(
      "DROP TABLE audit; ALTER TABLE audit_v6 RENAME TO audit;"
      "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
      "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
      "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
      "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
  const std::string id = make_key();
  SQLite::Statement m(db, "INSERT INTO meta (key, value) VALUES ('store_id', ?)");
  m.bind(1, id);
  m.exec();
  for (const auto& t : sealed_tables()) {
    if (!table_exists(db, t.name)) continue;  // a table of a later version seals itself
    db.exec(seal_trigger_sql(db, t));
    reseal(db, t);
  }
}

// v7: FUT screening (eb fut-check; fut.md). Owned by lib/store/fut.cpp. The register rows of
// each import (unique by their content key, so a file imported twice adds nothing), the flags
// (unique by their evidence key, so a re-run never flags the same evidence twice), the outcome
// that closes a flag (one per flag), and the follow-up: police reports and notices made, and
// waivers (eftergift) of a flag's claim. A FUT claim is a row of `claim` with no decision and
// its flag, the nämnd's decision, the deadline and its statute; repayments and waivers together never exceed
// it. Nothing here is edited or deleted.
constexpr std::string_view k_v7 = R"sql(
CREATE TABLE fut_import (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('income', 'population')),
  file         TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  rows_read    INTEGER NOT NULL CHECK (rows_read >= 0),
  rows_added   INTEGER NOT NULL CHECK (rows_added BETWEEN 0 AND rows_read),
  imported_at  TEXT NOT NULL,
  imported_by  TEXT NOT NULL
);
CREATE TRIGGER fut_import_no_update BEFORE UPDATE ON fut_import
  BEGIN SELECT RAISE(ABORT, 'imports are never edited'); END;
CREATE TRIGGER fut_import_no_delete BEFORE DELETE ON fut_import
  BEGIN SELECT RAISE(ABORT, 'imports are never deleted'); END;

-- The rows of an import are written before the import's own row (which counts them), so the
-- reference is checked at commit.
CREATE TABLE fut_income_row (
  id          INTEGER PRIMARY KEY,
  key         BLOB NOT NULL CHECK (length(key) = 32),
  import_id   INTEGER NOT NULL REFERENCES fut_import(id) DEFERRABLE INITIALLY DEFERRED,
  line        INTEGER NOT NULL CHECK (line > 1),
  pnr         TEXT NOT NULL CHECK (length(pnr) = 12),
  month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  source      TEXT NOT NULL CHECK (source IN ('FK', 'CSN', 'PM', 'AKASSA', 'AF', 'SKV')),
  kind        TEXT NOT NULL,
  amount_ore  INTEGER NOT NULL CHECK (amount_ore >= 0),
  paid_on     TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE UNIQUE INDEX fut_income_row_key ON fut_income_row(key);
CREATE INDEX fut_income_row_month ON fut_income_row(month);
CREATE TRIGGER fut_income_row_no_update BEFORE UPDATE ON fut_income_row
  BEGIN SELECT RAISE(ABORT, 'register rows are never edited'); END;
CREATE TRIGGER fut_income_row_no_delete BEFORE DELETE ON fut_income_row
  BEGIN SELECT RAISE(ABORT, 'register rows are never deleted'); END;

CREATE TABLE fut_population_row (
  id           INTEGER PRIMARY KEY,
  key          BLOB NOT NULL CHECK (length(key) = 32),
  import_id    INTEGER NOT NULL REFERENCES fut_import(id) DEFERRABLE INITIALLY DEFERRED,
  line         INTEGER NOT NULL CHECK (line > 1),
  pnr          TEXT NOT NULL CHECK (length(pnr) = 12),
  address      TEXT NOT NULL,
  deceased_on  TEXT CHECK (deceased_on IS NULL OR deceased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE UNIQUE INDEX fut_population_row_key ON fut_population_row(key);
CREATE INDEX fut_population_row_deceased ON fut_population_row(pnr) WHERE deceased_on IS NOT NULL;
CREATE TRIGGER fut_population_row_no_update BEFORE UPDATE ON fut_population_row
  BEGIN SELECT RAISE(ABORT, 'register rows are never edited'); END;
CREATE TRIGGER fut_population_row_no_delete BEFORE DELETE ON fut_population_row
  BEGIN SELECT RAISE(ABORT, 'register rows are never deleted'); END;

-- A flag: one finding of one rule, first seen in run `first_run` (the runs that stored flags
-- are numbered 1, 2, …; the audit log says what each screened).
CREATE TABLE fut_flag (
  id                  INTEGER PRIMARY KEY,
  evidence_key        BLOB NOT NULL CHECK (length(evidence_key) = 32),
  rule                TEXT NOT NULL,
  arende_id           INTEGER NOT NULL REFERENCES arende(id),
  cases               TEXT NOT NULL,
  month               TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  member_pnr          TEXT CHECK (member_pnr IS NULL OR length(member_pnr) = 12),
  amount_at_risk_ore  INTEGER NOT NULL CHECK (amount_at_risk_ore >= 0),
  evidence_json       TEXT NOT NULL,
  first_run           INTEGER NOT NULL CHECK (first_run > 0),
  run_period          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL
);
CREATE UNIQUE INDEX fut_flag_evidence ON fut_flag(evidence_key);
CREATE INDEX fut_flag_month ON fut_flag(month);
CREATE INDEX fut_flag_case ON fut_flag(arende_id);
CREATE TRIGGER fut_flag_no_update BEFORE UPDATE ON fut_flag
  BEGIN SELECT RAISE(ABORT, 'flags are never edited; close one with an outcome'); END;
CREATE TRIGGER fut_flag_no_delete BEFORE DELETE ON fut_flag
  BEGIN SELECT RAISE(ABORT, 'flags are never deleted; close one with an outcome'); END;

-- The outcome that closes a flag: one per flag (its key), never changed.
CREATE TABLE fut_outcome (
  flag_id     INTEGER PRIMARY KEY REFERENCES fut_flag(id),
  outcome     TEXT NOT NULL CHECK (outcome IN ('no-error', 'error', 'suspected-crime')),
  note        TEXT NOT NULL CHECK (length(trim(note)) > 0),
  decided_on  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE TRIGGER fut_outcome_no_update BEFORE UPDATE ON fut_outcome
  BEGIN SELECT RAISE(ABORT, 'an outcome is never changed: a closed flag stays closed'); END;
CREATE TRIGGER fut_outcome_no_delete BEFORE DELETE ON fut_outcome
  BEGIN SELECT RAISE(ABORT, 'an outcome is never deleted: a closed flag stays closed'); END;

-- What was done on a closed flag: a police report or a notice made (the document's SHA-256),
-- or a waiver of (part of) its claim.
CREATE TABLE fut_follow_up (
  id          INTEGER PRIMARY KEY,
  flag_id     INTEGER NOT NULL REFERENCES fut_outcome(flag_id),
  kind        TEXT NOT NULL CHECK (kind IN ('police-report', 'notice', 'waiver')),
  claim_id    INTEGER REFERENCES claim(id),
  amount_ore  INTEGER CHECK (amount_ore IS NULL OR amount_ore > 0),
  authority   TEXT NOT NULL DEFAULT '',
  recipient   TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT '',
  statute     TEXT NOT NULL CHECK (length(statute) > 0),
  sha256      TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  on_date     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK ((kind = 'waiver') = (claim_id IS NOT NULL AND amount_ore IS NOT NULL AND sha256 IS NULL)),
  CHECK (kind <> 'notice' OR authority <> '')
);
CREATE INDEX fut_follow_up_flag ON fut_follow_up(flag_id);
CREATE INDEX fut_follow_up_claim ON fut_follow_up(claim_id) WHERE claim_id IS NOT NULL;
CREATE TRIGGER fut_follow_up_no_update BEFORE UPDATE ON fut_follow_up
  BEGIN SELECT RAISE(ABORT, 'follow-up records are never edited'); END;
CREATE TRIGGER fut_follow_up_no_delete BEFORE DELETE ON fut_follow_up
  BEGIN SELECT RAISE(ABORT, 'follow-up records are never deleted'); END;

ALTER TABLE claim ADD COLUMN fut_flag_id INTEGER REFERENCES fut_flag(id);
ALTER TABLE claim ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE claim ADD COLUMN deadline TEXT;
ALTER TABLE claim ADD COLUMN deadline_statute TEXT NOT NULL DEFAULT '';
-- A flag has at most one claim, and only once it is closed as error or suspected crime.
CREATE UNIQUE INDEX claim_once_per_flag ON claim(fut_flag_id) WHERE fut_flag_id IS NOT NULL;
CREATE TRIGGER claim_of_closed_flag BEFORE INSERT ON claim
  WHEN NEW.fut_flag_id IS NOT NULL
   AND (NEW.decision_id IS NOT NULL OR NEW.deadline IS NULL
        OR NOT EXISTS (SELECT 1 FROM fut_outcome o WHERE o.flag_id = NEW.fut_flag_id
                       AND o.outcome IN ('error', 'suspected-crime'))
        OR (SELECT arende_id FROM fut_flag WHERE id = NEW.fut_flag_id) IS NOT NEW.arende_id)
  BEGIN SELECT RAISE(ABORT, 'a FUT claim needs its flag closed as error or suspected-crime, its case and a deadline'); END;
-- Repayments and waivers of a claim together never exceed it.
CREATE TRIGGER repayment_within_unwaived BEFORE INSERT ON repayment
  WHEN NEW.amount_ore + (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE claim_id = NEW.claim_id)
       + (SELECT coalesce(sum(amount_ore), 0) FROM fut_follow_up WHERE claim_id = NEW.claim_id AND kind = 'waiver')
       > (SELECT amount_ore FROM claim WHERE id = NEW.claim_id)
  BEGIN SELECT RAISE(ABORT, 'repayments of a claim never exceed it, waivers included'); END;
CREATE TRIGGER waiver_within_outstanding BEFORE INSERT ON fut_follow_up
  WHEN NEW.kind = 'waiver'
   AND ((SELECT fut_flag_id FROM claim WHERE id = NEW.claim_id) IS NOT NEW.flag_id
        OR NEW.amount_ore + (SELECT coalesce(sum(amount_ore), 0) FROM repayment WHERE claim_id = NEW.claim_id)
           + (SELECT coalesce(sum(amount_ore), 0) FROM fut_follow_up WHERE claim_id = NEW.claim_id AND kind = 'waiver')
           > (SELECT amount_ore FROM claim WHERE id = NEW.claim_id))
  BEGIN SELECT RAISE(ABORT, 'a waiver is of its own flag''s claim, at most what is outstanding'); END;

-- Screening reads the payments of a period by the month the bistånd is for.
CREATE INDEX payment_month ON payment(month);
)sql";

// The C++ part of v7: seal triggers for the new tables (their rows are sealed from the first),
// and the claim table's triggers made again with its new columns.
void after_v7(SQLite::Database& db, const MakeKey&) {
  for (const auto name :
       {"fut_import", "fut_income_row", "fut_population_row", "fut_flag", "fut_outcome", "fut_follow_up"}) {
    const SealedTable& t = sealed_table(name);
    db.exec(seal_trigger_sql(db, t));
    reseal(db, t);
  }
  reseal_after_alter(db, "claim");
}

// v8: the facts of the unit's report recorded where a caseworker works (eb-report(1)): the
// housing situation and the day an application became complete, the closures of a case
// (avslut) with their reason, and the days an arbetsplan was made or renewed. Whether a later
// application reopened a closed case is not stored: it is read from the applications. The
// indexes serve the report's reads: first decisions by day, a case's applications by arrival,
// the supplements of a month.
// Owned by lib/store/closures.cpp, arbetsplan.cpp and report.cpp.
constexpr std::string_view k_v8 = R"sql(
ALTER TABLE application ADD COLUMN housing TEXT
  CHECK (housing IS NULL OR housing IN ('own_lease', 'second_hand', 'lodger', 'hotel', 'vandrarhem', 'harbarge', 'homeless'));
ALTER TABLE application ADD COLUMN complete_on TEXT
  CHECK (complete_on IS NULL OR (complete_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND complete_on >= received_on));

CREATE TABLE closure (
  id           INTEGER PRIMARY KEY,
  arende_id    INTEGER NOT NULL REFERENCES arende(id),
  closed_on    TEXT NOT NULL CHECK (closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason       TEXT NOT NULL CHECK (reason IN ('work', 'studies', 'another_benefit', 'moved', 'deceased', 'other')),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX closure_case ON closure(arende_id, closed_on);
CREATE INDEX closure_closed_on ON closure(closed_on);
CREATE TRIGGER closure_no_update BEFORE UPDATE ON closure
  BEGIN SELECT RAISE(ABORT, 'closures are never edited'); END;
CREATE TRIGGER closure_no_delete BEFORE DELETE ON closure
  BEGIN SELECT RAISE(ABORT, 'closures are never deleted'); END;

CREATE TABLE arbetsplan (
  arende_id   INTEGER NOT NULL REFERENCES arende(id),
  made_on     TEXT NOT NULL CHECK (made_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  PRIMARY KEY (arende_id, made_on)
) WITHOUT ROWID;
CREATE INDEX arbetsplan_made_on ON arbetsplan(made_on);
CREATE TRIGGER arbetsplan_no_update BEFORE UPDATE ON arbetsplan
  BEGIN SELECT RAISE(ABORT, 'arbetsplan dates are never edited'); END;
CREATE TRIGGER arbetsplan_no_delete BEFORE DELETE ON arbetsplan
  BEGIN SELECT RAISE(ABORT, 'arbetsplan dates are never deleted'); END;

CREATE INDEX application_case_received ON application(arende_id, received_on);
CREATE INDEX decision_first_decided ON decision(decided_on, application_id) WHERE replaces IS NULL;
CREATE INDEX application_supplement ON application(month, arende_id) WHERE kind = 'supplement';
)sql";

// The C++ part of v8: the application's seal triggers made again with its new columns (its
// rows sealed again), and the new tables sealed.
void after_v8(SQLite::Database& db, const MakeKey& /*make_key*/) {
  reseal_after_alter(db, "application");
  for (const char* name : {"closure", "arbetsplan"}) {
    const SealedTable& t = sealed_table(name);
    db.exec(seal_trigger_sql(db, t));
    reseal(db, t);
  }
}

// v9: a decision measured against what was applied for, and what FL 30–33 §§ and SoL 33 kap.
// 2–3 §§ need it to state (issue #13). From v9 a decision's assessed_ore holds what was applied
// for (the assessment's payable amount with every item as applied for), so the checks of v3
// read "bifall grants all that was applied for, delbifall less"; calculated_ore holds the
// assessment's own amount (NULL before v9: the same as assessed_ore). A decision line gains
// what was applied for (NULL before v9: its assessed_ore) and its reason's code. The decision
// records why it rests on a norm that is not official or municipal, the synnerliga skäl that
// lift the large-household limit (SoL 12 kap. 7 a §), and a condition for repayment (advance on
// a benefit, 33 kap. 2 §; repayable, 33 kap. 3 §); dissenting opinions (FL 30 §) are rows of
// their own. A member records what was applied for above the norm (norm_raise_applied_ore).
constexpr std::string_view k_v9 = R"sql(
ALTER TABLE decision ADD COLUMN calculated_ore INTEGER CHECK (calculated_ore IS NULL OR calculated_ore >= 0);
ALTER TABLE decision ADD COLUMN unofficial_norm TEXT CHECK (unofficial_norm IS NULL OR length(unofficial_norm) > 0);
ALTER TABLE decision ADD COLUMN large_household_exempt TEXT
  CHECK (large_household_exempt IS NULL OR length(large_household_exempt) > 0);
ALTER TABLE decision ADD COLUMN repayment TEXT CHECK (repayment IS NULL OR repayment IN ('advance', 'repayable'));
ALTER TABLE decision ADD COLUMN repayment_on TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN repayment_grounds TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_line ADD COLUMN applied_ore INTEGER;
ALTER TABLE decision_line ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN norm_raise_applied_ore INTEGER
  CHECK (norm_raise_applied_ore IS NULL OR norm_raise_applied_ore >= 0);

CREATE TABLE decision_dissent (
  decision_id  INTEGER NOT NULL REFERENCES decision(id),
  seq          INTEGER NOT NULL,
  user_id      INTEGER NOT NULL REFERENCES user(id),
  note         TEXT NOT NULL CHECK (length(note) > 0),
  PRIMARY KEY (decision_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER decision_dissent_no_update BEFORE UPDATE ON decision_dissent
  BEGIN SELECT RAISE(ABORT, 'decisions are never edited'); END;
CREATE TRIGGER decision_dissent_no_delete BEFORE DELETE ON decision_dissent
  BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
)sql";

// The C++ part of v9: the seal triggers of the altered tables made again from their columns,
// and the new table sealed.
void after_v9(SQLite::Database& db, const MakeKey& /*make_key*/) {
  for (const char* t : {"decision", "decision_line", "member"}) reseal_after_alter(db, t);
  const SealedTable& dissent = sealed_table("decision_dissent");
  db.exec(seal_trigger_sql(db, dissent));
  reseal(db, dissent);
}

// v10: a claim (återkrav) records its legal ground, SoL (2025:400) 33 kap. 1 § (wrongly paid),
// 2 § (an advance on a benefit) or 3 § (a grant on condition of repayment), and the decision on
// the bistånd it refers to (issue #13). A claim under 2 or 3 § rests on a decision that stated
// that condition in writing (33 kap. 2 § 2, 3 §), of the claim's own case and application. A
// claim on a decision raised by hand (`eb pay claim`, no flag) never exceeds what was paid out
// for the application less the claims already on it. Earlier claims rest on 1 §, as their
// statute says. Owned by lib/store/payments.cpp and fut.cpp.
constexpr std::string_view k_v10 = R"sql(
ALTER TABLE claim ADD COLUMN ground TEXT NOT NULL DEFAULT 'wrongly-paid'
  CHECK (ground IN ('wrongly-paid', 'advance', 'repayable'));
ALTER TABLE claim ADD COLUMN on_decision_id INTEGER REFERENCES decision(id);
CREATE INDEX claim_on_decision ON claim(on_decision_id) WHERE on_decision_id IS NOT NULL;
CREATE TRIGGER claim_on_stated_condition BEFORE INSERT ON claim
  WHEN NEW.ground <> 'wrongly-paid'
   AND (NEW.on_decision_id IS NULL
        OR (SELECT repayment FROM decision WHERE id = NEW.on_decision_id) IS NOT NEW.ground)
  BEGIN SELECT RAISE(ABORT, 'a claim under SoL 33 kap. 2 or 3 § rests on a decision that stated that condition in writing'); END;
CREATE TRIGGER claim_on_decision_of_its_case BEFORE INSERT ON claim
  WHEN NEW.on_decision_id IS NOT NULL
   AND ((SELECT a.arende_id FROM decision d JOIN application a ON a.id = d.application_id
         WHERE d.id = NEW.on_decision_id) IS NOT NEW.arende_id
        OR (NEW.application_id IS NOT NULL
            AND (SELECT d.application_id FROM decision d WHERE d.id = NEW.on_decision_id) IS NOT NEW.application_id))
  BEGIN SELECT RAISE(ABORT, 'a claim refers to a decision of its own case and application'); END;
CREATE TRIGGER claim_on_decision_within_paid BEFORE INSERT ON claim
  WHEN NEW.on_decision_id IS NOT NULL AND NEW.fut_flag_id IS NULL AND NEW.decision_id IS NULL
   AND (NEW.application_id IS NULL
        OR NEW.amount_ore + (SELECT coalesce(sum(k.amount_ore), 0) FROM claim k WHERE k.application_id = NEW.application_id)
           > (SELECT coalesce(sum(p.amount_ore), 0) FROM payment p JOIN batch b ON b.id = p.batch_id
              WHERE p.application_id = NEW.application_id AND p.cancelled = 0 AND b.status IN ('exported', 'confirmed')
                AND NOT EXISTS (SELECT 1 FROM payment_return r WHERE r.payment_id = p.id)))
  BEGIN SELECT RAISE(ABORT, 'a claim on a decision cannot exceed what was paid out for its application, less the claims on it'); END;
)sql";

// The C++ part of v10: the claim table's seal triggers made again with its new columns.
void after_v10(SQLite::Database& db, const MakeKey& /*make_key*/) {
  reseal_after_alter(db, "claim");
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
      {1, "cases, applications, assessments, audit log", k_v1},
      {2, "indexes for follow-up reports", k_v2},
      {3, "users and decisions", k_v3},
      {4, "payments, batches, returns, claims and repayments", k_v4},
      {5, "2027 application fields: raised norm, second-hand rent, large-household exemption", k_v5},
      {6, "sealed rows and a keyed audit chain", k_v6, after_v6},
      {7, "FUT screening: register imports, flags, outcomes, follow-up and FUT claims", k_v7, after_v7},
      {8, "the report's facts: housing, complete applications, closures, arbetsplan", k_v8, after_v8},
      {9, "decisions measured against what was applied for: cuts, conditions for repayment, dissent", k_v9, after_v9},
      {10, "the ground of a claim (SoL 33 kap. 1–3 §§) and the decision it refers to", k_v10, after_v10},
  };
  return all;
}

int current_schema_version() {
  return migrations().back().version;
}

}  // namespace eb::store
