package org.leukemia.ml;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the AI-PAL data folder given by the system property {@code aipal.dir}. */
public final class AipalData {

    private AipalData() {
    }

    /**
     * Returns the data folder, skipping the calling test when it is absent.
     *
     * @return the folder
     */
    public static Path folderOrSkip() {
        String dir = System.getProperty("aipal.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "AI-PAL data folder not available (system property aipal.dir)");
        return Path.of(dir);
    }
}
