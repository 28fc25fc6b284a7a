package org.leukemia.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPasswordOfUncommonWordsIsAccepted() {
        assertThat(PasswordPolicy.reasonToRefuse("marrow-lantern-quietly-97", "drsmith",
                "Dr Smith")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedForItsLength() {
        assertThat(PasswordPolicy.reasonToRefuse("Xq7#pL2!", "drsmith", "Dr Smith"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 10"));
        assertThat(PasswordPolicy.reasonToRefuse("   abc    ", "drsmith", null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 10"));
        assertThat(PasswordPolicy.reasonToRefuse(null, "drsmith", null)).isPresent();
    }

    @Test
    void aPasswordLongerThanTheLimitIsRefusedBeforeItsStrengthIsEstimated() {
        String atLimit = "marrow-lantern-quietly-97-".repeat(5).substring(0, 128);
        String huge = "marrow-lantern-quietly-97-".repeat(4_000);

        assertThat(PasswordPolicy.reasonToRefuse(atLimit, "drsmith", null)).isEmpty();
        assertThat(PasswordPolicy.reasonToRefuse(huge, "drsmith", null))
                .contains("A password has at most 128 characters.");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWhateverTheCase() {
        assertThat(PasswordPolicy.reasonToRefuse("my-DrSmith-rules-41", "drsmith", null))
                .hasValue("A password must not contain the username.");
    }

    @Test
    void aCommonPasswordIsRefusedWithTheEstimatorsWarning() {
        assertThat(PasswordPolicy.reasonToRefuse("password1234", "drsmith", null))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("This password is too easy to guess.")
                        .contains("very common password"));
    }

    @Test
    void aKeyboardRowOrARepeatIsRefused() {
        assertThat(PasswordPolicy.reasonToRefuse("qwertyuiopas", "drsmith", null)).isPresent();
        assertThat(PasswordPolicy.reasonToRefuse("aaaaaaaaaaaa", "drsmith", null)).isPresent();
    }

    @Test
    void theUsersOwnNameMakesAPasswordWeaker() {
        String password = "gregoryhouse1";

        assertThat(PasswordPolicy.reasonToRefuse(password, "ghouse", "Gregory House"))
                .isPresent();
    }

    @Test
    void requireThrowsTheReasonForTheUser() {
        assertThatThrownBy(() -> PasswordPolicy.require("password1234", "drsmith", null))
                .isInstanceOf(AccountException.class)
                .hasMessageStartingWith("This password is too easy to guess.");
    }
}
