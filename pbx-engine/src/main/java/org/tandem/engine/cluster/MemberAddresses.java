package org.tandem.engine.cluster;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.NodeDirectory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which nodes take SIP at an IP address, from the node table. The table is read again when the last
 * reading is older than {@link #REFRESH}, not for each request, so a stranger's requests cost no
 * database reads and a node that joins is trusted within seconds.
 */
final class MemberAddresses {

    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(MemberAddresses.class.getName());

    private final NodeDirectory nodes;
    private Map<InetAddress, Set<UUID>> byAddress = Map.of();
    private Instant readAt = Instant.MIN;
    /** Why the table could not be read, while it never could: this node cannot tell a member (503, not 403). */
    private RuntimeException neverRead;

    MemberAddresses(NodeDirectory nodes) {
        this.nodes = nodes;
    }

    /**
     * The nodes whose SIP address is {@code address} (an IP literal, as a packet's source); none for a
     * stranger. Throws the storage failure if the node table was never read.
     */
    Set<UUID> nodesAt(String address, Instant now) {
        InetAddress source;
        try {
            source = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException notAnIpLiteral) {
            return Set.of();
        }
        return current(now).getOrDefault(source, Set.of());
    }

    private synchronized Map<InetAddress, Set<UUID>> current(Instant now) {
        if (readAt.plus(REFRESH).isAfter(now)) {
            if (neverRead != null) {
                throw neverRead;
            }
            return byAddress;
        }
        readAt = now; // also after a failure: the database is not asked again before REFRESH
        try {
            byAddress = resolve(nodes.sipAddresses());
            neverRead = null;
        } catch (RuntimeException storageFailure) {
            if (byAddress.isEmpty()) {
                neverRead = storageFailure;
                throw storageFailure;
            }
            LOG.log(System.Logger.Level.WARNING, "cannot read the nodes' SIP addresses, keeping the last ones: "
                    + storageFailure.getMessage());
        }
        return byAddress;
    }

    private static Map<InetAddress, Set<UUID>> resolve(Map<UUID, NetworkAddress> addresses) {
        Map<InetAddress, Set<UUID>> byAddress = new HashMap<>();
        addresses.forEach((node, address) -> {
            try {
                for (InetAddress ip : InetAddress.getAllByName(address.host())) {
                    byAddress.computeIfAbsent(ip, any -> new HashSet<>()).add(node);
                }
            } catch (UnknownHostException e) {
                LOG.log(System.Logger.Level.WARNING, "node " + node + ": SIP host " + address.host()
                        + " does not resolve; its hand-overs are refused");
            }
        });
        return Map.copyOf(byAddress);
    }
}
