package org.tandem.portal.tenant;

import com.vaadin.flow.router.RouteParameters;
import org.tandem.portal.shared.RouteIds;

import java.util.UUID;

/** The parameters of the tenant pages' routes ({@code tenants/:tenantId/...}). */
final class TenantRoute {

    static final String TENANT_ID = "tenantId";
    /** What every tenant page's route starts with; the page's own name follows. */
    static final String PATH = "tenants/:" + TENANT_ID + RouteIds.UUID_PATTERN + "/";

    private TenantRoute() {
    }

    static RouteParameters of(UUID tenantId) {
        return new RouteParameters(TENANT_ID, tenantId.toString());
    }
}
