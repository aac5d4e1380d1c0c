package org.tandem.engine.conformance;

import org.tandem.testsupport.ports.FreePorts;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The far end of a torture message: a loopback address of its own (127.B.x.y, anywhere in 127/8,
 * which Linux routes to lo) that sends the message and listens wherever RFC 3261 18.2.2 can send
 * the answer.
 * <p>
 * The torture messages' Via headers name hosts that do not exist (192.0.2.x, host5.example.com),
 * mostly without a port and without rport. A server answering by the rules adds
 * {@code received=<source address>} and sends the response to that address, at the Via port or
 * 5060; a stack that rejects a message it cannot parse answers the packet's source instead. So,
 * without rewriting a byte of the message, everything the engine can send in reply reaches one of
 * this peer's sockets: the sending socket itself (source address and port, rport), and UDP and TCP
 * listeners on every port the corpus's Via headers name ({@link #VIA_PORTS}). One address per case
 * also keeps a late answer to one case from being counted against the next.
 */
final class LoopbackPeer implements AutoCloseable {

    /** Ports a response may be routed to: 5060 (no port in the Via) and the one explicit other (quotbal). */
    static final List<Integer> VIA_PORTS = List.of(5060, 5050);

    /**
     * One message the engine sent to this peer and the socket it arrived on, or (bytes null) the
     * engine closing a TCP connection.
     */
    record Arrival(String where, byte[] bytes) {

        static Arrival closed(String where) {
            return new Arrival(where, null);
        }

        boolean isMessage() {
            return bytes != null;
        }

        /** The status code of a response, -1 for anything else. */
        int status() {
            return isMessage() ? SipWire.statusCode(bytes).orElse(-1) : -1;
        }

