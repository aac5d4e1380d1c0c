package org.tandem.domain.node;

/**
 * A join or a removal that was refused or failed; what it had set up is undone, and the message says
 * why and what to do about it.
 */
public class MembershipChangeFailedException extends RuntimeException {

    public MembershipChangeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
