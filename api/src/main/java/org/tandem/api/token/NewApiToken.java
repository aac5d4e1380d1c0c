package org.tandem.api.token;

import org.tandem.administration.apitoken.IssuedApiToken;

/**
 * A token just made.
 *
 * @param secret the whole token, for {@code Authorization: Bearer ...}: shown this once, kept nowhere
 */
public record NewApiToken(ApiToken token, String secret) {

    static NewApiToken of(IssuedApiToken issued) {
        return new NewApiToken(ApiToken.of(issued.token()), issued.secret());
    }

    @Override
    public String toString() {
        return "NewApiToken[" + token.prefix() + ", secret hidden]";
    }
}
