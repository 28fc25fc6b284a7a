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
}
