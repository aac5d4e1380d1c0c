package org.tandem.domain.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One server of the cluster. Every node runs the whole stack; phones reach it at its SIP address,
 * other nodes at its cluster address (node-to-node SIP and database replication).
 */
@Entity
@Table(name = "node")
public class Node extends Identified {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "sip_host", nullable = false)
    private String sipHost;

    @Column(name = "sip_port", nullable = false)
    private int sipPort;

    @Column(name = "cluster_host", nullable = false)
    private String clusterHost;

    protected Node() {
    }

    public Node(String name, NetworkAddress sip, String clusterHost) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "node name must be 1 to 63 lower-case letters, digits or inner hyphens: " + name);
        }
        this.name = name;
        this.sipHost = Objects.requireNonNull(sip, "SIP address").host();
        this.sipPort = sip.port();
        this.clusterHost = NetworkAddress.requireHost(clusterHost, "cluster address");
    }

    public String name() {
        return name;
    }

    public NetworkAddress sipAddress() {
        return new NetworkAddress(sipHost, sipPort);
    }

    public String clusterHost() {
        return clusterHost;
    }
}
