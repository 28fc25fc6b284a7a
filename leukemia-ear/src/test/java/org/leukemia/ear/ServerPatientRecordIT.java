package org.leukemia.ear;

import org.leukemia.web.it.PatientRecordContract;

/**
 * The patient record on the EAR, deployed on Payara Server 6 with MySQL (MariaDB here): the
 * same checks as on the quick start.
 */
class ServerPatientRecordIT extends PatientRecordContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }
}
