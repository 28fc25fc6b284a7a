package org.leukemia.persistence.analytics;

/**
 * How many patients' latest predictions name a subtype.
 *
 * @param subtype "ALL", "AML" or "APL"
 * @param patients how many patients
 */
public record SubtypeCount(String subtype, long patients) {
}
