package org.leukemia.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.config.ConfigKeys;

/**
 * Gives every new session the configured idle time, after which it ends and its next request
 * is sent to the login page (or answered 401 by the API) with a note that the session ended.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    /** Minutes a session lasts without a request when the setting is absent. */
    public static final int DEFAULT_MINUTES = 30;

    private static final Logger LOG = Logger.getLogger(SessionTimeout.class.getName());

    @Inject
    @ConfigProperty(name = ConfigKeys.SESSION_TIMEOUT_MINUTES,
            defaultValue = "" + DEFAULT_MINUTES)
    private int minutes;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        int effective = minutes;
        if (effective < 1) {
            LOG.warning(() -> "The setting " + ConfigKeys.SESSION_TIMEOUT_MINUTES + " must be"
                    + " at least 1 minute, not " + minutes + "; sessions last "
                    + DEFAULT_MINUTES + " minutes");
            effective = DEFAULT_MINUTES;
        }
        event.getSession().setMaxInactiveInterval(effective * 60);
    }
}
