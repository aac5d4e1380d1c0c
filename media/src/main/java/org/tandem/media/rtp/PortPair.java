package org.tandem.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One leg's bound RTP channel and the RTCP channel on the port above it. Closing closes both and gives
 * the pair back to {@link MediaPorts}, once however often it is called.
 */
public final class PortPair implements AutoCloseable {

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    PortPair(DatagramChannel rtp, DatagramChannel rtcp, Runnable release) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.release = release;
    }

    public DatagramChannel rtp() {
        return rtp;
    }

    public DatagramChannel rtcp() {
        return rtcp;
    }

    /** The RTP port, what SDP's m= line announces. */
    public int rtpPort() {
        try {
            return ((InetSocketAddress) rtp.getLocalAddress()).getPort();
        } catch (IOException closedAlready) {
            throw new IllegalStateException("the pair is closed", closedAlready);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (rtp; rtcp) {
            release.run();
        }
    }
}
