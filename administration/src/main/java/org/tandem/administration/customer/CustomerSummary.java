package org.tandem.administration.customer;

import org.tandem.domain.tenant.TenantStatus;

import java.util.UUID;

/** One customer as a list shows it: who, where, how much of its plan it uses. */
public record CustomerSummary(UUID id, String companyName, String sipDomain, TenantStatus status, String resellerName,
                              String poolName, long extensions, int maxExtensions, int maxConcurrentCalls,
                              int maxCallsPerSecond) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}
