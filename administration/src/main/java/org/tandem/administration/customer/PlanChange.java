package org.tandem.administration.customer;

/**
 * A customer's new plan, as the reseller asks it: every limit given again. The service checks it
 * against the plan's bounds and against what the customer has already (its extensions).
 */
public record PlanChange(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond) {

    /** The field every refusal of a plan change names, as {@link org.tandem.administration.shared.InvalidInputException} reports it. */
    public static final String PLAN = Onboarding.PLAN;
}
