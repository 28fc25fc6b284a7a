package org.leukemia.ear;

import org.leukemia.web.it.MainJobContract;

/**
 * The main job on the EAR, deployed on Payara Server 6 with MySQL (MariaDB here): the same
 * checks as the quick start on Payara Micro, so that both deployments behave alike.
 */
class ServerDeploymentIT extends MainJobContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraServerDomain.get().applicationUrl();
    }

    @Override
    protected String serverUrl() throws Exception {
        return PayaraServerDomain.get().serverUrl();
    }
}
