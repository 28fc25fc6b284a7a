package org.leukemia.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download whose name may come from a user's file. */
final class Attachments {

    private Attachments() {
    }

    /**
     * An attachment header (RFC 6266) for a file name: a plain ASCII name for old clients, and
     * the exact name encoded in UTF-8 for the others. Quotes, backslashes, control characters
     * and path separators never reach the plain name.
     *
     * @param fileName the name, perhaps with accents or odd characters
     * @return the header value
     */
    static String disposition(String fileName) {
        String plain = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
    }
}
