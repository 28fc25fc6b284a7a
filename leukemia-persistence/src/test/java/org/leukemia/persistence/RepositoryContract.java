package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.PersistenceException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.mapping.SavedMapping;
import org.leukemia.persistence.mapping.SavedMappingRepository;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.patient.StoredPanel;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionLine;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.prediction.PredictionScope;
import org.leukemia.persistence.prediction.PredictionSort;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.upload.UploadRepository;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * Entities and repositories through EclipseLink on a real database; one subclass per database.
 * Each test uses its own usernames, so the tests share one database.
 */
abstract class RepositoryContract {

    private static final String HASH = "ab".repeat(32);

    static TestDatabase db;

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Test
    void everyEntitySurvivesARoundTrip() {
        byte[] bundle = new byte[6 * 1024 * 1024];
        new Random(42).nextBytes(bundle);
        String provenance = "{\"notes\":\"" + "x".repeat(100_000) + "\"}";

        Prediction written = db.fromTransaction(em -> {
            UserAccount doctor = new UserAccount("roundtrip", "hash", "Dr Round Trip",
                    Set.of(Role.DOCTOR, Role.AUDITOR));
            new UserAccountRepository(em).add(doctor);
            ModelVersionRepository models = new ModelVersionRepository(em);
            ModelVersion model = new ModelVersion(models.nextVersionNumber(), "first model",
                    "synthetic-v1", true, HASH.toUpperCase(), provenance, "{\"classes\":3}",
                    bundle);
            models.add(model);
            models.makeActive(model);
            Upload upload = new Upload(doctor, "labs.xlsx", HASH, 12_345L);
            upload.recordOutcome(3, 2, 1, List.of(
                    new RowIssue(2, "WBC", "converted from /µL", RowIssue.Severity.WARNING),
                    new RowIssue(3, null, "no patient id", RowIssue.Severity.REJECTED)));
            new UploadRepository(em).add(upload);
            PatientRepository patients = new PatientRepository(em);
            Patient patient = new Patient("H-0001", doctor, Sex.FEMALE);
            patients.add(patient);
            LabPanel panel = new LabPanel(patient, upload, 2, 34.5, List.of(
                    new LabResult("WBC", 12.3, "10^9/L"),
                    new LabResult("fibrinogen", 1.1, "g/L"),
                    new LabResult("inr", 1.4, null)));
            patients.add(panel);
            Prediction prediction = new Prediction(panel, model, "APL", 0.05, 0.15, 0.8, 0.8,
                    "WBC converted from /µL", new Assessment(true, true, false,
                            "LDH 45000 U/L is beyond anything seen in training",
                            "{\"fibrinogen\":{\"APL\":1.25}}"));
            new PredictionRepository(em).add(prediction);
            return prediction;
        });

        db.entityManagerFactory().getCache().evictAll();
        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("roundtrip")
                    .orElseThrow();
            assertThat(doctor.getRoles()).containsExactlyInAnyOrder(Role.DOCTOR, Role.AUDITOR);
            assertThat(doctor.hasRole(Role.ADMIN)).isFalse();
            assertThat(doctor.isEnabled()).isTrue();
            assertThat(doctor.getDisplayName()).isEqualTo("Dr Round Trip");
            UserAccount writtenDoctor = written.getPatient().getOwner();
            assertThat(doctor.getCreatedAt()).isEqualTo(writtenDoctor.getCreatedAt());

            Prediction read = new PredictionRepository(em).forPatient(
                    new PatientRepository(em).findOwned("H-0001", doctor).orElseThrow()).get(0);
            assertThat(read.getId()).isEqualTo(written.getId());
            assertThat(read.getPredictedSubtype()).isEqualTo("APL");
            assertThat(read.getProbabilityAll()).isEqualTo(0.05);
            assertThat(read.getProbabilityAml()).isEqualTo(0.15);
            assertThat(read.getProbabilityApl()).isEqualTo(0.8);
            assertThat(read.getConfidence()).isEqualTo(0.8);
            assertThat(read.getNotes()).isEqualTo("WBC converted from /µL");
            assertThat(read.getPredictedAt()).isEqualTo(written.getPredictedAt());
            assertThat(read.getAssessment()).isEqualTo(written.getAssessment());
            assertThat(read.getAssessment().getUnusualReasons()).contains("LDH 45000");

            Patient patient = read.getPatient();
            assertThat(patient.getSex()).isEqualTo(Sex.FEMALE);
            assertThat(patient.getOwner()).isEqualTo(doctor);
            assertThat(patient.getCreatedAt()).isEqualTo(written.getPatient().getCreatedAt());

            LabPanel panel = read.getPanel();
            assertThat(panel.getPatient()).isEqualTo(patient);
            assertThat(panel.getSourceRow()).isEqualTo(2);
            assertThat(panel.getAgeYears()).isEqualTo(34.5);
            assertThat(panel.getReceivedAt()).isEqualTo(written.getPanel().getReceivedAt());
            assertThat(panel.getResults()).containsExactly(
                    new LabResult("fibrinogen", 1.1, "g/L"),
                    new LabResult("inr", 1.4, null),
                    new LabResult("wbc", 12.3, "10^9/L"));
            assertThat(new PatientRepository(em).panelsOf(patient)).containsExactly(panel);

            Upload upload = panel.getUpload();
            assertThat(upload.getOwner()).isEqualTo(doctor);
            assertThat(upload.getFileName()).isEqualTo("labs.xlsx");
            assertThat(upload.getSha256()).isEqualTo(HASH);
            assertThat(upload.getSizeBytes()).isEqualTo(12_345L);
            assertThat(upload.getUploadedAt()).isEqualTo(written.getPanel().getUpload()
                    .getUploadedAt());
            assertThat(List.of(upload.getRowsRead(), upload.getRowsStored(),
                    upload.getRowsRejected())).containsExactly(3, 2, 1);
            assertThat(upload.getIssues()).containsExactly(
                    new RowIssue(2, "WBC", "converted from /µL", RowIssue.Severity.WARNING),
                    new RowIssue(3, null, "no patient id", RowIssue.Severity.REJECTED));
            assertThat(new UploadRepository(em).findByOwner(doctor)).containsExactly(upload);
            assertThat(new PredictionRepository(em).findByUpload(upload)).containsExactly(read);
            assertThat(upload.getIgnoredColumns()).isEmpty();

            ModelVersion model = read.getModelVersion();
            assertThat(new ModelVersionRepository(em).findActive()).contains(model);
            assertThat(model.getDescription()).isEqualTo("first model");
            assertThat(model.getTrainingSource()).isEqualTo("synthetic-v1");
            assertThat(model.isSyntheticTrainingData()).isTrue();
            assertThat(model.getTrainingDataSha256()).isEqualTo(HASH);
            assertThat(model.getProvenanceJson()).isEqualTo(provenance);
            assertThat(model.getMetadataJson()).isEqualTo("{\"classes\":3}");
            assertThat(model.getContent()).isEqualTo(bundle);
            assertThat(model.getCreatedAt()).isEqualTo(written.getModelVersion().getCreatedAt());
        });
    }

    @Test
    void rowsWrittenInBatchesReadBackThroughJpaAsWritten() {
        long uploadId = doctorWithPatientAndUpload("batches", "known");
        List<Prediction> written = db.fromTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("batches")
                    .orElseThrow();
            PatientRepository patients = new PatientRepository(em);
            Patient known = patients.findOwned("known", doctor).orElseThrow();
            known.recordDiagnosis(Diagnosis.AML, doctor);
            Patient fresh = new Patient("fresh", doctor, Sex.FEMALE);
            Upload upload = new UploadRepository(em).findById(uploadId).orElseThrow();
            ModelVersion model = activeModel(em);
            List<Prediction> batch = List.of(
                    batchPrediction(fresh, upload, 2, 41.5, model, null),
                    batchPrediction(known, upload, 3, null, model, "LDH beyond training"),
                    batchPrediction(fresh, upload, 4, 41.6, model, null));
            // a later row of the same chunk names the new patient: both its rows say so
            fresh.describe("FRESH Flora", null);
            BatchWriter writer = new BatchWriter(em);
            writer.write(batch);
            writer.writeIssues(upload, 0, List.of(
                    new RowIssue(3, null, "LDH beyond training", RowIssue.Severity.WARNING),
                    new RowIssue(5, "WBC", "'abc' is not a number", RowIssue.Severity.REJECTED)));
            writer.writeIssues(upload, 2, List.of(
                    new RowIssue(7, null, "no patient id", RowIssue.Severity.REJECTED)));
            upload.recordCounts(6, 3, 2);

            assertThat(patients.findOwned("fresh", doctor)).as("visible in the transaction")
                    .isPresent();
            patients.add(new Patient("through JPA", doctor, Sex.UNKNOWN));
            em.flush(); // its id does not collide with those of the batch
            return batch;
        });

        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("batches")
                    .orElseThrow();
            Upload upload = new UploadRepository(em).findById(uploadId).orElseThrow();
            List<Prediction> read = new PredictionRepository(em).findByUpload(upload);
            assertThat(read).hasSize(3);
            for (int i = 0; i < read.size(); i++) {
                Prediction r = read.get(i);
                Prediction w = written.get(i);
                assertThat(r.getPatient().getExternalId())
                        .isEqualTo(w.getPatient().getExternalId());
                assertThat(r.getPatient().getSex()).isEqualTo(w.getPatient().getSex());
                assertThat(r.getPatient().getOwner()).isEqualTo(doctor);
                assertThat(r.getOwner()).as("the owner copied for the patient list")
                        .isEqualTo(doctor);
                assertThat(r.getPatientExternalId()).isEqualTo(w.getPatient().getExternalId());
                assertThat(r.getPatientName()).as("the name copied for the patient list")
                        .isEqualTo(w.getPatient().getFullName())
                        .isEqualTo(r.getPatient().getFullName());
                assertThat(r.isPatientDiagnosed()).as("the diagnosis copied for the list")
                        .isEqualTo(r.getPatient().getExternalId().equals("known"))
                        .isEqualTo(r.getPatient().getConfirmedDiagnosis() != null);
                assertThat(r.isPatientRemoved()).isFalse();
                assertThat(r.getPanel().getUpload()).isEqualTo(upload);
                assertThat(r.getPanel().getSourceRow()).isEqualTo(w.getPanel().getSourceRow());
                assertThat(r.getPanel().getAgeYears()).isEqualTo(w.getPanel().getAgeYears());
                assertThat(r.getPanel().getReceivedAt())
                        .isEqualTo(w.getPanel().getReceivedAt());
                assertThat(r.getPanel().getResults())
                        .containsExactlyInAnyOrderElementsOf(w.getPanel().getResults());
                assertThat(r.getModelVersion()).isEqualTo(w.getModelVersion());
                assertThat(List.of(r.getPredictedSubtype(), r.getProbabilityAll(),
                        r.getProbabilityAml(), r.getProbabilityApl(), r.getConfidence(),
                        r.getPredictedAt())).isEqualTo(List.of(w.getPredictedSubtype(),
                        w.getProbabilityAll(), w.getProbabilityAml(), w.getProbabilityApl(),
                        w.getConfidence(), w.getPredictedAt()));
                assertThat(r.getNotes()).isEqualTo(w.getNotes());
                assertThat(r.getAssessment()).isEqualTo(w.getAssessment());
            }
            assertThat(upload.getIssues()).containsExactly(
                    new RowIssue(3, null, "LDH beyond training", RowIssue.Severity.WARNING),
                    new RowIssue(5, "WBC", "'abc' is not a number", RowIssue.Severity.REJECTED),
                    new RowIssue(7, null, "no patient id", RowIssue.Severity.REJECTED));
            assertThat(List.of(upload.getRowsRead(), upload.getRowsStored(),
                    upload.getRowsRejected())).containsExactly(6, 3, 2);
            Patient fresh = new PatientRepository(em).findOwned("fresh", doctor).orElseThrow();
            assertThat(new PatientRepository(em).panelsOf(fresh)).hasSize(2);
            assertThat(new PatientRepository(em).countOwnedBy(doctor)).isEqualTo(3);
            Patient known = new PatientRepository(em).findOwned("known", doctor).orElseThrow();
            List<StoredPanel> stored = new PatientRepository(em).storedPanels(
                    Set.of(fresh.getId(), known.getId()));
            assertThat(stored)
                    .as("what an upload compares its rows with, the ages and values exactly")
                    .extracting(StoredPanel::patientId, StoredPanel::ageYears,
                            StoredPanel::values, StoredPanel::uploadId, StoredPanel::fileName,
                            StoredPanel::sourceRow)
                    .containsExactlyInAnyOrder(
                            tuple(fresh.getId(), 41.5, Map.of("wbc", 12.0, "ldh", 800.0),
                                    uploadId, "batches.xlsx", 2),
                            tuple(known.getId(), null, Map.of("wbc", 13.0, "ldh", 1200.0),
                                    uploadId, "batches.xlsx", 3),
                            tuple(fresh.getId(), 41.6, Map.of("wbc", 14.0, "ldh", 1600.0),
                                    uploadId, "batches.xlsx", 4));
            assertThat(stored).filteredOn(p -> p.holds(41.5, Map.of("ldh", 800.0, "wbc", 12.0)))
                    .extracting(StoredPanel::sourceRow).containsExactly(2);
            assertThat(stored).as("a value fewer, or another age, is not the same panel")
                    .noneMatch(p -> p.holds(41.5, Map.of("wbc", 12.0)))
                    .noneMatch(p -> p.holds(41.6, Map.of("ldh", 800.0, "wbc", 12.0)));
        });
    }

    @Test
    void aBatchTheDatabaseRefusesLeavesNothingOfItsTransaction() {
        long uploadId = doctorWithPatientAndUpload("refused", "taken");

        assertThatThrownBy(() -> db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("refused")
                    .orElseThrow();
            Upload upload = new UploadRepository(em).findById(uploadId).orElseThrow();
            ModelVersion model = activeModel(em);
            new BatchWriter(em).write(List.of(
                    batchPrediction(new Patient("new", doctor, Sex.FEMALE), upload, 2, 30.0,
                            model, null),
                    // a second patient "taken": the unique (owner, identifier) key refuses it
                    batchPrediction(new Patient("taken", doctor, Sex.MALE), upload, 3, 30.0,
                            model, null)));
        })).isInstanceOf(PersistenceException.class);

        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("refused")
                    .orElseThrow();
            assertThat(new PatientRepository(em).findOwned("new", doctor)).isEmpty();
            assertThat(new PredictionRepository(em).findByUpload(
                    new UploadRepository(em).findById(uploadId).orElseThrow())).isEmpty();
        });
    }

    /** Stores a doctor with one patient and an upload; returns the upload's id. */
    private static long doctorWithPatientAndUpload(String username, String patientId) {
        return db.fromTransaction(em -> {
            UserAccount doctor = new UserAccount(username, "hash", "Dr " + username,
                    Set.of(Role.DOCTOR));
            new UserAccountRepository(em).add(doctor);
            new PatientRepository(em).add(new Patient(patientId, doctor, Sex.MALE));
            Upload upload = new Upload(doctor, username + ".xlsx", HASH, 10L);
            new UploadRepository(em).add(upload);
            return upload.getId();
        });
    }

    private static ModelVersion activeModel(jakarta.persistence.EntityManager em) {
        ModelVersionRepository models = new ModelVersionRepository(em);
        return models.findActive().orElseGet(() -> {
            ModelVersion model = new ModelVersion(models.nextVersionNumber(), "batch model",
                    "synthetic-v1", true, HASH, "{}", "{}", new byte[] {1});
            models.add(model);
            models.makeActive(model);
            return model;
        });
    }

    private static Prediction batchPrediction(Patient patient, Upload upload, int row,
            Double age, ModelVersion model, String unusual) {
        LabPanel panel = new LabPanel(patient, upload, row, age, List.of(
                new LabResult("wbc", 10.0 + row, "10^9/L", (10_000 + 1000 * row) + " /µL",
                        "/µL"),
                new LabResult("ldh", 400.0 * row, "U/L", row == 3 ? "<" + 400 * row : null,
                        null)));
        return new Prediction(panel, model, "AML", 0.25, 0.5 + row / 100.0, 0.25 - row / 100.0,
                0.5 + row / 100.0, row == 2 ? "MCHC converted from g/dL" : null,
                new Assessment(false, unusual != null, row == 3, unusual, null));
    }

    @Test
    void timestampsSurviveARoundTripExactly() {
        List<LocalDateTime> written = db.fromTransaction(em -> {
            UserAccount doctor = new UserAccount("clock", "hash", "Dr Clock", Set.of());
            new UserAccountRepository(em).add(doctor);
            List<LocalDateTime> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Patient patient = new Patient("P-" + i, doctor, Sex.UNKNOWN);
                new PatientRepository(em).add(patient);
                times.add(patient.getCreatedAt());
            }
            return times;
        });
        db.entityManagerFactory().getCache().evictAll();
        List<LocalDateTime> read = db.fromTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("clock")
                    .orElseThrow();
            List<LocalDateTime> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                times.add(new PatientRepository(em).findOwned("P-" + i, doctor).orElseThrow()
                        .getCreatedAt());
            }
            return times;
        });
        assertThat(read).isEqualTo(written);
        assertThat(written).allMatch(t -> t.getNano() == 0);
    }

    @Test
    void anUploadKeepsItsFileAndAFileIsUploadedOncePerOwner() {
        byte[] file = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(file);
        long id = db.fromTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            UserAccount first = new UserAccount("files1", "hash", "Dr One", Set.of(Role.DOCTOR));
            UserAccount second = new UserAccount("files2", "hash", "Dr Two", Set.of(Role.DOCTOR));
            users.add(first);
            users.add(second);
            UploadRepository uploads = new UploadRepository(em);
            Upload upload = new Upload(first, "labs.xlsx", HASH, file.length);
            upload.recordIgnoredColumns(List.of("Comment", "Ward"));
            uploads.add(upload, file);
            uploads.add(new Upload(second, "labs.xlsx", HASH, file.length), file);
            return upload.getId();
        });
        db.entityManagerFactory().getCache().evictAll();
        db.inTransaction(em -> {
            UploadRepository uploads = new UploadRepository(em);
            Upload upload = uploads.findById(id).orElseThrow();
            assertThat(uploads.findContent(upload)).hasValueSatisfying(
                    content -> assertThat(content).isEqualTo(file));
            UserAccount first = new UserAccountRepository(em).findByUsername("files1")
                    .orElseThrow();
            assertThat(uploads.findByOwnerAndSha256(first, HASH.toUpperCase()))
                    .contains(upload);
            assertThat(upload.getIgnoredColumns()).containsExactly("Comment", "Ward");
        });
        assertThatThrownBy(() -> db.inTransaction(em -> {
            UserAccount first = new UserAccountRepository(em).findByUsername("files1")
                    .orElseThrow();
            new UploadRepository(em).add(new Upload(first, "again.xlsx", HASH, 1), new byte[1]);
            em.flush();
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void aSavedMappingIsFoundForAFileWithTheSameHeadersAndReplacedWhenSavedAgain() {
        List<SavedMapping.Entry> first = List.of(
                new SavedMapping.Entry("IPP", "identifier", ""),
                new SavedMapping.Entry("Leuco\tcytes", "wbc", "/mm3"),
                new SavedMapping.Entry("Commentaire", "", ""));
        db.inTransaction(em -> {
            UserAccount doctor = new UserAccount("mapper", "hash", "Dr Map", Set.of(Role.DOCTOR));
            new UserAccountRepository(em).add(doctor);
            SavedMappingRepository mappings = new SavedMappingRepository(em);
            mappings.save(doctor, "Lab Nord", first);
            mappings.save(doctor, "Lab Sud", List.of(new SavedMapping.Entry("ID", "identifier",
                    null)));
        });
        db.entityManagerFactory().getCache().evictAll();
        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("mapper")
                    .orElseThrow();
            SavedMappingRepository mappings = new SavedMappingRepository(em);
            SavedMapping nord = mappings.findFor(doctor, List.of("IPP", "Leuco cytes"))
                    .orElseThrow();
            assertThat(nord.getLaboratory()).isEqualTo("Lab Nord");
            assertThat(nord.getEntries()).containsExactly(
                    new SavedMapping.Entry("IPP", "identifier", ""),
                    new SavedMapping.Entry("Leuco cytes", "wbc", "/mm3"),
                    new SavedMapping.Entry("Commentaire", "", ""));
            assertThat(mappings.findFor(doctor, List.of("IPP", "Ward"))).isEmpty();
            mappings.save(doctor, " Lab Nord ", List.of(new SavedMapping.Entry("IPP", "", "")));
        });
        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("mapper")
                    .orElseThrow();
            assertThat(new SavedMappingRepository(em).findByOwner(doctor))
                    .extracting(SavedMapping::getLaboratory)
                    .containsExactlyInAnyOrder("Lab Nord", "Lab Sud");
            assertThat(new SavedMappingRepository(em).findByOwner(doctor).stream()
                    .filter(m -> m.getLaboratory().equals("Lab Nord")).findFirst().orElseThrow()
                    .getEntries()).containsExactly(new SavedMapping.Entry("IPP", "", ""));
            SavedMappingRepository mappings = new SavedMappingRepository(em);
            SavedMapping sud = mappings.findByOwner(doctor).stream()
                    .filter(m -> m.getLaboratory().equals("Lab Sud")).findFirst().orElseThrow();
            assertThat(mappings.findById(sud.getId())).containsSame(sud);
            mappings.remove(sud);
        });
        db.inTransaction(em -> {
            UserAccount doctor = new UserAccountRepository(em).findByUsername("mapper")
                    .orElseThrow();
            SavedMappingRepository mappings = new SavedMappingRepository(em);
            assertThat(mappings.findByOwner(doctor)).extracting(SavedMapping::getLaboratory)
                    .containsExactly("Lab Nord");
            assertThat(mappings.findFor(doctor, List.of("ID"))).isEmpty();
        });
    }

    @Test
    void anExternalIdIsUniquePerOwnerOnly() {
        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            UserAccount first = new UserAccount("unique1", "hash", "Dr One", Set.of(Role.DOCTOR));
            UserAccount second = new UserAccount("unique2", "hash", "Dr Two",
                    Set.of(Role.DOCTOR));
            users.add(first);
            users.add(second);
            new PatientRepository(em).add(new Patient("SAME", first, Sex.MALE));
            new PatientRepository(em).add(new Patient("SAME", second, Sex.MALE));
        });
        assertThatThrownBy(() -> db.inTransaction(em -> {
            UserAccount first = new UserAccountRepository(em).findByUsername("unique1")
                    .orElseThrow();
            new PatientRepository(em).add(new Patient("SAME", first, Sex.FEMALE));
            em.flush();
        })).isInstanceOf(PersistenceException.class);
        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            PatientRepository patients = new PatientRepository(em);
            assertThat(patients.countOwnedBy(users.findByUsername("unique1").orElseThrow()))
                    .isEqualTo(1);
            assertThat(patients.countOwnedBy(users.findByUsername("unique2").orElseThrow()))
                    .isEqualTo(1);
        });
    }

    @Test
    void theDashboardShowsOnlyTheOwnersPredictionsNewestFirst() {
        List<Long> mine = db.fromTransaction(em -> {
            UserAccount me = new UserAccount("dash_me", "hash", "Dr Me", Set.of(Role.DOCTOR));
            UserAccount other = new UserAccount("dash_other", "hash", "Dr Other",
                    Set.of(Role.DOCTOR));
            new UserAccountRepository(em).add(me);
            new UserAccountRepository(em).add(other);
            ModelVersionRepository models = new ModelVersionRepository(em);
            ModelVersion model = new ModelVersion(models.nextVersionNumber(), null, "test",
                    true, HASH, "{}", "{}", new byte[] {1, 2, 3});
            models.add(model);
            em.flush();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Prediction mineNow = predict(em, me, "M-" + (i % 3), model);
                predict(em, other, "O-" + i, model);
                em.flush();
                ids.add(0, mineNow.getId());
            }
            return ids;
        });
        db.entityManagerFactory().getCache().evictAll();
        db.inTransaction(em -> {
            UserAccount me = new UserAccountRepository(em).findByUsername("dash_me")
                    .orElseThrow();
            PredictionRepository predictions = new PredictionRepository(em);
            PredictionScope mineOnly = PredictionScope.ownedBy(me);
            assertThat(predictions.countUpTo(mineOnly, PredictionCriteria.NONE, 100))
                    .isEqualTo(7);
            List<PredictionLine> page1 = predictions.search(mineOnly, PredictionCriteria.NONE,
                    PredictionSort.NEWEST_FIRST, 0, 5);
            List<PredictionLine> page2 = predictions.search(mineOnly, PredictionCriteria.NONE,
                    PredictionSort.NEWEST_FIRST, 5, 5);
            assertThat(page1).extracting(PredictionLine::predictionId)
                    .isEqualTo(mine.subList(0, 5));
            assertThat(page2).extracting(PredictionLine::predictionId)
                    .isEqualTo(mine.subList(5, 7));
            assertThat(page1).extracting(PredictionLine::externalId).allMatch(
                    id -> id.startsWith("M-"));
            assertThat(page1).extracting(PredictionLine::predictedAt)
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));
            Patient m0 = new PatientRepository(em).findOwned("M-0", me).orElseThrow();
            assertThat(predictions.forPatient(m0)).hasSize(3)
                    .allSatisfy(p -> assertThat(p.getPatient()).isEqualTo(m0));
        });
    }

    private static Prediction predict(jakarta.persistence.EntityManager em, UserAccount owner,
            String externalId, ModelVersion model) {
        PatientRepository patients = new PatientRepository(em);
        Patient patient = patients.findOwned(externalId, owner).orElseGet(() -> {
            Patient created = new Patient(externalId, owner, Sex.UNKNOWN);
            patients.add(created);
            return created;
        });
        LabPanel panel = new LabPanel(patient, null, null, null,
                List.of(new LabResult("wbc", 5.0, "10^9/L")));
        patients.add(panel);
        Prediction prediction = new Prediction(panel, model, "AML", 0.1, 0.8, 0.1, 0.8, null);
        new PredictionRepository(em).add(prediction);
        return prediction;
    }
}
