package org.leukemia.ml.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;

/**
 * Fingerprint of a training set: SHA-256 over a canonical text of the cases in order
 * (case id, diagnosis and every parameter's value or {@code NA}), so that a model can be
 * traced to exactly the data it saw without storing those data.
 */
public final class TrainingDataDigest {

    private TrainingDataDigest() {
    }

    /**
     * Computes the fingerprint.
     *
     * @param cases training cases
     * @return lowercase hex SHA-256
     */
    public static String sha256(List<LabeledCase> cases) {
        MessageDigest digest = newDigest();
        for (LabeledCase c : cases) {
            StringBuilder line = new StringBuilder(c.caseId()).append(',')
                    .append(c.diagnosis().name());
            for (Parameter p : Parameter.values()) {
                line.append(',');
                var value = c.values().get(p);
                line.append(value.isPresent() ? Double.toString(value.getAsDouble()) : "NA");
            }
            line.append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
