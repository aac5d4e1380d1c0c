package org.tandem.domain.node;

import java.util.Optional;
import java.util.UUID;

/** Where each node of the cluster takes SIP: what one node needs to hand a call to another. */
public interface NodeDirectory {

    /** A node alone: it knows no other. */
    NodeDirectory NONE = nodeId -> Optional.empty();

    Optional<NetworkAddress> sipAddressOf(UUID nodeId);
}
