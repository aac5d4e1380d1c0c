package org.tandem.router.dns;

import java.util.List;
import java.util.Objects;

/** A pool as DNS shows it: its name and its nodes in the order phones try them (primary first). */
public record PoolServers(String name, List<SipServer> nodesInOrder) {

    public PoolServers {
        Objects.requireNonNull(name, "pool name");
        nodesInOrder = List.copyOf(nodesInOrder);
        if (nodesInOrder.isEmpty()) {
            throw new IllegalArgumentException("pool " + name + " has no node");
        }
    }
}
