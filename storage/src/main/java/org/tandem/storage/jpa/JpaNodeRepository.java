package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JpaNodeRepository extends JpaRepository<Node> implements NodeRepository {

    public JpaNodeRepository(EntityManager entityManager) {
        super(entityManager, Node.class);
    }

    @Override
    public Optional<Node> find(UUID id) {
        return byId(id);
    }

    @Override
    public Optional<Node> findByName(String name) {
        return oneWhere("name", name);
    }

    @Override
    public List<Node> all() {
        return allOrderedBy("name");
    }
}
