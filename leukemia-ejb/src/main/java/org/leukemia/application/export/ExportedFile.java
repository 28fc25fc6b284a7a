package org.leukemia.application.export;

/**
 * An exported table or chart, ready to download.
 *
 * @param content the file's bytes
 * @param fileName a name for the file
 * @param format its format
 */
public record ExportedFile(byte[] content, String fileName, ExportFormat format) {
}
