package org.tandem.domain.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiTokenRepository {

    void add(ApiToken token);

    Optional<ApiToken> find(UUID id);

    /** The token with this public prefix, to check a presented secret against. */
    Optional<ApiToken> findByPrefix(String prefix);

    /** Tokens of the admin logins of reseller {@code resellerId}, newest first. */
    List<ApiToken> ofReseller(UUID resellerId);

    /** Tokens of the logins of tenant {@code tenantId}, newest first. */
    List<ApiToken> ofTenant(UUID tenantId);

    /** Marks the token revoked at {@code at}; false if it already was (its first revocation stands). */
    boolean revoke(UUID id, Instant at);

    /**
     * Notes that this node saw the token used at {@code at}. Each node keeps its own row, so nodes
     * never write the same row; a row younger than a minute is left alone, so a busy script does not
     * write on every request.
     */
    void recordUse(UUID id, Instant at);
}
