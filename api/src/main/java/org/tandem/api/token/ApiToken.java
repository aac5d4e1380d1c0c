package org.tandem.api.token;

import org.tandem.administration.apitoken.ApiTokenSummary;
import org.tandem.domain.apitoken.ApiTokenStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token, without its secret.
 *
 * @param prefix     how the token's text starts, to tell which one a script holds
 * @param owner      the login it acts for
 * @param lastUsedAt precise to a minute; absent if never used
 */
public record ApiToken(UUID id, String name, String prefix, String owner, ApiTokenStatus status, Instant createdAt,
                       Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiToken of(ApiTokenSummary token) {
        return new ApiToken(token.id(), token.name(), token.prefix(), token.owner(), token.status(), token.createdAt(),
                token.expiresAt(), token.revokedAt(), token.lastUsedAt());
    }
}
