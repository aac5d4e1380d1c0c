package org.tandem.testsupport.database;

import java.util.UUID;

/** A node of the cluster as the {@code node} table knows it; SIP on {@code host:5060} unless told. */
public final class NodeRow extends Row<NodeRow> {

    private NodeRow(String name, String host) {
        super("node", "node " + name + " at " + host);
    }

    public static NodeRow node(String name, String host) {
        return new NodeRow(name, host).set("name", name).set("sip_host", host).set("sip_port", 5060)
                .set("cluster_host", host);
    }

    /** The node's id, when the node chose it already (an engine started with it). */
    public NodeRow id(UUID id) {
        return set("id", id);
    }

    public NodeRow sipPort(int port) {
        return set("sip_port", port);
    }
}
