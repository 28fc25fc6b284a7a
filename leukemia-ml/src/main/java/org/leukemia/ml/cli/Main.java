package org.leukemia.ml.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.DefaultModel;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.ModelTrainer;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.ml.TrainedModel;
import org.leukemia.ml.TrainingProtocol;
import org.leukemia.ml.evaluation.AipalPredictions;
import org.leukemia.ml.evaluation.EvaluationReport;
import org.leukemia.ml.evaluation.ModelEvaluation;
import org.leukemia.ml.evaluation.ScoredCase;
import org.leukemia.ml.training.ModelCard;

/**
 * Command line of the classifier.
 *
 * <pre>
 * train    --data FILE [--data FILE ...] --out BUNDLE [--protocol standard|quick]
 *          [--card CARD.md]
 * evaluate (--model BUNDLE | --default-model | --probabilities FILE ...) --data FILE ...
 *          [--compare PROBABILITIES ...]
 * explain  (--model BUNDLE | --default-model) --data FILE --ids ID[,ID...]
 * card     (--model BUNDLE | --default-model)
 * </pre>
 * Data files are CSV or {@code .xlsx} in the AI-PAL column format; probability files have
 * the columns {@code case_id, diagnosis, p_ALL, p_AML, p_APL}, in the order of the data file
 * they belong to ({@code --compare} files pair with {@code --data} files in order). A
 * probability file's confident zone uses AI-PAL's cut-offs.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final Set<String> HELD_OUT = Set.of("test", "nantes", "grenoble");

    private Main() {
    }

    /**
     * Runs a command and exits with its status.
     *
     * @param args command and options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args command and options
     * @param out where results go
     * @param err where errors and usage go
     * @return exit status: 0 success, 1 failure, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        Map<String, List<String>> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "train" -> train(options, out);
                case "evaluate" -> evaluate(options, out);
                case "explain" -> explain(options, out);
                case "card" -> out.print(model(options).modelCardMarkdown());
                default -> {
                    err.println("unknown command " + args[0]);
                    err.println(usage());
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("failed: " + e.getMessage());
            LOG.log(Level.FINE, "command failed", e);
            return 1;
        }
    }

    private static String usage() {
        return """
                usage:
                  train    --data FILE [--data FILE ...] --out BUNDLE [--protocol standard|quick]
                           [--card CARD.md]
                  evaluate (--model BUNDLE | --default-model | --probabilities FILE ...)
                           --data FILE ... [--compare PROBABILITIES ...]
                  explain  (--model BUNDLE | --default-model) --data FILE --ids ID[,ID...]
                  card     (--model BUNDLE | --default-model)""";
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + key);
            }
            if (key.equals("--default-model")) {
                options.computeIfAbsent(key, k -> new ArrayList<>()).add("");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            options.computeIfAbsent(key, k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static List<String> all(Map<String, List<String>> options, String key) {
        return options.getOrDefault(key, List.of());
    }

    private static String one(Map<String, List<String>> options, String key) {
        List<String> values = all(options, key);
        if (values.size() != 1) {
            throw new IllegalArgumentException(key + " is required once");
        }
        return values.get(0);
    }

    private static String centre(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void train(Map<String, List<String>> options, PrintStream out)
            throws IOException {
        List<String> data = all(options, "--data");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("--data is required");
        }
        Path target = Path.of(one(options, "--out"));
        String protocolName = options.containsKey("--protocol") ? one(options, "--protocol")
                : "standard";
        TrainingProtocol protocol = switch (protocolName) {
            case "standard" -> TrainingProtocol.standard();
            case "quick" -> TrainingProtocol.quick();
            default -> throw new IllegalArgumentException("unknown protocol " + protocolName);
        };
        List<LabeledCase> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String file : data) {
            Path path = Path.of(file);
            if (HELD_OUT.contains(centre(path).toLowerCase(Locale.ROOT))) {
                LOG.warning(() -> path.getFileName() + " is an evaluation cohort of the AI-PAL"
                        + " data; training on it invalidates any evaluation on it");
            }
            cases.addAll(CohortFiles.read(path));
            names.add(path.getFileName().toString());
        }
        TrainedModel model = new ModelTrainer(protocol)
                .train(cases, String.join(" + ", names), false);
        Files.write(target, model.toBytes());
        if (options.containsKey("--card")) {
            Files.writeString(Path.of(one(options, "--card")), model.modelCardMarkdown());
        }
        out.print(model.modelCardMarkdown());
        out.println();
        out.println("Model bundle written to " + target.getFileName());
    }

    private static TrainedModel model(Map<String, List<String>> options) throws IOException {
        if (options.containsKey("--default-model")) {
            return DefaultModel.trainOnSyntheticCohort();
        }
        if (all(options, "--model").isEmpty()) {
            throw new IllegalArgumentException("give --model BUNDLE, or --default-model to"
                    + " train the quick-start model first");
        }
        return TrainedModel.fromBytes(Files.readAllBytes(Path.of(one(options, "--model"))));
    }

    private static void evaluate(Map<String, List<String>> options, PrintStream out)
            throws IOException {
        List<String> data = all(options, "--data");
        List<String> compare = all(options, "--compare");
        List<String> probabilities = all(options, "--probabilities");
        if (data.isEmpty() && probabilities.isEmpty()) {
            throw new IllegalArgumentException("--data or --probabilities is required");
        }
        if (!compare.isEmpty() && compare.size() != data.size()) {
            throw new IllegalArgumentException("one --compare file per --data file needed");
        }
        List<ScoredCase> ours = new ArrayList<>();
        List<ScoredCase> theirs = compare.isEmpty() ? null : new ArrayList<>();
        String name;
        if (!probabilities.isEmpty()) {
            name = "probability file";
            for (String file : probabilities) {
                Path path = Path.of(file);
                AipalPredictions.readCsv(path).forEach(
                        r -> ours.add(AipalPredictions.scored(r, centre(path))));
            }
        } else {
            TrainedModel model = model(options);
            name = model.metadata().syntheticTrainingData() ? "model (synthetic training data)"
                    : "model trained on " + model.metadata().trainingSource();
            for (String file : data) {
                Path path = Path.of(file);
                ours.addAll(ModelEvaluation.score(model, CohortFiles.read(path), centre(path)));
            }
        }
        for (int i = 0; i < compare.size(); i++) {
            String centre = centre(Path.of(data.get(i)));
            AipalPredictions.readCsv(Path.of(compare.get(i)))
                    .forEach(r -> theirs.add(AipalPredictions.scored(r, centre)));
        }
        out.print(EvaluationReport.of(name, ours, "comparison", theirs).toText());
    }

    private static void explain(Map<String, List<String>> options, PrintStream out)
            throws IOException {
        TrainedModel model = model(options);
        List<LabeledCase> cases = CohortFiles.read(Path.of(one(options, "--data")));
        for (String id : one(options, "--ids").split(",")) {
            LabeledCase c = cases.stream().filter(x -> x.caseId().equals(id.strip()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "no case " + id.strip()));
            SubtypePrediction p = model.predict(c.values());
            out.println("== " + c.caseId() + " (diagnosis " + c.diagnosis() + ")");
            out.print("probabilities:");
            for (Subtype s : Subtype.values()) {
                out.printf(Locale.ROOT, " %s %.3f", s, p.probability(s));
            }
            out.println();
            out.println(p.withheld()
                    ? "decision: withheld (" + p.predicted() + " from the absence of results)"
                    : "decision: " + p.predicted() + (p.confident() ? " (confident)" : "")
                            + (p.outOfDistribution() ? " (out of distribution)" : ""));
            p.outOfDistributionReasons().forEach(r -> out.println("  ! " + r));
            p.notes().forEach(n -> out.println("  note: " + n));
            out.println("contributions to calibrated log-odds (largest first):");
            out.printf(Locale.ROOT, "  %-50s %12s %8s %8s %8s%n", "parameter", "value", "ALL",
                    "AML", "APL");
            Subtype decided = p.predicted();
            p.contributions().entrySet().stream()
                    .sorted(Comparator.comparingDouble(
                            (Map.Entry<Parameter, Map<Subtype, Double>> e) ->
                                    -Math.abs(e.getValue().get(decided))))
                    .forEach(e -> out.printf(Locale.ROOT, "  %-50s %12s %8.3f %8.3f %8.3f%n",
                            ModelCard.labelWithUnit(e.getKey()),
                            c.values().get(e.getKey()).isPresent()
                                    ? String.format(Locale.ROOT, "%.4g",
                                            c.values().get(e.getKey()).getAsDouble())
                                    : "missing",
                            e.getValue().get(Subtype.ALL), e.getValue().get(Subtype.AML),
                            e.getValue().get(Subtype.APL)));
        }
    }
}
