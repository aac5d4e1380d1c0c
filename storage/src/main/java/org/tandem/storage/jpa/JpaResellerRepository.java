package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.reseller.ResellerRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaResellerRepository extends JpaRepository<Reseller> implements ResellerRepository {

    public JpaResellerRepository(EntityManager entityManager) {
        super(entityManager, Reseller.class);
    }

    @Override
    public Optional<Reseller> find(UUID id) {
        return byId(id);
    }

    @Override
    public List<Reseller> all() {
        return allOrderedBy("name");
    }
}
