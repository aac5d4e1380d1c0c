package org.tandem.cluster.replication;

import org.tandem.storage.connection.ReplicationLogin;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A node's publication {@value #NAME}: the tables and columns it sends to every peer. Inserts,
 * updates and deletes only: a TRUNCATE is a node's own maintenance, never something to repeat on
 * every node.
 */
public final class Publication {

    public static final String NAME = "tandem";

    private Publication() {
    }

    /** Table -> published columns; empty when the node has no publication yet. */
    public static Map<String, List<String>> published(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select tablename, attnames from pg_publication_tables where pubname = ? and schemaname = 'public'")) {
            statement.setString(1, NAME);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array columns = rows.getArray(2);
                    tables.put(rows.getString(1), Arrays.asList((String[]) columns.getArray()));
                }
            }
        }
        return tables;
    }

    /**
     * Makes the publication send exactly {@code tables} (with their column lists) and lets the
     * replication login read them for a new node's initial copy.
     *
     * @return whether the publication changed
     */
    public static boolean align(Connection connection, Map<String, List<String>> tables) throws SQLException {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a publication needs at least one table");
        }
        boolean exists = exists(connection);
        if (exists && published(connection).equals(tables)) {
            return false;
        }
        String list = tables.entrySet().stream()
                .map(table -> quoted(table.getKey()) + " (" + table.getValue().stream().map(Publication::quoted)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute(exists
                    ? "ALTER PUBLICATION " + NAME + " SET TABLE " + list
                    : "CREATE PUBLICATION " + NAME + " FOR TABLE " + list + " WITH (publish = 'insert, update, delete')");
            statement.execute("GRANT SELECT ON TABLE " + tables.keySet().stream().map(Publication::quoted)
                    .collect(Collectors.joining(", ")) + " TO " + ReplicationLogin.ROLE);
        }
        return true;
    }

    static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_publication where pubname = ?")) {
            statement.setString(1, NAME);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
