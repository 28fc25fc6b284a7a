package org.leukemia.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.leukemia.persistence.testing.TestDatabase;

/** The analytics queries on MariaDB/MySQL, the production database. */
class MariaDbAnalyticsTest extends AnalyticsContract {

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.mysql("analytics");
    }
}
