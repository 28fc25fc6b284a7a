package org.leukemia.ml.evaluation;

import java.util.List;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.ml.TrainedModel;

/** Evaluates a {@link TrainedModel} on labelled cases it was not trained on. */
public final class ModelEvaluation {

    private ModelEvaluation() {
    }

    /**
     * Predicts every case and compares with its diagnosis.
     *
     * @param model the model
     * @param cases evaluation cases
     * @return accuracy and AUCs
     */
    public static ClassificationReport evaluate(TrainedModel model, List<LabeledCase> cases) {
        List<SubtypePrediction> predictions =
                cases.stream().map(c -> model.predict(c.values())).toList();
        return ClassificationReport.of(cases.stream().map(LabeledCase::diagnosis).toList(),
                predictions);
    }

    /**
     * Scores every case for the {@link EvaluationReport}.
     *
     * @param model the model
     * @param cases evaluation cases
     * @param centre centre the cases come from
     * @return one scored case per case, in order
     */
    public static List<ScoredCase> score(TrainedModel model, List<LabeledCase> cases,
            String centre) {
        return cases.stream().map(c -> {
            SubtypePrediction p = model.predict(c.values());
            return new ScoredCase(c.caseId(), centre, c.diagnosis(), p.probabilities(),
                    p.predicted(), p.confident(), p.outOfDistribution(), p.withheld());
        }).toList();
    }
}
