package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.audit.AuditEvent;
import org.leukemia.persistence.audit.AuditLog;
import org.leukemia.persistence.audit.ChainVerification;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientNote;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * A patient's record as doctors manage it, and the audit trail, on a real database; one
 * subclass per database. The audit chain is one per database, so only one test here writes it.
 */
abstract class RecordAndAuditContract {

    static TestDatabase db;

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Test
    void demographicsDiagnosisRemovalAndNotesSurviveARoundTrip() {
        long id = db.fromTransaction(em -> {
            UserAccount doctor = doctor(em, "record_a");
            Patient patient = new Patient("R-1", doctor, Sex.UNKNOWN);
            new PatientRepository(em).add(patient);
            return patient;
        }).getId();

        db.inTransaction(em -> {
            PatientRepository patients = new PatientRepository(em);
            Patient patient = patients.findById(id).orElseThrow();
            UserAccount doctor = patient.getOwner();
            patient.describe("  Jeanne Martin ", LocalDate.of(1961, 3, 14));
            patient.correctSex(Sex.FEMALE);
            patient.recordDiagnosis(Diagnosis.APL, doctor);
            patients.add(new PatientNote(patient, doctor, "t(15;17) confirmed by FISH"));
            patients.add(new PatientNote(patient, doctor, " ATRA started "));
            patient.remove(doctor);
        });

        db.inTransaction(em -> {
            PatientRepository patients = new PatientRepository(em);
            Patient patient = patients.findById(id).orElseThrow();
            assertThat(patient.getFullName()).isEqualTo("Jeanne Martin");
            assertThat(patient.getBirthDate()).isEqualTo(LocalDate.of(1961, 3, 14));
            assertThat(patient.getSex()).isEqualTo(Sex.FEMALE);
            assertThat(patient.getConfirmedDiagnosis()).isEqualTo(Diagnosis.APL);
            assertThat(patient.getDiagnosisRecordedBy().getUsername()).isEqualTo("record_a");
            assertThat(patient.getDiagnosisRecordedAt()).isNotNull();
            assertThat(patient.isRemoved()).isTrue();
            assertThat(patient.getRemovedBy().getUsername()).isEqualTo("record_a");
            assertThat(patient.getRowVersion()).isPositive();
            List<PatientNote> notes = patients.notesOf(patient);
            assertThat(notes).extracting(PatientNote::getBody)
                    .containsExactly("ATRA started", "t(15;17) confirmed by FISH");
            assertThat(notes.get(0).getAuthor().getUsername()).isEqualTo("record_a");
        });
    }

    @Test
    void aPatientIsReassignedToAnotherDoctor() {
        long id = db.fromTransaction(em -> {
            Patient patient = new Patient("R-2", doctor(em, "record_from"), Sex.MALE);
            new PatientRepository(em).add(patient);
            doctor(em, "record_to");
            return patient;
        }).getId();

        db.inTransaction(em -> new PatientRepository(em).findById(id).orElseThrow()
                .assignTo(new UserAccountRepository(em).findByUsername("record_to")
                        .orElseThrow()));

        db.inTransaction(em -> {
            UserAccount to = new UserAccountRepository(em).findByUsername("record_to")
                    .orElseThrow();
            assertThat(new PatientRepository(em).findOwned("R-2", to)).isPresent();
        });
    }

    @Test
    void twoEditsOfTheSameVersionDoNotOverwriteEachOther() {
        long id = db.fromTransaction(em -> {
            Patient patient = new Patient("R-3", doctor(em, "record_race"), Sex.MALE);
            new PatientRepository(em).add(patient);
            return patient;
        }).getId();
        Patient stale = db.fromTransaction(em -> new PatientRepository(em).findById(id)
                .orElseThrow());

        db.inTransaction(em -> new PatientRepository(em).findById(id).orElseThrow()
                .describe("First Edit", null));

        stale.describe("Second Edit", null);
        assertThatThrownBy(() -> db.inTransaction(em -> em.merge(stale)))
                .satisfies(e -> assertThat(e).isInstanceOfAny(RollbackException.class,
                        OptimisticLockException.class));
        db.inTransaction(em -> assertThat(new PatientRepository(em).findById(id).orElseThrow()
                .getFullName()).isEqualTo("First Edit"));
    }

