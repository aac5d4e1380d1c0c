package org.tandem.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import org.tandem.administration.access.Actor;

import java.util.Optional;

/**
 * The user signed in to the current browser session. The bean itself holds nothing: the
 * {@link SignedInUser} is an attribute of the browser's HTTP session, put there by the sign-in page
 * (which alone makes sessions), so it lives exactly as long as that session, one per browser, and
 * dies with it on sign-out or session timeout.
 */
@ApplicationScoped
public class CurrentUser {

    @Inject
    private SignedInSessions sessions;

    /** Where the browser goes after signing out; relative, so it resolves against the portal's root. */
    static final String AFTER_SIGN_OUT = "login";

    public Optional<SignedInUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : SignedInUser.of(httpSession(session));
    }

    /** Who the services act for; only views behind the access guard ask, so someone is signed in. */
    public Actor actor() {
        return get().map(SignedInUser::actor)
                .orElseThrow(() -> new IllegalStateException("the access guard lets only signed-in users in"));
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    /**
     * Runs {@code change}, which changes the signed-in login's own password: the login's other
     * browser sessions, on every node, are then signed out, and this one stays signed in.
     */
    public void changeOwnPassword(Runnable change) {
        HttpSession session = httpSession(requireSession());
        sessions.changingOwnPassword(actor().accountId(), session);
        try {
            change.run();
        } catch (RuntimeException refused) {
            sessions.settled(session);
            throw refused;
        }
    }

    /**
     * Forgets the user, closes the Vaadin session (and with it every UI of this browser) and sends the
     * browser to the sign-in page, which ends the HTTP session then. Ending it here, in a request of a
     * page whose push WebSockets are still open, makes Undertow log an error when more than one is.
     */
    public void signOut() {
        VaadinSession session = requireSession();
        HttpSession signedOut = httpSession(session);
        sessions.ended(signedOut);
        signedOut.removeAttribute(SignedInUser.SESSION_ATTRIBUTE);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setLocation(AFTER_SIGN_OUT);
        }
        session.close();
    }

    private static HttpSession httpSession(VaadinSession session) {
        return ((WrappedHttpSession) session.getSession()).getHttpSession();
    }

    private static VaadinSession requireSession() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("no Vaadin session: sign-out and password changes happen in a UI request");
        }
        return session;
    }
}
