package org.tandem.domain.account;

import java.util.Optional;

public interface PortalAccountRepository {

    void add(PortalAccount account);

    Optional<PortalAccount> findByUsername(String username);
}
