package org.tandem.administration.apitoken;

import java.time.Duration;

/** The source address failed too often lately; nothing was checked. */
public class TooManyFailedAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyFailedAttemptsException(Duration retryAfter) {
        super("Too many failed attempts from this address: try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
