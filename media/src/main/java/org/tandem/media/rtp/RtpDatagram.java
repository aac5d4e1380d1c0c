package org.tandem.media.rtp;

import java.nio.ByteBuffer;

/**
 * What a datagram on an RTP port turned out to be: a packet, or the reason it is not one. Reading never
 * throws: a media port takes whatever anyone sends it, so a bad datagram is dropped and counted, and the
 * leg goes on.
 */
public sealed interface RtpDatagram permits RtpPacket, RtpDatagram.Malformed {

    /** Why a datagram was not taken as RTP (RFC 3550 section 5.1 and the node's size limit). */
    enum Malformed implements RtpDatagram {
        /** Longer than the largest datagram the node reads. */
        TOO_LONG,
        /** Shorter than the 12-byte fixed header. */
        TOO_SHORT,
        /** The version field is not 2. */
        NOT_VERSION_2,
        /** The CSRC count names more identifiers than the datagram holds. */
        CSRC_OVERRUN,
        /** The header extension's length runs past the datagram's end. */
        EXTENSION_OVERRUN,
        /** The padding count is zero or runs back into the header. */
        PADDING_OVERRUN
    }

    /**
     * Reads the bytes between {@code datagram}'s position and limit (the position is left where it was).
     *
     * @param maxBytes the largest datagram taken; a longer one is {@link Malformed#TOO_LONG}
     */
    static RtpDatagram read(ByteBuffer datagram, int maxBytes) {
        return RtpPacket.read(datagram, maxBytes);
    }
}
