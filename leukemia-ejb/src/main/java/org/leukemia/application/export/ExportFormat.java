package org.leukemia.application.export;

import java.util.Locale;

/** The file formats that tables and charts are exported in. */
public enum ExportFormat {
    /** An Excel workbook. */
    XLSX(ExportFormat.XLSX_TYPE, "xlsx"),
    /** A PDF document. */
    PDF("application/pdf", "pdf");

    /** The media type of an .xlsx workbook. */
    public static final String XLSX_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** @return the media type of the file */
    public String contentType() {
        return contentType;
    }

    /** @return the file name's extension, without the dot */
    public String extension() {
        return extension;
    }

    /**
     * @param name "xlsx" or "pdf", in any case
     * @throws IllegalArgumentException for any other name
     */
    public static ExportFormat named(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown export format '" + name
                + "': choose xlsx or pdf.");
    }
}
