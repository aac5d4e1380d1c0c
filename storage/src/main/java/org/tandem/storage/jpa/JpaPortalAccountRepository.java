package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public class JpaPortalAccountRepository extends JpaRepository<PortalAccount> implements PortalAccountRepository {

    public JpaPortalAccountRepository(EntityManager entityManager) {
        super(entityManager, PortalAccount.class);
    }

    @Override
    public Optional<PortalAccount> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return oneWhere("username", username.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<PortalAccount> ofTenant(UUID tenantId) {
        return allWhere("tenantId", tenantId, "username");
    }

    @Override
    public List<PortalAccount> ofExtension(UUID extensionId) {
        return allWhere("extensionId", extensionId, "username");
    }

    @Override
    public void remove(PortalAccount account) {
        delete(account);
    }
}
