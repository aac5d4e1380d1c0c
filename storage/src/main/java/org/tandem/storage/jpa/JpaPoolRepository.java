package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.pool.PoolRepository;
import org.tandem.domain.pool.PoolUsage;

import java.util.List;

public class JpaPoolRepository extends JpaNamedRepository<Pool> implements PoolRepository {

    public JpaPoolRepository(EntityManager entityManager) {
        super(entityManager, Pool.class);
    }

    @Override
    public List<PoolUsage> usage() {
        return entityManager.createQuery("""
                        select new org.tandem.domain.pool.PoolUsage(p,
                            (select count(t) from Tenant t where t.poolId = p.id),
                            (select count(e) from Extension e, Tenant t where e.tenantId = t.id and t.poolId = p.id))
                        from Pool p order by p.name""", PoolUsage.class)
                .getResultList();
    }
}