    @Test
    void aResultKeepsTheValueAsReceivedBesideTheNormalisedOne() {
        long id = db.fromTransaction(em -> {
            Patient patient = new Patient("R-4", doctor(em, "record_received"), Sex.FEMALE);
            PatientRepository patients = new PatientRepository(em);
            patients.add(patient);
            patients.add(new LabPanel(patient, null, null, 40.0, List.of(
                    new LabResult("mchc", 344.0, "g/L", "34,4", "g/dL"),
                    new LabResult("fibrinogen", 0.5, "g/L", " <0.5 ", null),
                    new LabResult("neutrophils_pct", 41.0, "%"),
                    new LabResult("ldh", 410.0, "U/L", "4".repeat(70), "u".repeat(40)))));
            return patient;
        }).getId();

        db.inTransaction(em -> {
            PatientRepository patients = new PatientRepository(em);
            LabPanel panel = patients.panelsOf(patients.findById(id).orElseThrow()).get(0);
            assertThat(panel.result("mchc").orElseThrow()).extracting(LabResult::getValue,
                    LabResult::getUnit, LabResult::getReceivedValue, LabResult::getReceivedUnit)
                    .containsExactly(344.0, "g/L", "34,4", "g/dL");
            assertThat(panel.result("fibrinogen").orElseThrow().getReceivedValue())
                    .isEqualTo("<0.5");
            assertThat(panel.result("neutrophils_pct").orElseThrow())
                    .extracting(LabResult::getReceivedValue, LabResult::getReceivedUnit)
                    .containsExactly(null, null);
            LabResult cut = panel.result("ldh").orElseThrow();
            assertThat(cut.getReceivedValue()).hasSize(LabResult.MAX_RECEIVED_VALUE)
                    .endsWith("\u2026");
            assertThat(cut.getReceivedUnit()).hasSize(LabResult.MAX_UNIT);
        });
    }

    @Test
    void anAdministratorFindsAPatientByIdentifierAmongEveryDoctorsButNotRemovedOnes() {
        db.inTransaction(em -> {
            PatientRepository patients = new PatientRepository(em);
            UserAccount zed = doctor(em, "record_find_z");
            UserAccount amy = doctor(em, "record_find_a");
            UserAccount bob = doctor(em, "record_find_b");
            patients.add(new Patient("SHARED-1", zed, Sex.MALE));
            patients.add(new Patient("SHARED-1", amy, Sex.MALE));
            patients.add(new Patient("OTHER-1", amy, Sex.MALE));
            Patient removed = new Patient("SHARED-1", bob, Sex.MALE);
            patients.add(removed);
            removed.remove(bob);
        });

        db.inTransaction(em -> {
            PatientRepository patients = new PatientRepository(em);
            UserAccount amy = new UserAccountRepository(em).findByUsername("record_find_a")
                    .orElseThrow();
            assertThat(patients.findByExternalId("SHARED-1", null))
                    .extracting(p -> p.getOwner().getUsername())
                    .containsExactly("record_find_a", "record_find_z");
            assertThat(patients.findByExternalId("SHARED-1", amy)).singleElement()
                    .satisfies(p -> assertThat(p.isOwnedBy(amy)).isTrue());
            assertThat(patients.findByExternalId("OTHER-2", null)).isEmpty();
        });
    }

    @Test
    void theAuditChainHoldsUnderConcurrentWritersAndShowsWhereItWasTamperedWith()
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            String actor = "writer" + w;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    String target = Integer.toString(i);
                    db.inTransaction(em -> new AuditLog(em).append(actor, AuditAction.VIEW,
                            "patient", target, "{\"n\":" + target + "}"));
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();

        ChainVerification intact = db.fromTransaction(em -> new AuditLog(em).verify());
        assertThat(intact.intact()).as(intact.problem()).isTrue();
        assertThat(intact.entriesChecked()).isEqualTo(45);
        List<AuditEvent> newest = db.fromTransaction(em -> new AuditLog(em)
                .find(null, null, "writer1", 0, 100));
        assertThat(newest).hasSize(15).extracting(AuditEvent::getSeq)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        long aboutPatient3 = db.fromTransaction(em -> new AuditLog(em)
                .count("patient", "3", null));
        assertThat(aboutPatient3).isEqualTo(3);

        String original = sql("select details from audit_event where seq = 20");
        update("update audit_event set details = '{\"n\":99}' where seq = 20");
        ChainVerification changed = db.fromTransaction(em -> new AuditLog(em).verify());
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(20);
        assertThat(changed.problem()).contains("changed after it was written");
        update("update audit_event set details = '" + original + "' where seq = 20");

        update("delete from audit_event where seq > 43");
        ChainVerification cut = db.fromTransaction(em -> new AuditLog(em).verify());
        assertThat(cut.intact()).isFalse();
        assertThat(cut.brokenAt()).isEqualTo(44);
        assertThat(cut.problem()).contains("removed from its end");

        update("delete from audit_event where seq = 7");
        ChainVerification gap = db.fromTransaction(em -> new AuditLog(em).verify());
        assertThat(gap.brokenAt()).isEqualTo(7);
        assertThat(gap.problem()).contains("missing");
    }

    private static UserAccount doctor(jakarta.persistence.EntityManager em, String username) {
        UserAccount doctor = new UserAccount(username, "hash", username, Set.of(Role.DOCTOR));
        new UserAccountRepository(em).add(doctor);
        return doctor;
    }

    private static String sql(String query) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void update(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        }
    }
}
