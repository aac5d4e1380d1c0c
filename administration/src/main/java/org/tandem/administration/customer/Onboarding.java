package org.tandem.administration.customer;

import java.util.UUID;

/**
 * What the one onboarding form asks: the company, its SIP domain, its first admin login, and its
 * plan. Text is taken as typed; the service checks every field and reports them all.
 *
 * @param resellerId          the reseller that sells it: the operator names one, a reseller admin leaves it
 *                            null (its own reseller is used; another one is refused)
 * @param maxRingGroups       null for the default ({@link org.tandem.domain.tenant.PlanLimits#DEFAULT_RING_GROUPS})
 * @param maxRingGroupMembers null for the default ({@link org.tandem.domain.tenant.PlanLimits#DEFAULT_RING_GROUP_MEMBERS})
 */
public record Onboarding(UUID resellerId, String companyName, String sipDomain, String adminUsername,
                         char[] adminPassword, int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond,
                         Integer maxRingGroups, Integer maxRingGroupMembers) {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    public static final String COMPANY = "companyName";
    public static final String SIP_DOMAIN = "sipDomain";
    public static final String ADMIN_USERNAME = "adminUsername";
    public static final String ADMIN_PASSWORD = "adminPassword";
    public static final String PLAN = "plan";
    public static final String RESELLER = "resellerId";

    /** A customer whose plan has the default ring-group limits. */
    public Onboarding(UUID resellerId, String companyName, String sipDomain, String adminUsername, char[] adminPassword,
                      int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond) {
        this(resellerId, companyName, sipDomain, adminUsername, adminPassword, maxExtensions, maxConcurrentCalls,
                maxCallsPerSecond, null, null);
    }

    @Override
    public String toString() {
        return "Onboarding[" + companyName + ", " + sipDomain + ", admin " + adminUsername + "]";
    }
}
