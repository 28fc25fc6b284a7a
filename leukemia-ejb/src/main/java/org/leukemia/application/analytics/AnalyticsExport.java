package org.leukemia.application.analytics;

/**
 * An export of the analytics, ready to download.
 *
 * @param content the file's bytes
 * @param fileName a name for the file
 * @param format its format
 */
public record AnalyticsExport(byte[] content, String fileName, ExportFormat format) {
}
