package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadExceptionTest {

    @Test
    void aFileOverTheLimitIsDescribedInMegabytesWithTheExactBytes() {
        assertThat(UploadException.tooLarge(21_300_000L, 15_728_640).getMessage())
                .isEqualTo("The file is 20.3 MB (21,300,000 bytes); the most one upload"
                        + " accepts is 15.0 MB (15,728,640 bytes). Split it into smaller files.");
        assertThat(UploadException.tooLarge(null, 1_048_576).getMessage())
                .isEqualTo("The file is larger than 1.0 MB (1,048,576 bytes), the most one"
                        + " upload accepts. Split it into smaller files.");
    }
}
