package org.tandem.domain.tenant;

/** A change would take a tenant past a limit of its plan; nothing was changed. The message says which, for people. */
public class PlanLimitReachedException extends RuntimeException {

    public PlanLimitReachedException(String message) {
        super(message);
    }
}
