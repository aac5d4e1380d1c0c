package org.tandem.domain.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PortalAccountRepository {

    void add(PortalAccount account);

    Optional<PortalAccount> findByUsername(String username);

    /** The logins of tenant {@code tenantId}, by username. */
    List<PortalAccount> ofTenant(UUID tenantId);
}
