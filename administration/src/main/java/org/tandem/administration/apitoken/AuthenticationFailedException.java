package org.tandem.administration.apitoken;

/** The presented token or password proves nothing: missing, malformed, unknown, wrong, expired or revoked. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
