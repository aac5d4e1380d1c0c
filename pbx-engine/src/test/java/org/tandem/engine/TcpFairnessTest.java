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
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.TcpPeers.closedByEngine;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * TCP connections that keep the node's workers busy (more of them than there are workers, each
 * pipelining requests so that its queue never runs dry) share the workers with every other
 * connection and do not hold up the idle and partial-message timeouts: over real sockets against a
 * real engine, another connection's OPTIONS are answered at once, a rightful phone registers over
 * TCP, and a half-sent message is closed on time.
 */
@Timeout(60)
class TcpFairnessTest {

    private static final Duration PARTIAL = Duration.ofSeconds(1);
    /** More connections than the node has TCP workers ({@link EngineSettings.StackTuning#DEFAULT}: 4). */
    private static final int BUSY_CONNECTIONS = 48;
    /** Requests each busy connection keeps unanswered (about 60 KB): its queue stays full, below the largest message. */
    private static final int IN_FLIGHT = 180;
    /** Requests written at once, as soon as that many fewer than {@link #IN_FLIGHT} wait for an answer. */
    private static final int BATCH = 10;
    private static final Duration ATTACK_LIMIT = Duration.ofSeconds(30);
    private static final long REQUESTS_LIMIT = 1_000_000;
    private static final byte[] CSEQ = "\r\nCSeq: ".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(UnaryOperator.identity(),
            EngineSettings.LoadTuning.DEFAULT.withTcp(new TcpLimits(TcpLimits.DEFAULT.maxMessageBytes(),
                    TcpLimits.DEFAULT.connectionsPerAddress(), TcpLimits.DEFAULT.connections(),
                    Duration.ofSeconds(30), PARTIAL)));

    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicBoolean attacking = new AtomicBoolean(true);
    private final List<Thread> attackers = new ArrayList<>();

    @AfterEach
    void stopAttacking() throws Exception {
        attacking.set(false);
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread attacker : attackers) {
            attacker.join(5_000);
        }
    }

    @Test
    void busyConnectionsLeaveRoomForAPhoneAndForTheTimeouts() throws Exception {
        List<AtomicLong> answered = new ArrayList<>();
        for (int i = 0; i < BUSY_CONNECTIONS; i++) {
            answered.add(pipeline(connectFrom("127.0.0.20")));
        }
        Eventually.until(() -> answered.stream().allMatch(count -> count.get() > IN_FLIGHT),
                Duration.ofSeconds(10), () -> "the busy connections get answers: " + answered);

        Socket halfSent = connectFrom("127.0.0.21");
        halfSent.getOutputStream().write(SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP",
                halfSent.getLocalPort()).substring(0, 60).getBytes(StandardCharsets.US_ASCII));
        long halfSentAt = System.nanoTime();
        AtomicLong halfSentClosedAfter = new AtomicLong(-1);
        Thread watcher = Thread.ofVirtual().start(() -> {
            try {
                if (closedByEngine(halfSent, (int) PARTIAL.multipliedBy(5).toMillis())) {
                    halfSentClosedAfter.set(Duration.ofNanos(System.nanoTime() - halfSentAt).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        Duration slowestOptions = slowestOfFiveOptions(connectFrom("127.0.0.22"));
        long started = System.nanoTime();
        int status = tryRegister();
        Duration registering = Duration.ofNanos(System.nanoTime() - started);
        watcher.join();
        long before = answered.stream().mapToLong(AtomicLong::get).sum();
        Thread.sleep(200);
        long during = answered.stream().mapToLong(AtomicLong::get).sum() - before;
        System.out.printf("%d busy connections (%d answers in 200 ms): OPTIONS answered within %d ms, a phone "
                + "registered in %d ms, a half-sent message closed after %d ms%n", BUSY_CONNECTIONS, during,
                slowestOptions.toMillis(), registering.toMillis(), halfSentClosedAfter.get());

        assertThat(during).as("the busy connections were still busy").isPositive();
        assertThat(slowestOptions).as("slowest of five OPTIONS on another connection")
                .isLessThan(Duration.ofMillis(500));
        assertThat(status).as("a rightful phone's REGISTER over TCP").isEqualTo(200);
        assertThat(registering).as("registering beside the busy connections").isLessThan(Duration.ofSeconds(2));
        assertThat(halfSentClosedAfter.get()).as("ms until a half-sent message was closed (-1: never)")
                .isBetween(PARTIAL.toMillis(), PARTIAL.toMillis() + 500); // the sweep runs every 250 ms
    }

    /** The longest of five OPTIONS round trips, one after the other, on {@code socket}. */
    private static Duration slowestOfFiveOptions(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            socket.getOutputStream().write(SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP",
                    socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
            assertThat(SipTestClient.statusCode(SipTestClient.readMessage(socket.getInputStream()))).isEqualTo(200);
            slowest = Math.max(slowest, System.nanoTime() - started);
        }
        return Duration.ofNanos(slowest);
    }

    /**
     * Keeps about {@link #IN_FLIGHT} requests unanswered on {@code socket}
     * until the test ends (at most {@link #ATTACK_LIMIT} and {@link #REQUESTS_LIMIT} requests); returns
     * the count of answers read.
     */
    private AtomicLong pipeline(Socket socket) {
        AtomicLong sent = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long deadline = System.nanoTime() + ATTACK_LIMIT.toNanos();
        attackers.add(Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                while (attacking.get() && System.nanoTime() < deadline && sent.get() < REQUESTS_LIMIT) {
                    if (sent.get() - answered.get() > IN_FLIGHT - BATCH) {
                        LockSupport.parkNanos(100_000);
                        continue;
                    }
                    StringBuilder batch = new StringBuilder();
                    for (int i = 0; i < BATCH; i++) {
                        batch.append(SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + NODE.port(), "TCP",
                                socket.getLocalPort()));
                    }
                    out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(BATCH);
                }
            } catch (IOException closedByTheTest) {
                // the test is over
            }
        }));
        attackers.add(Thread.ofVirtual().start(() -> {
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                int matched = 0;
                // counts the answers by their CSeq header, as fast as they come
                for (int n; attacking.get() && (n = in.read(buffer)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        matched = buffer[i] == CSEQ[matched] ? matched + 1 : buffer[i] == CSEQ[0] ? 1 : 0;
                        if (matched == CSEQ.length) {
                            answered.incrementAndGet();
                            matched = 0;
                        }
                    }
                }
            } catch (IOException | RuntimeException closedByTheTest) {
                // the test is over
            }
        }));
        return answered;
    }

    private Socket connectFrom(String address) throws IOException {
        return TcpPeers.connectFrom(address, NODE.port(), sockets);
    }

    private static int tryRegister() throws IOException {
        return TcpPeers.tryRegister(NODE);
    }
}
