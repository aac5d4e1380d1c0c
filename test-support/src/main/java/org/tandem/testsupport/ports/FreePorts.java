package org.tandem.testsupport.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports for tests. A port is free when it is picked and may be taken by another process
 * before the test binds it; a SIP node needs its port free for both UDP and TCP, so that is what
 * {@link #udpAndTcp()} picks for every caller.
 */
public final class FreePorts {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Tries this often to find a port the kernel gave for TCP that is free for UDP too. */
    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    /** A port on loopback free for both UDP and TCP. */
    public static int udpAndTcp() {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no port free for both UDP and TCP on " + LOOPBACK, last);
    }

    /** True if nothing holds {@code port} on loopback, for UDP nor TCP. */
    public static boolean isFree(int port) {
        try (ServerSocket tcp = new ServerSocket(port, 1, LOOPBACK);
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
