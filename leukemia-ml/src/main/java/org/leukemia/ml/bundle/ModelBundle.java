package org.leukemia.ml.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip layout of a model bundle: the serialised model, its metadata JSON and its
 * provenance JSON. Reading rejects unknown entries and oversized content.
 *
 * @param model serialised model (Tribuo protobuf)
 * @param metadataJson metadata as JSON text
 * @param provenanceJson Tribuo provenance as JSON text
 */
public record ModelBundle(byte[] model, String metadataJson, String provenanceJson) {

    /** Zip entry holding the Tribuo protobuf model. */
    public static final String MODEL_ENTRY = "model.tribuo.pb";
    /** Zip entry holding the metadata JSON. */
    public static final String METADATA_ENTRY = "metadata.json";
    /** Zip entry holding the provenance JSON. */
    public static final String PROVENANCE_ENTRY = "provenance.json";

    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    /**
     * Writes the bundle as zip bytes.
     *
     * @return zip content
     */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            write(zip, METADATA_ENTRY, metadataJson.getBytes(StandardCharsets.UTF_8));
            write(zip, PROVENANCE_ENTRY, provenanceJson.getBytes(StandardCharsets.UTF_8));
            write(zip, MODEL_ENTRY, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle", e);
        }
        return bytes.toByteArray();
    }

    private static void write(ZipOutputStream zip, String name, byte[] content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads zip bytes written by {@link #toZip()}.
     *
     * @param zipBytes zip content
     * @return the bundle
     * @throws IllegalArgumentException if an entry is missing, unknown, repeated or too large
     */
    public static ModelBundle fromZip(byte[] zipBytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!name.equals(MODEL_ENTRY) && !name.equals(METADATA_ENTRY)
                        && !name.equals(PROVENANCE_ENTRY)) {
                    throw new IllegalArgumentException("unexpected bundle entry " + name);
                }
                if (entries.put(name, readLimited(zip)) != null) {
                    throw new IllegalArgumentException("repeated bundle entry " + name);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model bundle", e);
        }
        return new ModelBundle(required(entries, MODEL_ENTRY),
                new String(required(entries, METADATA_ENTRY), StandardCharsets.UTF_8),
                new String(required(entries, PROVENANCE_ENTRY), StandardCharsets.UTF_8));
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
        if (content.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("bundle entry too large");
        }
        return content;
    }

    private static byte[] required(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new IllegalArgumentException("bundle lacks " + name);
        }
        return content;
    }
}
