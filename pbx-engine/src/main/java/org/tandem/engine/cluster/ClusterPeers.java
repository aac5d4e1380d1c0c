package org.tandem.engine.cluster;

import org.tandem.domain.call.CallCounts;
import org.tandem.domain.node.NodeDirectory;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.settings.NodeSettings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The other nodes of this node's cluster: where they take SIP, the signature calls handed between
 * them carry, the calls they have up, and the news of the bindings they take. A node without the
 * cluster secret stands alone: it hands no call on, takes none, counts only its own calls and
 * rings only its own phones.
 */
public record ClusterPeers(NodeDirectory nodes, Optional<NodeHop> hop, CallCounts callCounts,
                           Optional<RegistrationFeed> bindingChanges) {

    public static final String SECRET_PROPERTY = "tandem.cluster.secret";
    public static final String HOP_WINDOW_PROPERTY = "tandem.cluster.hop.window.seconds";
    public static final String HOP_REPLAY_CAPACITY_PROPERTY = "tandem.cluster.hop.replay.capacity";
    public static final ClusterPeers ALONE = new ClusterPeers(NodeDirectory.NONE, Optional.empty(), CallCounts.NONE,
            Optional.empty());

    public ClusterPeers {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(hop, "hop");
        Objects.requireNonNull(callCounts, "call counts");
        Objects.requireNonNull(bindingChanges, "binding changes");
    }

    /**
     * The peers in {@code nodes}, signing with {@value #SECRET_PROPERTY}, hand-overs good for
     * {@value #HOP_WINDOW_PROPERTY} either way and at most {@value #HOP_REPLAY_CAPACITY_PROPERTY} of
     * them within twice that; alone when the secret is not set.
     */
    public static ClusterPeers fromProperties(Properties properties, NodeDirectory nodes, CallCounts callCounts,
                                              RegistrationFeed bindingChanges) {
        String secret = properties.getProperty(SECRET_PROPERTY);
        if (secret == null || secret.isBlank()) {
            return ALONE;
        }
        NodeHop hop = new NodeHop(secret.strip().getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(NodeSettings.positive(properties, HOP_WINDOW_PROPERTY, (int) NodeHop.DEFAULT_WINDOW.toSeconds())),
                NodeSettings.positive(properties, HOP_REPLAY_CAPACITY_PROPERTY, NodeHop.DEFAULT_REPLAY_CAPACITY));
        return new ClusterPeers(nodes, Optional.of(hop), callCounts, Optional.of(bindingChanges));
    }

    /**
     * The flow a call handed to {@code nodeId} takes: TCP to its SIP address, since a connection's
     * source cannot be forged the way a datagram's can, and a lost packet costs no retransmissions.
     */
    public Optional<Flow> flowTo(UUID nodeId) {
        if (hop.isEmpty()) {
            return Optional.empty();
        }
        return nodes.sipAddressOf(nodeId).map(address -> new Flow("tcp", address.host(), address.port()));
    }
}
