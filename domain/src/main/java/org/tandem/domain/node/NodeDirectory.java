package org.tandem.domain.node;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where each node of the cluster takes SIP: what one node needs to hand a call to another. */
public interface NodeDirectory {

    /** A node alone: it knows no other. */
    NodeDirectory NONE = new NodeDirectory() {
        @Override
        public Optional<NetworkAddress> sipAddressOf(UUID nodeId) {
            return Optional.empty();
        }

        @Override
        public Map<UUID, NetworkAddress> sipAddresses() {
            return Map.of();
        }
    };

    Optional<NetworkAddress> sipAddressOf(UUID nodeId);

    /** Every node's SIP address, by node id: who may hand this node a call. */
    Map<UUID, NetworkAddress> sipAddresses();
}
