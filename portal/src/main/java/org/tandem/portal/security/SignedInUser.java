package org.tandem.portal.security;

import org.tandem.administration.access.Actor;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;

import jakarta.servlet.http.HttpSession;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the portal remembers about a signed-in account: a small serializable snapshot taken at sign-in,
 * never the JPA entity itself (which would go stale and detached in the HTTP session).
 */
public final class SignedInUser implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The HTTP session attribute that holds the user once signed in; no session without one exists before. */
    static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();

    private final UUID accountId;
    private final String username;
    private final Role role;
    private final UUID resellerId;
    private final UUID tenantId;

    public SignedInUser(UUID accountId, String username, Role role, UUID resellerId, UUID tenantId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.username = Objects.requireNonNull(username, "username");
        this.role = Objects.requireNonNull(role, "role");
        this.resellerId = resellerId;
        this.tenantId = tenantId;
    }

    public static SignedInUser of(PortalAccount account) {
        return new SignedInUser(account.id(), account.username(), account.role(),
                account.resellerId().orElse(null), account.tenantId().orElse(null));
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

    public UUID accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    /** The reseller a reseller admin acts for; empty for every other role. */
    public Optional<UUID> resellerId() {
        return Optional.ofNullable(resellerId);
    }

    /** The tenant a tenant admin or tenant user belongs to; empty for every other role. */
    public Optional<UUID> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /** Who the application services act for. */
    public Actor actor() {
        return new Actor(accountId, username, role, resellerId, tenantId);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + "]";
    }
}
