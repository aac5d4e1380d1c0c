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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which nodes take SIP at an IP address, from the node table. The table is read again when the last
 * reading is older than {@link #REFRESH}, not for each request, so a stranger's requests cost no
 * database reads and a node that joins is trusted within seconds.
 */
final class MemberAddresses {

    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(MemberAddresses.class.getName());

    private final NodeDirectory nodes;
    /** One thread reads the table; the others go on with the last reading meanwhile, never waiting on the database. */
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Reading last = new Reading(Map.of(), Instant.MIN,
            new IllegalStateException("the node table has not been read yet"));

    /**
     * @param failure why the table could not be read, while it never could: this node then cannot
     *                tell a member from a stranger, which is a storage failure (503), not a refusal
     */
    private record Reading(Map<InetAddress, Set<UUID>> byAddress, Instant at, RuntimeException failure) {
    }

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
        Reading current = current(now);
        if (current.failure() != null) {
            throw current.failure();
        }
        return current.byAddress().getOrDefault(source, Set.of());
    }

    /**
     * Reads the table ahead of the first hand-over, as the fallback should the database be away by
     * then; the first hand-over reads it again all the same (a node may have joined meanwhile).
     */
    void prime() {
        try {
            last = new Reading(resolve(nodes.sipAddresses()), Instant.MIN, null);
        } catch (RuntimeException storageFailure) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the nodes' SIP addresses yet: " + storageFailure.getMessage());
        }
    }

    private Reading current(Instant now) {
        Reading known = last;
        if (known.at().plus(REFRESH).isAfter(now) || !reading.tryLock()) {
            return known;
        }
        try {
            known = last;
            if (known.at().plus(REFRESH).isAfter(now)) {
                return known; // another thread read it meanwhile
            }
            try {
                last = new Reading(resolve(nodes.sipAddresses()), now, null);
            } catch (RuntimeException storageFailure) {
                // the database is not asked again before REFRESH either way
                last = new Reading(known.byAddress(), now, known.failure() == null ? null : storageFailure);
                if (known.failure() == null) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the nodes' SIP addresses, keeping the last ones: "
                            + storageFailure.getMessage());
                }
            }
            return last;
        } finally {
            reading.unlock();
        }
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
