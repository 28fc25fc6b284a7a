package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.Sex;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** The invariants the entities guard themselves, without a database. */
class DomainRulesTest {

    private static final String HASH = "0f".repeat(32);
    private final UserAccount doctor =
            new UserAccount("doc", "hash", "Dr Doc", Set.of(Role.DOCTOR));
    private final Patient patient = new Patient("H-1", doctor, Sex.MALE);

    @Test
    void requiredFieldsRejectNull() {
        assertThatThrownBy(() -> new UserAccount(null, "h", "n", Set.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> new Patient("H-1", null, Sex.MALE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("owner");
        assertThatThrownBy(() -> new Upload(doctor, "f.xlsx", null, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sha256");
        assertThatThrownBy(() -> new LabPanel(null, null, null, null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("patient");
        assertThatThrownBy(() -> new ModelVersion(1, null, "src", false, HASH, "{}", "{}", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("content");
    }

    @Test
    void userAccountsManageRolesAndLogin() {
        assertThat(doctor.hasRole(Role.DOCTOR)).isTrue();
        doctor.grant(Role.ADMIN);
        doctor.revoke(Role.DOCTOR);
        assertThat(doctor.getRoles()).containsExactly(Role.ADMIN);
        doctor.disable();
        assertThat(doctor.isEnabled()).isFalse();
        doctor.enable();
        doctor.changePassword("new-hash");
        assertThat(doctor.getPasswordHash()).isEqualTo("new-hash");
        assertThat(doctor).isEqualTo(new UserAccount("doc", "x", "Other", Set.of()));
        assertThatThrownBy(() -> new UserAccount("x".repeat(65), "h", "n", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPanelKeepsEachParameterOnceAndItsOwnersUploadsOnly() {
        assertThatThrownBy(() -> new LabPanel(patient, null, 1, 30.0, List.of(
                new LabResult("wbc", 1, null), new LabResult("WBC", 2, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wbc");
        UserAccount stranger = new UserAccount("other", "h", "Dr Other", Set.of(Role.DOCTOR));
        Upload foreign = new Upload(stranger, "f.xlsx", HASH, 10);
        assertThatThrownBy(() -> new LabPanel(patient, foreign, 1, 30.0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabResult("wbc", Double.NaN, null))
                .isInstanceOf(IllegalArgumentException.class);
        LabPanel panel = new LabPanel(patient, new Upload(doctor, "f.xlsx", HASH, 10), 4, null,
                List.of(new LabResult(" Hb ", 9.5, "g/dL")));
        assertThat(panel.result("hb")).contains(new LabResult("hb", 9.5, "g/dL"));
    }

    @Test
    void anUploadOutcomeMustAddUp() {
        Upload upload = new Upload(doctor, "f.xlsx", HASH.toUpperCase(), 10);
        assertThat(upload.getSha256()).isEqualTo(HASH);
        assertThatThrownBy(() -> upload.recordOutcome(2, 2, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upload(doctor, "f.xlsx", "not-a-hash", 10))
                .isInstanceOf(IllegalArgumentException.class);
        RowIssue longIssue = new RowIssue(1, null, "m".repeat(5000), RowIssue.Severity.WARNING);
        upload.recordOutcome(2, 1, 1, List.of(longIssue));
        assertThat(upload.getIssues().get(0).getMessage()).hasSize(RowIssue.MAX_MESSAGE);
    }

    @Test
    void aPredictionNamesAKnownSubtypeWithProbabilities() {
        LabPanel panel = new LabPanel(patient, null, null, null, List.of());
        ModelVersion model = new ModelVersion(1, null, "src", true, HASH, "{}", "{}",
                new byte[] {1});
        assertThatThrownBy(() -> new Prediction(panel, model, "CML", 0, 0, 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prediction(panel, model, "AML", 0, 1.5, 0, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        Prediction prediction = new Prediction(panel, model, "AML", 0.1, 0.7, 0.2, 0.7,
                "n".repeat(3000));
        assertThat(prediction.getPatient()).isSameAs(patient);
        assertThat(prediction.probabilityOf("APL")).isEqualTo(0.2);
        assertThat(prediction.getNotes()).hasSize(Prediction.MAX_NOTES);
        assertThat(model.isActive()).isFalse();
        model.activate();
        assertThat(model.isActive()).isTrue();
        model.retire();
        assertThat(model.isActive()).isFalse();
    }
}
