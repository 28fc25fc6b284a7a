package org.leukemia.application.analytics;

import java.util.List;
import java.util.Map;

/**
 * A count for each subtype the model suggests, and their sum.
 *
 * @param all count for ALL
 * @param aml count for AML
 * @param apl count for APL
 * @param total the three together
 */
public record SubtypeCounts(long all, long aml, long apl, long total) {

    /** The subtypes, in the order every table and chart shows them. */
    public static final List<String> SUBTYPES = List.of("ALL", "AML", "APL");

    /** No count at all. */
    public static final SubtypeCounts NONE = new SubtypeCounts(0, 0, 0, 0);

    /** @param bySubtype counts by subtype name; a subtype missing counts 0 */
    static SubtypeCounts of(Map<String, Long> bySubtype) {
        long all = bySubtype.getOrDefault("ALL", 0L);
        long aml = bySubtype.getOrDefault("AML", 0L);
        long apl = bySubtype.getOrDefault("APL", 0L);
        return new SubtypeCounts(all, aml, apl, all + aml + apl);
    }

    /**
     * @param subtype "ALL", "AML" or "APL"
     * @return its count
     */
    public long of(String subtype) {
        return switch (subtype) {
            case "ALL" -> all;
            case "AML" -> aml;
            case "APL" -> apl;
            default -> throw new IllegalArgumentException("unknown subtype: " + subtype);
        };
    }
}
