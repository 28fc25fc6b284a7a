package org.leukemia.web.it;

/**
 * The main job on the quick start: the WAR on Payara Micro with its embedded database.
 */
class QuickStartIT extends MainJobContract {

    @Override
    protected String applicationUrl() throws Exception {
        return PayaraMicroServer.get().applicationUrl();
    }

    @Override
    protected String serverUrl() throws Exception {
        return PayaraMicroServer.get().serverUrl();
    }
}
