package org.leukemia.ml;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leukemia.ml.bundle.MetadataJson;
import org.leukemia.ml.bundle.ModelBundle;
import org.leukemia.ml.features.FeatureEngineering;
import org.leukemia.ml.features.FeatureSchema;
import org.leukemia.ml.training.Calibration;
import org.leukemia.ml.training.DistributionGuard;
import org.leukemia.ml.training.ModelCard;
import org.leukemia.ml.training.RankLogisticRegression;
import org.leukemia.ml.tribuo.XGBoostClassifier;

/**
 * A trained, servable model with its metadata and provenance: an ensemble of XGBoost
 * members whose margins are averaged, plus, when cross-validation gave it a weight, the
 * log-odds of a logistic regression on the rank-transformed inputs
 * ({@link RankLogisticRegression}), then calibrated ({@link Calibration}); a decision rule,
 * a confident zone and an out-of-distribution check, all fitted on the training data.
 * Thread-safe for {@link #predict}.
 *
 * <p>Contributions: each member's TreeSHAP values are in its margin (log-odds) space; the
 * model averages them over members, like the margins, adds the logistic regression's
 * weighted term of each parameter (coefficient times normal score), and divides them by the
 * calibration temperature, so that per subtype they add up, with a baseline, to the
 * calibrated log-odds. A derived feature's contribution is shared equally among the
 * parameters it is computed from.
 *
 * <p>Haemoglobin and RBC may be present in the values but are ignored: the model uses only
 * the parameters listed in {@link ModelMetadata#features()}.
 */
public final class TrainedModel {

    /** Hyperparameter key telling whether the derived features are used. */
    public static final String DERIVED_FEATURES = "derivedFeatures";

    /**
     * The share of the model's input values that must be present for a prediction not to be
     * flagged as outside the model's experience. In the AI-PAL development centres, 3 of 679
     * patients had fewer than half of them; in the external centres, none.
     */
    public static final double MIN_MEASURED_SHARE = 0.5;

    private final List<XGBoostClassifier> members;
    private final FeatureSchema schema;
    private final boolean derived;
    private final ModelMetadata metadata;
    private final String provenanceJson;

    private TrainedModel(List<XGBoostClassifier> members, ModelMetadata metadata,
            String provenanceJson) {
        this.members = List.copyOf(members);
        this.metadata = metadata;
        this.provenanceJson = provenanceJson;
        this.schema = FeatureSchema.fromKeys(metadata.features());
        this.derived = Boolean.parseBoolean(
                metadata.hyperparameters().getOrDefault(DERIVED_FEATURES, "false"));
    }

    /**
     * Wraps freshly trained members; used by {@link ModelTrainer}.
     *
     * @param members ensemble members
     * @param metadata their metadata
     * @return the model
     */
    static TrainedModel of(List<XGBoostClassifier> members, ModelMetadata metadata) {
        StringBuilder provenance = new StringBuilder("[");
        for (int i = 0; i < members.size(); i++) {
            provenance.append(i == 0 ? "" : ",\n").append(members.get(i).provenanceJson());
        }
        return new TrainedModel(members, metadata, provenance.append(']').toString());
    }

    /**
     * Predicts the subtype probabilities for one patient, with the decision, the confident
     * zone, the out-of-distribution check and the contributions.
     *
     * @param values canonical values, typically from {@link Normaliser}
     * @return the prediction
     */
    public SubtypePrediction predict(LabValues values) {
        return predictAll(List.of(Objects.requireNonNull(values, "values"))).get(0);
    }

    /**
     * Predicts many patients at once: the same predictions as {@link #predict(LabValues)},
     * with one call into XGBoost per member for all of them.
     *
     * @param patients canonical values per patient
     * @return one prediction per patient, in order
     */
    public List<SubtypePrediction> predictAll(List<LabValues> patients) {
        return predictAll(patients, true);
    }

