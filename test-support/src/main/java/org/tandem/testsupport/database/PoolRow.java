package org.tandem.testsupport.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A pool of a primary node and, when given, a secondary. */
public final class PoolRow extends Row {

    private final String name;
    private final UUID primary;
    private UUID secondary;

    private PoolRow(String name, UUID primary) {
        this.name = name;
        this.primary = primary;
    }

    public static PoolRow pool(String name, UUID primaryNode) {
        return new PoolRow(name, primaryNode);
    }

    public PoolRow secondary(UUID node) {
        this.secondary = node;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into pool (id, name, primary_node_id, secondary_node_id, created_at) "
                + "values (?, ?, ?, ?, now())", id, name, primary, secondary);
        return id;
    }

    @Override
    public String toString() {
        return "pool " + name;
    }
}
