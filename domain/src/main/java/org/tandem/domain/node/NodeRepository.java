package org.tandem.domain.node;

import java.util.List;
import java.util.Optional;

public interface NodeRepository {

    void add(Node node);

    Optional<Node> findByName(String name);

    List<Node> all();
}
