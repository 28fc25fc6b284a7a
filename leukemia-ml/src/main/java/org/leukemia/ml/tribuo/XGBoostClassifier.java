package org.leukemia.ml.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.TrainingSettings;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.leukemia.ml.features.FeatureSchema;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The only class that knows Tribuo and XGBoost: trains, applies and serialises a multi-class
 * gradient-boosted tree model on a {@link FeatureSchema}.
 *
 * <p>Encoding: each present feature becomes a Tribuo feature, including measured zeros;
 * a missing feature is left out. Tribuo's XGBoost converter writes every feature of an
 * example into the sparse (CSR) matrix, zeros included, and XGBoost treats entries absent
 * from that matrix as missing, so 0 and missing stay distinct. NaN is never passed.
 *
 * <p>Thread-safe: prediction is serialised on the model.
 */
public final class XGBoostClassifier {

    private static final LabelFactory LABELS = new LabelFactory();

    private final Model<Label> model;
    private final FeatureSchema schema;

    private XGBoostClassifier(Model<Label> model, FeatureSchema schema) {
        this.model = model;
        this.schema = schema;
        servedOnOneThread(model);
    }

    /**
     * Makes XGBoost predict on the calling thread alone. Its predictions here are small
     * batches (at most a chunk of an upload), for which OpenMP's worker threads cost more
     * than they save: they spin between batches and take the cores from the rest of the
     * server. Training is not affected (it runs with the settings' thread count); the
     * predictions are the same.
     */
    private static void servedOnOneThread(Model<Label> model) {
        @SuppressWarnings("unchecked")
        List<Booster> boosters = ((XGBoostModel<Label>) model).getInnerModels();
        for (Booster booster : boosters) {
            try {
                booster.setParam("nthread", 1);
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost refused a thread count of 1", e);
            }
        }
    }

    /**
     * Trains a classifier with a new trainer, so that the seed alone fixes the result.
     *
     * @param cases training cases; every subtype must occur
     * @param schema features to use
     * @param settings hyperparameters
     * @param dataDescription description of the training data, recorded in the provenance
     * @return the trained classifier
     * @throws IllegalArgumentException if a subtype has no case
     */
    public static XGBoostClassifier train(List<LabeledCase> cases, FeatureSchema schema,
            TrainingSettings settings, String dataDescription) {
        for (Subtype s : Subtype.values()) {
            if (cases.stream().noneMatch(c -> c.diagnosis() == s)) {
                throw new IllegalArgumentException("no training case of subtype " + s);
            }
        }
        var dataset = new MutableDataset<Label>(
                new SimpleDataSourceProvenance(dataDescription, LABELS), LABELS);
        for (LabeledCase c : cases) {
            dataset.add(example(new Label(c.diagnosis().name()), schema, c.values()));
        }
        return new XGBoostClassifier(trainer(settings).train(dataset), schema);
    }

