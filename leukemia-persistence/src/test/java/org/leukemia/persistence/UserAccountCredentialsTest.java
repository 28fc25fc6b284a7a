package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** Which changes of an account end the sessions opened before them, without a database. */
class UserAccountCredentialsTest {

    private final UserAccount doctor =
            new UserAccount("doc", "hash", "Dr Doc", Set.of(Role.DOCTOR));

    @Test
    void aNewAccountStartsAtVersionZero() {
        assertThat(doctor.getCredentialsVersion()).isZero();
    }

    @Test
    void changingOrResettingThePasswordGivesANewVersionEachTime() {
        doctor.changePassword("second");
        int afterChange = doctor.getCredentialsVersion();
        doctor.resetPassword("temporary");
        int afterReset = doctor.getCredentialsVersion();
        doctor.changePassword("third");

        assertThat(afterChange).isNotZero();
        assertThat(afterReset).isNotEqualTo(afterChange);
        assertThat(doctor.getCredentialsVersion()).isNotIn(0, afterChange, afterReset);
    }

    @Test
    void disablingGivesANewVersionThatEnablingAgainDoesNotUndo() {
        doctor.disable();
        int disabled = doctor.getCredentialsVersion();
        doctor.enable();

        assertThat(disabled).isNotZero();
        assertThat(doctor.getCredentialsVersion()).isEqualTo(disabled);
    }

    @Test
    void whatLeavesTheCredentialsAsTheyWereKeepsTheVersion() {
        doctor.disable();
        int disabled = doctor.getCredentialsVersion();

        doctor.disable();
        doctor.rename("Dr Renamed");
        doctor.grant(Role.AUDITOR);
        doctor.unlock();

        assertThat(doctor.getCredentialsVersion()).isEqualTo(disabled);
    }
}
