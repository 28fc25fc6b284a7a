package org.leukemia.web.api;

import jakarta.ws.rs.BadRequestException;

/**
 * A page asked for with the query parameters {@code first} and {@code max}: a value that
 * cannot be read, a negative {@code first}, or a {@code max} outside 1 to the largest page is
 * refused with 400 and the reason, never cut or corrected without a word.
 *
 * @param first index of the first line, from 0
 * @param max lines in the page
 */
record Paging(int first, int max) {

    /** Lines in a page when {@code max} is not given. */
    static final int DEFAULT_MAX = 50;

    /**
     * Reads the parameters.
     *
     * @param largest the most lines a page may have
     * @param lines what the lines are, for the message: "lines", "entries"
     */
    static Paging of(String first, String max, int largest, String lines) {
        int start = ListParameters.parse("first", first, Integer::valueOf, 0);
        int size = ListParameters.parse("max", max, Integer::valueOf, DEFAULT_MAX);
        if (start < 0) {
            throw new BadRequestException("first must be 0 or more: " + start + ".");
        }
        if (size < 1 || size > largest) {
            throw new BadRequestException("max must lie between 1 and " + largest + ": " + size
                    + ". Ask for the next " + lines + " with first.");
        }
        return new Paging(start, size);
    }
}
