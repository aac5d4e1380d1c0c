package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;

import java.util.List;

/** A repository of entities a cluster has few of and lists whole, by name: nodes, pools, resellers. */
abstract class JpaNamedRepository<T> extends JpaRepository<T> {

    protected JpaNamedRepository(EntityManager entityManager, Class<T> entityType) {
        super(entityManager, entityType);
    }

    public List<T> all() {
        return allOrderedBy("name");
    }
}
