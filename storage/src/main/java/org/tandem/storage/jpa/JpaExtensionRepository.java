package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.storage.jdbc.TenantNumberLock;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

public class JpaExtensionRepository extends JpaRepository<Extension> implements ExtensionRepository {

    public JpaExtensionRepository(EntityManager entityManager) {
        super(entityManager, Extension.class);
    }

    /**
     * Adds {@code extension} unless its number is a ring group of its tenant ({@link AlreadyTakenException});
     * the database's trigger checks the same again at insert, under a per-tenant lock, whatever code writes.
     */
    @Override
    public void add(Extension extension) {
        if (isRingGroup(extension.tenantId(), extension.number())) {
            throw new AlreadyTakenException("This number is already used by a ring group of this company", null);
        }
        super.add(extension);
    }

    @Override
    public boolean isRingGroup(UUID tenantId, ExtensionNumber number) {
        return !entityManager.createNativeQuery(
                        "select 1 from ring_group where tenant_id = cast(?1 as uuid) and number = ?2")
                .setParameter(1, tenantId.toString())
                .setParameter(2, number.digits())
                .getResultList().isEmpty();
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
    public Optional<Extension> find(UUID tenantId, UUID id) {
        return find(id).filter(extension -> extension.tenantId().equals(tenantId));
    }

    @Override
    public long countOfTenant(UUID tenantId) {
        return entityManager.createQuery("select count(e) from Extension e where e.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId)
                .getSingleResult();
    }

    @Override
    public Map<UUID, Long> countsOfTenants(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("select e.tenantId, count(e) from Extension e where e.tenantId in :tenants "
                        + "group by e.tenantId", Object[].class)
                .setParameter("tenants", tenantIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    @Override
    public void lockNumbers(UUID tenantId) {
        entityManager.unwrap(Session.class).doWork(connection -> TenantNumberLock.take(connection, tenantId));
    }

    /** Under the number lock, so a ring group change cannot add the extension back as a member meanwhile. */
    @Override
    public void remove(Extension extension) {
        lockNumbers(extension.tenantId());
        entityManager.createNativeQuery("""
                        delete from ring_group_member m using ring_group g
                        where g.id = m.ring_group_id and g.tenant_id = cast(?1 as uuid) and m.extension_number = ?2""")
                .setParameter(1, extension.tenantId().toString())
                .setParameter(2, extension.number().digits())
                .executeUpdate();
        delete(extension);
        entityManager.flush();
    }

    @Override
    public List<Extension> ofTenant(UUID tenantId) {
        return allWhere("tenantId", tenantId, "number");
    }
}
