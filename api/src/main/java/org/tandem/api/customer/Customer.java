package org.tandem.api.customer;

import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.domain.tenant.TenantStatus;

import java.util.UUID;

/** A customer (tenant) as lists show it; its id is the tenant id the extension paths take. */
public record Customer(UUID id, String companyName, String sipDomain, TenantStatus status, String reseller,
                       String pool, long extensions, Plan plan, Usage usage) {

    static Customer of(CustomerSummary summary) {
        return new Customer(summary.id(), summary.companyName(), summary.sipDomain(), summary.status(),
                summary.resellerName(), summary.poolName(), summary.extensions(),
                new Plan(summary.maxExtensions(), summary.maxConcurrentCalls(), summary.maxCallsPerSecond(),
                        summary.maxRingGroups(), summary.maxRingGroupMembers()),
                new Usage(CustomerService.USAGE_DAYS, summary.registeredPhones(), summary.recentCalls(),
                        summary.recentTalkMinutes()));
    }
}
