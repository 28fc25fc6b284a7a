package org.leukemia.persistence.prediction;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import java.util.Objects;
import org.leukemia.persistence.Checks;

/**
 * What the model said about its own prediction: whether it falls in the confident zone,
 * whether the input was outside the model's experience and why, whether the suggestion is
 * withheld, and how much each parameter pushed toward each subtype. Replaced whole, never
 * edited.
 */
@Embeddable
@Access(AccessType.FIELD)
public class Assessment {

    /** Longest text kept for the reasons an input is unusual; longer text is cut. */
    public static final int MAX_REASONS = 2000;

    /** No assessment: a model that gives none, or a prediction from before they existed. */
    public static final Assessment NONE = new Assessment(false, false, false, null, null);

    @Column(name = "confident", nullable = false, updatable = false)
    private boolean confident;

    @Column(name = "out_of_distribution", nullable = false, updatable = false)
    private boolean outOfDistribution;

    @Column(name = "suggestion_withheld", nullable = false, updatable = false)
    private boolean withheld;

    @Column(name = "unusual_reasons", length = MAX_REASONS, updatable = false)
    private String unusualReasons;

    @Lob
    @Column(name = "contributions", updatable = false)
    private String contributionsJson;

    protected Assessment() {
    }

    /**
     * @param confident whether the prediction lies in the model's confident zone
     * @param outOfDistribution whether the input is unlike the model's training data
     * @param withheld whether the model makes no suggestion, as it rests on results that were
     *     not measured; the probabilities are then kept for the record only
     * @param unusualReasons why the input is unusual, for people; null when it is not
     * @param contributionsJson each parameter's contribution to each subtype, as JSON; or null
     */
    public Assessment(boolean confident, boolean outOfDistribution, boolean withheld,
            String unusualReasons, String contributionsJson) {
        this.confident = confident;
        this.outOfDistribution = outOfDistribution;
        this.withheld = withheld;
        this.unusualReasons = Checks.truncate(unusualReasons, MAX_REASONS);
        this.contributionsJson = contributionsJson;
    }

    public boolean isConfident() {
        return confident;
    }

    public boolean isOutOfDistribution() {
        return outOfDistribution;
    }

    public boolean isWithheld() {
        return withheld;
    }

    public String getUnusualReasons() {
        return unusualReasons;
    }

    public String getContributionsJson() {
        return contributionsJson;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assessment that && confident == that.confident
                && outOfDistribution == that.outOfDistribution && withheld == that.withheld
                && Objects.equals(unusualReasons, that.unusualReasons)
                && Objects.equals(contributionsJson, that.contributionsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(confident, outOfDistribution, withheld, unusualReasons, contributionsJson);
    }
}
