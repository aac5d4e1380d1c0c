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
        super(entityManager);
    }

    @Override
    public Optional<PortalAccount> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return entityManager.createQuery("select a from PortalAccount a where a.username = :username", PortalAccount.class)
                .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    @Override
    public List<PortalAccount> ofTenant(UUID tenantId) {
        return entityManager.createQuery(
                        "select a from PortalAccount a where a.tenantId = :tenant order by a.username", PortalAccount.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    @Override
    public List<PortalAccount> ofExtension(UUID extensionId) {
        return entityManager.createQuery(
                        "select a from PortalAccount a where a.extensionId = :extension order by a.username", PortalAccount.class)
                .setParameter("extension", extensionId)
                .getResultList();
    }

    @Override
    public void remove(PortalAccount account) {
        entityManager.remove(entityManager.contains(account) ? account : entityManager.merge(account));
    }
}
