package org.leukemia.ml.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.Subtype;

/**
 * The evaluation report of a model on labelled patients, per centre and pooled, optionally
 * beside a comparison model scored on the same patients (for example AI-PAL's published
 * probabilities). {@link #toText()} is the rendering the command line prints.
 *
 * @param modelName name of the evaluated model
 * @param comparisonName name of the comparison model, or null when there is none
 * @param sections one section per centre, then the pooled section
 */
public record EvaluationReport(String modelName, String comparisonName,
        List<Section> sections) {

    /** Bootstrap resamples for the 95 % intervals. */
    public static final int RESAMPLES = 1000;
    /** Seed of the bootstrap, so that a report is reproducible. */
    public static final long BOOTSTRAP_SEED = 20240501L;
    /** Bins of the reliability table. */
    public static final int RELIABILITY_BINS = 10;
    /** Name of the pooled section. */
    public static final String POOLED = "pooled";

    /**
     * Validates the components and copies mutable ones.
     *
     * @param modelName name of the evaluated model
     * @param comparisonName name of the comparison model, or null when there is none
     * @param sections one section per centre, then the pooled section
     */
    public EvaluationReport {
        Objects.requireNonNull(modelName, "modelName");
        sections = List.copyOf(sections);
    }

    /**
     * Figures of one centre (or pooled) for our model and the comparison.
     *
     * @param name centre name or {@link #POOLED}
     * @param ours figures of the evaluated model
     * @param comparison figures of the comparison model on the same patients, or null
     */
    public record Section(String name, Figures ours, Figures comparison) {
    }

    /**
     * Figures of one model on one set of patients.
     *
     * @param n patients
     * @param accuracy share whose decision is the diagnosis, with bootstrap 95 % interval
     * @param balancedAccuracy mean recall over subtypes, with interval
     * @param auc one-versus-rest AUC per subtype, with interval
     * @param macroAuc mean of the per-subtype AUCs, with interval
     * @param precision precision (PPV) per subtype
     * @param recall recall (sensitivity) per subtype
     * @param f1 F1 per subtype
     * @param confusion counts {@code [true][decided]} in {@link Subtype} order
     * @param brier multi-class Brier score
     * @param reliability reliability table
     * @param calibrationError expected calibration error of the reliability table
     * @param confident patients inside the confident zone
     * @param confidentCorrect correct decisions among them
     * @param outOfDistribution patients flagged as out of distribution
     * @param withheld patients for whom the model withheld its suggestion (all flagged too)
     * @param inDistributionAccuracy accuracy on patients not flagged (NaN if none)
     * @param inDistributionBalancedAccuracy balanced accuracy on patients not flagged
     */
    public record Figures(int n, Metrics.Interval accuracy, Metrics.Interval balancedAccuracy,
            Map<Subtype, Metrics.Interval> auc, Metrics.Interval macroAuc,
            Map<Subtype, Double> precision, Map<Subtype, Double> recall,
            Map<Subtype, Double> f1, int[][] confusion, double brier,
            List<Metrics.ReliabilityBin> reliability, double calibrationError, int confident,
            int confidentCorrect, int outOfDistribution, int withheld,
            double inDistributionAccuracy,
            double inDistributionBalancedAccuracy) {

        /**
         * Computes every figure.
         *
         * @param cases scored patients, not empty
         * @return the figures
         */
        public static Figures of(List<ScoredCase> cases) {
            int k = Subtype.values().length;
            int n = cases.size();
            int[] truth = cases.stream().mapToInt(c -> c.truth().ordinal()).toArray();
            int[] decided = cases.stream().mapToInt(c -> c.decision().ordinal()).toArray();
            double[][] p = cases.stream().map(ScoredCase::row).toArray(double[][]::new);
            int[][] confusion = Metrics.confusion(truth, decided, k);
            Metrics.Interval accuracy = Metrics.bootstrap(n, s -> Metrics.accuracy(
                    Metrics.confusion(Metrics.select(truth, s), Metrics.select(decided, s), k)),
                    RESAMPLES, BOOTSTRAP_SEED);
            Metrics.Interval balanced = Metrics.bootstrap(n, s -> Metrics.balancedAccuracy(
                    Metrics.confusion(Metrics.select(truth, s), Metrics.select(decided, s), k)),
                    RESAMPLES, BOOTSTRAP_SEED);
            Map<Subtype, Metrics.Interval> auc = new EnumMap<>(Subtype.class);
            Map<Subtype, Double> precision = new EnumMap<>(Subtype.class);
            Map<Subtype, Double> recall = new EnumMap<>(Subtype.class);
            Map<Subtype, Double> f1 = new EnumMap<>(Subtype.class);
            for (Subtype s : Subtype.values()) {
                int c = s.ordinal();
                auc.put(s, Metrics.bootstrap(n, idx -> Metrics.auc(Metrics.select(truth, idx),
                        Metrics.select(p, idx), c), RESAMPLES, BOOTSTRAP_SEED));
                precision.put(s, Metrics.precision(confusion, c));
                recall.put(s, Metrics.recall(confusion, c));
                f1.put(s, Metrics.f1(confusion, c));
            }
            Metrics.Interval macro = Metrics.bootstrap(n, idx -> Metrics.macroAuc(
                    Metrics.select(truth, idx), Metrics.select(p, idx), k),
                    RESAMPLES, BOOTSTRAP_SEED);
            List<Metrics.ReliabilityBin> reliability =
                    Metrics.reliability(truth, p, RELIABILITY_BINS);
            int confident = 0;
            int confidentCorrect = 0;
            int flagged = 0;
            int withheld = 0;
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ScoredCase c = cases.get(i);
                if (c.confident()) {
                    confident++;
                    confidentCorrect += c.decision() == c.truth() ? 1 : 0;
                }
                withheld += c.withheld() ? 1 : 0;
                if (c.outOfDistribution()) {
                    flagged++;
                } else {
                    kept.add(i);
                }
            }
            int[] keptIdx = kept.stream().mapToInt(Integer::intValue).toArray();
            int[][] keptConfusion = Metrics.confusion(Metrics.select(truth, keptIdx),
                    Metrics.select(decided, keptIdx), k);
            return new Figures(n, accuracy, balanced, auc, macro, precision, recall, f1,
                    confusion, Metrics.brier(truth, p), reliability,
                    Metrics.calibrationError(reliability), confident, confidentCorrect, flagged,
                    withheld, Metrics.accuracy(keptConfusion), Metrics.balancedAccuracy(keptConfusion));
        }
    }

    /**
     * Builds the report: one section per centre (in order of first appearance) and, when
     * there is more than one centre, a pooled section.
     *
     * @param modelName name of the evaluated model
     * @param ours our scored patients
     * @param comparisonName name of the comparison, or null
     * @param comparison the comparison's scored patients, same patients in the same order,
     *     or null
     * @return the report
     * @throws IllegalArgumentException if the comparison does not cover the same patients
     */
    public static EvaluationReport of(String modelName, List<ScoredCase> ours,
            String comparisonName, List<ScoredCase> comparison) {
        if (ours.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        if (comparison != null) {
            if (comparison.size() != ours.size()) {
                throw new IllegalArgumentException("comparison covers other patients");
            }
            for (int i = 0; i < ours.size(); i++) {
                if (!ours.get(i).caseId().equals(comparison.get(i).caseId())
                        || ours.get(i).truth() != comparison.get(i).truth()) {
                    throw new IllegalArgumentException("comparison differs at row " + (i + 1));
                }
            }
        }
        Map<String, List<Integer>> byCentre = new LinkedHashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            byCentre.computeIfAbsent(ours.get(i).centre(), x -> new ArrayList<>()).add(i);
        }
        List<Section> sections = new ArrayList<>();
        byCentre.forEach((centre, idx) -> sections.add(section(centre, idx, ours, comparison)));
        if (byCentre.size() > 1) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                all.add(i);
            }
            sections.add(section(POOLED, all, ours, comparison));
        }
        return new EvaluationReport(modelName, comparison == null ? null : comparisonName,
                sections);
    }

    private static Section section(String name, List<Integer> idx, List<ScoredCase> ours,
            List<ScoredCase> comparison) {
        Figures mine = Figures.of(idx.stream().map(ours::get).toList());
        Figures theirs = comparison == null ? null
                : Figures.of(idx.stream().map(comparison::get).toList());
        return new Section(name, mine, theirs);
    }

    /**
     * Returns the pooled section, or the only section when there is one centre.
     *
     * @return the overall section
     */
    public Section overall() {
        return sections.get(sections.size() - 1);
    }

    /**
     * Renders the report as plain text (the same text the command line prints).
     *
     * @return multi-line text
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation of ").append(modelName);
        if (comparisonName != null) {
            out.append(" beside ").append(comparisonName);
        }
        out.append("\n95 % intervals: percentile bootstrap, ").append(RESAMPLES)
                .append(" resamples, seed ").append(BOOTSTRAP_SEED).append('\n');
        for (Section s : sections) {
            out.append('\n').append("== ").append(s.name()).append(" (n = ")
                    .append(s.ours().n()).append(") ==\n");
            appendTable(out, s);
            appendConfusion(out, "Confusion (" + modelName + ")", s.ours());
            if (s.comparison() != null) {
                appendConfusion(out, "Confusion (" + comparisonName + ")", s.comparison());
            }
            appendReliability(out, s);
        }
        return out.toString();
    }

    private void appendTable(StringBuilder out, Section s) {
        String theirs = comparisonName == null ? null : comparisonName;
        row(out, "measure", theirs, modelName);
        Figures o = s.ours();
        Figures c = s.comparison();
        row(out, "macro AUC (OvR)", c == null ? null : ci(c.macroAuc()), ci(o.macroAuc()));
        for (Subtype t : Subtype.values()) {
            row(out, "AUC " + t, c == null ? null : ci(c.auc().get(t)), ci(o.auc().get(t)));
        }
        row(out, "accuracy", c == null ? null : ci(c.accuracy()), ci(o.accuracy()));
        row(out, "balanced accuracy", c == null ? null : ci(c.balancedAccuracy()),
                ci(o.balancedAccuracy()));
        for (Subtype t : Subtype.values()) {
            row(out, "precision / recall / F1 " + t, c == null ? null : prf(c, t), prf(o, t));
        }
        row(out, "Brier (multi-class)", c == null ? null : f3(c.brier()), f3(o.brier()));
        row(out, "calibration error (ECE)", c == null ? null : f3(c.calibrationError()),
                f3(o.calibrationError()));
        row(out, "confident zone: patients", c == null ? null : share(c.confident(), c.n()),
                share(o.confident(), o.n()));
        row(out, "confident zone: correct", c == null ? null
                : share(c.confidentCorrect(), c.confident()),
                share(o.confidentCorrect(), o.confident()));
        row(out, "out of distribution", c == null ? null
                : share(c.outOfDistribution(), c.n()), share(o.outOfDistribution(), o.n()));
        row(out, "  of which suggestion withheld", c == null ? null : share(c.withheld(), c.n()),
                share(o.withheld(), o.n()));
        row(out, "accuracy, not flagged", c == null ? null : f3(c.inDistributionAccuracy()),
                f3(o.inDistributionAccuracy()));
        row(out, "balanced acc., not flagged", c == null ? null
                : f3(c.inDistributionBalancedAccuracy()),
                f3(o.inDistributionBalancedAccuracy()));
    }

    private static void row(StringBuilder out, String measure, String theirs, String ours) {
        if (theirs == null) {
            out.append(String.format(Locale.ROOT, "%-30s | %-24s%n", measure, ours));
        } else {
            out.append(String.format(Locale.ROOT, "%-30s | %-24s | %-24s%n", measure, theirs,
                    ours));
        }
    }

    private static void appendConfusion(StringBuilder out, String title, Figures f) {
        out.append(title).append(", rows true, columns decided:\n");
        out.append(String.format(Locale.ROOT, "%8s", ""));
        for (Subtype t : Subtype.values()) {
            out.append(String.format(Locale.ROOT, "%6s", t));
        }
        out.append('\n');
        for (Subtype t : Subtype.values()) {
            out.append(String.format(Locale.ROOT, "%8s", t));
            for (Subtype d : Subtype.values()) {
                int count = f.confusion()[t.ordinal()][d.ordinal()];
                out.append(String.format(Locale.ROOT, "%6d", count));
            }
            out.append('\n');
        }
    }

    private void appendReliability(StringBuilder out, Section s) {
        out.append("Reliability (all class probabilities): bin | n | mean predicted | observed");
        out.append(s.comparison() == null ? "\n" : " || same for " + comparisonName + "\n");
        for (int b = 0; b < RELIABILITY_BINS; b++) {
            Metrics.ReliabilityBin o = s.ours().reliability().get(b);
            out.append(String.format(Locale.ROOT, "%.1f-%.1f | %4d | %6s | %6s", o.lower(),
                    o.upper(), o.count(), f3(o.meanPredicted()), f3(o.observed())));
            if (s.comparison() != null) {
                Metrics.ReliabilityBin c = s.comparison().reliability().get(b);
                out.append(String.format(Locale.ROOT, " || %4d | %6s | %6s", c.count(),
                        f3(c.meanPredicted()), f3(c.observed())));
            }
            out.append('\n');
        }
    }

    private static String ci(Metrics.Interval i) {
        return String.format(Locale.ROOT, "%s (%s-%s)", f3(i.estimate()), f3(i.lower()),
                f3(i.upper()));
    }

    private static String prf(Figures f, Subtype t) {
        return f3(f.precision().get(t)) + " / " + f3(f.recall().get(t)) + " / "
                + f3(f.f1().get(t));
    }

    private static String share(int k, int n) {
        return n == 0 ? k + " / 0" : String.format(Locale.ROOT, "%d / %d (%.1f %%)", k, n,
                100.0 * k / n);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
