package org.tandem.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;
import java.util.Objects;

/**
 * Hands out RTP/RTCP port pairs from the node's range, bound and ready, and takes them back when a leg
 * closes. A pair some other process holds is skipped. Pairs are handed out round the range rather than
 * lowest first, so a port just freed is not reused at once and late packets of a finished call do not
 * land in the next one. Thread-safe.
 */
public final class MediaPorts {

    private final PortRange range;
    private final InetAddress address;
    private final BitSet held;
    private int next;

    /** Pairs of {@code range} bound on {@code address}. */
    public MediaPorts(PortRange range, InetAddress address) {
        this.range = Objects.requireNonNull(range, "range");
        this.address = Objects.requireNonNull(address, "address");
        this.held = new BitSet(range.pairs());
    }

    /**
     * Binds the next free pair.
     *
     * @throws PortsExhaustedException when every pair is held by this node or taken by another process
     * @throws IOException             when binding fails for another reason (the address is not the host's)
     */
    public PortPair open() throws IOException {
        int pairs = range.pairs();
        int start = searchStart();
        int takenElsewhere = 0;
        for (int step = 0; step < pairs; step++) {
            int index = (start + step) % pairs;
            if (!reserve(index)) {
                continue;
            }
            try {
                return bind(index);
            } catch (BindException takenByAnotherProcess) {
                release(index);
                takenElsewhere++;
            }
        }
        throw new PortsExhaustedException(range, heldCount(), takenElsewhere);
    }

    /** Pairs this node holds now. */
    public synchronized int heldCount() {
        return held.cardinality();
    }

    private synchronized int searchStart() {
        return next;
    }

    /** Marks a pair held unless it is already; the next search starts after it. */
    private synchronized boolean reserve(int index) {
        if (held.get(index)) {
            return false;
        }
        held.set(index);
        next = (index + 1) % range.pairs();
        return true;
    }

    private synchronized void release(int index) {
        held.clear(index);
    }

    private PortPair bind(int index) throws IOException {
        int port = range.rtpPort(index);
        DatagramChannel rtp = DatagramChannel.open();
        try {
            rtp.bind(new InetSocketAddress(address, port));
            DatagramChannel rtcp = DatagramChannel.open();
            try {
                rtcp.bind(new InetSocketAddress(address, port + 1));
                return new PortPair(rtp, rtcp, () -> release(index));
            } catch (IOException | RuntimeException failed) {
                rtcp.close();
                throw failed;
            }
        } catch (IOException | RuntimeException failed) {
            rtp.close();
            throw failed;
        }
    }
}
