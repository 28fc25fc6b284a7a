package org.leukemia.ear;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.leukemia.web.it.AnalyticsAndAuditContract;

/**
 * The analytics and the audit trail on the EAR, deployed on Payara Server 6 with MariaDB: the
 * same checks as on Payara Micro, and an entry changed in the database behind the
 * application's back.
 */
class AnalyticsAndAuditServerIT extends AnalyticsAndAuditContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }

    @Override
    protected boolean changeAuditDetails(long seq, String details) throws Exception {
        PayaraServerDomain.get();
        try (Connection connection = DriverManager.getConnection(PayaraServerDomain.databaseUrl(),
                System.getProperty("test.db.user", "leukemia"),
                System.getProperty("test.db.password", "leukemia"));
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_event SET details = ? WHERE seq = ?")) {
            update.setString(1, details);
            update.setLong(2, seq);
            return update.executeUpdate() == 1;
        }
    }
}
