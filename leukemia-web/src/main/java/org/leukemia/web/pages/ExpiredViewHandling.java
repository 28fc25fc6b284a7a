package org.leukemia.web.pages;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form posted to a page whose state the server no longer has (its session ended, or the
 * page was left open too long among many) raises a {@link ViewExpiredException}. Instead of an
 * error page, or nothing at all for a PrimeFaces AJAX request, the browser is sent to the
 * login page saying that the session ended, or, while still signed in, to a fresh copy of the
 * page. Faces writes the redirect as a partial response for AJAX requests.
 */
public class ExpiredViewHandling extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ExpiredViewHandling.class.getName());

    /** @param wrapped the factory of the handler for every other exception */
    public ExpiredViewHandling(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents()
                    .iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (causedByExpiredView(failure)) {
                    events.remove();
                    sendOn(FacesContext.getCurrentInstance());
                    return;
                }
            }
            getWrapped().handle();
        }

        private static boolean causedByExpiredView(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void sendOn(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            boolean signedIn = external.getUserPrincipal() != null;
            String target = signedIn ? external.getRequestServletPath()
                    : "/login.xhtml?ended=true";
            LOG.fine(() -> "A form was posted to an expired view; sent on to " + target);
            try {
                external.redirect(external.getRequestContextPath() + target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
