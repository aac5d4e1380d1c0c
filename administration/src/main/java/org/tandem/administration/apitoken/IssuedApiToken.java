package org.tandem.administration.apitoken;

/**
 * A token just made, with its whole text. The text exists only in this answer (the database keeps its
 * SHA-256), so it is shown to the person once and never again.
 */
public record IssuedApiToken(ApiTokenSummary token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token.prefix() + ", secret hidden]";
    }
}
