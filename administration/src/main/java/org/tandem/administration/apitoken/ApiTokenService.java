package org.tandem.administration.apitoken;

import org.tandem.administration.access.Actor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * API tokens of a reseller or a tenant. Reseller admins and tenant admins make them; a token acts with
 * the rights of the login that made it. Every admin of the same reseller (or tenant) sees and may
 * revoke them, so a colleague's leaked token can be stopped; any other id is "No such API token".
 */
public interface ApiTokenService {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    String NAME = "name";
    String EXPIRES_AT = "expiresAt";

    /**
     * Makes a token for {@code actor}'s login.
     *
     * @param expiresAt when it stops working, or null for a token that works until revoked
     * @throws org.tandem.administration.shared.InvalidInputException no name, or an expiry not in the future
     */
    IssuedApiToken issue(Actor actor, String name, Instant expiresAt);

    /** The tokens of the actor's reseller or tenant, newest first, revoked and expired ones included. */
    List<ApiTokenSummary> tokens(Actor actor);

    /** Stops the token at once, on every node. Revoking a revoked token changes nothing. */
    ApiTokenSummary revoke(Actor actor, UUID tokenId);
}
