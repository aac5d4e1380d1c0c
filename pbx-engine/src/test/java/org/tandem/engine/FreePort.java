package org.tandem.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks loopback ports for tests; the engine needs one free for both UDP and TCP. */
public final class FreePort {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePort() {
    }

    public static int udpAndTcp() {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
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
