package org.leukemia.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** The administrator account a new installation starts with. */
class FirstAdministratorTest {

    @Test
    void aGeneratedPasswordMustBeReplacedAtTheFirstSignIn() {
        UserAccount admin = AccountService.firstAdministrator("hash", true);

        assertThat(admin.isPasswordChangeRequired()).isTrue();
        assertThat(admin.getUsername()).isEqualTo("admin");
        assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
        assertThat(admin.getPasswordHash()).isEqualTo("hash");
    }

    @Test
    void aConfiguredPasswordIsTheOneTheHospitalChoseAndStays() {
        UserAccount admin = AccountService.firstAdministrator("hash", false);

        assertThat(admin.isPasswordChangeRequired()).isFalse();
        assertThat(admin.isEnabled()).isTrue();
    }
}
