package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The main job on the quick start: the WAR on Payara Micro with its embedded database.
 */
class QuickStartIT extends MainJobContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }

    @Override
    protected String serverUrl() throws Exception {
        return PayaraMicroServer.get().serverUrl();
    }

    @Test
    void aCallRefusedForItsRoleIsLoggedInOneLineWithoutTheContainersStackTrace()
            throws Exception {
        ApiClient doctor = doctor("logged");

        assertThat(doctor.get("api/admin/users").statusCode()).isEqualTo(403);

        String line = "Refused for the caller's role: logged-" + run + ", GET /api/admin/users";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!PayaraMicroServer.get().log().contains(line) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(PayaraMicroServer.get().log()).contains(line)
                .doesNotContain("A system exception occurred during an invocation on EJB");
    }
}
