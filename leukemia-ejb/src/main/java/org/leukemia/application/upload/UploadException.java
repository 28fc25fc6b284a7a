package org.leukemia.application.upload;

import jakarta.ejb.ApplicationException;
import java.util.Locale;

/**
 * A whole upload is refused; nothing of it is stored. The message tells the doctor why and
 * what to do.
 */
@ApplicationException(rollback = true)
public class UploadException extends RuntimeException {

    /** @param message the reason, in words a doctor understands */
    public UploadException(String message) {
        super(message);
    }

    /**
     * A file over the size limit.
     *
     * @param size the file's size in bytes, or {@code null} when it was not read to the end
     * @param limit the most bytes one upload accepts
     * @return the refusal, with both sizes in megabytes
     */
    public static UploadException tooLarge(Long size, long limit) {
        return new UploadException((size == null ? "The file is larger than "
                + megabytes(limit) + ", the most one upload accepts."
                : "The file is " + megabytes(size) + "; the most one upload accepts is "
                        + megabytes(limit) + ".") + " Split it into smaller files.");
    }

    /** A size as people read it: 15.0 MB (15,728,640 bytes). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1048576.0, bytes);
    }
}
