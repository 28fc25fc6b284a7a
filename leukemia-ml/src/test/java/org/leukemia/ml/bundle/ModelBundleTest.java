package org.leukemia.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.ModelMetadata;
import org.leukemia.ml.Subtype;

class ModelBundleTest {

    @Test
    void zipRoundTripKeepsAllParts() {
        ModelBundle bundle = new ModelBundle(List.of(new byte[] {1, 2, 3}, new byte[] {4}),
                "{\"a\":1}", "[]");

        ModelBundle read = ModelBundle.fromZip(bundle.toZip());

        assertThat(read.models()).hasSize(2);
        assertThat(read.models().get(0)).containsExactly(1, 2, 3);
        assertThat(read.models().get(1)).containsExactly(4);
        assertThat(bundle.toZip()).isEqualTo(read.toZip());
        assertThat(read.metadataJson()).isEqualTo("{\"a\":1}");
        assertThat(read.provenanceJson()).isEqualTo("[]");
    }

    @Test
    void unexpectedOrMissingEntriesAreRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("evil.class"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelBundle.fromZip(bytes.toByteArray()))
                .hasMessageContaining("evil.class");
        assertThatThrownBy(() -> ModelBundle.fromZip(new byte[0]))
                .hasMessageContaining(ModelBundle.MODEL_ENTRY);
    }

    @Test
    void metadataJsonRoundTrip() {
        ModelMetadata metadata = new ModelMetadata("d", "s", true,
                Map.of(Subtype.ALL, 1, Subtype.AML, 2, Subtype.APL, 3), "ab",
                Map.of("numTrees", "200"), 42, Instant.parse("2024-05-01T10:15:30Z"), "4.3.2",
                List.of("age", "wbc"));

        String json = MetadataJson.write(metadata);

        assertThat(json).contains("\"syntheticTrainingData\" : true");
        assertThat(MetadataJson.read(json)).isEqualTo(metadata);
    }
}
