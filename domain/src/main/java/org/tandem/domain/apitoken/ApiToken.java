package org.tandem.domain.apitoken;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An API token as stored: who it acts for, its public prefix and the SHA-256 of its secret, never the
 * secret itself.
 *
 * @param accountUsername the owning login's username (read with the token; adding takes only the id)
 * @param expiresAt       when it stops working, or null for never
 * @param revokedAt       when someone revoked it, or null
 * @param lastUsedAt      the latest use on any node, to the minute, or null if never used
 */
public record ApiToken(UUID id, UUID accountId, String accountUsername, String name, String prefix,
                       String secretSha256, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretSha256, "secret hash");
        Objects.requireNonNull(createdAt, "creation time");
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it is made");
        }
    }

    /** A new token for login {@code accountId} holding {@code secret}. */
    public static ApiToken issue(UUID accountId, String accountUsername, String name, ApiTokenSecret secret,
                                 Instant now, Instant expiresAt) {
        return new ApiToken(UUID.randomUUID(), accountId, accountUsername, name, secret.prefix(), secret.sha256(), now,
                expiresAt, null, null);
    }

    public ApiTokenStatus status(Instant now) {
        if (revokedAt != null) {
            return ApiTokenStatus.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? ApiTokenStatus.EXPIRED : ApiTokenStatus.ACTIVE;
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }
}
