package org.leukemia.persistence;

import java.util.Objects;

/** Argument checks shared by the entity constructors; not meant for use outside this module. */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} or throws {@link NullPointerException} naming the field. */
    public static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    /** Returns {@code value} if it is not blank and at most {@code maxLength} characters long. */
    public static String text(String value, String name, int maxLength) {
        required(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return maxLength(value, name, maxLength);
    }

    /** Returns {@code value} (which may be null) if it fits in {@code maxLength} characters. */
    public static String maxLength(String value, String name, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(
                    name + " is longer than " + maxLength + " characters: " + value.length());
        }
        return value;
    }

    /**
     * Returns {@code value}, cut to {@code maxLength} characters with a trailing ellipsis when
     * longer; used for free text produced by machines, where losing the tail beats failing.
     */
    public static String truncate(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        return value.substring(0, maxLength - 1) + "\u2026";
    }

    /** Returns {@code value} if it is a number in [0, 1]. */
    public static double probability(double value, String name) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is not negative. */
    public static int notNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
