-- Initial schema of the leukaemia subtype assistant.
-- Runs unchanged on MySQL 8 / MariaDB 10.11 and on H2 2.3 in its default mode, so it keeps to
-- the common subset: lowercase unquoted names, no AUTO_INCREMENT (ids come from id_generator,
-- see the entities' @TableGenerator), no engine or charset clauses (create the MySQL database
-- with utf8mb4), DATETIME(6) for UTC timestamps, LONGTEXT and LONGBLOB for large values.
-- Index and constraint names are unique across the schema, as H2 requires.

CREATE TABLE id_generator (
    name       VARCHAR(64) NOT NULL,
    next_value BIGINT      NOT NULL,
    CONSTRAINT pk_id_generator PRIMARY KEY (name)
);

-- One row per entity; EclipseLink adds the allocation size (50) and hands out the ids below.
INSERT INTO id_generator (name, next_value) VALUES
    ('user_account', 0),
    ('patient', 0),
    ('upload', 0),
    ('lab_panel', 0),
    ('model_version', 0),
    ('prediction', 0);

CREATE TABLE user_account (
    id            BIGINT       NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_user_account PRIMARY KEY (id),
    CONSTRAINT uq_user_account_username UNIQUE (username)
);

-- Read by Jakarta Security's DatabaseIdentityStore as the caller's groups.
CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT ck_user_role_role CHECK (role IN ('DOCTOR', 'ADMIN', 'AUDITOR'))
);

CREATE TABLE patient (
    id          BIGINT       NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    owner_id    BIGINT       NOT NULL,
    sex         VARCHAR(8)   NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_patient PRIMARY KEY (id),
    CONSTRAINT uq_patient_owner_external UNIQUE (owner_id, external_id),
    CONSTRAINT fk_patient_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
    CONSTRAINT ck_patient_sex CHECK (sex IN ('FEMALE', 'MALE', 'UNKNOWN'))
);

CREATE TABLE upload (
    id            BIGINT       NOT NULL,
    owner_id      BIGINT       NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    uploaded_at   DATETIME(6)  NOT NULL,
    rows_read     INT          NOT NULL,
    rows_stored   INT          NOT NULL,
    rows_rejected INT          NOT NULL,
    CONSTRAINT pk_upload PRIMARY KEY (id),
    CONSTRAINT fk_upload_owner FOREIGN KEY (owner_id) REFERENCES user_account (id)
);

CREATE INDEX ix_upload_owner_time ON upload (owner_id, uploaded_at);
CREATE INDEX ix_upload_sha256 ON upload (sha256);

CREATE TABLE upload_row_issue (
    upload_id   BIGINT        NOT NULL,
    issue_no    INT           NOT NULL,
    row_no      INT           NOT NULL,
    column_name VARCHAR(128),
    message     VARCHAR(1000) NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    CONSTRAINT pk_upload_row_issue PRIMARY KEY (upload_id, issue_no),
    CONSTRAINT fk_upload_row_issue_upload FOREIGN KEY (upload_id) REFERENCES upload (id),
    CONSTRAINT ck_upload_row_issue_severity CHECK (severity IN ('WARNING', 'REJECTED'))
);

CREATE TABLE lab_panel (
    id          BIGINT      NOT NULL,
    patient_id  BIGINT      NOT NULL,
    upload_id   BIGINT,
    source_row  INT,
    age_years   DOUBLE,
    received_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_lab_panel PRIMARY KEY (id),
    CONSTRAINT fk_lab_panel_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_lab_panel_upload FOREIGN KEY (upload_id) REFERENCES upload (id)
);

CREATE INDEX ix_lab_panel_patient_time ON lab_panel (patient_id, received_at);
CREATE INDEX ix_lab_panel_upload ON lab_panel (upload_id);

-- parameter is a lowercase key owned by the ML module (e.g. 'wbc'); one value per panel.
CREATE TABLE lab_result (
    panel_id     BIGINT      NOT NULL,
    parameter    VARCHAR(64) NOT NULL,
    result_value DOUBLE      NOT NULL,
    unit         VARCHAR(32),
    CONSTRAINT pk_lab_result PRIMARY KEY (panel_id, parameter),
    CONSTRAINT fk_lab_result_panel FOREIGN KEY (panel_id) REFERENCES lab_panel (id)
);

CREATE TABLE model_version (
    id                      BIGINT        NOT NULL,
    version                 INT           NOT NULL,
    description             VARCHAR(1000),
    training_source         VARCHAR(255)  NOT NULL,
    synthetic_training_data BOOLEAN       NOT NULL,
    active                  BOOLEAN       NOT NULL,
    created_at              DATETIME(6)   NOT NULL,
    training_data_sha256    VARCHAR(64)   NOT NULL,
    provenance_json         LONGTEXT      NOT NULL,
    metadata_json           LONGTEXT      NOT NULL,
    content                 LONGBLOB      NOT NULL,
    CONSTRAINT pk_model_version PRIMARY KEY (id),
    CONSTRAINT uq_model_version_version UNIQUE (version)
);

CREATE TABLE prediction (
    id                BIGINT        NOT NULL,
    panel_id          BIGINT        NOT NULL,
    patient_id        BIGINT        NOT NULL,
    model_version_id  BIGINT        NOT NULL,
    predicted_subtype VARCHAR(8)    NOT NULL,
    probability_all   DOUBLE        NOT NULL,
    probability_aml   DOUBLE        NOT NULL,
    probability_apl   DOUBLE        NOT NULL,
    confidence        DOUBLE        NOT NULL,
    notes             VARCHAR(2000),
    predicted_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_prediction PRIMARY KEY (id),
    CONSTRAINT uq_prediction_panel UNIQUE (panel_id),
    CONSTRAINT fk_prediction_panel FOREIGN KEY (panel_id) REFERENCES lab_panel (id),
    CONSTRAINT fk_prediction_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_prediction_model_version
        FOREIGN KEY (model_version_id) REFERENCES model_version (id),
    CONSTRAINT ck_prediction_subtype CHECK (predicted_subtype IN ('ALL', 'AML', 'APL'))
);

-- A patient's predictions, newest first.
CREATE INDEX ix_prediction_patient_time ON prediction (patient_id, predicted_at);
-- The dashboard: an owner's predictions newest first, read in predicted_at order and stopped
-- after one page, or the owner's patients joined through ix_prediction_patient_time.
CREATE INDEX ix_prediction_time ON prediction (predicted_at);
CREATE INDEX ix_prediction_model_version ON prediction (model_version_id);
