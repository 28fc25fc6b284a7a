package org.leukemia.web.it;

/** The patient record on the quick start: the WAR on Payara Micro with its embedded database. */
class QuickStartPatientRecordIT extends PatientRecordContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }
}
