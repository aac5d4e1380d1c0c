package org.tandem.administration.access;

import org.tandem.domain.account.Role;

import java.util.Objects;
import java.util.Set;

/**
 * Who may run a use case: the roles allowed, and what it does in the words a refusal gives
 * ("Your login may not see active calls").
 */
public record Permission(String what, Set<Role> roles) {

    public Permission {
        Objects.requireNonNull(what, "what");
        roles = Set.copyOf(roles);
    }

    public static Permission to(String what, Role... roles) {
        return new Permission(what, Set.of(roles));
    }

    /** Looking after one tenant: its own admins, the reseller that sold it and the operator may. */
    public static Permission administerTenant(String what) {
        return to(what, Role.OPERATOR, Role.RESELLER_ADMIN, Role.TENANT_ADMIN);
    }

    /** Refuses an actor whose role is none of {@link #roles}. */
    public void require(Actor actor) {
        if (!roles.contains(actor.role())) {
            throw new AccessDeniedException("Your login may not " + what);
        }
    }
}
