package org.leukemia.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.leukemia.persistence.testing.TestDatabase;

/** The patient list's queries on MariaDB/MySQL, the production database. */
class MariaDbPatientListTest extends PatientListContract {

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.mysql("patient_list");
    }
}
