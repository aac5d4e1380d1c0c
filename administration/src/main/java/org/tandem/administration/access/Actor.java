package org.tandem.administration.access;

import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in account a use case runs for: its role and the one reseller or tenant it belongs to.
 * A snapshot taken at sign-in (or from an API token), small and serializable, never the entity.
 */
public record Actor(UUID accountId, String username, Role role, UUID resellerId, UUID tenantId)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Actor {
        Objects.requireNonNull(accountId, "account");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        boolean scopeFits = switch (role) {
            case OPERATOR -> resellerId == null && tenantId == null;
            case RESELLER_ADMIN -> resellerId != null && tenantId == null;
            case TENANT_ADMIN, TENANT_USER -> resellerId == null && tenantId != null;
        };
        if (!scopeFits) {
            throw new IllegalArgumentException("a " + role + " acts for " + switch (role) {
                case OPERATOR -> "the whole cluster";
                case RESELLER_ADMIN -> "exactly one reseller";
                case TENANT_ADMIN, TENANT_USER -> "exactly one tenant";
            });
        }
    }

    public static Actor of(PortalAccount account) {
        return new Actor(account.id(), account.username(), account.role(),
                account.resellerId().orElse(null), account.tenantId().orElse(null));
    }

    /** The reseller a reseller admin acts for; empty for every other role. */
    public Optional<UUID> reseller() {
        return Optional.ofNullable(resellerId);
    }

    /** The tenant a tenant login belongs to; empty for every other role. */
    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
