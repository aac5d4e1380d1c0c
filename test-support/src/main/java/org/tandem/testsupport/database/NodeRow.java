package org.tandem.testsupport.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A node of the cluster as the {@code node} table knows it; SIP on {@code host:5060} unless told. */
public final class NodeRow extends Row {

    private final String name;
    private final String host;
    private UUID nodeId = id;
    private int sipPort = 5060;

    private NodeRow(String name, String host) {
        this.name = name;
        this.host = host;
    }

    public static NodeRow node(String name, String host) {
        return new NodeRow(name, host);
    }

    /** The node's id, when the node chose it already (an engine started with it). */
    public NodeRow id(UUID id) {
        this.nodeId = id;
        return this;
    }

    public NodeRow sipPort(int port) {
        this.sipPort = port;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into node (id, name, sip_host, sip_port, cluster_host, created_at) "
                + "values (?, ?, ?, ?, ?, now())", nodeId, name, host, sipPort, host);
        return nodeId;
    }

    @Override
    public String toString() {
        return "node " + name + " at " + host + ":" + sipPort;
    }
}
