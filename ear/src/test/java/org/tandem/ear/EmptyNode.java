package org.tandem.ear;

import org.tandem.cluster.replication.ClusterRemoval;
import org.tandem.cluster.replication.NodeAddress;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.database.NodeRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A new node's database as {@code TANDEM_DEMO=false ./tandem run} leaves it before it joins: its own
 * embedded PostgreSQL 18 (in target/, afresh each run), migrated, holding only the node's row, which
 * says where peers reach it. Started by a client-side test beside the node under test.
 */
final class EmptyNode implements AutoCloseable {

    final String name = NodeDatabase.unique("it-node");
    private final EmbeddedDatabase database;
    /** Where the node under test reaches it (storage's type; {@link NodeDatabase} here is the node under test's). */
    private final org.tandem.storage.connection.NodeDatabase address;

    private EmptyNode(Path folder) throws SQLException {
        address = new org.tandem.storage.connection.NodeDatabase("127.0.0.1", Integer.getInteger("it.empty.db.port"), "tandem");
        database = EmbeddedDatabase.start(folder, address.host(), address.port(), address.name(), "tandem", "tandem");
        SchemaMigration.migrate(database.dataSource());
        try (Connection connection = database.dataSource().getConnection()) {
            UUID id = NodeRow.node(name, "127.0.0.1").sipPort(5099).insertInto(connection);
            NodeAddress.advertise(connection, id, address);
        }
    }

    static EmptyNode start() throws SQLException, IOException {
        Path folder = Path.of("target", "it-empty-node");
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return new EmptyNode(folder);
    }

    /** host:port/name, as the operator types it. */
    String address() {
        return address.toString();
    }

    long count(String query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Stops its database; if the node under test still counts it as a member (a journey that failed half
     * way), removes it there first, as {@code ./tandem remove} would: the node under test's database
     * outlives the run, and must not keep a subscription to a database that is gone.
     */
    @Override
    public void close() throws SQLException {
        try (Connection member = NodeDatabase.connect()) {
            if (NodeDatabase.single("select count(*) from node where name = ? and db_host is not null", name).equals("1")) {
                new ClusterRemoval(new DatabaseLogin("tandem", "tandem")).remove(member, name);
            }
        } finally {
            database.close();
        }
    }
}
