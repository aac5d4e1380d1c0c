package org.tandem.portal.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether a tenant is suspended, read afresh on every call: its reseller may suspend or resume it
 * while its pages are open. The registrar refuses a suspended tenant's phones (403), so the portal
 * must not call them registered. Callers pass a tenant the signed-in login already may see (its own,
 * or one a service has just checked): this bean checks no access itself.
 */
@ApplicationScoped
public class TenantSuspension {

    @Inject
    private TenantRepository tenants;

    /** The company name of {@code tenantId} when it is suspended; empty when it is active (or gone). */
    public Optional<String> suspendedCompany(UUID tenantId) {
        return tenants.find(tenantId).filter(tenant -> !tenant.isActive()).map(Tenant::companyName);
    }
}
