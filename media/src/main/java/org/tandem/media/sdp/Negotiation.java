package org.tandem.media.sdp;

import org.tandem.media.codec.G711;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/** What an offer and its answer settled (RFC 3264), or why they settle nothing. */
public sealed interface Negotiation {

    /**
     * The stream both sides agreed on.
     *
     * @param answer         the answer to send (when this side answered; when it offered, their answer)
     * @param codec          the law both send
     * @param payloadType    the payload type the codec travels under
     * @param telephoneEvent the payload type of RFC 4733 events, if both sides take them
     * @param remote         where the other side receives RTP (an address of 0.0.0.0: it takes none)
     * @param direction      this side's direction: whether it sends, and whether it expects media
     */
    record Agreed(SessionDescription answer, G711 codec, int payloadType, OptionalInt telephoneEvent,
                  InetSocketAddress remote, Direction direction) implements Negotiation {
    }

    /** No stream both can use; a SIP INVITE with this offer gets 488 Not Acceptable Here. */
    record NotAcceptable(String reason) implements Negotiation {
    }
}
