package org.tandem.administration.apitoken;

import org.tandem.domain.apitoken.ApiTokenStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One API token as its owners see it: never the secret.
 *
 * @param prefix     the token's public start ({@code tdm_<prefix>_}), to tell which token a script holds
 * @param owner      username of the login it acts for
 * @param expiresAt  null for never
 * @param revokedAt  null unless revoked
 * @param lastUsedAt null if never used; precise to a minute
 */
public record ApiTokenSummary(UUID id, String name, String prefix, String owner, ApiTokenStatus status,
                              Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
}
