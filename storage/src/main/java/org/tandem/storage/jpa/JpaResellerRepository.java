package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.reseller.ResellerRepository;

import java.util.List;

public class JpaResellerRepository extends JpaRepository<Reseller> implements ResellerRepository {

    public JpaResellerRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public List<Reseller> all() {
        return entityManager.createQuery("select r from Reseller r order by r.name", Reseller.class).getResultList();
    }
}
