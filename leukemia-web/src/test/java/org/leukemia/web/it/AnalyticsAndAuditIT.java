package org.leukemia.web.it;

/** The analytics and the audit trail on the quick start: the WAR on Payara Micro with H2. */
class AnalyticsAndAuditIT extends AnalyticsAndAuditContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }
}
