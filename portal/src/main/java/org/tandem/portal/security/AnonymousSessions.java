package org.tandem.portal.security;

import com.vaadin.flow.server.WrappedSession;
import org.tandem.domain.settings.NodeSettings;

import java.util.Properties;

/**
 * How long a browser session that has not signed in lives without a request. Every page of the
 * portal needs a Vaadin session, so each anonymous visit (a crawler's too) makes one: kept short,
 * what a flood of them holds stays small. Signing in gives the session its usual timeout back.
 */
public final class AnonymousSessions {

    static final String TIMEOUT_PROPERTY = "tandem.portal.anonymous.session.seconds";
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    static final String USUAL_TIMEOUT = AnonymousSessions.class.getName() + ".usualTimeout";

    /** The node's setting, read once (the launcher maps TANDEM_PORTAL_ANONYMOUS_SESSION_SECONDS onto it). */
    static final int CONFIGURED_TIMEOUT_SECONDS = timeoutSeconds(System.getProperties());

    private AnonymousSessions() {
    }

    static int timeoutSeconds(Properties properties) {
        return NodeSettings.positive(properties, TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS);
    }

    /** A new session lives the node's anonymous-session timeout without a request, until sign-in. */
    public static void started(WrappedSession session) {
        started(session, CONFIGURED_TIMEOUT_SECONDS);
    }

    /** A new session lives {@code timeoutSeconds} without a request (never longer than it would anyway) until sign-in. */
    static void started(WrappedSession session, int timeoutSeconds) {
        int usual = session.getMaxInactiveInterval();
        session.setAttribute(USUAL_TIMEOUT, usual);
        session.setMaxInactiveInterval(usual > 0 ? Math.min(usual, timeoutSeconds) : timeoutSeconds);
    }

    static void signedIn(WrappedSession session) {
        if (session.getAttribute(USUAL_TIMEOUT) instanceof Integer usual) {
            session.setMaxInactiveInterval(usual);
            session.removeAttribute(USUAL_TIMEOUT);
        }
    }
}
