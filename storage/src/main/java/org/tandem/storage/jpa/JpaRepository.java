package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;

/** What every repository shares: the entity manager it works in, and adding with business-worded errors. */
abstract class JpaRepository<T> {

    protected final EntityManager entityManager;

    protected JpaRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(T entity) {
        Persistence.add(entityManager, entity);
    }
}