        @Override
        public String toString() {
            if (!isMessage()) {
                return where + " closed by the engine";
            }
            return (status() > 0 ? String.valueOf(status()) : "non-response '" + SipWire.firstLine(bytes) + "'")
                    + " via " + where;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 127.B.x.y: B is drawn per JVM, and drawn again if another process holds an address of it. */
    private static volatile int secondOctet = randomSecondOctet();

    private final InetAddress address;
    private final Consumer<Arrival> sink;
    private final DatagramSocket source;
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LoopbackPeer(InetAddress address, Consumer<Arrival> sink) throws IOException {
        this.address = address;
        this.sink = sink;
        try {
            source = new DatagramSocket(new InetSocketAddress(address, 0));
            closeables.add(source);
            readUdp(source, "udp source port");
            for (int port : VIA_PORTS) {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
                closeables.add(udp);
                readUdp(udp, "udp " + port);
                ServerSocket tcp = new ServerSocket(port, 8, address);
                closeables.add(tcp);
                acceptTcp(tcp, "tcp " + port);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A peer at 127.B.(n/250).(n%250+1); {@code n} must be unique within the JVM. */
    static LoopbackPeer open(int n, Consumer<Arrival> sink) throws IOException {
        BindException taken = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            int octet = secondOctet;
            try {
                return new LoopbackPeer(loopbackAddress(octet, n), sink);
            } catch (BindException e) {
                // Another build on this machine may be running these tests on the same 127.B.
                taken = e;
                if (secondOctet == octet) {
                    secondOctet = randomSecondOctet();
                }
            }
        }
        // Either the platform routes only 127.0.0.1 (not Linux), or something holds port 5060 on every
        // address (a wildcard bind): the answers could not be observed, so the case cannot be judged.
        return Assumptions.abort("cannot listen on 127.x.y.z ports " + VIA_PORTS + ": " + taken.getMessage());
    }

    /** A peer whose arrivals are queued for {@link #collect}. */
    static Collecting open(int n) throws IOException {
        BlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
        return new Collecting(open(n, queue::add), queue);
    }

    private static int randomSecondOctet() {
        return 32 + RANDOM.nextInt(190);
    }

    private static InetAddress loopbackAddress(int secondOctet, int n) {
        if (n < 0 || n >= 250 * 250) {
            throw new IllegalArgumentException("peer number out of range: " + n);
        }
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) secondOctet, (byte) (n / 250), (byte) (n % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    InetAddress address() {
        return address;
    }

    void sendUdp(byte[] datagram, int enginePort) throws IOException {
        source.send(new DatagramPacket(datagram, datagram.length, FreePorts.LOOPBACK, enginePort));
    }

    /**
     * Opens a TCP connection from this peer's address to the engine, writes {@code message} and
     * keeps reading what comes back on it until the peer is closed. The connection's local port is
     * the UDP source socket's port: a stack that received a request over TCP sets rport to the
     * connection's port, so when the message's Via says UDP the answer goes by UDP to that port.
     */
    void sendTcp(byte[] message, int enginePort) throws IOException {
        Socket tcp = new Socket();
        closeables.add(tcp);
        try {
            tcp.bind(new InetSocketAddress(address, source.getLocalPort()));
        } catch (BindException e) {
            throw new IllegalStateException("one TCP connection per peer: its port is the UDP source port", e);
        }
        tcp.connect(new InetSocketAddress(FreePorts.LOOPBACK, enginePort), 2_000);
        readStream(tcp, "tcp connection that sent it");
        OutputStream out = tcp.getOutputStream();
        out.write(message);
        out.flush();
    }

    /** Opens a TCP connection from an ephemeral port, writes {@code message} and closes it at once. */
    void sendTcpAndClose(byte[] message, int enginePort) throws IOException {
        try (Socket tcp = new Socket()) {
            tcp.bind(new InetSocketAddress(address, 0));
            tcp.connect(new InetSocketAddress(FreePorts.LOOPBACK, enginePort), 2_000);
            tcp.getOutputStream().write(message);
        }
    }

    private void readUdp(DatagramSocket socket, String where) {
        start("udp-" + socket.getLocalPort(), () -> {
            byte[] buffer = new byte[65_535];
            while (!closed) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
                byte[] datagram = new byte[packet.getLength()];
                System.arraycopy(packet.getData(), packet.getOffset(), datagram, 0, datagram.length);
                sink.accept(new Arrival(where, datagram));
            }
        });
    }

    private void acceptTcp(ServerSocket server, String where) {
        start("accept-" + server.getLocalPort(), () -> {
            while (!closed) {
                try {
                    Socket accepted = server.accept();
                    closeables.add(accepted);
                    readStream(accepted, where);
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void readStream(Socket socket, String where) {
        start("read-" + socket.getLocalPort(), () -> {
            try (socket; InputStream in = socket.getInputStream()) {
                for (byte[] message; (message = SipWire.readMessage(in)) != null; ) {
                    sink.accept(new Arrival(where, message));
                }
                if (!closed) {
                    sink.accept(Arrival.closed(where));
                }
            } catch (SocketException e) {
                // closed by us, or reset by the engine
                if (!closed) {
                    sink.accept(Arrival.closed(where + " (reset)"));
                }
            } catch (IOException e) {
                if (!closed) {
                    sink.accept(new Arrival(where + " (unframeable: " + e.getMessage() + ")", new byte[0]));
                }
            }
        });
    }

    private void start(String name, Runnable body) {
        Thread reader = Thread.ofPlatform().daemon().name("rfc4475-peer-" + address.getHostAddress() + "-" + name)
                .start(body);
        readers.add(reader);
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        for (Thread reader : readers) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A peer that queues what arrives, for one case at a time. */
    static final class Collecting implements AutoCloseable {

        private final LoopbackPeer peer;
        private final BlockingQueue<Arrival> queue;

        private Collecting(LoopbackPeer peer, BlockingQueue<Arrival> queue) {
            this.peer = peer;
            this.queue = queue;
        }

        LoopbackPeer peer() {
            return peer;
        }

        /**
         * Everything that arrives within {@code window}; returns early once {@code enough} holds for
         * what arrived so far.
         */
        List<Arrival> collect(Duration window, Predicate<List<Arrival>> enough) throws InterruptedException {
            List<Arrival> arrived = new ArrayList<>();
            long deadline = System.nanoTime() + window.toNanos();
            while (!enough.test(arrived)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Arrival next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    arrived.add(next);
                }
            }
            return arrived;
        }

        @Override
        public void close() {
            peer.close();
        }
    }
}
