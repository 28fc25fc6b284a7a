package org.leukemia.persistence.audit;

/**
 * What a check of the whole audit chain found.
 *
 * @param entriesChecked how many entries were read
 * @param intact whether every entry matched its hash and its predecessor
 * @param brokenAt the number of the first entry that did not match, or null when intact
 * @param problem what was wrong there, in words for an auditor, or null when intact
 * @param lastHash the hash of the last entry; an auditor who notes it down can later tell
 *     whether entries were cut off the end
 */
public record ChainVerification(long entriesChecked, boolean intact, Long brokenAt,
        String problem, String lastHash) {

    static ChainVerification intact(long entries, String lastHash) {
        return new ChainVerification(entries, true, null, null, lastHash);
    }

    static ChainVerification broken(long entries, long seq, String problem, String lastHash) {
        return new ChainVerification(entries, false, seq, problem, lastHash);
    }
}
