package org.tandem.media.receive;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Takes the datagrams that reach one channel (a leg's RTP or RTCP port). */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * One datagram, between the buffer's position and limit; the buffer is reused once this returns. A
     * datagram longer than the receiver's limit arrives cut to one byte over it, so the handler's own
     * length check sees it too long. Runs on the receiver's thread: it must not block.
     */
    void received(ByteBuffer datagram, InetSocketAddress source);
}
