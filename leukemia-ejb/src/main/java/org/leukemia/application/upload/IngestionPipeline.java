package org.leukemia.application.upload;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.leukemia.application.prediction.PredictionService;
import org.leukemia.ml.NormalisedValues;
import org.leukemia.ml.Normaliser;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.persistence.BatchWriter;
import org.leukemia.persistence.UnitOfWork;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.patient.StoredPanel;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.user.UserAccount;

/**
 * The rows of one upload, from the file to the database, {@value #CHUNK_ROWS} at a time, in
 * two stages that overlap: a worker thread reads the file, interprets the rows and predicts
 * them, while the calling thread, which holds the upload's one transaction, finds the known
 * patients and writes the chunk before. The persistence context is cleared between chunks, so
 * memory stays bounded by a few chunks whatever the size of the file; everything is written in
 * the one transaction, so it is committed together or not at all.
 *
 * <p>The worker touches no database and no transaction: it only reads and computes. What it
 * throws (a file refused halfway, say) ends the ingestion on the calling thread, unchanged;
 * when the calling thread fails, the worker is stopped.
 */
final class IngestionPipeline {

    /** Rows predicted and written together. */
    static final int CHUNK_ROWS = 500;

    /** Chunks read ahead of the one being written. */
    private static final int READ_AHEAD = 2;

    private final PatientRepository patients;
    private final PredictionRepository predictions;
    private final BatchWriter writer;
    private final UnitOfWork work;
    private final ExecutorService worker;
    private final Normaliser normaliser = new Normaliser();

    /**
     * @param patients finds the doctor's known patients
     * @param predictions keeps the predictions stored before in step with a patient that an
     *     upload gives a name
     * @param writer writes the rows
     * @param work the persistence context of the transaction
     * @param worker runs the reading stage
     */
    IngestionPipeline(PatientRepository patients, PredictionRepository predictions,
            BatchWriter writer, UnitOfWork work, ExecutorService worker) {
        this.patients = patients;
        this.predictions = predictions;
        this.writer = writer;
        this.work = work;
        this.worker = worker;
    }

    /** A reading of the file that gives each data row to a sink, in order. */
    @FunctionalInterface
    interface Reading {

        /** @param sink takes each data row */
        void giveRowsTo(SheetParser.RowSink sink);
    }

    /** What an ingestion did. */
    record Result(List<RowOutcome> outcomes, Upload upload) {
    }

    /** A row that can be stored, with its values ready for the model. */
    private record Usable(int slot, PatientEntry entry, NormalisedValues values) {
    }

    /** A chunk read, interpreted and predicted: ready to be written. */
    private record Prepared(RowOutcome[] outcomes, List<Usable> usable,
            List<SubtypePrediction> results) {
    }

    /** What the worker hands over: a chunk, the end, or what went wrong. */
    private record Step(Prepared chunk, Throwable failure) {

        static final Step END = new Step(null, null);
    }

    /** The worker was stopped because the calling thread gave up. */
    private static final class Stopped extends RuntimeException {

        private static final long serialVersionUID = 1L;
    }

    /**
     * Ingests the rows of a file into an upload.
     *
     * @param reading reads the file, giving it its rows
     * @param doctor the uploading doctor, managed
     * @param upload the stored upload, managed
     * @param predictor the model every row is predicted with
     * @param interpreter reads the rows' cells
     * @param progress told, from the worker, how many rows the file announces, and the rows
     *     done after each chunk
     * @return one outcome per row, and the upload, managed in the current persistence context
     */
    Result run(Reading reading, UserAccount doctor, Upload upload,
            PredictionService.Predictor predictor, RowInterpreter interpreter,
            UploadProgress progress) {
        BlockingQueue<Step> steps = new ArrayBlockingQueue<>(READ_AHEAD);
        Future<?> reader = worker.submit(() -> read(reading, interpreter, predictor, progress,
                steps));
        long doctorId = doctor.getId();
        long uploadId = upload.getId();
        List<RowOutcome> outcomes = new ArrayList<>();
        int issues = 0;
        try {
            for (Step step = take(steps); step != Step.END; step = take(steps)) {
                if (step.failure() != null) {
                    throw rethrown(step.failure());
                }
                if (!outcomes.isEmpty()) {
                    work.flushAndClear();
                    doctor = work.reload(UserAccount.class, doctorId);
                    upload = work.reload(Upload.class, uploadId);
                }
                List<RowOutcome> done = store(step.chunk(), doctor, upload, predictor);
                List<RowIssue> chunkIssues = issuesOf(done);
                writer.writeIssues(upload, issues, chunkIssues);
                issues += chunkIssues.size();
                outcomes.addAll(done);
                progress.rowsDone(outcomes.size());
            }
        } finally {
            reader.cancel(true);
        }
        return new Result(outcomes, upload);
    }

