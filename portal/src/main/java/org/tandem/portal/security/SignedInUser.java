package org.tandem.portal.security;

import org.tandem.administration.access.Actor;
import org.tandem.domain.account.PortalAccount;

import jakarta.servlet.http.HttpSession;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What the portal remembers about a signed-in account: the {@link Actor} taken at sign-in, small and
 * serializable, never the JPA entity itself (which would go stale and detached in the HTTP session).
 */
public record SignedInUser(Actor actor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /** The HTTP session attribute that holds the user once signed in; no session without one exists before. */
    static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();

    public SignedInUser {
        Objects.requireNonNull(actor, "actor");
    }

    public static SignedInUser of(PortalAccount account) {
        return new SignedInUser(Actor.of(account));
    }

    /** Who is signed in to {@code session}; empty for no session, an ended one, or one signed out. */
    public static Optional<SignedInUser> of(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((SignedInUser) session.getAttribute(SESSION_ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.username() + ", " + actor.role() + "]";
    }
}
