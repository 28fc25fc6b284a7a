package org.leukemia.application.account;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: long enough, not built on the user's own names, and not easy to
 * guess. Guessability is estimated with zxcvbn, which knows common passwords, words, names,
 * keyboard patterns, dates and substitutions such as "p@ssw0rd"; a password must reach its score
 * {@value #MIN_SCORE} of 4 ("safely unguessable": about 10^8 guesses or more).
 *
 * <p>The same rules apply wherever a password is chosen: a new account, a reset by an
 * administrator, and a user changing their own.
 */
public final class PasswordPolicy {

    /** Shortest password accepted, spaces at either end not counted. */
    public static final int MIN_LENGTH = 10;
    /**
     * Longest password accepted: the strength estimate takes time that grows much faster than
     * the length, so a very long password would keep a thread busy for minutes.
     */
    public static final int MAX_LENGTH = 128;
    /** Lowest zxcvbn score accepted, from 0 (guessed at once) to 4. */
    public static final int MIN_SCORE = 3;

    /** Usernames shorter than this are too likely to occur in any password by chance. */
    private static final int MIN_NAME_TO_CHECK = 3;
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {
    }

    /**
     * Why {@code password} is refused for the account, if it is.
     *
     * @param password the password chosen, may be {@code null}
     * @param username the account's username
     * @param displayName the account's name shown on pages, may be {@code null}
     * @return the reason, in words for the user; empty if the password is accepted
     */
    public static Optional<String> reasonToRefuse(String password, String username,
            String displayName) {
        if (password == null || password.strip().length() < MIN_LENGTH) {
            return Optional.of("A password has at least " + MIN_LENGTH
                    + " characters, spaces at either end not counted.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters.");
        }
        String lowerPassword = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= MIN_NAME_TO_CHECK
                && lowerPassword.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain the username.");
        }

        List<String> personal = new ArrayList<>();
        if (username != null) {
            personal.add(username);
        }
        if (displayName != null) {
            personal.addAll(List.of(displayName.toLowerCase(Locale.ROOT).split("\\W+")));
        }
        Strength strength = ESTIMATOR.measure(password, personal);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(explain(strength.getFeedback()));
    }

    /**
     * Refuses {@code password} for the account unless it meets the policy.
     *
     * @throws AccountException with the reason, if it does not
     */
    public static void require(String password, String username, String displayName) {
        reasonToRefuse(password, username, displayName).ifPresent(reason -> {
            throw new AccountException(reason);
        });
    }

    private static String explain(Feedback feedback) {
        StringBuilder reason = new StringBuilder("This password is too easy to guess.");
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            reason.append(' ').append(warning);
        }
        List<String> suggestions = feedback.getSuggestions(Locale.ENGLISH);
        suggestions.forEach(suggestion -> reason.append(' ').append(suggestion));
        if (suggestions.isEmpty()) {
            reason.append(" Make it longer, for example with a few uncommon words.");
        }
        return reason.toString();
    }
}
