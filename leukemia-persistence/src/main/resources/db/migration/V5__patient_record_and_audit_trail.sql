-- What a doctor manages on a patient's record, and the audit trail of everything done.

-- Demographics a doctor may correct, the diagnosis confirmed by the specialised tests, and
-- soft removal: a removed patient disappears from every list and page, while the row, its
-- results and predictions stay for the audit trail.
ALTER TABLE patient ADD COLUMN full_name VARCHAR(200);
ALTER TABLE patient ADD COLUMN birth_date DATE;
ALTER TABLE patient ADD COLUMN confirmed_diagnosis VARCHAR(8);
ALTER TABLE patient ADD COLUMN diagnosis_recorded_at DATETIME(6);
ALTER TABLE patient ADD COLUMN diagnosis_recorded_by BIGINT;
ALTER TABLE patient ADD COLUMN removed_at DATETIME(6);
ALTER TABLE patient ADD COLUMN removed_by BIGINT;
-- optimistic locking: two doctors' edits of one record never overwrite each other unseen
ALTER TABLE patient ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE patient ADD CONSTRAINT ck_patient_diagnosis
    CHECK (confirmed_diagnosis IN ('ALL', 'AML', 'APL', 'OTHER'));
ALTER TABLE patient ADD CONSTRAINT fk_patient_diagnosis_by
    FOREIGN KEY (diagnosis_recorded_by) REFERENCES user_account (id);
ALTER TABLE patient ADD CONSTRAINT fk_patient_removed_by
    FOREIGN KEY (removed_by) REFERENCES user_account (id);

-- Each result as it stood in the file (text and unit), beside the normalised value; null for
-- results stored before this migration.
ALTER TABLE lab_result ADD COLUMN received_value VARCHAR(64);
ALTER TABLE lab_result ADD COLUMN received_unit VARCHAR(32);

CREATE TABLE patient_note (
    id         BIGINT        NOT NULL,
    patient_id BIGINT        NOT NULL,
    author_id  BIGINT        NOT NULL,
    written_at DATETIME(6)   NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_patient_note PRIMARY KEY (id),
    CONSTRAINT fk_patient_note_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_patient_note_author FOREIGN KEY (author_id) REFERENCES user_account (id)
);

CREATE INDEX ix_patient_note_patient ON patient_note (patient_id, written_at);

INSERT INTO id_generator (name, next_value) VALUES ('patient_note', 0);

-- The audit trail: append-only, each entry's hash covering its content and the hash of the
-- entry before it, so that a changed, removed or inserted entry breaks the chain from there on.
-- seq numbers the entries 1, 2, 3 ... without gaps; audit_head holds the last entry's number
-- and hash, and is locked by each writer for the rest of its transaction, which puts the
-- entries in one order.
CREATE TABLE audit_event (
    seq           BIGINT       NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    action        VARCHAR(32)  NOT NULL,
    target_type   VARCHAR(32),
    target_id     VARCHAR(128),
    details       LONGTEXT,
    previous_hash VARCHAR(64)  NOT NULL,
    entry_hash    VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (seq)
);

CREATE INDEX ix_audit_event_target ON audit_event (target_type, target_id, seq);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, seq);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

CREATE TABLE audit_head (
    id        INT         NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);

INSERT INTO audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
