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
        return entityManager.createQuery("select a from PortalAccount a where a.username = :username", PortalAccount.class)
                .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    @Override
    public List<PortalAccount> ofTenant(UUID tenantId) {
        return byUsernameWhere("tenantId", tenantId);
    }

    @Override
    public List<PortalAccount> ofExtension(UUID extensionId) {
        return byUsernameWhere("extensionId", extensionId);
    }

    @Override
    public void remove(PortalAccount account) {
        delete(account);
    }

    /** The logins whose {@code attribute} (a field of PortalAccount, never input) is {@code value}. */
    private List<PortalAccount> byUsernameWhere(String attribute, UUID value) {
        return entityManager.createQuery("select a from PortalAccount a where a." + attribute + " = :value order by a.username",
                        PortalAccount.class)
                .setParameter("value", value)
                .getResultList();
    }
}
