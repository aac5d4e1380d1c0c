package org.tandem.storage.lifecycle;

import jakarta.persistence.EntityManager;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.storage.jpa.JpaNodeRepository;

/**
 * The node this process runs as, found by name in the node table and added there on its first
 * start, so that pools and call records can point at it.
 */
public record ThisNode(String name, NetworkAddress sipAddress, String clusterHost) {

    public Node registerIn(EntityManager entityManager) {
        JpaNodeRepository nodes = new JpaNodeRepository(entityManager);
        return nodes.findByName(name).orElseGet(() -> {
            Node node = new Node(name, sipAddress, clusterHost);
            nodes.add(node);
            return node;
        });
    }
}
