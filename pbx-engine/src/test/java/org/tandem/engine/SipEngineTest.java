package org.tandem.engine;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Closeable;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.text.MessageFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.testsupport.sip.SipTestClient.exchangeOverTcp;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

class SipEngineTest {

    private static SipEngine engineOn(int port) {
        return new SipEngine(new EngineSettings("test", "127.0.0.1", port, EngineSettings.StackTuning.DEFAULT));
    }

    @Test
    void startsStopsAndStartsAgainOnTheSamePort() throws Exception {
        int port = FreePorts.udpAndTcp();
        SipEngine engine = engineOn(port);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        try (engine; SipTestClient client = new SipTestClient(port)) {
            engine.start();
            assertThat(engine.isRunning()).isTrue();
            assertThat(engine.listeningOn()).containsExactlyInAnyOrder(
                    "sip:127.0.0.1:" + port + ";transport=udp", "sip:127.0.0.1:" + port + ";transport=tcp");
            assertThat(statusCode(client.exchange(client.request("OPTIONS", client.engineUri()))))
                    .isEqualTo(200);

            engine.stop();
            assertThat(engine.isRunning()).isFalse();
            assertThat(engine.listeningOn()).isEmpty();
            assertThat(FreePorts.isFree(port)).as("UDP and TCP port %d released by stop()", port).isTrue();

            engine.start();
            assertThat(statusCode(client.exchange(client.request("OPTIONS", client.engineUri()))))
                    .isEqualTo(200);
            String overTcp = exchangeOverTcp(port, SipTestClient.request("OPTIONS", client.engineUri(), "TCP", port));
            assertThat(statusCode(overTcp)).isEqualTo(200);
        }
        assertThat(FreePorts.isFree(port)).as("port %d released by close()", port).isTrue();
        Eventually.until(() -> newThreads(threadsBefore).isEmpty(), Duration.ofSeconds(3),
                () -> "threads left running after stop: " + newThreads(threadsBefore));
    }

    @Test
    void severalEnginesRunInOneJvm() throws Exception {
        int first = FreePorts.udpAndTcp();
        int second = FreePorts.udpAndTcp();
        try (SipEngine a = engineOn(first); SipEngine b = engineOn(second);
             SipTestClient toA = new SipTestClient(first); SipTestClient toB = new SipTestClient(second)) {
            a.start();
            b.start();
            assertThat(statusCode(toA.exchange(toA.request("OPTIONS", toA.engineUri())))).isEqualTo(200);
            assertThat(statusCode(toB.exchange(toB.request("OPTIONS", toB.engineUri())))).isEqualTo(200);
            a.stop();
            assertThat(statusCode(toB.exchange(toB.request("OPTIONS", toB.engineUri()))))
                    .as("stopping one engine leaves the other running")
                    .isEqualTo(200);
        }
    }

    @Test
    void startingTwiceIsRefused() {
        try (SipEngine engine = engineOn(FreePorts.udpAndTcp())) {
            engine.start();
            assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class);
            assertThat(engine.isRunning()).isTrue();
        }
    }

    @Test
    void stoppingRightAfterStartingLeavesNoThreads() {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        SipEngine engine = engineOn(FreePorts.udpAndTcp());
        engine.start();
        engine.stop();
        Eventually.until(() -> newThreads(threadsBefore).isEmpty(), Duration.ofSeconds(3),
                () -> "threads left running after stop: " + newThreads(threadsBefore));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "UDP"})
    void aTakenPortFailsTheStartAndLeavesNothingBehind(String takenTransport) throws Exception {
        int port = FreePorts.udpAndTcp();
        SipEngine engine = engineOn(port);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        try (Closeable squatter = takenTransport.equals("TCP")
                ? new ServerSocket(port, 1, FreePorts.LOOPBACK)
                : new DatagramSocket(new InetSocketAddress(FreePorts.LOOPBACK, port))) {
            assertThatThrownBy(engine::start)
                    .isInstanceOf(EngineStartException.class)
                    .hasMessageContaining(Integer.toString(port));
            assertThat(engine.isRunning()).isFalse();
        }
        assertThat(FreePorts.isFree(port)).as("the other transport's port is released").isTrue();
        Eventually.until(() -> newThreads(threadsBefore).isEmpty(), Duration.ofSeconds(3),
                () -> "threads left running by a failed start: " + newThreads(threadsBefore));

        engine.start();
        engine.stop();
    }

    /** The parts of an engine, in the order they start. */
    private static final List<String> PARTS = List.of("database health", "cluster bindings", "node bindings",
            "write-behind spool", "accounts cache", "media engine", "files", "voicemail", "SIP transport",
            "message-waiting lamps", "registration cleanup", "call count sharing", "call drain");

    @Test
    void startsItsPartsInOrderAndStopsThemTheOtherWay() {
        SipEngine engine = new SipEngine(new EngineSettings("ordered", "127.0.0.1", FreePorts.udpAndTcp(),
                EngineSettings.StackTuning.DEFAULT));
        try (PartLog log = new PartLog("SIP engine ordered")) {
            engine.start();
            assertThat(log.lines()).containsExactlyElementsOf(PARTS.stream().map(p -> p + " started").toList());
            engine.stop();
            assertThat(log.lines()).containsExactlyElementsOf(Stream.concat(
                    PARTS.stream().map(p -> p + " started"), PARTS.reversed().stream().map(p -> p + " stopped"))
                    .toList());
        }
    }

    @Test
    void aPartThatCannotStartStopsThePartsStartedBeforeIt() throws Exception {
        int port = FreePorts.udpAndTcp();
        SipEngine engine = new SipEngine(new EngineSettings("failing", "127.0.0.1", port,
                EngineSettings.StackTuning.DEFAULT));
        List<String> before = PARTS.subList(0, PARTS.indexOf("SIP transport"));
        try (PartLog log = new PartLog("SIP engine failing");
             ServerSocket squatter = new ServerSocket(port, 1, FreePorts.LOOPBACK)) {
            assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class)
                    .hasMessageContaining("SIP transport").hasMessageContaining(Integer.toString(port));
            assertThat(log.lines()).containsExactlyElementsOf(Stream.concat(
                    before.stream().map(p -> p + " started"), before.reversed().stream().map(p -> p + " stopped"))
                    .toList());
        }
        assertThat(engine.isRunning()).isFalse();
    }

    /** What the assembly of one engine logs about its parts, while open. */
    private static final class PartLog extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger(Assembly.class.getName());
        private final Level levelBefore = logger.getLevel();
        private final String prefix;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        PartLog(String owner) {
            prefix = owner + ": ";
            logger.setLevel(Level.FINE);
            logger.addHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void publish(LogRecord record) {
            String line = MessageFormat.format(record.getMessage(), record.getParameters());
            if (line.startsWith(prefix)) {
                lines.add(line.substring(prefix.length()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(levelBefore);
        }
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .toList();
    }

    @Test
    void stopWhenNotRunningDoesNothing() {
        SipEngine engine = engineOn(FreePorts.udpAndTcp());
        engine.stop();
        assertThat(engine.isRunning()).isFalse();
    }
}
