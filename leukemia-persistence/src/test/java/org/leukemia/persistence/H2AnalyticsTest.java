package org.leukemia.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.persistence.testing.TestDatabase;

/** The analytics queries on the embedded H2 database of the quick start. */
class H2AnalyticsTest extends AnalyticsContract {

    @TempDir
    static Path folder;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.h2(folder);
    }
}
