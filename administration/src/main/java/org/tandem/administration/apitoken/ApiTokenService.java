package org.tandem.administration.apitoken;

import org.tandem.administration.access.Actor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens of the actor's own scope (its reseller, its tenant, or the operator's). */
public interface ApiTokenService {

    String LABEL = "label";

    IssuedApiToken issue(Actor actor, String label);

    List<ApiTokenSummary> tokens(Actor actor);

    void revoke(Actor actor, UUID tokenId);

    /** Who a presented token acts for; empty for anything that is not a live token. */
    Optional<Actor> authenticate(String presented);
}
