package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.analytics.AgreementCount;
import org.leukemia.persistence.analytics.AnalyticsRepository;
import org.leukemia.persistence.analytics.AnalyticsScope;
import org.leukemia.persistence.analytics.ConfidenceCount;
import org.leukemia.persistence.analytics.MonthCount;
import org.leukemia.persistence.analytics.SubtypeCount;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * The aggregate queries of the analytics page on a real database, one subclass per database:
 * each figure, and that a doctor's figures count only that doctor's patients who were not
 * removed. The database holds only the patients made here, so "every patient" is known.
 *
 * <p>Doctor A: A1 had ALL in January, then AML in February (diagnosis AML recorded on
 * 1 February, before the AML prediction); A2 APL in February; A3 AML in March, diagnosis AML;
 * A4 ALL in March, diagnosis OTHER; A5 APL in January but removed; A6 ALL then APL at the same
 * second in March. Doctor B: B1 ALL in January, diagnosis ALL; B2 APL in February, withheld
 * (the model made no suggestion), diagnosis APL.
 */
abstract class AnalyticsContract {

    static TestDatabase db;

    private static boolean filled;

    @AfterAll
    static void closeDatabase() {
        filled = false;
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @BeforeEach
    void fillOnce() {
        if (filled) {
            return;
        }
        db.inTransaction(em -> {
            ModelVersionRepository models = new ModelVersionRepository(em);
            ModelVersion model = new ModelVersion(models.nextVersionNumber(), "analytics",
                    "synthetic-v1", true, "cd".repeat(32), "{}", "{}", new byte[] {1});
            models.add(model);
            UserAccount a = doctor(em, "ana_a");
            UserAccount b = doctor(em, "ana_b");

            Patient a1 = patient(em, a, "A1");
            predict(em, a1, model, "ALL", 0.55, "2026-01-10T09:00:00");
            predict(em, a1, model, "AML", 0.85, "2026-02-05T09:00:00");
            diagnose(em, a1, Diagnosis.AML, a, "2026-02-01T12:00:00");
            predict(em, patient(em, a, "A2"), model, "APL", 0.95, "2026-02-20T09:00:00");
            Patient a3 = patient(em, a, "A3");
            predict(em, a3, model, "AML", 0.42, "2026-03-01T00:00:00");
            diagnose(em, a3, Diagnosis.AML, a, null);
            Patient a4 = patient(em, a, "A4");
            predict(em, a4, model, "ALL", 0.99, "2026-03-02T09:00:00");
            diagnose(em, a4, Diagnosis.OTHER, a, null);
            Patient a5 = patient(em, a, "A5");
            predict(em, a5, model, "APL", 0.7, "2026-01-20T09:00:00");
            diagnose(em, a5, Diagnosis.APL, a, null);
            a5.remove(a);
            Patient a6 = patient(em, a, "A6");
            predict(em, a6, model, "ALL", 0.6, "2026-03-03T09:00:00");
            predict(em, a6, model, "APL", 0.65, "2026-03-03T09:00:00");

            Patient b1 = patient(em, b, "B1");
            predict(em, b1, model, "ALL", 1.0, "2026-01-05T09:00:00");
            diagnose(em, b1, Diagnosis.ALL, b, null);
            Patient b2 = patient(em, b, "B2");
            predict(em, b2, model, "APL", 0.99, "2026-02-10T09:00:00", true);
            diagnose(em, b2, Diagnosis.APL, b, null);
        });
        filled = true;
    }

    @Test
    void theDistributionCountsEachOfADoctorsPatientsOnceByTheLatestPrediction() {
        assertThat(query(r -> r.subtypeDistribution(scopeOf("ana_a")))).containsExactly(
                new SubtypeCount("ALL", 1), new SubtypeCount("AML", 2),
                new SubtypeCount("APL", 2));
        assertThat(query(r -> r.subtypeDistribution(scopeOf("ana_b"))))
                .containsExactly(new SubtypeCount("ALL", 1));
    }

    @Test
    void everyPatientIsCountedForAnAuditorButNoRemovedOne() {
        assertThat(query(r -> r.subtypeDistribution(AnalyticsScope.everyPatient())))
                .containsExactly(new SubtypeCount("ALL", 2), new SubtypeCount("AML", 2),
                        new SubtypeCount("APL", 2));
        assertThat(query(r -> r.monthlyPredictions(AnalyticsScope.everyPatient())))
                .contains(new MonthCount(YearMonth.of(2026, 1), "ALL", 2))
                .noneMatch(m -> m.month().equals(YearMonth.of(2026, 1))
                        && m.subtype().equals("APL"));
    }

    @Test
    void aWithheldSuggestionIsCountedApartAndInNoOtherFigure() {
        assertThat(withheld("ana_b")).isEqualTo(1);
        assertThat(withheld("ana_a")).isZero();
        assertThat(query(r -> r.monthlyPredictions(scopeOf("ana_b"))))
                .containsExactly(new MonthCount(YearMonth.of(2026, 1), "ALL", 1));
        assertThat(query(r -> r.agreement(scopeOf("ana_b"))))
                .containsExactly(new AgreementCount(Diagnosis.ALL, "ALL", 1));
        assertThat(query(r -> r.confidenceHistogram(scopeOf("ana_b"))))
                .containsExactly(new ConfidenceCount("ALL", 9, 1));
    }

    @Test
    void monthlyTrendsCountEveryPredictionInItsMonth() {
        assertThat(query(r -> r.monthlyPredictions(scopeOf("ana_a")))).containsExactly(
                new MonthCount(YearMonth.of(2026, 1), "ALL", 1),
                new MonthCount(YearMonth.of(2026, 2), "AML", 1),
                new MonthCount(YearMonth.of(2026, 2), "APL", 1),
                new MonthCount(YearMonth.of(2026, 3), "ALL", 2),
                new MonthCount(YearMonth.of(2026, 3), "AML", 1),
                new MonthCount(YearMonth.of(2026, 3), "APL", 1));
    }

    @Test
    void theHistogramPutsEachLatestConfidenceInItsTenth() {
        assertThat(query(r -> r.confidenceHistogram(scopeOf("ana_a")))).containsExactly(
                new ConfidenceCount("ALL", 9, 1),
                new ConfidenceCount("AML", 4, 1), new ConfidenceCount("AML", 8, 1),
                new ConfidenceCount("APL", 6, 1), new ConfidenceCount("APL", 9, 1));
        assertThat(query(r -> r.confidenceHistogram(scopeOf("ana_b"))))
                .as("a confidence of 1.0 is in the last bin")
                .containsExactly(new ConfidenceCount("ALL", 9, 1));
    }

    @Test
    void agreementTakesThePredictionMadeBeforeTheDiagnosisAndOtherIsAMiss() {
        assertThat(query(r -> r.agreement(scopeOf("ana_a")))).containsExactly(
                new AgreementCount(Diagnosis.AML, "ALL", 1),
                new AgreementCount(Diagnosis.AML, "AML", 1),
                new AgreementCount(Diagnosis.OTHER, "ALL", 1));
        assertThat(query(r -> r.agreement(AnalyticsScope.everyPatient())))
                .contains(new AgreementCount(Diagnosis.ALL, "ALL", 1))
                .extracting(AgreementCount::patients).containsOnly(1L).hasSize(4);
    }

    @Test
    void recordingADiagnosisChangesTheAgreement() {
        long a2 = db.fromTransaction(em -> new PatientRepository(em)
                .findOwned("A2", account(em, "ana_a")).orElseThrow().getId());
        try {
            db.inTransaction(em -> new PatientRepository(em).findById(a2).orElseThrow()
                    .recordDiagnosis(Diagnosis.APL, account(em, "ana_a")));

            assertThat(query(r -> r.agreement(scopeOf("ana_a"))))
                    .contains(new AgreementCount(Diagnosis.APL, "APL", 1)).hasSize(4);
        } finally {
            db.inTransaction(em -> new PatientRepository(em).findById(a2).orElseThrow()
                    .recordDiagnosis(null, account(em, "ana_a")));
        }
        assertThat(query(r -> r.agreement(scopeOf("ana_a")))).hasSize(3);
    }

    @Test
    void aPeriodCountsOnlyThePredictionsMadeInIt() {
        AnalyticsScope february = scopeOf("ana_a").between(
                LocalDateTime.parse("2026-02-01T00:00:00"),
                LocalDateTime.parse("2026-03-01T00:00:00"));

        assertThat(query(r -> r.subtypeDistribution(february))).containsExactly(
                new SubtypeCount("AML", 1), new SubtypeCount("APL", 1));
        assertThat(query(r -> r.monthlyPredictions(february)))
                .extracting(MonthCount::month).containsOnly(YearMonth.of(2026, 2));
        assertThat(query(r -> r.agreement(february)))
                .as("A1's February prediction came after its diagnosis; A3's is on 1 March")
                .isEmpty();
    }

    private static <R> List<R> query(Function<AnalyticsRepository, List<R>> figure) {
        return db.fromTransaction(em -> figure.apply(new AnalyticsRepository(em)));
    }

    private static long withheld(String username) {
        AnalyticsScope scope = scopeOf(username);
        return db.<Long>fromTransaction(em -> new AnalyticsRepository(em)
                .withheldPatients(scope));
    }

    private static AnalyticsScope scopeOf(String username) {
        return AnalyticsScope.patientsOf(db.fromTransaction(em -> account(em, username)));
    }

    private static UserAccount account(EntityManager em, String username) {
        return new UserAccountRepository(em).findByUsername(username).orElseThrow();
    }

    private static UserAccount doctor(EntityManager em, String username) {
        UserAccount doctor = new UserAccount(username, "hash", username, Set.of(Role.DOCTOR));
        new UserAccountRepository(em).add(doctor);
        return doctor;
    }

    private static Patient patient(EntityManager em, UserAccount owner, String externalId) {
        Patient patient = new Patient(externalId, owner, Sex.UNKNOWN);
        new PatientRepository(em).add(patient);
        return patient;
    }

    /** A prediction of {@code subtype}, moved to {@code at}. */
    private static void predict(EntityManager em, Patient patient, ModelVersion model,
            String subtype, double confidence, String at) {
        predict(em, patient, model, subtype, confidence, at, false);
    }

    /** A prediction of {@code subtype}, moved to {@code at}, with or without a suggestion. */
    private static void predict(EntityManager em, Patient patient, ModelVersion model,
            String subtype, double confidence, String at, boolean withheld) {
        LabPanel panel = new LabPanel(patient, null, null, 40.0,
                List.of(new LabResult("wbc", 12.0, "10^9/L")));
        new PatientRepository(em).add(panel);
        double rest = (1 - confidence) / 2;
        Prediction prediction = new Prediction(panel, model, subtype,
                subtype.equals("ALL") ? confidence : rest,
                subtype.equals("AML") ? confidence : rest,
                subtype.equals("APL") ? confidence : rest, confidence, null,
                new Assessment(false, withheld, withheld, withheld ? "rests on missing results"
                        : null, null));
        new PredictionRepository(em).add(prediction);
        em.flush();
        em.createNativeQuery("update prediction set predicted_at = ?1 where id = ?2")
                .setParameter(1, Timestamp.valueOf(LocalDateTime.parse(at)))
                .setParameter(2, prediction.getId())
                .executeUpdate();
    }

    /** Records a diagnosis now or, when {@code at} is given, as if recorded then. */
    private static void diagnose(EntityManager em, Patient patient, Diagnosis diagnosis,
            UserAccount by, String at) {
        patient.recordDiagnosis(diagnosis, by);
        em.flush();
        if (at != null) {
            em.createNativeQuery("update patient set diagnosis_recorded_at = ?1 where id = ?2")
                    .setParameter(1, Timestamp.valueOf(LocalDateTime.parse(at)))
                    .setParameter(2, patient.getId())
                    .executeUpdate();
        }
    }
}
