package org.leukemia.application.upload;

import java.util.Objects;

/**
 * A file exactly as a doctor uploaded it.
 *
 * @param fileName the name the browser sent
 * @param sha256 its SHA-256, 64 lowercase hexadecimal digits
 * @param content its bytes
 */
public record ReceivedFile(String fileName, String sha256, byte[] content) {

    /** Checks that every part is present. */
    public ReceivedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(content, "content");
    }
}