    /** The worker's stage: reads, interprets and predicts, a chunk at a time. */
    private void read(Reading reading, RowInterpreter interpreter,
            PredictionService.Predictor predictor, UploadProgress progress,
            BlockingQueue<Step> steps) {
        try {
            List<SheetRow> chunk = new ArrayList<>(CHUNK_ROWS);
            reading.giveRowsTo(new SheetParser.RowSink() {
                private boolean announced;

                @Override
                public void expect(int rows) {
                    progress.rowsRead(rows);
                    announced = true;
                }

                @Override
                public void accept(SheetRow row) {
                    if (!announced) {
                        expect(0); // the file does not say how many rows it has
                    }
                    chunk.add(row);
                    if (chunk.size() == CHUNK_ROWS) {
                        put(steps, new Step(prepare(chunk, interpreter, predictor), null));
                        chunk.clear();
                    }
                }
            });
            if (!chunk.isEmpty()) {
                put(steps, new Step(prepare(chunk, interpreter, predictor), null));
            }
            put(steps, Step.END);
        } catch (Stopped e) {
            // the calling thread gave up and no longer takes anything
        } catch (SheetParser.ReadingStopped e) {
            e.sinkFailure().filter(f -> !(f instanceof Stopped)).ifPresent(f -> offer(steps, f));
        } catch (RuntimeException | Error e) {
            offer(steps, e);
        }
    }

