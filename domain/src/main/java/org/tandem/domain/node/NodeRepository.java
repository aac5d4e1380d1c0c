package org.tandem.domain.node;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface NodeRepository {

    void add(Node node);

    Optional<Node> find(UUID id);

    Optional<Node> findByName(String name);

    List<Node> all();
}
