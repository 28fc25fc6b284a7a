package org.leukemia.web.it;

/** The patient list on the quick start: the WAR on Payara Micro with its embedded database. */
class PatientListIT extends PatientListContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }
}
