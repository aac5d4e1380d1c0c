package org.tandem.engine.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.engine.EngineExtension;
import org.tandem.engine.conformance.LoopbackPeer.Arrival;
import org.tandem.engine.conformance.TortureCorpus.Case;
import org.tandem.engine.conformance.TortureCorpus.Kind;
import org.tandem.testsupport.sip.SipTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/**
 * Issue #3, item 6, for the RFC 4475 torture messages: a malformed message gets a 4xx (or another
 * error) or is dropped, never a 2xx; a well-formed one is answered; and none of them stops the
 * stack or kills one of its threads. Every message is sent exactly as the RFC has it, from a
 * loopback address of its own that listens wherever the answer may be routed (see
 * {@link LoopbackPeer}); after each one a fresh OPTIONS from another socket must still get 200 and
 * every thread of the stack must still be alive.
 */
class Rfc4475TortureTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    /**
     * Engine defects found with these messages: for each, the case and what is wrong. Main code is not
     * this test's to change, so a case listed here is reported as skipped ("aborted") with this text,
     * after the other checks (the stack still answers, none of its threads died) have passed for it.
     * Once the engine behaves, the case fails until it is removed from here, so a stale entry cannot
     * hide a regression.
     */
    static final Map<String, String> KNOWN_DEFECTS = Map.of();

    /** How long a 2xx (or any answer) to a message is waited for. */
    private static final Duration WINDOW = Duration.ofMillis(500);
    /** How long a well-formed request may take to be answered (the wait ends with the answer). */
    private static final Duration ANSWER_WINDOW = Duration.ofSeconds(2);
    private static final AtomicInteger PEERS = new AtomicInteger();
    /** tag -> what was seen, over each transport, for the summary printed after the class. */
    private static final Map<String, String> SEEN = new ConcurrentSkipListMap<>();

    private static Set<Thread> stackThreads;

    @BeforeAll
    static void findTheStacksThreads() {
        stackThreads = StackThreads.of("test", ENGINE.port());
        // 4 UDP workers, the UDP reader, 4 TCP workers and the TCP selector
        assertThat(StackThreads.names(stackThreads)).hasSize(10);
    }

    static Stream<Case> allCases() {
        return TortureCorpus.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void overUdp(Case torture) throws Exception {
        List<Arrival> answers = answersTo(torture, false);
        assertStackAlive();
        judge(torture, answers);
    }

    /**
     * A connection per message, for the cases whose framing is the point (Content-Length missing,
     * negative, doubled, too large; binary and NUL octets; folding; trailing octets).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wsinv", "intmeth", "mpart01", "dblreq", "clerr", "ncl", "mcl01", "scalar02",
            "badvers", "insuf", "bigcode"})
    void overTcp(String tag) throws Exception {
        Case torture = TortureCorpus.byTag(tag);
        List<Arrival> answers = answersTo(torture, true);
        assertStackAlive();
        String overTcp = SipTestClient.exchangeOverTcp(ENGINE.port(),
                SipTestClient.request("OPTIONS", "sip:127.0.0.1:" + ENGINE.port(), "TCP", ENGINE.port()));
        assertThat(statusCode(overTcp)).as("OPTIONS over TCP after %s", torture).isEqualTo(200);
        judge(torture, answers);
    }

    /** What the engine sent back to a new peer that sent {@code torture}, noted for the summary. */
    private static List<Arrival> answersTo(Case torture, boolean overTcp) throws Exception {
        List<Arrival> answers;
        try (LoopbackPeer.Collecting peer = LoopbackPeer.open(PEERS.incrementAndGet())) {
            if (overTcp) {
                peer.peer().sendTcp(torture.bytes(), ENGINE.port());
            } else {
                peer.peer().sendUdp(torture.bytes(), ENGINE.port());
            }
            answers = peer.collect(window(torture), answered(torture));
        }
        SEEN.merge(torture.tag(), (overTcp ? "TCP: " : "UDP: ") + describe(answers), (a, b) -> a + "; " + b);
        return answers;
    }

    /**
     * bext01's only Via says TLS, and the engine listens on UDP and TCP only, so whatever it decides
     * cannot be sent anywhere (JAIN-SIP refuses: "no listening point found for transport TLS") and
     * {@link #overUdp} rightly sees nothing. To see the decision itself, this one test changes the
     * Via's transport to UDP and nothing else: RFC 4475 3.3.5 wants a 420 listing the unknown
     * Require tags, and certainly no 2xx.
     */
    @Test
    void bext01WithItsTlsViaMadeUdpIsRefusedWith420() throws Exception {
        assertThat(ENGINE.engine().listeningOn()).noneMatch(uri -> uri.endsWith("transport=tls"));
        String original = new String(TortureCorpus.byTag("bext01").bytes(), StandardCharsets.ISO_8859_1);
        assertThat(original).contains("Via: SIP/2.0/TLS fold-and-staple.example.com;");
        byte[] viaUdp = original.replace("Via: SIP/2.0/TLS ", "Via: SIP/2.0/UDP ").getBytes(StandardCharsets.ISO_8859_1);
        List<Arrival> answers;
        try (LoopbackPeer.Collecting peer = LoopbackPeer.open(PEERS.incrementAndGet())) {
            peer.peer().sendUdp(viaUdp, ENGINE.port());
            answers = peer.collect(WINDOW, arrived -> false);
        }
        SEEN.merge("bext01", "UDP with the Via made UDP: " + describe(answers), (a, b) -> a + "; " + b);
        assertStackAlive();
        assertThat(answers).extracting(Arrival::status).containsExactly(420);
        assertThat(SipWire.text(answers.getFirst().bytes()))
                .contains("nothingSupportsThis").contains("nothingSupportsThisEither");
    }

    @AfterAll
    static void printWhatWasSeen() {
        System.out.println("RFC 4475 torture messages, what the engine answered:");
        SEEN.forEach((tag, seen) -> System.out.printf("  %-9s %-10s %-8s %s%n",
                TortureCorpus.byTag(tag).section(), tag, TortureCorpus.byTag(tag).kind(), seen));
    }

    /**
     * A request the engine may accept is waited for until it has its final answer (a well-formed one
     * up to {@link #ANSWER_WINDOW}); an invalid message, or a response, for the whole window, to see
     * that no 2xx comes.
     */
    private static Duration window(Case torture) {
        return torture.kind() == Kind.VALID && torture.isRequest() ? ANSWER_WINDOW : WINDOW;
    }

    private static Predicate<List<Arrival>> answered(Case torture) {
        if (torture.kind() != Kind.INVALID && torture.isRequest()) {
            return arrived -> arrived.stream().anyMatch(a -> a.status() >= 200);
        }
        return arrived -> false;
    }

    private static void judge(Case torture, List<Arrival> answers) {
        List<Arrival> messages = answers.stream().filter(Arrival::isMessage).toList();
        assertThat(messages).as("everything the engine sent back to %s is a SIP response", torture)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isPositive());
        switch (torture.kind()) {
            case INVALID -> {
                boolean twoHundred = messages.stream().anyMatch(a -> a.status() >= 200 && a.status() < 300);
                String defect = KNOWN_DEFECTS.get(torture.tag());
                if (defect != null) {
                    assertThat(twoHundred).as("%s no longer gets a 2xx (%s): remove it from KNOWN_DEFECTS",
                            torture, describe(answers)).isTrue();
                    Assumptions.abort(defect + " Seen: " + describe(answers));
                }
                assertThat(twoHundred).as("%s is malformed or must be refused: a 4xx or nothing, never a 2xx;"
                        + " seen: %s", torture, describe(answers)).isFalse();
            }
            case VALID -> {
                if (torture.isRequest()) {
                    assertThat(messages).as("%s is well formed and gets a final answer", torture)
                            .anyMatch(a -> a.status() >= 200);
                } else {
                    assertThat(messages).as("%s is a response to nothing the engine sent: dropped", torture).isEmpty();
                }
            }
            case SEMANTIC -> {
                // RFC 4475 lets these succeed or fail depending on the element's role; only survival is required.
            }
        }
    }

    private static void assertStackAlive() throws Exception {
        try (SipTestClient client = new SipTestClient(ENGINE.port())) {
            String response = client.exchange(client.request("OPTIONS", client.engineUri()));
            assertThat(statusCode(response)).as("a fresh OPTIONS afterwards").isEqualTo(200);
        }
        assertThat(StackThreads.dead(stackThreads)).as("stack threads that died").isEmpty();
    }

    private static String describe(List<Arrival> answers) {
        return answers.isEmpty() ? "nothing"
                : answers.stream().map(Arrival::toString).collect(Collectors.joining(", "));
    }
}
