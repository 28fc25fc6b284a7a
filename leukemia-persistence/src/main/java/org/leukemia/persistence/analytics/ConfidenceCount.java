package org.leukemia.persistence.analytics;

/**
 * How many patients' latest predictions of a subtype have a confidence in one tenth of the
 * range: bin {@code b} holds confidences from {@code b / 10} up to but not including
 * {@code (b + 1) / 10}, the last bin also 1.0.
 *
 * @param subtype "ALL", "AML" or "APL"
 * @param bin 0 to 9
 * @param patients how many patients
 */
public record ConfidenceCount(String subtype, int bin, long patients) {
}
