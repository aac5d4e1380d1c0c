package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.shared.AlreadyTakenException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaExtensionRepository extends JpaRepository<Extension> implements ExtensionRepository {

    public JpaExtensionRepository(EntityManager entityManager) {
        super(entityManager);
    }

    /**
     * Adds {@code extension} unless its number is a ring group of its tenant ({@link AlreadyTakenException});
     * the database's trigger checks the same again at insert, under a per-tenant lock, whatever code writes.
     */
    @Override
    public void add(Extension extension) {
        boolean group = !entityManager.createNativeQuery(
                        "select 1 from ring_group where tenant_id = cast(?1 as uuid) and number = ?2")
                .setParameter(1, extension.tenantId().toString())
                .setParameter(2, extension.number().digits())
                .getResultList().isEmpty();
        if (group) {
            throw new AlreadyTakenException("This number is already used by a ring group of this company", null);
        }
        super.add(extension);
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
