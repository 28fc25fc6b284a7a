package org.leukemia.persistence.prediction;

import java.util.Objects;
import org.leukemia.persistence.user.UserAccount;

/**
 * Whose predictions a list may show: one doctor's patients, or everyone's (an auditor's
 * view). Removed patients are never shown, whatever the scope.
 *
 * @param owner the doctor whose patients are shown, or null for every doctor's
 */
public record PredictionScope(UserAccount owner) {

    /** Every doctor's patients. */
    public static final PredictionScope EVERYONE = new PredictionScope(null);

    /** @return the scope of the patients assigned to {@code doctor} */
    public static PredictionScope ownedBy(UserAccount doctor) {
        return new PredictionScope(Objects.requireNonNull(doctor, "doctor"));
    }

    /** @return whether the scope is every doctor's patients */
    public boolean isEveryone() {
        return owner == null;
    }
}
