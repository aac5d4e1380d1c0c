package org.tandem.domain.apitoken;

/** Whether a token works now. Expired and revoked tokens stay listed, so their owners see what happened. */
public enum ApiTokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