    private static void put(BlockingQueue<Step> steps, Step step) {
        try {
            steps.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Hands a failure over, unless the calling thread is gone. */
    private static void offer(BlockingQueue<Step> steps, Throwable failure) {
        try {
            steps.put(new Step(null, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Step take(BlockingQueue<Step> steps) {
        try {
            return steps.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The upload was interrupted", e);
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    /** Interprets the rows of a chunk and predicts the usable ones in one call to the model. */
    private Prepared prepare(List<SheetRow> chunk, RowInterpreter interpreter,
            PredictionService.Predictor predictor) {
        RowOutcome[] outcomes = new RowOutcome[chunk.size()];
        List<Usable> usable = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            SheetRow row = chunk.get(i);
            try {
                PatientEntry entry = interpreter.interpret(row);
                NormalisedValues normalised = normaliser.normalise(entry.values());
                if (!entry.notes().isEmpty()) {
                    List<String> notes = new ArrayList<>(entry.notes());
                    notes.addAll(normalised.notes());
                    normalised = new NormalisedValues(normalised.values(), notes,
                            normalised.derivations());
                }
                usable.add(new Usable(i, entry, normalised));
            } catch (RowRejectedException e) {
                String where = e.column() == null ? "" : e.column() + ": ";
                outcomes[i] = RowOutcome.rejected(row.rowNumber(), RowInterpreter
                        .cellText(row.cells().get(Column.IDENTIFIER)),
                        where + e.getMessage());
            }
        }
        List<SubtypePrediction> results = predictor.predictAll(
                usable.stream().map(u -> u.values().values()).toList());
        return new Prepared(outcomes, usable, results);
    }

    /**
     * Stores a prepared chunk: finds its known patients in one query, refuses the rows of those
     * that were removed, writes the rest.
     */
    private List<RowOutcome> store(Prepared chunk, UserAccount doctor, Upload upload,
            PredictionService.Predictor predictor) {
        RowOutcome[] outcomes = chunk.outcomes();
        List<Usable> usable = chunk.usable();
        KnownPatients known = new KnownPatients(patients.findOwned(
                usable.stream().map(u -> u.entry().externalId()).collect(Collectors.toSet()),
                doctor));
        StoredResults stored = new StoredResults(patients.storedPanels(known.ids()), upload);
        List<Prediction> made = new ArrayList<>(usable.size());
        List<Patient> named = new ArrayList<>();
        for (int j = 0; j < usable.size(); j++) {
            Usable u = usable.get(j);
            Patient existing = known.find(u.entry().externalId());
            if (existing != null && existing.isRemoved()) {
                outcomes[u.slot()] = RowOutcome.rejected(u.entry().rowNumber(),
                        u.entry().externalId(), "the patient " + u.entry().externalId()
                                + " was removed from your patients; rows of a removed patient"
                                + " are not stored");
                continue;
            }
            Optional<String> storedBefore = existing == null ? Optional.empty()
                    : stored.whereStored(existing, u.values());
            if (storedBefore.isPresent()) {
                outcomes[u.slot()] = RowOutcome.rejected(u.entry().rowNumber(),
                        u.entry().externalId(), "the same results of the patient "
                                + existing.getExternalId() + " are already stored, "
                                + storedBefore.get() + "; they are not stored a second time");
                continue;
            }
            String before = existing == null ? null : existing.getFullName();
            String patientNote = existing == null ? null : adoptName(existing, u.entry());
            if (existing != null && !existing.getExternalId().equals(u.entry().externalId())) {
                patientNote = (patientNote == null ? "" : patientNote + " ") + "The identifier "
                        + u.entry().externalId() + " was read as the patient "
                        + existing.getExternalId() + ": the database does not tell identifiers"
                        + " apart by case or accents.";
            }
            if (existing != null && existing.getId() != null && before == null
                    && existing.getFullName() != null) {
                named.add(existing);
            }
            Prediction prediction = prediction(u, chunk.results().get(j), known, doctor, upload,
                    predictor);
            made.add(prediction);
            stored.add(prediction.getPanel(), u.values());
            outcomes[u.slot()] = outcome(u, prediction, patientNote);
        }
        writer.write(made);
        // the predictions stored before for a known patient given its name just now
        predictions.followPatients(named);
        return Arrays.asList(outcomes);
    }

    /**
     * The doctor's patients a chunk names, known before or new in it, found by identifier as
     * the database compares them: exactly first, then, as MySQL's collation does, regardless
     * of case and accents, so that a row never makes a second patient the database's unique
     * key would refuse (and with it the whole upload).
     */
    private static final class KnownPatients {

        private final Map<String, Patient> exact = new HashMap<>();
        private final Map<String, Patient> loose;

        KnownPatients(Map<String, Patient> found) {
            Collator collator = Collator.getInstance(Locale.ROOT);
            collator.setStrength(Collator.PRIMARY);
            loose = new TreeMap<>(collator);
            found.values().forEach(this::add);
        }

        Patient find(String externalId) {
            Patient patient = exact.get(externalId);
            return patient != null ? patient : loose.get(externalId);
        }

        void add(Patient patient) {
            exact.put(patient.getExternalId(), patient);
            loose.putIfAbsent(patient.getExternalId(), patient);
        }

        /** The ids of the patients stored before, removed or not. */
        Set<Long> ids() {
            return exact.values().stream().map(Patient::getId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
        }
    }

    /**
     * The results the patients of a chunk already have: those stored before (by earlier
     * uploads, or by earlier chunks of this one) and those of the chunk's rows before. A row
     * with the same age and the same canonical values as one of them is the same sample sent
     * again, in a corrected or re-exported file, and is not stored twice.
     */
    private static final class StoredResults {

        private final Map<Long, List<StoredPanel>> before;
        private final Map<Patient, List<StoredPanel>> inChunk = new IdentityHashMap<>();
        private final Upload upload;

        StoredResults(List<StoredPanel> stored, Upload upload) {
            this.before = stored.stream().collect(Collectors.groupingBy(StoredPanel::patientId));
            this.upload = upload;
        }

        /** Where the same results of this patient are stored already, in words, if they are. */
        Optional<String> whereStored(Patient patient, NormalisedValues values) {
            Double age = age(values);
            Map<String, Double> results = results(values);
            return Stream.concat(before.getOrDefault(patient.getId(), List.of()).stream(),
                            inChunk.getOrDefault(patient, List.of()).stream())
                    .filter(panel -> panel.holds(age, results))
                    .findFirst()
                    .map(this::where);
        }

        /** Counts a panel about to be written with the results stored. */
        void add(LabPanel panel, NormalisedValues values) {
            inChunk.computeIfAbsent(panel.getPatient(), p -> new ArrayList<>())
                    .add(new StoredPanel(0, 0, age(values), results(values), upload.getId(),
                            upload.getFileName(), panel.getSourceRow()));
        }

        private String where(StoredPanel panel) {
            if (panel.uploadId() == null) {
                return "in the patient's record";
            }
            String row = panel.sourceRow() == null ? "in "
                    : "from row " + panel.sourceRow() + " of ";
            return upload.getId().equals(panel.uploadId()) ? row + "this file"
                    : row + "the file " + panel.fileName() + " (upload " + panel.uploadId() + ")";
        }

        /** The canonical values a panel stores, by parameter key. */
        private static Map<String, Double> results(NormalisedValues values) {
            Map<String, Double> results = new HashMap<>();
            measured(values).forEach((parameter, value) -> results.put(parameter.key(), value));
            return results;
        }
    }

    /** The prediction to store for a row, with its panel and, if new, its patient. */
    private static Prediction prediction(Usable row, SubtypePrediction result,
            KnownPatients known, UserAccount doctor, Upload upload,
            PredictionService.Predictor predictor) {
        PatientEntry entry = row.entry();
        NormalisedValues normalised = row.values();
        Patient patient = known.find(entry.externalId());
        if (patient == null) {
            patient = new Patient(entry.externalId(), doctor, entry.sex());
            patient.describe(entry.fullName(), null);
            known.add(patient);
        }
        LabPanel panel = new LabPanel(patient, upload, entry.rowNumber(), age(normalised),
                labResults(normalised, entry.received()));
        return predictor.prediction(panel, result, normalised.allNotes());
    }

    /**
     * Takes the file's name for a patient known before, if the record has none yet.
     *
     * @return the warning when the record's name differs from the file's, which is kept
     */
    private static String adoptName(Patient patient, PatientEntry entry) {
        if (entry.fullName() == null || entry.fullName().equalsIgnoreCase(
                String.valueOf(patient.getFullName()))) {
            return null;
        }
        if (patient.getFullName() == null) {
            patient.describe(entry.fullName(), patient.getBirthDate());
            return null;
        }
        return "The name in the file differs from the name recorded for this patient; the"
                + " recorded name was kept (correct it on the patient's page if need be).";
    }

    private static RowOutcome outcome(Usable row, Prediction prediction, String patientNote) {
        PatientEntry entry = row.entry();
        List<String> warnings = new ArrayList<>(row.values().notes());
        if (patientNote != null) {
            warnings.add(patientNote);
        }
        Assessment assessment = prediction.getAssessment();
        if (assessment.isWithheld()) {
            warnings.add("No subtype suggested: " + assessment.getUnusualReasons());
        } else if (assessment.isOutOfDistribution()) {
            warnings.add("Outside the model's experience: " + assessment.getUnusualReasons());
        }
        return RowOutcome.stored(entry.rowNumber(), entry.externalId(), prediction, warnings);
    }

    /** The age a panel stores: the normalised age in years, or null when not known. */
    private static Double age(NormalisedValues normalised) {
        OptionalDouble age = normalised.values().get(Parameter.AGE);
        return age.isPresent() ? age.getAsDouble() : null;
    }

    /** The canonical values a panel stores as results: all but the age. */
    private static Map<Parameter, Double> measured(NormalisedValues normalised) {
        Map<Parameter, Double> values = new EnumMap<>(normalised.values().asMap());
        values.remove(Parameter.AGE);
        return values;
    }

    /**
     * The results to store: each canonical value with the value as received; a value the
     * normaliser computed from others has none.
     */
    private static List<LabResult> labResults(NormalisedValues normalised,
            Map<Parameter, PatientEntry.Received> received) {
        return measured(normalised).entrySet().stream()
                .map(e -> {
                    PatientEntry.Received given = received.get(e.getKey());
                    return new LabResult(e.getKey().key(), e.getValue(), e.getKey().unit(),
                            given == null ? null : given.text(),
                            given == null ? null : given.unit());
                })
                .toList();
    }

    /** The issues of a chunk's rows: their warnings and the reasons they were rejected. */
    static List<RowIssue> issuesOf(List<RowOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.status() != RowOutcome.Status.STORED)
                .map(o -> new RowIssue(o.rowNumber(), null, o.message(),
                        o.status() == RowOutcome.Status.REJECTED
                                ? RowIssue.Severity.REJECTED : RowIssue.Severity.WARNING))
                .toList();
    }
}
