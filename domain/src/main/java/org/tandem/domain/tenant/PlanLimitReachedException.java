package org.tandem.domain.tenant;

/** A change would take a tenant past a limit of its plan; nothing was changed. The message says which, for people. */
public class PlanLimitReachedException extends RuntimeException {

    public PlanLimitReachedException(String message) {
        super(message);
    }

    /** A ring group of {@code given} members on a plan that allows {@code allowed} per group. */
    public static PlanLimitReachedException ringGroupMembers(int allowed, int given) {
        return new PlanLimitReachedException("The plan allows " + allowed + " members per ring group: choose "
                + (given - allowed) + " fewer, or ask your reseller for a larger plan");
    }
}
