package org.leukemia.ear;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.leukemia.web.it.PatientRecordContract;

/**
 * The patient record on the EAR, deployed on Payara Server 6 with MySQL (MariaDB here): the
 * same checks as on the quick start, and the audit trail read from the database.
 */
class ServerPatientRecordIT extends PatientRecordContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }

    @Override
    protected List<String> auditTrail(long patientId) throws Exception {
        PayaraServerDomain.get();
        try (Connection connection = DriverManager.getConnection(PayaraServerDomain.databaseUrl(),
                System.getProperty("test.db.user", "leukemia"),
                System.getProperty("test.db.password", "leukemia"));
                PreparedStatement query = connection.prepareStatement("SELECT actor, action,"
                        + " details FROM audit_event WHERE target_type = 'patient'"
                        + " AND target_id = ? ORDER BY seq")) {
            query.setString(1, Long.toString(patientId));
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " " + rows.getString(2) + " "
                            + rows.getString(3));
                }
            }
            return entries;
        }
    }
}
