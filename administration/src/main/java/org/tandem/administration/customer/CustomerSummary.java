package org.tandem.administration.customer;

import org.tandem.domain.tenant.TenantStatus;

import java.util.UUID;

/**
 * One customer as a list shows it: who, where, how much of its plan it uses, and its usage: phones
 * registered now, calls and minutes talked in the last {@link CustomerService#USAGE_DAYS} days.
 */
public record CustomerSummary(UUID id, String companyName, String sipDomain, TenantStatus status, String resellerName,
                              String poolName, long extensions, int maxExtensions, int maxConcurrentCalls,
                              int maxCallsPerSecond, int maxRingGroups, int maxRingGroupMembers, long registeredPhones,
                              long recentCalls, long recentTalkMinutes) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}
