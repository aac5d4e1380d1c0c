package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every repository shares: the entity manager it works in, adding with business-worded errors,
 * and the reads and the removal that differ only by entity.
 */
abstract class JpaRepository<T> {

    protected final EntityManager entityManager;
    private final Class<T> entityType;

    protected JpaRepository(EntityManager entityManager, Class<T> entityType) {
        this.entityManager = entityManager;
        this.entityType = entityType;
    }

    public void add(T entity) {
        Persistence.add(entityManager, entity);
    }

    protected Optional<T> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(entityType, id));
    }

    /** Every entity of this type, sorted by {@code attribute} (a field of the entity, never input). */
    protected List<T> allOrderedBy(String attribute) {
        return entityManager.createQuery("select e from " + entityType.getSimpleName() + " e order by e." + attribute,
                entityType).getResultList();
    }

    /** Removes {@code entity}, whether this entity manager holds it or it was read in another. */
    protected void delete(T entity) {
        entityManager.remove(entityManager.contains(entity) ? entity : entityManager.merge(entity));
    }
}
