package org.tandem.administration.shared;

/** The change would take a tenant past its plan (more extensions or ring groups than it allows); nothing was changed. */
public class OverPlanException extends RuntimeException {

    public OverPlanException(String message) {
        super(message);
    }
}
