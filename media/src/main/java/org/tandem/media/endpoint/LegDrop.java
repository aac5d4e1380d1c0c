package org.tandem.media.endpoint;

/** Why a leg dropped a datagram it received, beside the malformed ones. */
public enum LegDrop {
    /** From an address or port the SDP did not negotiate: someone else's stream, or a hijack attempt. */
    FOREIGN_SOURCE,
    /** A payload type the SDP did not negotiate. */
    UNNEGOTIATED_PAYLOAD,
    /** Sent while this side does not receive (held, inactive). */
    NOT_RECEIVING,
    /** On the RTCP port, but not a compound RTCP packet starting with a report. */
    MALFORMED_RTCP
}
