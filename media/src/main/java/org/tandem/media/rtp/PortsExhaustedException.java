package org.tandem.media.rtp;

import java.io.IOException;

/** No RTP/RTCP pair of the node's range could be bound: the node takes no more media legs until one closes. */
public final class PortsExhaustedException extends IOException {

    PortsExhaustedException(PortRange range, int heldHere, int takenElsewhere) {
        super("no free RTP/RTCP port pair in " + range + " (TANDEM_MEDIA_PORT_MIN/MAX): " + range.pairs()
                + " pairs, " + heldHere + " held by this node's media legs, " + takenElsewhere
                + " taken by other processes");
    }
}