    /**
     * Trains a classifier on already encoded feature rows, with a weight per row (Tribuo's
     * weighted examples; XGBoost multiplies each row's gradient by it).
     *
     * @param rows feature name to value per row; a missing feature is absent
     * @param labels subtype per row; every subtype must occur
     * @param weights weight per row, positive
     * @param schema input parameters, kept for {@link #predict(LabValues)} and notes
     * @param settings hyperparameters
     * @param dataDescription description of the training data, recorded in the provenance
     * @return the trained classifier
     */
    public static XGBoostClassifier train(List<Map<String, Double>> rows, List<Subtype> labels,
            double[] weights, FeatureSchema schema, TrainingSettings settings,
            String dataDescription) {
        for (Subtype s : Subtype.values()) {
            if (!labels.contains(s)) {
                throw new IllegalArgumentException("no training case of subtype " + s);
            }
        }
        var dataset = new MutableDataset<Label>(
                new SimpleDataSourceProvenance(dataDescription, LABELS), LABELS);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Double> row = rows.get(i);
            String[] names = row.keySet().toArray(String[]::new);
            double[] values = row.values().stream().mapToDouble(Double::doubleValue).toArray();
            ArrayExample<Label> example = new ArrayExample<>(
                    new Label(labels.get(i).name()), names, values);
            example.setWeight((float) weights[i]);
            dataset.add(example);
        }
        return new XGBoostClassifier(trainer(settings).train(dataset), schema);
    }

    /**
     * Returns the raw scores (log-odds before the softmax) of encoded rows, one column per
     * {@link Subtype} in declaration order. Features the model never saw are ignored.
     *
     * @param rows feature name to value per row
     * @return margins {@code [row][subtype]}
     */
    public double[][] margins(List<Map<String, Double>> rows) {
        int[] column = subtypeColumns();
        float[][] raw = boost(rows, false);
        double[][] margins = new double[rows.size()][Subtype.values().length];
        for (int i = 0; i < raw.length; i++) {
            for (Subtype s : Subtype.values()) {
                margins[i][s.ordinal()] = raw[i][column[s.ordinal()]];
            }
        }
        return margins;
    }

    /**
     * Returns XGBoost's TreeSHAP contributions of one encoded row: for each feature, its
     * additive share of each subtype's margin. With the bias term they sum to the margin.
     *
     * @param row feature name to value
     * @return feature name (and {@code "bias"}) to contribution per subtype, in
     *     {@link Subtype} order
     */
    public Map<String, double[]> contributions(Map<String, Double> row) {
        return contributions(List.of(row)).get(0);
    }

    /**
     * Returns the TreeSHAP contributions of many encoded rows at once (one call into XGBoost,
     * which is much faster than a call per row).
     *
     * @param rows feature name to value per row
     * @return per row, as {@link #contributions(Map)}
     */
    public List<Map<String, double[]>> contributions(List<Map<String, Double>> rows) {
        int[] column = subtypeColumns();
        float[][] all = boost(rows, true);
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int width = features.size() + 1;
        List<Map<String, double[]>> result = new ArrayList<>(rows.size());
        for (float[] raw : all) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (var info : features) {
                double[] perClass = new double[Subtype.values().length];
                for (Subtype s : Subtype.values()) {
                    perClass[s.ordinal()] =
                            raw[column[s.ordinal()] * width + features.getID(info.getName())];
                }
                out.put(info.getName(), perClass);
            }
            double[] bias = new double[Subtype.values().length];
            for (Subtype s : Subtype.values()) {
                bias[s.ordinal()] = raw[column[s.ordinal()] * width + width - 1];
            }
            out.put(BIAS, bias);
            result.add(out);
        }
        return result;
    }

    /** Name of the bias (baseline) entry of {@link #contributions(Map)}. */
    public static final String BIAS = "bias";

    private int[] subtypeColumns() {
        int[] column = new int[Subtype.values().length];
        for (Subtype s : Subtype.values()) {
            column[s.ordinal()] = model.getOutputIDInfo().getID(new Label(s.name()));
        }
        return column;
    }

    private float[][] boost(List<Map<String, Double>> rows, boolean contributions) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        long[] headers = new long[rows.size() + 1];
        List<Integer> indices = new ArrayList<>();
        List<Float> data = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            java.util.TreeMap<Integer, Double> sorted = new java.util.TreeMap<>();
            rows.get(i).forEach((name, value) -> {
                int id = features.getID(name);
                if (id >= 0) {
                    sorted.put(id, value);
                }
            });
            sorted.forEach((id, value) -> {
                indices.add(id);
                data.add(value.floatValue());
            });
            headers[i + 1] = indices.size();
        }
        int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[data.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = data.get(j);
        }
        @SuppressWarnings("unchecked")
        Booster booster = ((XGBoostModel<Label>) model).getInnerModels().get(0);
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(headers, idx, values, DMatrix.SparseType.CSR, features.size());
            synchronized (model) {
                return contributions ? booster.predictContrib(matrix, 0)
                        : booster.predict(matrix, true);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed", e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    private static XGBoostClassificationTrainer trainer(TrainingSettings s) {
        return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.EXACT,
                s.numTrees(), s.eta(), s.gamma(), s.maxDepth(), s.minChildWeight(),
                s.subsample(), s.featureSubsample(), s.lambda(), s.alpha(), s.threads(),
                LoggingVerbosity.SILENT, s.seed());
    }

    /**
     * Builds the Tribuo example for some values; visible for tests of the encoding.
     *
     * @param label output label, or the unknown label for prediction
     * @param schema features to use
     * @param values canonical values
     * @return an example with one feature per present value
     */
    static Example<Label> example(Label label, FeatureSchema schema, LabValues values) {
        Map<String, Double> encoded = schema.encode(values);
        String[] names = encoded.keySet().toArray(String[]::new);
        double[] featureValues = encoded.values().stream().mapToDouble(Double::doubleValue)
                .toArray();
        return new ArrayExample<>(label, names, featureValues);
    }

    /**
     * Predicts the class probabilities.
     *
     * @param values canonical values
     * @return probability per subtype
     */
    public Map<Subtype, Double> predict(LabValues values) {
        Example<Label> example = example(LabelFactory.UNKNOWN_LABEL, schema, values);
        Prediction<Label> prediction;
        synchronized (model) {
            prediction = model.predict(example);
        }
        Map<Subtype, Double> probabilities = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            Label scored = prediction.getOutputScores().get(s.name());
            probabilities.put(s, scored == null ? 0.0 : scored.getScore());
        }
        return probabilities;
    }

    /**
     * Returns the features of this classifier.
     *
     * @return the schema
     */
    public FeatureSchema schema() {
        return schema;
    }

    /**
     * Returns the Tribuo provenance as JSON.
     *
     * @return indented JSON text
     */
    public String provenanceJson() {
        var marshalled = ProvenanceUtil.marshalProvenance(model.getProvenance());
        return new JsonProvenanceSerialization(true).serializeToString(marshalled);
    }

    /**
     * Serialises the model with Tribuo's protobuf format.
     *
     * @return protobuf bytes
     */
    public byte[] toBytes() {
        return model.serialize().toByteArray();
    }

    /**
     * Restores a classifier written by {@link #toBytes()}.
     *
     * @param bytes protobuf bytes
     * @param schema features the model was trained on
     * @return the classifier
     * @throws IllegalArgumentException if the bytes are not a Tribuo classification model
     */
    public static XGBoostClassifier fromBytes(byte[] bytes, FeatureSchema schema) {
        Objects.requireNonNull(schema, "schema");
        Model<?> restored;
        try {
            restored = Model.deserialize(ModelProto.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Tribuo model", e);
        }
        if (!restored.validate(Label.class)) {
            throw new IllegalArgumentException("not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labelModel = (Model<Label>) restored;
        return new XGBoostClassifier(labelModel, schema);
    }

    /**
     * Returns the version of Tribuo this backend runs on.
     *
     * @return Tribuo version, for example {@code 4.3.2}
     */
    public static String tribuoVersion() {
        return Tribuo.VERSION;
    }
}
