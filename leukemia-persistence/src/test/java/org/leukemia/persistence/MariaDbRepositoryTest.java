package org.leukemia.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.leukemia.persistence.testing.TestDatabase;

/** The repository contract on MariaDB/MySQL, the production database. */
class MariaDbRepositoryTest extends RepositoryContract {

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.mysql("repositories");
    }
}
