package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionLine;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.prediction.PredictionScope;
import org.leukemia.persistence.prediction.PredictionSort;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.upload.UploadRepository;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * The patient list's queries on a real database, one subclass per database: each filter, the
 * scope (a doctor's patients, or everyone's for an auditor; never a removed patient), each
 * sort with its tie-break, paging and the capped count. Every answer is compared with the
 * same selection made in Java from the rows as written.
 */
abstract class PatientListContract {

    static TestDatabase db;

    /** The rows written, as the list should show them; null until written. */
    private static List<Row> rows;
    private static long uploadOfA;
    /** Whether the queries take every matching text for one that matches many patients. */
    private static boolean manyPatients;

    /** What the test wrote for one prediction. */
    private record Row(long predictionId, String owner, String externalId, String fullName,
            Diagnosis diagnosis, boolean removed, String subtype, double confidence,
            LocalDateTime predictedAt, int modelVersion, Long uploadId) {
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
        rows = null;
    }

    @BeforeEach
    void writeRowsOnce() {
        if (rows == null) {
            rows = db.fromTransaction(PatientListContract::write);
        }
    }

    /**
     * Doctor list_a has six patients (one removed, two with a confirmed diagnosis, one without
     * a name), list_b two with identifiers that list_a also uses;
     * 30 predictions by two model versions, some from an upload, with ties in time and in
     * confidence.
     */
    private static List<Row> write(EntityManager em) {
        UserAccountRepository users = new UserAccountRepository(em);
        UserAccount a = new UserAccount("list_a", "hash", "Dr A", Set.of(Role.DOCTOR));
        UserAccount b = new UserAccount("list_b", "hash", "Dr B", Set.of(Role.DOCTOR));
        UserAccount auditor = new UserAccount("list_auditor", "hash", "Auditor",
                Set.of(Role.AUDITOR));
        users.add(a);
        users.add(b);
        users.add(auditor);
        ModelVersionRepository models = new ModelVersionRepository(em);
        List<ModelVersion> versions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ModelVersion model = new ModelVersion(models.nextVersionNumber(), null, "test",
                    true, "ab".repeat(32), "{}", "{}", new byte[] {1});
            models.add(model);
            em.flush();
            versions.add(model);
        }
        Upload upload = new Upload(a, "list.xlsx", "cd".repeat(32), 10L);
        new UploadRepository(em).add(upload);

        PatientRepository patients = new PatientRepository(em);
        List<Patient> people = List.of(
                patient(em, "P01", a, "DUPONT Marie", Diagnosis.APL),
                patient(em, "P02", a, "MARTIN Paul", null),
                patient(em, "P03", a, "MARTINEZ Ana", null),
                patient(em, "R01", a, null, Diagnosis.OTHER),
                patient(em, "R02", a, "DURAND Luc", null),
                patient(em, "P09", a, "REMOVED Rose", null),
                patient(em, "P01", b, "BERNARD Jean", null),
                patient(em, "P02", b, "DUPONT Marc", null));
        em.flush();

