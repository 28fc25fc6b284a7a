package org.leukemia.persistence.prediction;

/** Search criteria that cannot be met as given; the message says why, for the user. */
public class InvalidCriteriaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to correct it, in the user's terms */
    public InvalidCriteriaException(String message) {
        super(message);
    }
}
