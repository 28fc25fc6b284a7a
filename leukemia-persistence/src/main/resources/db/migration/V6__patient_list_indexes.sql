-- The patient list: a doctor's predictions (or, for an auditor, everyone's), filtered and
-- sorted, one page at a time, within 200 ms at a million predictions.
--
-- Why two patient fields are copied onto prediction: the list's rows are predictions, sorted
-- by prediction columns (time, confidence, subtype) but scoped by patient.owner_id. With the
-- owner on patient only, MariaDB joins from patient and sorts the whole owner's share before
-- it returns a page (2.7 s for a doctor with 400,000 predictions; 660 ms at best when the
-- patient side is read from its index), whatever index prediction has: an index can give the
-- order of one table only. With the owner on prediction, (owner_id, <sort column>) gives the
-- page in index order and the read stops after it (about 5 ms). The same holds for the sort by
-- patient identifier (1 s through a join, a few ms from (owner_id, patient_external_id)).
--
-- Keeping the copies right: prediction.owner_id must change with patient.owner_id (a patient
-- assigned to another doctor); PredictionRepository.followOwner does it. The identifier never
-- changes (patient.external_id is not updatable).
ALTER TABLE prediction ADD COLUMN owner_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE prediction ADD COLUMN patient_external_id VARCHAR(128) DEFAULT '' NOT NULL;
UPDATE prediction SET
    owner_id = (SELECT pa.owner_id FROM patient pa WHERE pa.id = prediction.patient_id),
    patient_external_id = (SELECT pa.external_id FROM patient pa
                           WHERE pa.id = prediction.patient_id);
-- the defaults only filled the existing rows; every new row names its own
ALTER TABLE prediction ALTER COLUMN owner_id DROP DEFAULT;
ALTER TABLE prediction ALTER COLUMN patient_external_id DROP DEFAULT;
ALTER TABLE prediction ADD CONSTRAINT fk_prediction_owner
    FOREIGN KEY (owner_id) REFERENCES user_account (id);

-- A doctor's list, one index per sort, each ending with the tie-break of the sort: the time,
-- then the primary key (id), which InnoDB appends to every index. The filters that are not in
-- the index read (model version, confidence range beside another sort, diagnosis) are checked
-- on the rows read in index order.
CREATE INDEX ix_prediction_owner_time ON prediction (owner_id, predicted_at);
CREATE INDEX ix_prediction_owner_confidence
    ON prediction (owner_id, confidence, predicted_at);
CREATE INDEX ix_prediction_owner_subtype_time
    ON prediction (owner_id, predicted_subtype, predicted_at);
CREATE INDEX ix_prediction_owner_patient
    ON prediction (owner_id, patient_external_id, predicted_at);
-- The model versions follow each other in time: an older one's predictions lie behind all of
-- the newer ones' in ix_prediction_owner_time, so the filter by model has an index of its own.
CREATE INDEX ix_prediction_owner_model_time
    ON prediction (owner_id, model_version_id, predicted_at);
-- An auditor's list, over every owner; by time it is ix_prediction_time of V1.
CREATE INDEX ix_prediction_confidence ON prediction (confidence, predicted_at);
CREATE INDEX ix_prediction_subtype_time ON prediction (predicted_subtype, predicted_at);
CREATE INDEX ix_prediction_model_time ON prediction (model_version_id, predicted_at);
CREATE INDEX ix_prediction_patient_external
    ON prediction (patient_external_id, predicted_at);

-- The search by the beginning of the identifier or of the name: a range of each index, the
-- two ranges merged (for a doctor, within their own patients).
CREATE INDEX ix_patient_owner_name ON patient (owner_id, full_name);
CREATE INDEX ix_patient_external ON patient (external_id);
CREATE INDEX ix_patient_name ON patient (full_name);
