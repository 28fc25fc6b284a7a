package org.leukemia.ml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.leukemia.ml.evaluation.Metrics;
import org.leukemia.ml.features.FeatureEngineering;
import org.leukemia.ml.features.FeatureSchema;
import org.leukemia.ml.training.Calibration;
import org.leukemia.ml.training.ConfidentZone;
import org.leukemia.ml.training.CvResult;
import org.leukemia.ml.training.DistributionGuard;
import org.leukemia.ml.training.RankLogisticRegression;
import org.leukemia.ml.training.StratifiedFolds;
import org.leukemia.ml.training.TrainingDataDigest;
import org.leukemia.ml.tribuo.XGBoostClassifier;

/**
 * Trains the ALL / AML / APL classifier (an ensemble of XGBoost models through Tribuo) by a
 * fixed protocol that only ever looks at the training cases:
 * <ol>
 *   <li>seeded stratified k-fold cross-validation of every candidate design of the
 *       {@link TrainingProtocol} (hyperparameters, derived features, class weights); each
 *       candidate's out-of-fold margins are calibrated and given the better of two decision
 *       rules (most probable, or prevalence-balanced) by out-of-fold balanced accuracy;</li>
 *   <li>the candidate with the highest out-of-fold macro AUC plus balanced accuracy is
 *       chosen;</li>
 *   <li>the whole ensemble (seeds {@code seed}, {@code seed + 1}, ...) of the chosen
 *       design is cross-validated {@link TrainingProtocol#repeats()} times with other folds
 *       (fold seeds {@code seed}, {@code seed + 1}, ...), so that each out-of-fold
 *       prediction is made like a deployed one (the same ensemble, calibration and decision
 *       rule); in the same folds a {@link RankLogisticRegression} on the rank-transformed
 *       inputs is fitted, and its log-odds are added to the trees' margins with the weight
 *       (one of {@link RankLogisticRegression#BLEND_WEIGHTS}) of the best pooled
 *       out-of-fold macro AUC plus balanced accuracy;</li>
 *   <li>the pooled out-of-fold blended margins of all repeats fit the final calibration,
 *       decision rule, confident-zone cut-offs (for synthetic training data the confident
 *       zone stays empty: precision on synthetic patients is no evidence about real ones)
 *       and ambiguity threshold of the guard;</li>
 *   <li>the members, the out-of-distribution guard and the logistic regression (on the
 *       guard's normal scores) are fitted on all cases.</li>
 * </ol>
 * Deterministic: the same cases and protocol give identical probabilities (each XGBoost run
 * uses one thread; folds run in parallel but are collected in a fixed order).
 */
public final class ModelTrainer {

    private static final Logger LOG = Logger.getLogger(ModelTrainer.class.getName());
    private static final int K = Subtype.values().length;
    /** Hyperparameter key of the logistic regression's blend weight. */
    static final String LOGISTIC_WEIGHT = "logisticRegressionWeight";

    private final TrainingProtocol protocol;

    /**
     * Creates a trainer for one fixed design ({@link TrainingProtocol#single}).
     *
     * @param settings hyperparameters; {@link TrainingSettings#defaults()} is a good start
     */
    public ModelTrainer(TrainingSettings settings) {
        this(TrainingProtocol.single(Objects.requireNonNull(settings, "settings")));
    }

    /**
     * Creates a trainer that searches the designs of a protocol.
     *
     * @param protocol the protocol, for example {@link TrainingProtocol#standard()}
     */
    public ModelTrainer(TrainingProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /** One candidate design. */
    private record Design(TrainingSettings settings, boolean derived, boolean weighted) {

        String name() {
            return "depth " + settings.maxDepth() + ", " + settings.numTrees() + " trees, eta "
                    + settings.eta() + (derived ? ", derived features" : ", raw features")
                    + (weighted ? ", balanced weights" : ", unweighted");
        }

        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>(settings.asMap());
            map.put(TrainedModel.DERIVED_FEATURES, Boolean.toString(derived));
            map.put("classWeights", weighted ? "balanced" : "none");
            return map;
        }
    }

