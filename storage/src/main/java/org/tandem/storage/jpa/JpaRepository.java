package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every repository shares: the entity manager it works in, adding with business-worded errors,
 * finding by id, and the reads and the removal that differ only by entity.
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

    /** The entity with this id. */
    public Optional<T> find(UUID id) {
        return Optional.ofNullable(entityManager.find(entityType, id));
    }

    /** Every entity of this type, sorted by {@code orderBy}. Attribute names are fields of the entity, never input. */
    protected List<T> allOrderedBy(String orderBy) {
        return entityManager.createQuery(select() + " order by e." + orderBy, entityType).getResultList();
    }

    /** The entities whose {@code attribute} is {@code value}, sorted by {@code orderBy}. */
    protected List<T> allWhere(String attribute, Object value, String orderBy) {
        return entityManager.createQuery(select() + " where e." + attribute + " = :value order by e." + orderBy,
                entityType).setParameter("value", value).getResultList();
    }

    /** The entity whose {@code attribute}, unique, is {@code value}. */
    protected Optional<T> oneWhere(String attribute, Object value) {
        return entityManager.createQuery(select() + " where e." + attribute + " = :value", entityType)
                .setParameter("value", value).getResultStream().findFirst();
    }

    private String select() {
        return "select e from " + entityType.getSimpleName() + " e";
    }

    /** Removes {@code entity}, whether this entity manager holds it or it was read in another. */
    protected void delete(T entity) {
        entityManager.remove(entityManager.contains(entity) ? entity : entityManager.merge(entity));
    }
}
