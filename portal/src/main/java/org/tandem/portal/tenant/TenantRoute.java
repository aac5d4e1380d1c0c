package org.tandem.portal.tenant;

import com.vaadin.flow.router.RouteParameters;

import java.util.UUID;

/** The parameters of the tenant pages' routes ({@code tenants/:tenantId/...}). */
final class TenantRoute {

    static final String TENANT_ID = "tenantId";

    private TenantRoute() {
    }

    static RouteParameters of(UUID tenantId) {
        return new RouteParameters(TENANT_ID, tenantId.toString());
    }
}
