package org.tandem.administration.apitoken;

/** A new token with its text, which exists only in this answer: shown once. */
public record IssuedApiToken(ApiTokenSummary token, String text) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token.id() + ", text hidden]";
    }
}