        String[] subtypes = {"AML", "ALL", "APL"};
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 8, 0);
        List<Row> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Patient patient = people.get(i % people.size());
            boolean fromUpload = patient.getOwner().equals(a) && i % 3 == 0;
            LabPanel panel = new LabPanel(patient, fromUpload ? upload : null,
                    fromUpload ? i + 2 : null, null, List.of(new LabResult("wbc", 5.0, null)));
            patients.add(panel);
            String subtype = subtypes[i % 3];
            double confidence = (4 + i % 7) / 10.0; // 0.4 to 1.0, ties every 7th
            ModelVersion model = versions.get(i < 15 ? 0 : 1);
            Prediction prediction = new Prediction(panel, model, subtype, confidence / 2,
                    confidence, 1 - confidence * 1.5 < 0 ? 0 : 1 - confidence * 1.5,
                    confidence, null);
            new PredictionRepository(em).add(prediction);
            em.flush();
            // every day at 8:00 over a month, three pairs at the very same moment
            LocalDateTime at = start.plusDays(i).minusDays(i % 10 == 5 ? 1 : 0);
            em.createNativeQuery("UPDATE prediction SET predicted_at = ? WHERE id = ?")
                    .setParameter(1, at).setParameter(2, prediction.getId()).executeUpdate();
            written.add(new Row(prediction.getId(), patient.getOwner().getUsername(),
                    patient.getExternalId(), patient.getFullName(),
                    patient.getConfirmedDiagnosis(), patient.getExternalId().equals("P09"),
                    subtype, confidence, at, model.getVersion(),
                    fromUpload ? upload.getId() : null));
        }
        people.get(5).remove(a);
        new PredictionRepository(em).followPatient(people.get(5));
        uploadOfA = upload.getId();
        return written;
    }

    private static Patient patient(EntityManager em, String id, UserAccount owner, String name,
            Diagnosis diagnosis) {
        Patient patient = new Patient(id, owner, Sex.UNKNOWN);
        patient.describe(name, null);
        if (diagnosis != null) {
            patient.recordDiagnosis(diagnosis, owner);
        }
        new PatientRepository(em).add(patient);
        return patient;
    }

    @Test
    void aDoctorSeesOnlyTheirOwnPatientsAndNoOneSeesARemovedPatient() {
        assertThat(ids("list_a", PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isNotEmpty()
                .isEqualTo(expected("list_a", r -> true, PredictionSort.NEWEST_FIRST));
        assertThat(ids("list_b", PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isNotEmpty()
                .isEqualTo(expected("list_b", r -> true, PredictionSort.NEWEST_FIRST))
                .doesNotContainAnyElementsOf(rows.stream()
                        .filter(r -> r.owner().equals("list_a")).map(Row::predictionId)
                        .toList());
        assertThat(ids(null, PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isEqualTo(expected(null, r -> true, PredictionSort.NEWEST_FIRST))
                .hasSize((int) rows.stream().filter(r -> !r.removed()).count())
                .doesNotContainAnyElementsOf(rows.stream().filter(Row::removed)
                        .map(Row::predictionId).toList());
        // the identifiers list_b shares with list_a find list_b's own patients only
        assertThat(lines("list_b", PredictionCriteria.builder().text("P01").build(),
                PredictionSort.NEWEST_FIRST)).extracting(PredictionLine::fullName)
                .containsOnly("BERNARD Jean");
        assertThat(ids("list_a", PredictionCriteria.builder().text("P09").build(),
                PredictionSort.NEWEST_FIRST)).isEmpty();
        assertThat(count("list_a", PredictionCriteria.NONE, 100))
                .isEqualTo(expected("list_a", r -> true, PredictionSort.NEWEST_FIRST).size());
    }

    @Test
    void aTextMatchingManyPatientsIsMatchedOnThePredictionsCopies() {
        manyPatients = true;
        try {
            theTextMatchesTheBeginningOfTheIdentifierOrOfTheName();
            assertThat(lines("list_b", PredictionCriteria.builder().text("P01").build(),
                    PredictionSort.NEWEST_FIRST)).extracting(PredictionLine::fullName)
                    .containsOnly("BERNARD Jean");
            assertThat(ids("list_a", PredictionCriteria.builder().text("P09").build(),
                    PredictionSort.NEWEST_FIRST)).as("a removed patient").isEmpty();
        } finally {
            manyPatients = false;
        }
    }

    @Test
    void theTextMatchesTheBeginningOfTheIdentifierOrOfTheName() {
        assertFilter(PredictionCriteria.builder().text("P0").build(),
                r -> r.externalId().startsWith("P0"));
        assertFilter(PredictionCriteria.builder().text(" MARTIN ").build(),
                r -> r.fullName() != null && r.fullName().startsWith("MARTIN"));
        assertFilter(PredictionCriteria.builder().text("DU").build(),
                r -> r.fullName() != null && r.fullName().startsWith("DU"));
        // not in the middle of a name; a wildcard in the text is a character like any other
        assertThat(ids("list_a", PredictionCriteria.builder().text("Paul").build(),
                PredictionSort.NEWEST_FIRST)).isEmpty();
        assertThat(ids("list_a", PredictionCriteria.builder().text("P_1").build(),
                PredictionSort.NEWEST_FIRST)).isEmpty();
        assertThat(ids("list_a", PredictionCriteria.builder().text("%").build(),
                PredictionSort.NEWEST_FIRST)).isEmpty();
    }

    @Test
    void eachFilterSelectsWhatItNames() {
        assertFilter(PredictionCriteria.builder().subtype("apl").build(),
                r -> r.subtype().equals("APL"));
        assertFilter(PredictionCriteria.builder().confidence(0.6, 0.8).build(),
                r -> r.confidence() >= 0.6 && r.confidence() <= 0.8);
        assertFilter(PredictionCriteria.builder().confidence(0.9, null).build(),
                r -> r.confidence() >= 0.9);
        assertFilter(PredictionCriteria.builder().confidence(null, 0.5).build(),
                r -> r.confidence() <= 0.5);
        LocalDate first = LocalDate.of(2025, 1, 5);
        LocalDate last = LocalDate.of(2025, 1, 14);
        assertFilter(PredictionCriteria.builder().predictedBetween(first, last).build(),
                r -> !r.predictedAt().toLocalDate().isBefore(first)
                        && !r.predictedAt().toLocalDate().isAfter(last));
        assertFilter(PredictionCriteria.builder().predictedBetween(last, null).build(),
                r -> !r.predictedAt().toLocalDate().isBefore(last));
        int secondModel = rows.get(rows.size() - 1).modelVersion();
        assertFilter(PredictionCriteria.builder().modelVersion(secondModel).build(),
                r -> r.modelVersion() == secondModel);
        assertFilter(PredictionCriteria.builder().upload(uploadOfA).build(),
                r -> Long.valueOf(uploadOfA).equals(r.uploadId()));
        assertFilter(PredictionCriteria.builder().diagnosed(true).build(),
                r -> r.diagnosis() != null);
        assertFilter(PredictionCriteria.builder().diagnosed(false).build(),
                r -> r.diagnosis() == null);
        assertFilter(PredictionCriteria.builder().text("P").subtype("AML")
                .confidence(0.5, null).diagnosed(false).modelVersion(secondModel).build(),
                r -> r.externalId().startsWith("P") && r.subtype().equals("AML")
                        && r.confidence() >= 0.5 && r.diagnosis() == null
                        && r.modelVersion() == secondModel);
        assertThat(ids("list_a", PredictionCriteria.builder().upload(uploadOfA + 1000).build(),
                PredictionSort.NEWEST_FIRST)).isEmpty();
    }

    @Test
    void aLineCarriesWhatThePageShows() {
        Row row = rows.stream().filter(r -> r.externalId().equals("P01")
                && r.owner().equals("list_a") && r.uploadId() != null).findFirst().orElseThrow();
        PredictionLine line = lines("list_a", PredictionCriteria.builder().text("P01").build(),
                PredictionSort.NEWEST_FIRST).stream()
                .filter(l -> l.predictionId() == row.predictionId()).findFirst().orElseThrow();
        assertThat(line.externalId()).isEqualTo("P01");
        assertThat(line.fullName()).isEqualTo("DUPONT Marie");
        assertThat(line.confirmedDiagnosis()).isEqualTo("APL");
        assertThat(line.predictedSubtype()).isEqualTo(row.subtype());
        assertThat(line.confidence()).isEqualTo(row.confidence());
        assertThat(line.predictedAt()).isEqualTo(row.predictedAt());
        assertThat(line.modelVersion()).isEqualTo(row.modelVersion());
        assertThat(line.uploadId()).isEqualTo(uploadOfA);
        assertThat(line.uploadFileName()).isEqualTo("list.xlsx");
    }

    @Test
    void everySortIsTotalAndItsPagesFollowOneAnother() {
        for (PredictionSort.Column column : PredictionSort.Column.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                PredictionSort sort = new PredictionSort(column, ascending);
                for (String owner : new String[] {"list_a", null}) {
                    List<Long> expected = expected(owner, r -> true, sort);
                    assertThat(ids(owner, PredictionCriteria.NONE, sort)).as("%s", sort)
                            .isEqualTo(expected);
                    List<Long> paged = new ArrayList<>();
                    for (int first = 0; first < expected.size(); first += 4) {
                        paged.addAll(db.fromTransaction(em -> new PredictionRepository(em)
                                .search(scope(em, owner), PredictionCriteria.NONE, sort,
                                        paged.size(), 4)).stream()
                                .map(PredictionLine::predictionId).toList());
                    }
                    assertThat(paged).as("pages of %s", sort).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everySortIsTotalUnderFiltersOnTheSortedColumns() {
        Map<PredictionCriteria, Predicate<Row>> filters = Map.of(
                PredictionCriteria.builder().subtype("AML").build(),
                r -> r.subtype().equals("AML"),
                PredictionCriteria.builder().subtype("ALL").confidence(null, 0.8).build(),
                r -> r.subtype().equals("ALL") && r.confidence() <= 0.8,
                PredictionCriteria.builder().subtype("APL").confidence(0.6, null).text("P")
                        .build(),
                r -> r.subtype().equals("APL") && r.confidence() >= 0.6
                        && r.externalId().startsWith("P"));
        for (boolean many : new boolean[] {false, true}) {
            manyPatients = many;
            try {
                filters.forEach((criteria, selects) -> {
                    for (PredictionSort.Column column : PredictionSort.Column.values()) {
                        for (boolean ascending : new boolean[] {true, false}) {
                            PredictionSort sort = new PredictionSort(column, ascending);
                            for (String owner : new String[] {"list_a", null}) {
                                assertThat(ids(owner, criteria, sort))
                                        .as("%s by %s for %s", criteria, sort, owner)
                                        .isNotEmpty()
                                        .isEqualTo(expected(owner, selects, sort));
                            }
                        }
                    }
                });
            } finally {
                manyPatients = false;
            }
        }
    }

    @Test
    void theCountStopsAtItsLimit() {
        int all = expected(null, r -> true, PredictionSort.NEWEST_FIRST).size();
        assertThat(count(null, PredictionCriteria.NONE, all + 1)).isEqualTo(all);
        assertThat(count(null, PredictionCriteria.NONE, 5)).isEqualTo(5);
        assertThat(count("list_b", PredictionCriteria.builder().subtype("APL").build(), 100))
                .isEqualTo(expected("list_b", r -> r.subtype().equals("APL"),
                        PredictionSort.NEWEST_FIRST).size());
        assertThat(count("list_a", PredictionCriteria.builder().upload(uploadOfA).build(), 100))
                .isEqualTo(expected("list_a", r -> r.uploadId() != null,
                        PredictionSort.NEWEST_FIRST).size());
    }

    @Test
    void predictionsFollowTheirPatientToItsNewDoctor() {
        long patientId = db.fromTransaction(em -> {
            UserAccount from = new UserAccount("list_from", "hash", "Dr From",
                    Set.of(Role.DOCTOR));
            UserAccount to = new UserAccount("list_to", "hash", "Dr To", Set.of(Role.DOCTOR));
            new UserAccountRepository(em).add(from);
            new UserAccountRepository(em).add(to);
            ModelVersion model = new ModelVersionRepository(em).findByVersion(
                    rows.get(0).modelVersion()).orElseThrow();
            Patient patient = patient(em, "MOVED", from, null, null);
            for (int i = 0; i < 2; i++) {
                LabPanel panel = new LabPanel(patient, null, null, null, List.of());
                new PatientRepository(em).add(panel);
                new PredictionRepository(em).add(new Prediction(panel, model, "ALL", 0.8, 0.1,
                        0.1, 0.8, null));
            }
            em.flush();
            return patient.getId();
        });

        int moved = db.fromTransaction(em -> {
            Patient patient = em.find(Patient.class, patientId);
            patient.assignTo(new UserAccountRepository(em).findByUsername("list_to")
                    .orElseThrow());
            em.flush();
            return new PredictionRepository(em).followPatient(patient);
        });

        assertThat(moved).isEqualTo(2);
        assertThat(lines("list_to", PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .hasSize(2).extracting(PredictionLine::externalId).containsOnly("MOVED");
        assertThat(lines("list_from", PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isEmpty();

        // removed, so that the auditor's lists of the other tests are as written
        db.inTransaction(em -> {
            Patient patient = em.find(Patient.class, patientId);
            patient.remove(new UserAccountRepository(em).findByUsername("list_to")
                    .orElseThrow());
            new PredictionRepository(em).followPatient(patient);
        });
        assertThat(lines("list_to", PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isEmpty();
    }

    /**
     * Each change of a patient that the list filters by, made as the services make it (the
     * change, then {@link PredictionRepository#followPatient}), shows at once in every filter,
     * count and scope: each prediction carries a copy of the patient's owner, name, diagnosis
     * and removal, and a copy left stale would keep or lose the patient's lines.
     */
    @Test
    void theListFollowsEveryChangeOfThePatient() {
        long patientId = db.fromTransaction(em -> {
            UserAccount first = new UserAccount("copy_first", "hash", "Dr First",
                    Set.of(Role.DOCTOR));
            UserAccount second = new UserAccount("copy_second", "hash", "Dr Second",
                    Set.of(Role.DOCTOR));
            new UserAccountRepository(em).add(first);
            new UserAccountRepository(em).add(second);
            ModelVersion model = new ModelVersionRepository(em).findByVersion(
                    rows.get(0).modelVersion()).orElseThrow();
            Patient patient = patient(em, "C01", first, null, null);
            for (int i = 0; i < 2; i++) {
                LabPanel panel = new LabPanel(patient, null, null, null, List.of());
                new PatientRepository(em).add(panel);
                new PredictionRepository(em).add(new Prediction(panel, model, "APL", 0.05,
                        0.05, 0.9, 0.9, null));
            }
            em.flush();
            return patient.getId();
        });
        PredictionCriteria diagnosed = PredictionCriteria.builder().diagnosed(true).build();
        PredictionCriteria notDiagnosed = PredictionCriteria.builder().diagnosed(false).build();
        PredictionCriteria named = PredictionCriteria.builder().text("ZABEL").build();
        PredictionCriteria all = PredictionCriteria.builder().subtype("APL")
                .confidence(0.85, null).build();
        assertCopies("copy_first", all, 2);
        assertCopies("copy_first", notDiagnosed, 2);
        assertCopies("copy_first", diagnosed, 0);
        assertCopies("copy_first", named, 0);

        change(patientId, (em, p) -> p.recordDiagnosis(Diagnosis.APL, p.getOwner()));
        assertCopies("copy_first", diagnosed, 2);
        assertCopies("copy_first", notDiagnosed, 0);

        change(patientId, (em, p) -> p.describe("ZABEL Zoe", null));
        assertCopies("copy_first", named, 2);
        assertCopies("copy_first", PredictionCriteria.builder().text("ZABEL").diagnosed(true)
                .build(), 2);

        change(patientId, (em, p) -> p.assignTo(new UserAccountRepository(em)
                .findByUsername("copy_second").orElseThrow()));
        assertCopies(new String[] {"copy_first"}, all, 0);
        assertCopies(new String[] {"copy_first"}, diagnosed, 0);
        assertCopies("copy_second", all, 2);
        assertCopies("copy_second", diagnosed, 2);
        assertCopies("copy_second", named, 2);

        change(patientId, (em, p) -> p.describe("YVES Zoe", null));
        assertCopies("copy_second", named, 0);
        assertCopies("copy_second", PredictionCriteria.builder().text("YVES").build(), 2);

        change(patientId, (em, p) -> p.recordDiagnosis(null, p.getOwner()));
        assertCopies("copy_second", diagnosed, 0);
        assertCopies("copy_second", notDiagnosed, 2);

        change(patientId, (em, p) -> p.remove(p.getOwner()));
        for (PredictionCriteria c : List.of(PredictionCriteria.NONE, all, notDiagnosed,
                PredictionCriteria.builder().text("YVES").build())) {
            assertCopies("copy_second", c, 0);
        }
        // the auditor's lists are as the other tests wrote them
        assertThat(ids(null, PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST))
                .isEqualTo(expected(null, r -> true, PredictionSort.NEWEST_FIRST));
    }

    /** Changes the patient and makes its predictions follow, in one transaction. */
    private static void change(long patientId,
            BiConsumer<EntityManager, Patient> change) {
        db.inTransaction(em -> {
            Patient patient = em.find(Patient.class, patientId);
            change.accept(em, patient);
            assertThat(new PredictionRepository(em).followPatient(patient)).isEqualTo(2);
        });
    }

    /**
     * The list of {@code owner} under {@code criteria} has {@code expected} lines of the
     * patient C01, in pages and counts, with a text read from the patients first and from the
     * copies; as the patient is the doctor's, the auditor's list has as many.
     */
    private static void assertCopies(String owner, PredictionCriteria criteria, int expected) {
        assertCopies(new String[] {owner, null}, criteria, expected);
    }

    /** {@link #assertCopies(String, PredictionCriteria, int)} for some scopes (null: all). */
    private static void assertCopies(String[] scopes, PredictionCriteria criteria,
            int expected) {
        for (boolean many : new boolean[] {false, true}) {
            manyPatients = many;
            try {
                for (String who : scopes) {
                    for (PredictionSort.Column column : PredictionSort.Column.values()) {
                        assertThat(lines(who, criteria, new PredictionSort(column, false)))
                                .as("%s for %s by %s", criteria, who, column)
                                .filteredOn(l -> l.externalId().equals("C01"))
                                .hasSize(expected);
                    }
                }
                if (!criteria.isEmpty()) {
                    PredictionCriteria c01 = criteria.text() == null
                            ? new PredictionCriteria("C01", criteria.subtype(),
                                    criteria.minConfidence(), criteria.maxConfidence(),
                                    criteria.from(), criteria.to(), criteria.modelVersion(),
                                    criteria.uploadId(), criteria.diagnosed())
                            : criteria;
                    for (String who : scopes) {
                        assertThat(count(who, c01, 100)).as("count of %s for %s", c01, who)
                                .isEqualTo(expected);
                    }
                }
            } finally {
                manyPatients = false;
            }
        }
    }

    /** Checks a filter for a doctor and for everyone, in the default order. */
    private static void assertFilter(PredictionCriteria criteria, Predicate<Row> selects) {
        for (String owner : new String[] {"list_a", null}) {
            List<Long> expected = expected(owner, selects, PredictionSort.NEWEST_FIRST);
            assertThat(ids(owner, criteria, PredictionSort.NEWEST_FIRST))
                    .as("%s for %s", criteria, owner == null ? "everyone" : owner)
                    .isEqualTo(expected);
            assertThat(count(owner, criteria, 1000)).isEqualTo(expected.size());
        }
        assertThat(expected(null, selects, PredictionSort.NEWEST_FIRST)).as("%s selects rows",
                criteria).isNotEmpty();
    }

    private static List<Long> expected(String owner, Predicate<Row> selects,
            PredictionSort sort) {
        Comparator<Row> order = Comparator.comparing(key(sort.column()))
                .thenComparing(Row::predictedAt).thenComparing(Row::predictionId);
        return rows.stream()
                .filter(r -> !r.removed() && (owner == null || r.owner().equals(owner)))
                .filter(selects)
                .sorted(sort.ascending() ? order : order.reversed())
                .map(Row::predictionId)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Function<Row, Comparable<Object>> key(PredictionSort.Column column) {
        Function<Row, ?> key = switch (column) {
            case PREDICTED_AT -> Row::predictedAt;
            case CONFIDENCE -> Row::confidence;
            case SUBTYPE -> Row::subtype;
            case PATIENT -> Row::externalId;
        };
        return (Function<Row, Comparable<Object>>) key;
    }

    private static List<Long> ids(String owner, PredictionCriteria criteria,
            PredictionSort sort) {
        return lines(owner, criteria, sort).stream().map(PredictionLine::predictionId).toList();
    }

    private static List<PredictionLine> lines(String owner, PredictionCriteria criteria,
            PredictionSort sort) {
        return db.fromTransaction(em -> repository(em)
                .search(scope(em, owner), criteria, sort, 0, 1000));
    }

    private static int count(String owner, PredictionCriteria criteria, int limit) {
        return db.fromTransaction(em -> repository(em)
                .countUpTo(scope(em, owner), criteria, limit));
    }

    /**
     * The repository, which with {@link #manyPatients} takes any text that matches a patient
     * for one that matches many, and so matches it on the predictions' copies.
     */
    private static PredictionRepository repository(EntityManager em) {
        return manyPatients ? new PredictionRepository(em, 1) : new PredictionRepository(em);
    }

    private static PredictionScope scope(EntityManager em, String owner) {
        return owner == null ? PredictionScope.EVERYONE : PredictionScope.ownedBy(
                new UserAccountRepository(em).findByUsername(owner).orElseThrow());
    }
}
