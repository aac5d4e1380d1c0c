package org.tandem.administration.access;

import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.util.UUID;

/**
 * The ownership rules, in one place: the operator reaches every tenant, a reseller admin the tenants
 * it sold, a tenant login its own tenant only, and changes a suspended tenant not at all. Services
 * call these, with the {@link Permission} of the use case, before touching anything.
 */
public final class Scope {

    static final String NO_SUCH_CUSTOMER = "No such customer";
    static final String SUSPENDED = "Your company's service is suspended: its settings can be seen but not changed "
            + "until your provider resumes it";

    private Scope() {
    }

    /** Whether {@code actor} may see {@code tenant} at all. */
    public static boolean reaches(Actor actor, Tenant tenant) {
        return switch (actor.role()) {
            case OPERATOR -> true;
            case RESELLER_ADMIN -> tenant.resellerId().equals(actor.resellerId());
            case TENANT_ADMIN, TENANT_USER -> tenant.id().equals(actor.tenantId());
        };
    }

    /**
     * The tenant {@code tenantId} for a use case that {@code permission} lets {@code actor} run, if
     * {@code actor} reaches it, else {@link NotFoundException}, whether or not it exists.
     */
    public static Tenant tenant(Actor actor, Permission permission, TenantRepository tenants, UUID tenantId) {
        permission.require(actor);
        return (tenantId == null ? java.util.Optional.<Tenant>empty() : tenants.find(tenantId))
                .filter(tenant -> reaches(actor, tenant))
                .orElseThrow(() -> new NotFoundException(NO_SUCH_CUSTOMER));
    }

    /**
     * The tenant {@code tenantId} to change, as {@link #tenant}, once {@code homeNode} lets the change
     * through on this node. The home-node check runs before the tenant is loaded (the home node may
     * first take in its partner's latest changes, and a tenant loaded before them would fail its
     * version check), but its refusal is told only to an actor who reaches the tenant: anyone else
     * learns, as always, that there is no such customer.
     */
    public static Tenant tenantToChange(Actor actor, Permission permission, TenantRepository tenants, UUID tenantId,
                                        HomeNodeCheck homeNode) {
        permission.require(actor);
        NotHomeNodeException refused = null;
        if (tenantId != null) {
            try {
                homeNode.requireHomeOf(tenantId);
            } catch (NotHomeNodeException e) {
                refused = e;
            }
        }
        Tenant tenant = tenant(actor, permission, tenants, tenantId);
        if (refused != null) {
            throw refused;
        }
        requireChangeable(actor, tenant);
        return tenant;
    }

    /**
     * Refuses a change to a suspended tenant by one of its own logins: they keep reading what they
     * have, but only the reseller and the operator, who suspended it and may resume it, change it.
     */
    public static void requireChangeable(Actor actor, Tenant tenant) {
        if (actor.tenant().isPresent() && !tenant.isActive()) {
            throw new AccessDeniedException(SUSPENDED);
        }
    }
}
