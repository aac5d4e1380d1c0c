package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.reseller.ResellerRepository;

public class JpaResellerRepository extends JpaNamedRepository<Reseller> implements ResellerRepository {

    public JpaResellerRepository(EntityManager entityManager) {
        super(entityManager, Reseller.class);
    }
}
