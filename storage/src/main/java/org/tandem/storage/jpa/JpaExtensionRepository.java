package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaExtensionRepository extends JpaRepository<Extension> implements ExtensionRepository {

    public JpaExtensionRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public Optional<Extension> find(UUID tenantId, ExtensionNumber number) {
        return entityManager.createQuery(
                        "select e from Extension e where e.tenantId = :tenant and e.number = :number", Extension.class)
                .setParameter("tenant", tenantId)
                .setParameter("number", number.digits())
                .getResultStream().findFirst();
    }

    @Override
    public List<Extension> ofTenant(UUID tenantId) {
        return entityManager.createQuery(
                        "select e from Extension e where e.tenantId = :tenant order by e.number", Extension.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }
}
