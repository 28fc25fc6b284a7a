package org.leukemia.ml.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip layout of a model bundle: the serialised ensemble members, its metadata JSON and
 * its provenance JSON. Reading rejects unknown entries and oversized content. Entries carry
 * a fixed timestamp, so equal content gives equal bytes.
 *
 * @param models serialised ensemble members (Tribuo protobuf), at least one
 * @param metadataJson metadata as JSON text
 * @param provenanceJson Tribuo provenance as JSON text
 */
public record ModelBundle(List<byte[]> models, String metadataJson, String provenanceJson) {

    /** Zip entry holding the first Tribuo protobuf member; further ones are numbered. */
    public static final String MODEL_ENTRY = "model-00.tribuo.pb";
    /** Most ensemble members a bundle may hold. */
    public static final int MAX_MODELS = 20;
    private static final long ENTRY_TIME = 315_532_800_000L;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param models serialised members
     * @param metadataJson metadata JSON
     * @param provenanceJson provenance JSON
     */
    public ModelBundle {
        models = List.copyOf(models);
    }

    /**
     * Returns the zip entry name of a member.
     *
     * @param index member index from 0
     * @return entry name
     */
    public static String modelEntry(int index) {
        return String.format(java.util.Locale.ROOT, "model-%02d.tribuo.pb", index);
    }
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
            for (int i = 0; i < models.size(); i++) {
                write(zip, modelEntry(i), models.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle", e);
        }
        return bytes.toByteArray();
    }

    private static void write(ZipOutputStream zip, String name, byte[] content)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
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
                if (!isModelEntry(name) && !name.equals(METADATA_ENTRY)
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
        List<byte[]> models = new java.util.ArrayList<>();
        models.add(required(entries, MODEL_ENTRY));
        for (int i = 1; entries.containsKey(modelEntry(i)); i++) {
            models.add(entries.get(modelEntry(i)));
        }
        if (models.size() != entries.keySet().stream().filter(ModelBundle::isModelEntry)
                .count()) {
            throw new IllegalArgumentException("bundle members are not numbered in sequence");
        }
        return new ModelBundle(models,
                new String(required(entries, METADATA_ENTRY), StandardCharsets.UTF_8),
                new String(required(entries, PROVENANCE_ENTRY), StandardCharsets.UTF_8));
    }

    private static boolean isModelEntry(String name) {
        for (int i = 0; i < MAX_MODELS; i++) {
            if (name.equals(modelEntry(i))) {
                return true;
            }
        }
        return false;
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
