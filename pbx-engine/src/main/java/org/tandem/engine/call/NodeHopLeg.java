package org.tandem.engine.call;

import org.tandem.domain.registration.Flow;

import javax.sip.address.Address;
import javax.sip.address.URI;
import java.util.UUID;

/**
 * A leg to another node of the cluster ({@code cluster.NodeHop}): the node that handed this call over
 * (the caller's leg), or the node this call is handed to, which rings the callee's phones it holds.
 * Its INVITE is signed; the node that handed a call over counts and records it.
 */
final class NodeHopLeg extends Leg {

    final UUID node;

    NodeHopLeg(UUID node, String callId, Address local, String localTag, Address remote, String remoteTag, URI target,
               Flow flow) {
        super(callId, local, localTag, remote, remoteTag, target, flow);
        this.node = node;
    }
}
