package org.leukemia.ear;

import org.leukemia.web.it.AnalyticsAndAuditContract;

/**
 * The analytics and the audit trail on the EAR, deployed on Payara Server 6 with MariaDB: the
 * same checks as on Payara Micro.
 */
class AnalyticsAndAuditServerIT extends AnalyticsAndAuditContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }
}
