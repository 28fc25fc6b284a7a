package org.leukemia.ear;

import org.leukemia.web.it.AccountSecurityContract;

/**
 * Users and access on the EAR, deployed on Payara Server 6 with MySQL (MariaDB here): the same
 * checks as on the quick start.
 */
class AccountSecurityServerIT extends AccountSecurityContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }
}
