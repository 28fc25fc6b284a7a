package org.leukemia.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.leukemia.persistence.testing.TestDatabase;

/** Patient records and the audit trail on MariaDB/MySQL, the production database. */
class MariaDbRecordAndAuditTest extends RecordAndAuditContract {

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.mysql("records");
    }
}
