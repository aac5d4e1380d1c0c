package org.tandem.administration.customer;

/**
 * A customer's new plan, as the reseller asks it: every limit given again, but for the ring-group
 * limits, which a null leaves as they are. The service checks it against the plan's bounds and
 * against what the customer has already (its extensions and ring groups).
 */
public record PlanChange(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond, Integer maxRingGroups,
                         Integer maxRingGroupMembers) {

    /** The field every refusal of a plan change names, as {@link org.tandem.administration.shared.InvalidInputException} reports it. */
    public static final String PLAN = Onboarding.PLAN;

    /** A change of the call and extension limits only: the ring-group limits stay. */
    public PlanChange(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond) {
        this(maxExtensions, maxConcurrentCalls, maxCallsPerSecond, null, null);
    }
}
