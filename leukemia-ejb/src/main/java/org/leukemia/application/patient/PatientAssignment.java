package org.leukemia.application.patient;

/**
 * Which doctor a patient is assigned to: all an administrator sees of a patient.
 *
 * @param patientId database id
 * @param externalId the hospital's identifier
 * @param doctor username of the doctor
 * @param doctorName the doctor's name as shown on pages
 */
public record PatientAssignment(long patientId, String externalId, String doctor,
        String doctorName) {
}
