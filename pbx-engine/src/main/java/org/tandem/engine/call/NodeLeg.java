package org.tandem.engine.call;

import org.tandem.engine.voicemail.Deposit;
import org.tandem.media.endpoint.MediaLeg;

/**
 * The node itself as the far end of a call: it answered the caller with its own media ({@link MediaLeg})
 * and takes a message ({@link Deposit}). Nothing is sent over SIP on it: what the caller asks in its
 * dialog (ACK, re-INVITE, UPDATE, INFO, BYE) is answered by the node, and the node's own hang-up is a
 * BYE to the caller. Its identifiers are the caller's dialog's, seen from the node.
 */
final class NodeLeg extends Leg {

    final MediaLeg media;
    private Deposit deposit;

    NodeLeg(Leg caller, MediaLeg media) {
        super(caller.callId, caller.local, caller.localTag, caller.remote, caller.remoteTag, caller.target, caller.flow);
        this.media = media;
    }

    /** What the node does with the call's audio: take a message. */
    void takes(Deposit message) {
        deposit = message;
    }

    /** The call is over: the message, if any, is kept (on voicemail's threads). */
    void callEnded() {
        if (deposit != null) {
            deposit.end();
        }
    }
}
