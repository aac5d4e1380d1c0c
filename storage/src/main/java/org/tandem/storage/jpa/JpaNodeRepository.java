package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeRepository;

import java.util.Optional;

public class JpaNodeRepository extends JpaNamedRepository<Node> implements NodeRepository {

    public JpaNodeRepository(EntityManager entityManager) {
        super(entityManager, Node.class);
    }

    @Override
    public Optional<Node> findByName(String name) {
        return oneWhere("name", name);
    }
}
