package org.leukemia.web.it;

/** Users and access on the quick start: the WAR on Payara Micro with its embedded database. */
class AccountSecurityIT extends AccountSecurityContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }
}
