package org.leukemia.ml.training;

import java.util.Locale;
import java.util.Map;
import org.leukemia.ml.ModelMetadata;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.features.FeatureEngineering;

/** Renders a model card (Markdown) from the records a model bundle holds; nothing else. */
public final class ModelCard {

    private ModelCard() {
    }

    /**
     * Returns a parameter's label with its unit, without repeating a unit already in the
     * label.
     *
     * @param p the parameter
     * @return for example {@code "Fibrinogen (g/L)"} or {@code "Monocytes (%)"}
     */
    public static String labelWithUnit(Parameter p) {
        return p.label().endsWith("(" + p.unit() + ")") ? p.label()
                : p.label() + " (" + p.unit() + ")";
    }

    /**
     * Renders the card.
     *
     * @param m the model's metadata
     * @param members number of ensemble members
     * @return Markdown text
     */
    public static String render(ModelMetadata m, int members) {
        StringBuilder out = new StringBuilder();
        out.append("# Model card: acute leukaemia subtype (ALL / AML / APL)\n\n");
        out.append(m.description()).append("\n\n");
        out.append("## Training data\n\n");
        out.append("- Source: ").append(m.trainingSource()).append('\n');
        out.append("- Synthetic: ").append(m.syntheticTrainingData() ? "yes" : "no")
                .append('\n');
        out.append("- Patients per subtype: ").append(m.classCounts()).append('\n');
        out.append("- SHA-256 of the training cases: `").append(m.trainingDataSha256())
                .append("`\n");
        out.append("- Trained at ").append(m.trainedAt()).append(" with Tribuo ")
                .append(m.tribuoVersion()).append(", seed ").append(m.seed()).append("\n\n");
        out.append("## Inputs\n\n");
        for (String key : m.features()) {
            Parameter p = Parameter.fromKey(key).orElseThrow();
            out.append("- ").append(labelWithUnit(p)).append('\n');
        }
        if (Boolean.parseBoolean(m.hyperparameters().getOrDefault("derivedFeatures", "false"))) {
            out.append("- derived: ").append(String.join(", ", FeatureEngineering.DERIVED
                    .keySet())).append('\n');
        }
        out.append("\n## Chosen design (").append(members).append(" XGBoost members)\n\n");
        out.append("| hyperparameter | value |\n| --- | --- |\n");
        m.hyperparameters().forEach((k, v) -> out.append("| ").append(k).append(" | ")
                .append(v).append(" |\n"));
        out.append("\n## Cross-validation inside the training data\n\n");
        out.append("| design | decision rule | macro AUC | balanced acc. | accuracy | log loss"
                + " | Brier | chosen |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CvResult r : m.crossValidation()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f |"
                    + " %.3f | %s |%n", r.candidate(), r.settings().get("decisionRule"),
                    r.macroAuc(), r.balancedAccuracy(), r.accuracy(), r.logLoss(), r.brier(),
                    r.chosen() ? "**yes**" : ""));
        }
        out.append("\n## Out-of-fold figures of the final design\n\n");
        if (m.syntheticTrainingData()) {
            out.append("Measured by cross-validation on the SYNTHETIC training patients: they say"
                    + " how well the model learnt its training data, not how it does on real"
                    + " patients (see the external validation in the README).\n\n");
        }
        out.append("| figure | value |\n| --- | --- |\n");
        for (Map.Entry<String, Double> e : m.outOfFoldFigures().entrySet()) {
            out.append(String.format(Locale.ROOT, "| %s | %s |%n", e.getKey(),
                    e.getValue().isNaN() ? "none (no case)"
                            : String.format(Locale.ROOT, "%.4f", e.getValue())));
        }
        RankLogisticRegression linear = m.linearModel();
        out.append("\n## Logistic regression on ranks\n\n");
        out.append(linear == null ? "None: out of fold, the trees did as well without it.\n"
                : String.format(Locale.ROOT, "A multinomial logistic regression on the"
                        + " rank-transformed inputs (the normal scores of the"
                        + " out-of-distribution check below; ridge %.1f) adds its log-odds,"
                        + " times %.2f, to the averaged margin of the trees. The weight was"
                        + " chosen among %s on the pooled out-of-fold predictions.%n",
                        RankLogisticRegression.RIDGE, linear.weight(),
                        RankLogisticRegression.BLEND_WEIGHTS.stream().map(w -> String.format(
                                Locale.ROOT, "%.2f", w)).toList()));
        Calibration c = m.calibration();
        out.append("\n## Calibration and decision\n\n");
        out.append(String.format(Locale.ROOT, "Calibrated log-odds = %s / %.4f + bias (",
                linear == null ? "averaged margin" : "(averaged margin + logistic term)",
                c.temperature()));
        for (Subtype s : Subtype.values()) {
            out.append(String.format(Locale.ROOT, "%s %.4f%s", s, c.bias()[s.ordinal()],
                    s.ordinal() < Subtype.values().length - 1 ? ", " : ")"));
        }
        out.append(", fitted on out-of-fold margins by log loss.\n\n");
        out.append("Decision rule: ").append(c.decisionRule()).append(" (weights ");
        for (Subtype s : Subtype.values()) {
            out.append(String.format(Locale.ROOT, "%s %.3f%s", s,
                    c.decisionWeights()[s.ordinal()],
                    s.ordinal() < Subtype.values().length - 1 ? ", " : ")"));
        }
        out.append(".\n\n## Confident zone\n\n");
        out.append("A prediction is confident when the decided subtype's probability reaches its"
                + " cut-off and the prediction is not flagged (unusual input or ambiguous)."
                + " The cut-offs were chosen together on the pooled out-of-fold predictions of"
                + " every cross-validation repeat, for the most confident predictions at a"
                + " positive predictive value of at least ")
                .append(Math.round(ConfidentZone.TARGET_PPV * 100))
                .append(String.format(Locale.ROOT, " %% for the zone as a whole and at least"
                        + " %.1f %% for each subtype.\n\n", ConfidentZone.CLASS_FLOOR * 100));
        if (m.syntheticTrainingData()) {
            out.append("Trained on synthetic data: out-of-fold precision on synthetic patients is"
                    + " no evidence about real ones, so no prediction is ever confident.\n\n");
        }
        m.confidentCutoffs().forEach((s, v) -> out.append("- ").append(s).append(": ")
                .append(v > 1 ? "never" : String.format(Locale.ROOT, "p >= %.4f", v))
                .append('\n'));
        DistributionGuard g = m.distributionGuard();
        out.append("\n## Out-of-distribution check\n\n");
        if (g == null) {
            out.append("None.\n");
        } else {
            out.append(String.format(Locale.ROOT, "Flagged when a value lies outside the"
                    + " training range below, or when the Mahalanobis distance of the"
                    + " rank-transformed values exceeds %.2f (the %.0fth percentile of the"
                    + " training patients).%n%n", g.threshold(), g.percentile()));
            if (g.ambiguityThreshold() > 0) {
                out.append(String.format(Locale.ROOT, "Also flagged as ambiguous when the"
                        + " proposed subtype's probability is below %.4f (the %.0f %% least"
                        + " certain out-of-fold predictions on the training data).%n%n",
                        g.ambiguityThreshold(), DistributionGuard.AMBIGUOUS_SHARE * 100));
            }
            out.append(String.format(Locale.ROOT, "Also flagged when fewer than %.0f %% of the"
                    + " model's inputs are given, or when the proposed subtype changes once the"
                    + " missing inputs take ordinary training values (their quartiles or"
                    + " median): the suggestion then rests on the absence of results. In both"
                    + " cases no subtype is suggested, nor when a value lies far beyond the"
                    + " range below (above %.0f times the highest, or below the lowest divided"
                    + " by %.0f).%n%n", org.leukemia.ml.TrainedModel.MIN_MEASURED_SHARE * 100,
                    DistributionGuard.FAR, DistributionGuard.FAR));
            out.append("| parameter | lowest | typical | highest |\n| --- | --- | --- | --- |\n");
            for (int j = 0; j < g.features().size(); j++) {
                Parameter p = Parameter.fromKey(g.features().get(j)).orElseThrow();
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n",
                        labelWithUnit(p), g.min()[j], g.median(p).orElseThrow(), g.max()[j]));
            }
        }
        out.append("\n## Intended use\n\nSupports, never replaces, the diagnosis of acute"
                + " leukaemia by a haematologist (cytology, immunophenotyping, genetics).\n");
        return out.toString();
    }
}
