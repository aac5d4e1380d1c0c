package org.tandem.administration.access;

/** The actor's role may not do this at all (a tenant admin onboarding a customer, say). */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
