package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.reseller.ResellerRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaResellerRepository extends JpaRepository<Reseller> implements ResellerRepository {

    public JpaResellerRepository(EntityManager entityManager) {
        super(entityManager);
    }

    @Override
    public Optional<Reseller> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Reseller.class, id));
    }

    @Override
    public List<Reseller> all() {
        return entityManager.createQuery("select r from Reseller r order by r.name", Reseller.class).getResultList();
    }
}
