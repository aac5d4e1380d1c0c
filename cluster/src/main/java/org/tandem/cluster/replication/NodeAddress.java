package org.tandem.cluster.replication;

import org.tandem.storage.connection.NodeDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A node's own row in the node table, as far as replication needs it: the database address its
 * peers reach it at. Only the node itself writes its row, so it never conflicts.
 */
public final class NodeAddress {

    private NodeAddress() {
    }

    /** Records where peers reach node {@code nodeId}'s database (no write when it is already so). */
    public static void advertise(Connection connection, UUID nodeId, NodeDatabase database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update node set db_host = ?, db_port = ?, db_name = ?
                where id = ? and (db_host, db_port, db_name) is distinct from (?, ?, ?)""")) {
            statement.setString(1, database.host());
            statement.setInt(2, database.port());
            statement.setString(3, database.name());
            statement.setObject(4, nodeId);
            statement.setString(5, database.host());
            statement.setInt(6, database.port());
            statement.setString(7, database.name());
            statement.executeUpdate();
        }
    }

    /**
     * Takes a joining node's own row out of the table (into a temporary table of this session), so
     * that it can be written again once the peers subscribe: written before, it would never reach them.
     *
     * @return whether there was a row
     */
    static boolean setAsideOwnRow(Connection connection, UUID nodeId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists joining_node");
            statement.execute("create temporary table joining_node as select * from node where id = '" + nodeId + "'");
            return statement.executeUpdate("delete from node where id = '" + nodeId + "'") > 0;
        }
    }

    static void restoreOwnRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into node select * from joining_node");
            statement.execute("drop table joining_node");
        }
    }
}
