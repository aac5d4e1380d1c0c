package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.operator.OperatorRepository;

import java.util.Optional;

public class JpaOperatorRepository extends JpaRepository<Operator> implements OperatorRepository {

    public JpaOperatorRepository(EntityManager entityManager) {
        super(entityManager, Operator.class);
    }

    @Override
    public Optional<Operator> find() {
        return entityManager.createQuery("select o from Operator o order by o.createdAt", Operator.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
