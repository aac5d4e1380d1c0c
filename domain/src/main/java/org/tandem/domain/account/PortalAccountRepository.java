package org.tandem.domain.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PortalAccountRepository {

    void add(PortalAccount account);

    Optional<PortalAccount> findByUsername(String username);

    /** The logins of tenant {@code tenantId}, by username. */
    List<PortalAccount> ofTenant(UUID tenantId);

    /** The tenant users who see extension {@code extensionId}, by username. */
    List<PortalAccount> ofExtension(UUID extensionId);

    /** Deletes the login; its API tokens go with it. */
    void remove(PortalAccount account);
}
