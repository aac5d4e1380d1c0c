package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.pool.PoolRepository;

import java.util.List;

public class JpaPoolRepository extends JpaRepository<Pool> implements PoolRepository {

    public JpaPoolRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public List<Pool> all() {
        return entityManager.createQuery("select p from Pool p order by p.name", Pool.class).getResultList();
    }
}
