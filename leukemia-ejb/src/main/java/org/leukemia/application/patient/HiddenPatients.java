package org.leukemia.application.patient;

import java.util.Map;
import java.util.Optional;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.patient.Patient;

/**
 * Refuses a patient the caller may not see. The caller is told only that there is no such
 * patient; the audit trail is told why: no such patient, a removed one, or another doctor's.
 */
final class HiddenPatients {

    private HiddenPatients() {
    }

    /**
     * Records the refusal and gives the exception to throw.
     *
     * @param found the patient with that id, if there is one
     * @param asked what the caller asked for, such as "change the demographics"
     */
    static PatientNotFoundException refuse(AuditTrail audit, long patientId,
            Optional<Patient> found, String asked) {
        String reason = found.map(p -> p.isRemoved() ? "the patient was removed"
                : "the patient is another doctor's").orElse("no such patient");
        audit.recordRefusal(AuditTarget.PATIENT, patientId, asked, reason, Map.of());
        return new PatientNotFoundException(patientId);
    }
}
