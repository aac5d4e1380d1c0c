package org.tandem.testsupport.database;

import java.util.UUID;

/** A pool of a primary node and, when given, a secondary. */
public final class PoolRow extends Row<PoolRow> {

    private PoolRow(String name) {
        super("pool", "pool " + name);
    }

    public static PoolRow pool(String name, UUID primaryNode) {
        return new PoolRow(name).set("name", name).set("primary_node_id", primaryNode);
    }

    public PoolRow secondary(UUID node) {
        return set("secondary_node_id", node);
    }
}
