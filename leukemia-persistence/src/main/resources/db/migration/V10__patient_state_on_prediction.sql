-- The patient list reads predictions alone: what its filters need from the patient is copied
-- onto each prediction, and its indexes carry what they check.
--
-- Why: with the removal and the diagnosis on patient only, every prediction read for a page
-- or a count was joined to its patient to check them. A count of a selective combination
-- ("APL, confidence >= 90 %, diagnosed": 1,533 of a doctor's 400,000 predictions) then looked
-- up the patient of each of the 40,000 APL predictions (about 0.4 s), and an auditor's page
-- 400 by time made MariaDB sort every prediction rather than skip 10,000 of them along the
-- time index (about 0.3 s). With the copies in the indexes, both are read from one index
-- range (a few ms).
--
-- patient_name:      the patient's full_name, for the text filter when it matches many
--                    patients (read in the sort's order, no join)
-- patient_diagnosed: 1 when the patient has a confirmed diagnosis, else 0
-- patient_removed:   1 when the patient was removed, else 0; the list leaves these out
-- The flags are numbers, not BOOLEAN: EclipseLink writes a boolean into SQL as 1 or 0 where
-- it cannot bind it (a LIKE with ESCAPE on H2), and H2 does not compare a BOOLEAN with a
-- number. On MySQL and MariaDB a BOOLEAN is a TINYINT all the same.
--
-- Keeping the copies right: every change of a patient's owner, name, diagnosis or removal is
-- followed, in the same transaction, by PredictionRepository.followPatients, which copies
-- them again from patient for all of that patient's predictions; a new prediction copies them
-- from its patient (the Prediction constructor, and BatchWriter for uploads).
ALTER TABLE prediction ADD COLUMN patient_name VARCHAR(200);
ALTER TABLE prediction ADD COLUMN patient_diagnosed TINYINT DEFAULT 0 NOT NULL;
ALTER TABLE prediction ADD COLUMN patient_removed TINYINT DEFAULT 0 NOT NULL;
UPDATE prediction SET
    patient_name = (SELECT pa.full_name FROM patient pa WHERE pa.id = prediction.patient_id),
    patient_diagnosed = (SELECT CASE WHEN pa.confirmed_diagnosis IS NULL THEN 0 ELSE 1 END
                         FROM patient pa WHERE pa.id = prediction.patient_id),
    patient_removed = (SELECT CASE WHEN pa.removed_at IS NULL THEN 0 ELSE 1 END
                       FROM patient pa WHERE pa.id = prediction.patient_id);
-- the defaults only filled the existing rows; every new row names its own
ALTER TABLE prediction ALTER COLUMN patient_diagnosed DROP DEFAULT;
ALTER TABLE prediction ALTER COLUMN patient_removed DROP DEFAULT;

-- The list's indexes of V6 (and the time index of V1), each now ending with the prediction's
-- id and the two flags: the id, which InnoDB would append anyway, comes before the flags so
-- that the order stays <sort column>, time, id (the sort with its tie-break); the flags make
-- the removal and the diagnosis checks part of the index read, so that a count or a skipped
-- row never reads the table. Each foreign key keeps an index of its own throughout.
DROP INDEX ix_prediction_owner_time ON prediction;
CREATE INDEX ix_prediction_owner_time
    ON prediction (owner_id, predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_owner_confidence ON prediction;
CREATE INDEX ix_prediction_owner_confidence
    ON prediction (owner_id, confidence, predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_owner_subtype_time ON prediction;
CREATE INDEX ix_prediction_owner_subtype_time
    ON prediction (owner_id, predicted_subtype, predicted_at, id, patient_removed,
                   patient_diagnosed);
DROP INDEX ix_prediction_owner_patient ON prediction;
CREATE INDEX ix_prediction_owner_patient
    ON prediction (owner_id, patient_external_id, predicted_at, id, patient_removed,
                   patient_diagnosed);
DROP INDEX ix_prediction_owner_model_time ON prediction;
CREATE INDEX ix_prediction_owner_model_time
    ON prediction (owner_id, model_version_id, predicted_at, id, patient_removed,
                   patient_diagnosed);
DROP INDEX ix_prediction_time ON prediction;
CREATE INDEX ix_prediction_time
    ON prediction (predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_confidence ON prediction;
CREATE INDEX ix_prediction_confidence
    ON prediction (confidence, predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_subtype_time ON prediction;
CREATE INDEX ix_prediction_subtype_time
    ON prediction (predicted_subtype, predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_model_time ON prediction;
CREATE INDEX ix_prediction_model_time
    ON prediction (model_version_id, predicted_at, id, patient_removed, patient_diagnosed);
DROP INDEX ix_prediction_patient_external ON prediction;
CREATE INDEX ix_prediction_patient_external
    ON prediction (patient_external_id, predicted_at, id, patient_removed, patient_diagnosed);

-- A subtype with a confidence range or sorted by confidence: without it, MariaDB reads the
-- subtype's predictions of the owner from (owner_id, predicted_subtype) and, to sort by
-- confidence, switches to ix_prediction_owner_confidence reading from its top down without
-- the confidence range (200,000 rows for a doctor's "AML, confidence <= 80 %" page).
CREATE INDEX ix_prediction_owner_subtype_confidence
    ON prediction (owner_id, predicted_subtype, confidence, predicted_at, id, patient_removed,
                   patient_diagnosed);
CREATE INDEX ix_prediction_subtype_confidence
    ON prediction (predicted_subtype, confidence, predicted_at, id, patient_removed,
                   patient_diagnosed);
