package org.leukemia.application.analytics;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the analytics page and its exports, for the caller's scope and a period.
 *
 * @param scope whose patients are counted, in words ("Patients of ..." or "All patients")
 * @param everyPatient whether every doctor's patients are counted (an auditor's view)
 * @param period the period counted
 * @param generatedAt when the figures were computed (UTC)
 * @param generatedBy who asked for them: display name and username
 * @param distribution how many patients' latest predictions name each subtype
 * @param withheld how many patients' latest predictions withheld the suggestion (it rested on
 *     results missing or far beyond the model's experience); they are counted in no other
 *     figure
 * @param months how many predictions of each subtype were made each month, oldest first
 * @param confidence the patients' latest predictions by tenth of confidence, lowest first
 * @param agreement the confusion matrix against the confirmed diagnoses, with accuracy
 */
public record Analytics(String scope, boolean everyPatient, AnalyticsPeriod period,
        LocalDateTime generatedAt, String generatedBy, SubtypeCounts distribution,
        long withheld, List<Month> months, List<ConfidenceBin> confidence, Agreement agreement) {

    /** @return the patients whose suggestion was withheld, in words, for the exports */
    public String withheldText() {
        return withheld + (withheld == 1 ? " patient" : " patients")
                + ", counted in no other figure";
    }

    /** Title of the page and of every export. */
    public static final String TITLE = "Analytics of the subtype suggestions";

    /** What every page and export says first. */
    public static final String DISCLAIMER = "These figures describe the model's suggestions;"
            + " a suggestion supports a diagnosis and never replaces one. The subtype must be"
            + " confirmed by cytology, flow cytometry and molecular tests.";

    /** What is counted, and how. */
    public static final String COUNTING = "The subtype distribution, the confidence histogram"
            + " and the agreement count each patient once, by the patient's latest prediction in"
            + " the period. Monthly trends count every prediction in the month it was made (UTC)."
            + " Removed patients are never counted. A patient whose latest prediction withheld"
            + " the suggestion (it rested on results missing or far beyond the model's"
            + " experience) is counted apart, as withheld, and in no other figure; monthly trends"
            + " leave such predictions out.";

    /** How to read the agreement. */
    public static final String AGREEMENT_NOTE = "Agreement compares each confirmed diagnosis"
            + " with the patient's latest prediction made before the diagnosis was recorded;"
            + " patients without such a prediction are left out. A diagnosis of OTHER always"
            + " counts as a miss, since the model only suggests ALL, AML or APL. With few"
            + " confirmed cases the accuracy is uncertain: n is the number of cases, and the"
            + " 95 % Wilson interval shows the range the true accuracy plausibly lies in.";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

    /** @return when the figures were computed, as "2026-04-02 10:15:30 UTC" */
    public String generatedAtText() {
        return TIME.format(generatedAt);
    }

    /**
     * The predictions of one month.
     *
     * @param month the month as "2026-01"
     * @param predictions how many predictions of each subtype
     */
    public record Month(String month, SubtypeCounts predictions) {
    }

    /**
     * One bar of the confidence histogram: confidences from {@code lower} up to, but not
     * including, {@code upper} (the last bar includes 1.0).
     *
     * @param label the range as "0.9-1.0"
     * @param lower the lowest confidence of the bar
     * @param upper the end of the bar
     * @param patients how many patients' latest predictions of each subtype fall there
     */
    public record ConfidenceBin(String label, double lower, double upper,
            SubtypeCounts patients) {
    }
}
