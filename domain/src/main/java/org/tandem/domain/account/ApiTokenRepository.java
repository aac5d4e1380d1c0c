package org.tandem.domain.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiTokenRepository {

    void add(ApiToken token);

    Optional<ApiToken> find(UUID id);

    /** The tokens of one scope: a reseller's, a tenant's, or (both null) the operator's; newest first. */
    List<ApiToken> ofScope(UUID resellerId, UUID tenantId);

    void remove(ApiToken token);
}