    /**
     * Trains a model.
     *
     * @param cases training cases; each subtype must occur at least once per fold
     * @param trainingSource where the cases come from (file name or generator), recorded in
     *     the metadata and provenance; never a machine path
     * @param synthetic whether the cases are synthetic rather than real patients
     * @return the trained model with its metadata
     * @throws IllegalArgumentException if the cases are empty or a subtype is absent
     */
    public TrainedModel train(List<LabeledCase> cases, String trainingSource,
            boolean synthetic) {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(trainingSource, "trainingSource");
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no training cases");
        }
        for (Subtype s : Subtype.values()) {
            if (cases.stream().noneMatch(c -> c.diagnosis() == s)) {
                throw new IllegalArgumentException("no training case of subtype " + s);
            }
        }
        long start = System.nanoTime();
        FeatureSchema schema = FeatureSchema.standard();
        String description = description(cases.size(), trainingSource, synthetic);
        int[] truth = cases.stream().mapToInt(c -> c.diagnosis().ordinal()).toArray();
        int[] folds = StratifiedFolds.assign(truth, protocol.folds(), protocol.seed());
        List<Design> designs = designs();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            List<double[][]> oof = new ArrayList<>();
            for (Design d : designs) {
                oof.add(outOfFold(pool, cases, truth, folds, d, 1, schema, description));
            }
            List<CvResult> results = new ArrayList<>();
            int best = 0;
            for (int i = 0; i < designs.size(); i++) {
                results.add(evaluate(designs.get(i), oof.get(i), truth));
                if (results.get(i).score() > results.get(best).score()) {
                    best = i;
                }
            }
            results.set(best, results.get(best).asChosen());
            Design chosen = designs.get(best);
            LOG.log(Level.INFO, "Cross-validation chose {0} among {1} designs",
                    new Object[] {chosen.name(), designs.size()});
            double[][] single = oof.get(best);
            int n = cases.size();
            double[][] trees = new double[n * protocol.repeats()][];
            double[][] linear = new double[n * protocol.repeats()][];
            int[] pooledTruth = new int[n * protocol.repeats()];
            for (int r = 0; r < protocol.repeats(); r++) {
                int[] repeatFolds = r == 0 ? folds
                        : StratifiedFolds.assign(truth, protocol.folds(), protocol.seed() + r);
                double[][] margins = r == 0 && protocol.ensembleSize() == 1 ? single
                        : outOfFold(pool, cases, truth, repeatFolds, chosen,
                                protocol.ensembleSize(), schema, description);
                System.arraycopy(margins, 0, trees, r * n, n);
                System.arraycopy(linearOutOfFold(cases, truth, repeatFolds, chosen.weighted(),
                        schema), 0, linear, r * n, n);
                System.arraycopy(truth, 0, pooledTruth, r * n, n);
            }
            double blend = blendWeight(trees, linear, pooledTruth);
            double[][] ensemble = blend(trees, linear, blend);
            Calibrated pooled = calibrate(ensemble, pooledTruth);
            Calibration calibration = pooled.calibration();
            double[][] p = pooled.probabilities();
            int[] decided = pooled.decided();
            double[] cut = ConfidentZone.cutoffs(p, decided, pooledTruth,
                    ConfidentZone.TARGET_PPV, protocol.repeats());
            if (synthetic) {
                // precision on synthetic patients says nothing about real ones
                Arrays.fill(cut, ConfidentZone.NEVER);
            }
            Map<Subtype, Double> cutoffs = new EnumMap<>(Subtype.class);
            for (Subtype s : Subtype.values()) {
                cutoffs.put(s, cut[s.ordinal()]);
            }
            Map<String, Double> figures = figures(single, truth, ensemble, calibration,
                    pooledTruth, cut);
            figures.put("treesOnly.macroAuc", Metrics.macroAuc(pooledTruth,
                    Arrays.stream(trees).map(Calibration::softmax).toArray(double[][]::new), K));
            List<XGBoostClassifier> members = fitAll(pool, cases, truth, chosen,
                    protocol.ensembleSize(), schema, description);
            DistributionGuard fitted = DistributionGuard.fit(cases, schema.parameters(),
                    DistributionGuard.DEFAULT_PERCENTILE);
            RankLogisticRegression linearModel = blend == 0 ? null
                    : fitLinear(cases, truth, fitted, chosen.weighted()).withWeight(blend);
            double[] decidedP = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                decidedP[i] = p[i][decided[i]];
            }
            DistributionGuard guard = fitted.withAmbiguityFrom(decidedP);
            figures.putAll(ambiguityFigures(decidedP, decided, pooledTruth,
                    guard.ambiguityThreshold()));
            Map<String, String> hyper = chosen.asMap();
            hyper.put("ensembleSize", Integer.toString(protocol.ensembleSize()));
            hyper.put("folds", Integer.toString(protocol.folds()));
            hyper.put("cvRepeats", Integer.toString(protocol.repeats()));
            hyper.put("decisionRule", calibration.decisionRule());
            hyper.put(LOGISTIC_WEIGHT, Double.toString(blend));
            hyper.put("selection", "max out-of-fold macro AUC + balanced accuracy");
            ModelMetadata metadata = new ModelMetadata(description, trainingSource, synthetic,
                    classCounts(cases), TrainingDataDigest.sha256(cases), hyper,
                    protocol.seed(), Instant.now(), XGBoostClassifier.tribuoVersion(),
                    schema.keys(), results, calibration, cutoffs, guard, figures, linearModel);
            LOG.log(Level.INFO, "Trained on {0} cases in {1} ms",
                    new Object[] {cases.size(), (System.nanoTime() - start) / 1_000_000});
            return TrainedModel.of(members, metadata);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Design> designs() {
        List<Design> designs = new ArrayList<>();
        for (TrainingSettings s : protocol.grid()) {
            for (boolean derived : protocol.derivedFeatures()) {
                for (boolean weighted : protocol.classWeights()) {
                    designs.add(new Design(s.withSeed(protocol.seed()), derived, weighted));
                }
            }
        }
        return designs;
    }

    private static List<Map<String, Double>> rows(List<LabeledCase> cases,
            FeatureSchema schema, boolean derived) {
        return cases.stream()
                .map(c -> FeatureEngineering.encode(c.values(), schema, derived)).toList();
    }

    private static double[] weights(int[] truth, boolean weighted) {
        int[] counts = new int[K];
        for (int t : truth) {
            counts[t]++;
        }
        double[] w = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            w[i] = weighted ? (double) truth.length / (K * counts[truth[i]]) : 1.0;
        }
        return w;
    }

    private static XGBoostClassifier fit(List<Map<String, Double>> rows, int[] truth,
            boolean weighted, FeatureSchema schema, TrainingSettings settings,
            String description) {
        List<Subtype> labels = Arrays.stream(truth).mapToObj(t -> Subtype.values()[t])
                .toList();
        return XGBoostClassifier.train(rows, labels, weights(truth, weighted), schema,
                settings, description);
    }

    private double[][] outOfFold(ExecutorService pool, List<LabeledCase> cases, int[] truth,
            int[] folds, Design design, int members, FeatureSchema schema,
            String description) {
        List<Map<String, Double>> rows = rows(cases, schema, design.derived());
        double[][] margins = new double[cases.size()][K];
        List<Future<double[][]>> futures = new ArrayList<>();
        List<int[]> heldOut = new ArrayList<>();
        for (int f = 0; f < protocol.folds(); f++) {
            List<Map<String, Double>> trainRows = new ArrayList<>();
            List<Map<String, Double>> testRows = new ArrayList<>();
            List<Integer> trainTruth = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (folds[i] == f) {
                    testRows.add(rows.get(i));
                    testIdx.add(i);
                } else {
                    trainRows.add(rows.get(i));
                    trainTruth.add(truth[i]);
                }
            }
            int[] t = trainTruth.stream().mapToInt(Integer::intValue).toArray();
            heldOut.add(testIdx.stream().mapToInt(Integer::intValue).toArray());
            for (int m = 0; m < members; m++) {
                TrainingSettings settings = design.settings().withSeed(protocol.seed() + m);
                futures.add(pool.submit(() -> fit(trainRows, t, design.weighted(), schema,
                        settings, description).margins(testRows)));
            }
        }
        for (int f = 0; f < protocol.folds(); f++) {
            for (int m = 0; m < members; m++) {
                double[][] part = get(futures.get(f * members + m));
                int[] idx = heldOut.get(f);
                for (int j = 0; j < idx.length; j++) {
                    for (int c = 0; c < K; c++) {
                        margins[idx[j]][c] += part[j][c] / members;
                    }
                }
            }
        }
        return margins;
    }

    private List<XGBoostClassifier> fitAll(ExecutorService pool, List<LabeledCase> cases,
            int[] truth, Design design, int members, FeatureSchema schema,
            String description) {
        List<Map<String, Double>> rows = rows(cases, schema, design.derived());
        List<Future<XGBoostClassifier>> futures = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            TrainingSettings settings = design.settings().withSeed(protocol.seed() + m);
            futures.add(pool.submit(() -> fit(rows, truth, design.weighted(), schema,
                    settings, description)));
        }
        return futures.stream().map(ModelTrainer::get).toList();
    }

    private static RankLogisticRegression fitLinear(List<LabeledCase> cases, int[] truth,
            DistributionGuard scores, boolean weighted) {
        double[][] z = cases.stream().map(c -> scores.normalScores(c.values()))
                .toArray(double[][]::new);
        return RankLogisticRegression.fit(z, truth, weights(truth, weighted), K);
    }

    /**
     * Out-of-fold log-odds of the rank-based logistic regression: in each fold, the normal
     * scores and the regression are fitted on the other folds alone.
     */
    private double[][] linearOutOfFold(List<LabeledCase> cases, int[] truth, int[] folds,
            boolean weighted, FeatureSchema schema) {
        double[][] margins = new double[cases.size()][];
        for (int f = 0; f < protocol.folds(); f++) {
            List<LabeledCase> fit = new ArrayList<>();
            List<Integer> fitTruth = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (folds[i] != f) {
                    fit.add(cases.get(i));
                    fitTruth.add(truth[i]);
                }
            }
            DistributionGuard scores = DistributionGuard.fit(fit, schema.parameters(),
                    DistributionGuard.DEFAULT_PERCENTILE);
            RankLogisticRegression model = fitLinear(fit,
                    fitTruth.stream().mapToInt(Integer::intValue).toArray(), scores, weighted);
            for (int i = 0; i < cases.size(); i++) {
                if (folds[i] == f) {
                    margins[i] = model.margins(scores.normalScores(cases.get(i).values()));
                }
            }
        }
        return margins;
    }

    private static double[][] blend(double[][] trees, double[][] linear, double weight) {
        double[][] out = new double[trees.length][K];
        for (int i = 0; i < trees.length; i++) {
            for (int c = 0; c < K; c++) {
                out[i][c] = trees[i][c] + weight * linear[i][c];
            }
        }
        return out;
    }

    /**
     * The blend weight of the logistic regression with the best out-of-fold macro AUC plus
     * balanced accuracy, each weight with its own calibration and decision rule; the
     * smallest among equals.
     */
    private static double blendWeight(double[][] trees, double[][] linear, int[] truth) {
        double best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double w : RankLogisticRegression.BLEND_WEIGHTS) {
            double[][] margins = blend(trees, linear, w);
            Calibrated fitted = calibrate(margins, truth);
            double score = Metrics.macroAuc(truth, fitted.probabilities(), K)
                    + Metrics.balancedAccuracy(Metrics.confusion(truth, fitted.decided(), K));
            LOG.log(Level.FINE, "Logistic regression weight {0}: out-of-fold score {1}",
                    new Object[] {w, score});
            if (score > bestScore + 1e-12) {
                best = w;
                bestScore = score;
            }
        }
        return best;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("training failed", e.getCause());
        }
    }

    /** A calibration fitted on out-of-fold margins, with what it makes of them. */
    private record Calibrated(Calibration calibration, double[][] probabilities,
            int[] decided) {
    }

    /** Fits the calibration and decision rule on {@code margins}, and applies them. */
    private static Calibrated calibrate(double[][] margins, int[] truth) {
        Calibration calibration = withDecisionRule(Calibration.fit(margins, truth), margins,
                truth);
        double[][] p = Arrays.stream(margins).map(calibration::probabilities)
                .toArray(double[][]::new);
        return new Calibrated(calibration, p,
                Arrays.stream(p).mapToInt(calibration::decide).toArray());
    }

    private static Calibration withDecisionRule(Calibration fitted, double[][] margins,
            int[] truth) {
        int[] counts = new int[K];
        for (int t : truth) {
            counts[t]++;
        }
        Calibration alternative = fitted.withDecision(Calibration.balancedWeights(counts),
                Calibration.BALANCED);
        return balancedAccuracy(alternative, margins, truth)
                > balancedAccuracy(fitted, margins, truth) ? alternative : fitted;
    }

    private static double balancedAccuracy(Calibration calibration, double[][] margins,
            int[] truth) {
        int[] decided = Arrays.stream(margins)
                .mapToInt(m -> calibration.decide(calibration.probabilities(m))).toArray();
        return Metrics.balancedAccuracy(Metrics.confusion(truth, decided, K));
    }

    private static CvResult evaluate(Design design, double[][] margins, int[] truth) {
        Calibrated fitted = calibrate(margins, truth);
        Calibration calibration = fitted.calibration();
        double[][] p = fitted.probabilities();
        int[] decided = fitted.decided();
        int[][] confusion = Metrics.confusion(truth, decided, K);
        Map<String, String> settings = design.asMap();
        settings.put("decisionRule", calibration.decisionRule());
        return new CvResult(design.name(), settings, Metrics.macroAuc(truth, p, K),
                Metrics.balancedAccuracy(confusion), Metrics.accuracy(confusion),
                Metrics.logLoss(truth, p), Metrics.brier(truth, p), false);
    }

    private static Map<String, Double> figures(double[][] single, int[] singleTruth,
            double[][] ensemble, Calibration calibration, int[] truth, double[] cut) {
        double[][] raw = Arrays.stream(ensemble).map(Calibration::softmax)
                .toArray(double[][]::new);
        double[][] singleP = Arrays.stream(single).map(Calibration::softmax)
                .toArray(double[][]::new);
        double[][] p = Arrays.stream(ensemble).map(calibration::probabilities)
                .toArray(double[][]::new);
        int[] decided = Arrays.stream(p).mapToInt(calibration::decide).toArray();
        int[] argmax = Arrays.stream(p).mapToInt(Metrics::argmax).toArray();
        int[][] confusion = Metrics.confusion(truth, decided, K);
        int confident = 0;
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (p[i][decided[i]] >= cut[decided[i]]) {
                confident++;
                correct += decided[i] == truth[i] ? 1 : 0;
            }
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("singleMember.macroAuc", Metrics.macroAuc(singleTruth, singleP, K));
        f.put("ensemble.macroAuc", Metrics.macroAuc(truth, p, K));
        f.put("ensemble.balancedAccuracy", Metrics.balancedAccuracy(confusion));
        f.put("ensemble.accuracy", Metrics.accuracy(confusion));
        f.put("mostProbable.balancedAccuracy",
                Metrics.balancedAccuracy(Metrics.confusion(truth, argmax, K)));
        f.put("uncalibrated.brier", Metrics.brier(truth, raw));
        f.put("calibrated.brier", Metrics.brier(truth, p));
        f.put("uncalibrated.logLoss", Metrics.logLoss(truth, raw));
        f.put("calibrated.logLoss", Metrics.logLoss(truth, p));
        f.put("uncalibrated.calibrationError",
                Metrics.calibrationError(Metrics.reliability(truth, raw, 10)));
        f.put("calibrated.calibrationError",
                Metrics.calibrationError(Metrics.reliability(truth, p, 10)));
        f.put("confident.share", (double) confident / truth.length);
        f.put("confident.ppv", confident == 0 ? Double.NaN : (double) correct / confident);
        return f;
    }

    private static Map<String, Double> ambiguityFigures(double[] decidedP, int[] decided,
            int[] truth, double threshold) {
        int kept = 0;
        int keptCorrect = 0;
        for (int i = 0; i < decided.length; i++) {
            if (decidedP[i] >= threshold) {
                kept++;
                keptCorrect += decided[i] == truth[i] ? 1 : 0;
            }
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("ambiguous.share", 1.0 - (double) kept / decided.length);
        f.put("notAmbiguous.accuracy", kept == 0 ? Double.NaN : (double) keptCorrect / kept);
        return f;
    }

    private static String description(int size, String source, boolean synthetic) {
        String data = synthetic
                ? size + " SYNTHETIC patients (not real patients) from " + source
                : size + " real patients from " + source;
        return "Ensemble of XGBoost classifiers of acute leukaemia subtype (ALL / AML / APL)"
                + " from routine laboratory values, trained on " + data
                + ". Supports a diagnosis; never replaces one.";
    }

    private static Map<Subtype, Integer> classCounts(List<LabeledCase> cases) {
        Map<Subtype, Integer> counts = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            counts.put(s, 0);
        }
        cases.forEach(c -> counts.merge(c.diagnosis(), 1, Integer::sum));
        return counts;
    }
}
