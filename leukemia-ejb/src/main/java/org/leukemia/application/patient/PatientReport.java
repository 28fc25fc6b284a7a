package org.leukemia.application.patient;

/**
 * A patient's printable report.
 *
 * @param fileName the name to save it under
 * @param content the PDF document
 */
public record PatientReport(String fileName, byte[] content) {
}
