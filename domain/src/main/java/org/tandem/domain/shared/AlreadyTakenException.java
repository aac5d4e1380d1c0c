package org.tandem.domain.shared;

/** A name that must be unique (SIP domain, extension number, username, ...) is already in use. */
public class AlreadyTakenException extends RuntimeException {

    public AlreadyTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
