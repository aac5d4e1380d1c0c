package org.tandem.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;

import java.util.Optional;

/**
 * The user signed in to the current browser session. The bean itself holds nothing: the
 * {@link SignedInUser} is an attribute of the current {@link VaadinSession}, so it lives exactly as
 * long as that session, one per browser, and dies with it on sign-out or session timeout.
 */
@ApplicationScoped
public class CurrentUser {

    private SignedInSessions sessions;

    /** For CDI's client proxy only. */
    protected CurrentUser() {
    }

    @Inject
    public CurrentUser(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    /** Where the browser goes after signing out; relative, so it resolves against the portal's root. */
    static final String AFTER_SIGN_OUT = "login";

    public Optional<SignedInUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(SignedInUser.class));
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
     * Remembers the user for this session. The HTTP session gets a new id first, so an id planted in
     * the browser before sign-in (session fixation) is worth nothing afterwards; the session gets its
     * usual timeout back.
     */
    public void signIn(SignedInUser user) {
        VaadinSession session = requireSession();
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
        session.setAttribute(SignedInUser.class, user);
        AnonymousSessions.signedIn(session.getSession());
        sessions.signedIn(user.accountId(), session);
    }

    /**
     * Runs {@code change}, which changes the signed-in login's own password: the login's other
     * browser sessions, on every node, are then signed out, and this one stays signed in.
     */
    public void changeOwnPassword(Runnable change) {
        VaadinSession session = requireSession();
        sessions.changingOwnPassword(actor().accountId(), session);
        try {
            change.run();
        } catch (RuntimeException refused) {
            sessions.settled(session);
            throw refused;
        }
    }

    /**
     * Forgets the user, closes the Vaadin session (and with it every UI of this browser) and sends
     * the browser to the login page, where a fresh session starts.
     */
    public void signOut() {
        VaadinSession session = requireSession();
        session.setAttribute(SignedInUser.class, null);
        sessions.ended(session);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setLocation(AFTER_SIGN_OUT);
        }
        session.close();
    }

    private static VaadinSession requireSession() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("no Vaadin session: sign-in and sign-out happen in a UI request");
        }
        return session;
    }
}