    /**
     * Predicts many patients at once, with or without the contributions. Without them the
     * predictions are the same but {@link SubtypePrediction#contributions()} is empty: the
     * costly part of serving is skipped, and {@link #explain(LabValues)} gives them later,
     * identical, from the same values.
     *
     * @param patients canonical values per patient
     * @param explain whether to compute each parameter's contributions
     * @return one prediction per patient, in order
     */
    public List<SubtypePrediction> predictAll(List<LabValues> patients, boolean explain) {
        if (patients.isEmpty()) {
            return List.of(); // XGBoost cannot predict an empty matrix
        }
        List<Map<String, Double>> rows = encode(patients);
        double[][] margins = margins(patients, rows);
        // TreeSHAP is the costly part of serving: about 0.3 ms of CPU per row and member,
        // which XGBoost already spreads over the cores
        List<List<Map<String, double[]>>> shares = explain ? members.stream()
                .map(member -> member.contributions(rows)).toList() : List.of();
        Calibration calibration = metadata.calibration();
        Subtype[] decisions = new Subtype[rows.size()];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = Subtype.values()[calibration.decide(
                    calibration.probabilities(margins[i]))];
        }
        boolean[] restsOnMissing = restOnMissingResults(patients, decisions);
        List<SubtypePrediction> predictions = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            predictions.add(prediction(patients.get(i), margins[i], calibration,
                    restsOnMissing[i], explain
                            ? contributions(shares.stream().map(s -> s.get(row)).toList(),
                                    patients.get(i), calibration.temperature())
                            : Map.of()));
        }
        return predictions;
    }

    private List<Map<String, Double>> encode(List<LabValues> patients) {
        return patients.stream()
                .map(v -> FeatureEngineering.encode(Objects.requireNonNull(v, "values"),
                        schema, derived))
                .toList();
    }

    /**
     * The ensemble's averaged margins plus, when the model has one, the blended logistic
     * regression's weighted log-odds.
     */
    private double[][] margins(List<LabValues> patients, List<Map<String, Double>> rows) {
        int k = Subtype.values().length;
        double[][] margins = new double[rows.size()][k];
        for (XGBoostClassifier member : members) {
            double[][] m = member.margins(rows);
            for (int i = 0; i < m.length; i++) {
                for (int c = 0; c < k; c++) {
                    margins[i][c] += m[i][c] / members.size();
                }
            }
        }
        RankLogisticRegression linear = metadata.linearModel();
        if (linear != null) {
            DistributionGuard guard = metadata.distributionGuard();
            for (int i = 0; i < margins.length; i++) {
                double[] m = linear.margins(guard.normalScores(patients.get(i)));
                for (int c = 0; c < k; c++) {
                    margins[i][c] += m[c];
                }
            }
        }
        return margins;
    }

    /**
     * Training quantiles, in percent, that the missing inputs of a patient take together in
     * turn to see whether the suggestion rests on their absence: a low, a typical and a high
     * profile.
     */
    private static final int[] TYPICAL_PROFILES = {25, 50, 75};

    /**
     * Whether each patient's suggestion would stay the same if the missing inputs had been
     * measured with ordinary values: the training quartiles and median, taken by all the
     * missing inputs together. Missingness is learned from few training patients (about 1 in
     * 70 lacked the differential count, most of them with APL), so a suggestion that changes
     * once the gaps are filled rests on the absence of results, which says more about a
     * laboratory's routine than about the patient.
     *
     * @param decisions the suggestion of each patient with the values as given
     * @return per patient, whether a profile changes the suggestion; false where nothing is
     *     missing or the model has no training quantiles
     */
    private boolean[] restOnMissingResults(List<LabValues> patients, Subtype[] decisions) {
        boolean[] rests = new boolean[patients.size()];
        DistributionGuard guard = metadata.distributionGuard();
        if (guard == null) {
            return rests;
        }
        List<Integer> incomplete = new ArrayList<>();
        List<LabValues> filled = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            List<Parameter> missing = schema.missing(patients.get(i));
            if (missing.isEmpty()) {
                continue;
            }
            for (int percent : TYPICAL_PROFILES) {
                LabValues.Builder b = LabValues.builder();
                patients.get(i).asMap().forEach(b::set);
                for (Parameter p : missing) {
                    guard.quantile(p, percent).ifPresent(v -> b.set(p, v));
                }
                incomplete.add(i);
                filled.add(b.build());
            }
        }
        if (filled.isEmpty()) {
            return rests;
        }
        double[][] margins = margins(filled, encode(filled));
        Calibration calibration = metadata.calibration();
        for (int j = 0; j < margins.length; j++) {
            int i = incomplete.get(j);
            Subtype withProfile = Subtype.values()[calibration.decide(
                    calibration.probabilities(margins[j]))];
            rests[i] |= withProfile != decisions[i];
        }
        return rests;
    }

    /**
     * Each parameter's contribution to each subtype for one patient: the same as
     * {@link #predict(LabValues)} gives.
     *
     * @param values canonical values
     * @return contribution per parameter and subtype
     */
    public Map<Parameter, Map<Subtype, Double>> explain(LabValues values) {
        return predict(values).contributions();
    }

    private SubtypePrediction prediction(LabValues values, double[] margin,
            Calibration calibration, boolean restsOnMissing,
            Map<Parameter, Map<Subtype, Double>> contributions) {
        double[] p = calibration.probabilities(margin);
        Subtype decision = Subtype.values()[calibration.decide(p)];
        double cutoff = metadata.confidentCutoffs().getOrDefault(decision, Double.MAX_VALUE);
        DistributionGuard guard = metadata.distributionGuard();
        List<String> reasons = guard == null ? new ArrayList<>() : guard.check(values);
        boolean unusual = !reasons.isEmpty();
        Optional<String> ambiguity = guard == null ? Optional.empty()
                : guard.ambiguity(p[decision.ordinal()]);
        ambiguity.ifPresent(reasons::add);
        List<Parameter> missing = schema.missing(values);
        int used = schema.parameters().size();
        // the guard's reason for a value far beyond training says that nothing is suggested
        boolean farBeyond = guard != null && !guard.farBeyondTraining(values).isEmpty();
        boolean tooFew = used - missing.size() < MIN_MEASURED_SHARE * used;
        if (tooFew) {
            reasons.add("Only " + (used - missing.size()) + " of the " + used + " values the"
                    + " model uses were given; a prediction from so few values is unreliable.");
        } else if (restsOnMissing) {
            reasons.add("The suggestion rests on missing results ("
                    + String.join(", ", missing.stream().map(Parameter::label).toList())
                    + "): with ordinary values for them the model's answer changes. Few"
                    + " training patients lacked them; measure them before relying on any"
                    + " suggestion.");
        }
        boolean withheld = farBeyond || tooFew || restsOnMissing;
        Map<Subtype, Double> probabilities = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            probabilities.put(s, p[s.ordinal()]);
        }
        return new SubtypePrediction(probabilities,
                notes(values, unusual, ambiguity.isPresent(), withheld, farBeyond), decision,
                p[decision.ordinal()] >= cutoff && reasons.isEmpty(), !reasons.isEmpty(),
                withheld, reasons, contributions);
    }

    private Map<Parameter, Map<Subtype, Double>> contributions(
            List<Map<String, double[]>> memberShares, LabValues values, double temperature) {
        Map<Parameter, double[]> sum = new EnumMap<>(Parameter.class);
        for (Parameter p : schema.parameters()) {
            sum.put(p, new double[Subtype.values().length]);
        }
        RankLogisticRegression linear = metadata.linearModel();
        if (linear != null) {
            DistributionGuard guard = metadata.distributionGuard();
            double[][] shares = linear.contributions(guard.normalScores(values));
            for (int j = 0; j < shares.length; j++) {
                double[] target = sum.computeIfAbsent(Parameter.fromKey(
                        guard.features().get(j)).orElseThrow(),
                        p -> new double[Subtype.values().length]);
                for (int c = 0; c < target.length; c++) {
                    target[c] += shares[j][c] / temperature;
                }
            }
        }
        for (Map<String, double[]> shares : memberShares) {
            shares.forEach((feature, perClass) -> {
                List<Parameter> sources = FeatureEngineering.sources(feature);
                for (Parameter p : sources) {
                    double[] target = sum.computeIfAbsent(p,
                            x -> new double[Subtype.values().length]);
                    for (int c = 0; c < perClass.length; c++) {
                        target[c] += perClass[c] / sources.size() / members.size()
                                / temperature;
                    }
                }
            });
        }
        Map<Parameter, Map<Subtype, Double>> out = new EnumMap<>(Parameter.class);
        sum.forEach((p, perClass) -> {
            Map<Subtype, Double> m = new EnumMap<>(Subtype.class);
            for (Subtype s : Subtype.values()) {
                m.put(s, perClass[s.ordinal()]);
            }
            out.put(p, m);
        });
        return out;
    }

    private List<String> notes(LabValues values, boolean unusual, boolean ambiguous,
            boolean withheld, boolean farBeyond) {
        List<String> notes = new ArrayList<>();
        List<Parameter> missing = schema.missing(values);
        if (!missing.isEmpty()) {
            notes.add("Missing results, the prediction rests on the others: "
                    + String.join(", ", missing.stream().map(Parameter::label).toList()) + ".");
        }
        List<String> ignored = values.asMap().keySet().stream()
                .filter(p -> !schema.parameters().contains(p))
                .map(Parameter::label).toList();
        if (!ignored.isEmpty()) {
            notes.add("Not used by this model: " + String.join(", ", ignored) + ".");
        }
        if (unusual) {
            notes.add("These results are unlike the training data; treat the prediction with"
                    + " caution.");
        }
        if (withheld && farBeyond) {
            notes.add("No subtype is suggested: a result lies far beyond anything the model"
                    + " was trained on, and its probabilities reflect that value, not the"
                    + " patient.");
        } else if (withheld) {
            notes.add("No subtype is suggested: the outcome depends on results that were not"
                    + " measured, and its probabilities reflect their absence, not the"
                    + " patient.");
        }
        if (ambiguous) {
            notes.add("The model is unsure of the subtype (its probability is low); treat the"
                    + " prediction with caution.");
        }
        if (metadata.syntheticTrainingData()) {
            notes.add("This model was trained on synthetic data, not on real patients.");
        }
        return notes;
    }

    /**
     * Returns the model's metadata.
     *
     * @return metadata
     */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Returns the Tribuo provenance of the ensemble members (trainer, hyperparameters, data
     * source, versions) as a JSON array with one entry per member.
     *
     * @return JSON text
     */
    public String provenanceJson() {
        return provenanceJson;
    }

    /**
     * Returns the number of XGBoost members.
     *
     * @return ensemble size
     */
    public int ensembleSize() {
        return members.size();
    }

    /**
     * Renders the model card (Markdown) from the records in the bundle: data, protocol,
     * cross-validation results, calibration, decision rule, confident zone and
     * out-of-distribution thresholds.
     *
     * @return Markdown text
     */
    public String modelCardMarkdown() {
        return ModelCard.render(metadata, members.size());
    }

    /**
     * Serialises the model into a self-contained zip bundle: one Tribuo protobuf per member,
     * {@code metadata.json} and {@code provenance.json}.
     *
     * @return bundle bytes
     */
    public byte[] toBytes() {
        return new ModelBundle(members.stream().map(XGBoostClassifier::toBytes).toList(),
                MetadataJson.write(metadata), provenanceJson).toZip();
    }

    /**
     * Restores a model from a bundle written by {@link #toBytes()}.
     *
     * @param bundle bundle bytes
     * @return the model
     * @throws IllegalArgumentException if the bytes are not a valid bundle
     */
    public static TrainedModel fromBytes(byte[] bundle) {
        ModelBundle content = ModelBundle.fromZip(Objects.requireNonNull(bundle, "bundle"));
        ModelMetadata metadata = MetadataJson.read(content.metadataJson());
        FeatureSchema schema = FeatureSchema.fromKeys(metadata.features());
        List<XGBoostClassifier> members = content.models().stream()
                .map(m -> XGBoostClassifier.fromBytes(m, schema)).toList();
        return new TrainedModel(members, metadata, content.provenanceJson());
    }
}
