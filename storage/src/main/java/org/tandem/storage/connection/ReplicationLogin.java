package org.tandem.storage.connection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The login peers replicate with: the role {@value #ROLE} (REPLICATION, SELECT on the replicated
 * tables, nothing else), its password, and the network peers connect from. Every node of a cluster
 * has the same password, because a subscription on one node logs in to the others with it.
 */
public record ReplicationLogin(String password, String peerNetwork) {

    public static final String ROLE = "tandem_replication";
    /** The addresses of a cluster on one machine (each node its own 127.0.0.x). */
    public static final String LOOPBACK_NETWORK = "127.0.0.0/8";

    private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F.:]+/[0-9]{1,3}");

    public ReplicationLogin {
        Objects.requireNonNull(password, "replication password");
        if (password.isBlank()) {
            throw new IllegalArgumentException("the replication password must not be empty");
        }
        if (peerNetwork == null || !CIDR.matcher(peerNetwork).matches()) {
            throw new IllegalArgumentException(
                    "the peers' network must be an address with a prefix length, like 10.1.0.0/24: " + peerNetwork);
        }
    }

    /** A libpq connection string a subscription uses to reach {@code publisher} as this login. */
    public String conninfo(NodeDatabase publisher) {
        return "host=" + quoted(publisher.host()) + " port=" + publisher.port() + " dbname=" + quoted(publisher.name())
                + " user=" + ROLE + " password=" + quoted(password) + " connect_timeout=5";
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String toString() {
        return "ReplicationLogin[" + ROLE + " from " + peerNetwork + "]";
    }
}
