package org.tandem.cluster.replication;

import org.tandem.storage.connection.NodeDatabase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A node of the cluster as the node table lists it: id, name, and where its database is reached. */
public record ClusterMember(UUID id, String name, NodeDatabase database) {

    private static final int MAX_IDENTIFIER = 63;

    public ClusterMember {
        Objects.requireNonNull(id, "node id");
        Objects.requireNonNull(name, "node name");
        Objects.requireNonNull(database, "node database");
    }

    /** Every node with a database address in the node table behind {@code connection}, by name. */
    public static List<ClusterMember> listedIn(Connection connection) throws SQLException {
        List<ClusterMember> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, name, db_host, db_port, db_name from node where db_host is not null order by name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                members.add(new ClusterMember(rows.getObject(1, UUID.class), rows.getString(2),
                        new NodeDatabase(rows.getString(3), rows.getInt(4), rows.getString(5))));
            }
        }
        return members;
    }

    /**
     * The node of {@code listed} (a node table) whose row says it is reached at {@code address}, the
     * address it was just reached at: every node writes its own row, so that is the node itself.
     */
    static ClusterMember reachedAt(NodeDatabase address, List<ClusterMember> listed) {
        return listed.stream().filter(member -> member.database().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node at " + address + " says it is reached at " + address
                        + " (the nodes its database lists: " + listed.stream().map(ClusterMember::describe).toList()
                        + "); use the database address the node gives in its own row (TANDEM_CLUSTER_DB_ADDRESS)"));
    }

    private String describe() {
        return name + " at " + database;
    }

    /**
     * The name of the subscription through which {@code subscriber} receives this member's changes;
     * also the name of its replication slot here, which is why the subscriber's name is in it (slot
     * names are unique per publisher).
     */
    public String subscriptionOf(String subscriber) {
        String name = "tandem_" + identifier(subscriber) + "_from_" + identifier(this.name);
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        return "tandem_" + digest(subscriber + "/" + this.name);
    }

    private static String identifier(String nodeName) {
        return nodeName.replace('-', '_');
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
