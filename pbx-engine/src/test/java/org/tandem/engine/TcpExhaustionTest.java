package org.tandem.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.engine.sip.TcpLimits;
import org.tandem.testsupport.sip.SipTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * SIP over TCP cannot exhaust the node (issue #11): hostile streams over real TCP sockets against a
 * real engine, each followed by a rightful phone's registration over TCP, with the heap (after GC)
 * and the JVM's live threads measured before and after. The limits here are smaller than the
 * defaults only where waiting or opening connections would make the test slow.
 */
@Timeout(90)
class TcpExhaustionTest {

    private static final int PER_ADDRESS = 40;
    private static final int TOTAL = 190;
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration PARTIAL = Duration.ofSeconds(2);
    /** What one attack may leave on the heap after GC: far below what it asked the node to hold. */
    private static final long HEAP_GROWTH_LIMIT = 16L * 1024 * 1024;

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(UnaryOperator.identity(),
            EngineSettings.LoadTuning.DEFAULT.withTcp(new TcpLimits(TcpLimits.DEFAULT.maxMessageBytes(), PER_ADDRESS,
                    TOTAL, IDLE, PARTIAL)));

    private final List<Socket> attackers = new ArrayList<>();

    @AfterEach
    void closeAttackers() throws Exception {
        for (Socket socket : attackers) {
            socket.close();
        }
        Thread.sleep(200); // the engine sees them close and gives their places back before the next test counts
    }

    @Test
    void aContentLengthOfAHundredMegabytesIsAnswered513AndNothingIsReserved() throws Exception {
        long heapBefore = HeapUse.afterGc();
        Socket attacker = connectFrom("127.0.0.2");
        OutputStream out = attacker.getOutputStream();
        out.write(head("Content-Length: 100000000"));
        out.write(new byte[1024]);
        out.flush();

        String answer = readUntilClosed(attacker);
        long heapAfter = HeapUse.afterGc();

        assertThat(answer).startsWith("SIP/2.0 513 ");
        assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(HEAP_GROWTH_LIMIT);
        assertRightfulPhoneRegisters();
    }

    @Test
    void aContentLengthOfTwoGigabytesIsRefusedWithoutAllocating() throws Exception {
        long heapBefore = HeapUse.afterGc();
        Socket attacker = connectFrom("127.0.0.3");
        attacker.getOutputStream().write(head("l: 2147483647"));

        assertThat(readUntilClosed(attacker)).startsWith("SIP/2.0 513 ");
        for (String absurd : List.of("99999999999999999999999", "-1", "12abc")) {
            Socket another = connectFrom("127.0.0.3");
            another.getOutputStream().write(head("Content-Length: " + absurd));
            assertThat(readUntilClosed(another)).as("answer to Content-Length %s", absurd)
                    .satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("SIP/2.0 513 "));
        }
        assertThat(HeapUse.afterGc() - heapBefore).as("heap growth, bytes").isLessThan(HEAP_GROWTH_LIMIT);
        assertRightfulPhoneRegisters();
    }

    @Test
    void aHeaderLineOfTwoMegabytesIsCutOffAtTheLargestMessage() throws Exception {
        long heapBefore = HeapUse.afterGc();
        Socket attacker = connectFrom("127.0.0.4");
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        OutputStream out = attacker.getOutputStream();
        int sent = 0;
        try {
            out.write(("OPTIONS sip:x@" + ALPHA + " SIP/2.0\r\nX-Long: ").getBytes(StandardCharsets.US_ASCII));
            for (; sent < 2 * 1024 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (SocketException closedByTheEngine) {
            // expected: the engine stops reading at 64 KiB and closes
        }
        assertThat(readUntilClosed(attacker)).as("no answer, the connection closed").isEmpty();

        assertThat(HeapUse.afterGc() - heapBefore).as("heap growth after %d bytes sent", sent)
                .isLessThan(HEAP_GROWTH_LIMIT);
        assertRightfulPhoneRegisters();
    }

    @Test
    void connectionsAreCappedPerAddressAndInTotalAndCostNoThreadEach() throws Exception {
        long threadsBefore = liveThreads();
        List<Socket> first = open("127.0.0.10", PER_ADDRESS + 5);
        awaitClosedCount(first, 5);
        List<Socket> more = new ArrayList<>();
        for (String address : List.of("127.0.0.11", "127.0.0.12", "127.0.0.13")) {
            more.addAll(open(address, PER_ADDRESS));
        }
        awaitClosedCount(more, 0);
        // 160 held; the next address has room for 30 more before the node's total
        List<Socket> last = open("127.0.0.14", PER_ADDRESS);
        awaitClosedCount(last, PER_ADDRESS - (TOTAL - 4 * PER_ADDRESS));
        long threadsHolding = liveThreads();

        for (Socket socket : last) {
            socket.close();
        }
        // the places given back: with 160 attackers still connected, a phone registers over TCP
        Eventually.until(() -> {
            try {
                return tryRegister() == 200;
            } catch (IOException refusedStill) {
                return false;
            }
        }, Duration.ofSeconds(5), () -> "no rightful registration beside 160 attacking connections");

        System.out.printf("TCP connections: %d held by attackers; JVM threads %d -> %d%n", TOTAL, threadsBefore,
                threadsHolding);
        assertThat(threadsHolding - threadsBefore).as("threads started for %d connections", TOTAL).isLessThan(5);
    }

    @Test
    void anIdleConnectionIsClosedButOneKeptAliveWithCrlfIsNot() throws Exception {
        Socket idle = connectFrom("127.0.0.5");
        Socket keptAlive = connectFrom("127.0.0.5");
        long deadline = System.nanoTime() + IDLE.multipliedBy(2).toNanos();
        while (System.nanoTime() < deadline) {
            keptAlive.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            keptAlive.setSoTimeout(2_000);
            byte[] pong = keptAlive.getInputStream().readNBytes(2);
            assertThat(new String(pong, StandardCharsets.US_ASCII)).as("RFC 5626 pong").isEqualTo("\r\n");
            Thread.sleep(500);
        }

        assertThat(closedByEngine(idle)).as("idle %s s: closed", IDLE.multipliedBy(2).toSeconds()).isTrue();
        keptAlive.getOutputStream().write(SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP",
                keptAlive.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
        keptAlive.setSoTimeout(5_000);
        assertThat(SipTestClient.statusCode(SipTestClient.readMessage(keptAlive.getInputStream()))).isEqualTo(200);
    }

    @Test
    void aMessageTrickledInForeverIsClosedAfterThePartialMessageTimeout() throws Exception {
        Socket slow = connectFrom("127.0.0.6");
        byte[] head = head("Content-Length: 0");
        long started = System.nanoTime();
        boolean closed = false;
        try {
            // a byte every 200 ms: never idle, never done
            for (int i = 0; i < head.length - 2 && System.nanoTime() - started < PARTIAL.multipliedBy(4).toNanos(); i++) {
                slow.getOutputStream().write(head[i]);
                Thread.sleep(200);
                if (TcpPeers.closedByEngine(slow, 1)) {
                    closed = true;
                    break;
                }
            }
        } catch (SocketException closedByTheEngine) {
            closed = true;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(closed).as("closed while still trickling").isTrue();
        assertThat(took).isBetween(PARTIAL, PARTIAL.multipliedBy(3));
        assertRightfulPhoneRegisters();
    }

    @Test
    void requestsPipelinedFasterThanTheNodeWorksAreAllAnsweredInOrder() throws Exception {
        Socket peer = connectFrom("127.0.0.7");
        int count = 2_000;
        StringBuilder pipelined = new StringBuilder();
        for (int cseq = 1; cseq <= count; cseq++) {
            pipelined.append(SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP", peer.getLocalPort())
                    .replace("CSeq: 1 OPTIONS", "CSeq: " + cseq + " OPTIONS"));
        }
        byte[] bytes = pipelined.toString().getBytes(StandardCharsets.US_ASCII);
        // written from another thread: the node stops reading while its workers are behind, and so would this one
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                peer.getOutputStream().write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        peer.setSoTimeout(10_000);
        List<Integer> answered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String answer = SipTestClient.readMessage(peer.getInputStream());
            assertThat(SipTestClient.statusCode(answer)).isEqualTo(200);
            answered.add(Integer.parseInt(SipTestClient.headers(answer, "CSeq").getFirst().split(" ")[0]));
        }
        writer.join(5_000);

        assertThat(answered).as("%d KB pipelined, answered in order", bytes.length / 1024)
                .isEqualTo(IntStream.rangeClosed(1, count).boxed().toList());
    }

    @Test
    void aPeerThatNeverReadsItsAnswersIsNoLongerReadEither() throws Exception {
        long heapBefore = HeapUse.afterGc();
        Socket greedy = connectFrom("127.0.0.8");
        byte[] request = SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP", greedy.getLocalPort())
                .getBytes(StandardCharsets.US_ASCII);
        AtomicLong written = new AtomicLong();
        AtomicBoolean cutOff = new AtomicBoolean();
        // writes until TCP stops taking more (the node no longer reads), for at most 10 s; closing the socket ends it
        Thread writer = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try (OutputStream out = greedy.getOutputStream()) {
                while (System.nanoTime() < deadline && written.get() < 200_000) {
                    out.write(request);
                    written.incrementAndGet();
                }
            } catch (IOException closed) {
                cutOff.set(true); // by the test, or by the node (its sweep closes a connection stuck mid-message)
            }
        });
        long stalledAt;
        do {
            stalledAt = written.get();
            Thread.sleep(1_000);
        } while (written.get() != stalledAt && writer.isAlive());
        long heapAfter = HeapUse.afterGc();
        System.out.printf("A peer not reading: held back after %d requests; heap after GC %d KB -> %d KB%n",
                stalledAt, heapBefore / 1024, heapAfter / 1024);

        // held back (TCP takes no more), or cut off by the node's sweep once the connection sat stuck
        // mid-message past its timeout: either way the node stopped taking what it cannot answer
        assertThat(writer.isAlive() || cutOff.get()).as("the writer is held back or cut off, %d requests in", stalledAt)
                .isTrue();
        assertThat(stalledAt).isLessThan(200_000);
        assertThat(heapAfter - heapBefore).as("heap growth with %d requests sent, none of their answers read",
                stalledAt).isLessThan(HEAP_GROWTH_LIMIT);
        assertRightfulPhoneRegisters();
        greedy.close();
        writer.join(5_000);
    }

    private static byte[] head(String contentLength) {
        return SipTestClient.request("REGISTER", "sip:" + ALPHA, "TCP", 5060)
                .replace("Content-Length: 0", contentLength).getBytes(StandardCharsets.US_ASCII);
    }

    private Socket connectFrom(String address) throws IOException {
        return TcpPeers.connectFrom(address, NODE.port(), attackers);
    }

    private List<Socket> open(String address, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(connectFrom(address));
        }
        return sockets;
    }

    /** Until exactly {@code expected} of {@code sockets} are closed by the engine, for up to 5 s. */
    private static void awaitClosedCount(List<Socket> sockets, int expected) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long closed;
        do {
            closed = 0;
            for (Socket socket : sockets) {
                if (TcpPeers.closedByEngine(socket, 1)) {
                    closed++;
                }
            }
        } while (closed != expected && System.nanoTime() < deadline);
        assertThat(closed).as("connections of %d the engine closed", sockets.size()).isEqualTo(expected);
    }

    private static boolean closedByEngine(Socket socket) throws IOException {
        return TcpPeers.closedByEngine(socket, 5_000);
    }

    /** Everything the engine sends until it closes the connection (at most 5 s). */
    private static String readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketException reset) {
            // closed with unread bytes on its side: a reset
        }
        return read.toString();
    }

    private static void assertRightfulPhoneRegisters() throws IOException {
        assertThat(tryRegister()).as("a rightful phone's REGISTER over TCP").isEqualTo(200);
    }

    private static int tryRegister() throws IOException {
        return TcpPeers.tryRegister(NODE);
    }

    private static long liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
