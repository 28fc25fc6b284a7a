package org.leukemia.ml.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;

/**
 * Discrimination and accuracy of predictions against confirmed diagnoses.
 *
 * @param n number of patients
 * @param accuracy share of patients whose most probable subtype is the diagnosis
 * @param aucBySubtype one-versus-rest AUC per subtype
 * @param macroAuc unweighted mean of the per-subtype AUCs
 */
public record ClassificationReport(int n, double accuracy, Map<Subtype, Double> aucBySubtype,
        double macroAuc) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param n number of patients
     * @param accuracy share of patients whose most probable subtype is the diagnosis
     * @param aucBySubtype one-versus-rest AUC per subtype
     * @param macroAuc unweighted mean of the per-subtype AUCs
     * @throws NullPointerException if a component is null
     */
    public ClassificationReport {
        aucBySubtype = Collections.unmodifiableMap(new EnumMap<>(aucBySubtype));
    }

    /**
     * Evaluates predictions.
     *
     * @param diagnoses confirmed subtype per patient
     * @param predictions prediction per patient, in the same order
     * @return the report
     * @throws IllegalArgumentException if the lists differ in length or a subtype is absent
     */
    public static ClassificationReport of(List<Subtype> diagnoses,
            List<SubtypePrediction> predictions) {
        int n = diagnoses.size();
        if (n != predictions.size() || n == 0) {
            throw new IllegalArgumentException("one prediction per diagnosis needed");
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predictions.get(i).predicted() == diagnoses.get(i)) {
                correct++;
            }
        }
        Map<Subtype, Double> aucs = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = predictions.get(i).probability(s);
                positive[i] = diagnoses.get(i) == s;
            }
            aucs.put(s, OneVsRestAuc.auc(scores, positive));
        }
        double macro = aucs.values().stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        return new ClassificationReport(n, (double) correct / n, aucs, macro);
    }
}
