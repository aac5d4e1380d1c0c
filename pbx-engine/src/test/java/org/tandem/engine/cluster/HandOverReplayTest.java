package org.tandem.engine.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.sip.SipTestClient;
import org.tandem.testsupport.sip.TestPhone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.engine.call.CallMessages.ackOf;
import static org.tandem.engine.call.CallMessages.invite;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * A hand-over captured on the wire is worth one call, unaltered, from the node that signed it. Node A
 * (127.0.0.2) hands a call to "node C", which is this test listening on 127.0.0.4 with a binding of
 * the callee in the node table; the INVITE it captures there, signed by A's own code, is then played
 * to node B (127.0.0.3), where the callee's phone has registered meanwhile.
 */
@Timeout(90)
class HandOverReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final String CAPTURE_ADDRESS = "127.0.0.4";
    private static final String STRANGER_ADDRESS = "127.0.0.9";
    private static final String REFUSED = "SIP/2.0 403 Not Signed By A Cluster Node";

    @RegisterExtension
    static final BeforeAllCallback DATABASE = context -> db = RegistrarDatabase.shared(context);

    private static RegistrarDatabase db;
    private static EngineNode a;
    private static EngineNode b;
    private static UUID capturingNode;
    private static ServerSocket capturing;
    private static Socket fromA;

    @BeforeAll
    static void start() throws IOException {
        a = EngineNode.start(db, "127.0.0.2");
        b = EngineNode.start(db, "127.0.0.3");
        capturing = new ServerSocket(0, 10, InetAddress.getByName(CAPTURE_ADDRESS));
        capturing.setSoTimeout((int) WAIT.toMillis());
        capturingNode = NodeRow.node("capture-" + UUID.randomUUID().toString().substring(0, 8), CAPTURE_ADDRESS)
                .sipPort(capturing.getLocalPort()).insertInto(db.dataSource());
    }

    @AfterAll
    static void stop() throws IOException {
        a.engine().stop();
        b.engine().stop();
        if (fromA != null) {
            fromA.close();
        }
        capturing.close();
        db.execute("delete from registration where node_id = ?", capturingNode);
        db.execute("delete from node where id = ?", capturingNode);
    }

    @Test
    void aCapturedHandOverRingsOnceAndIsRefusedWhenPlayedAgain() throws Exception {
        Captured hop = capture();
        try (TestPhone callee = registeredOnB(hop.callee())) {
            try (HandOverSender nodeA = new HandOverSender(a.address(), b)) {
                nodeA.send(hop.invite());
                String rung = invitesTo(callee).orElseThrow(() -> new AssertionError("the genuine hand-over did not ring"));
                callee.send(response(rung, "486 Busy Here", "p1", callee, null));
                assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 486 Busy Here");
            }
            try (HandOverSender nodeA = new HandOverSender(a.address(), b)) {
                nodeA.send(withNewBranch(hop.invite()));
                assertThat(nodeA.finalStatus()).isEqualTo(REFUSED);
            }
            assertThat(invitesTo(callee)).as("the replay rang nobody").isEmpty();
        }
    }

    @Test
    void aHandOverWithItsBodyToOrContactChangedIsRefused() throws Exception {
        Captured hop = capture();
        String invite = hop.invite();
        String contact = one(invite, "Contact");
        Map<String, String> altered = Map.of(
                "SDP", invite.replace("m=audio 40000", "m=audio 40666"),
                "To", invite.replace("\r\nTo: " + one(invite, "To"), "\r\nTo: <sip:" + db.newExtension() + "@" + ALPHA + ">"),
                "Contact", invite.replace("\r\nContact: " + contact,
                        "\r\nContact: <sip:" + STRANGER_ADDRESS + ":5060;transport=tcp>"));
        try (TestPhone callee = registeredOnB(hop.callee())) {
            Map<String, String> answers = new TreeMap<>();
            for (Map.Entry<String, String> change : altered.entrySet()) {
                assertThat(change.getValue()).isNotEqualTo(invite);
                try (HandOverSender nodeA = new HandOverSender(a.address(), b)) {
                    nodeA.send(withNewBranch(change.getValue()));
                    answers.put(change.getKey(), nodeA.finalStatusOr("taken (no answer)"));
                }
            }
            assertThat(answers).isEqualTo(Map.of("Contact", REFUSED, "SDP", REFUSED, "To", REFUSED));
            assertThat(invitesTo(callee)).as("no altered hand-over rang").isEmpty();
            assertRingsUnaltered(hop, callee);
        }
    }

    @Test
    void aHandOverFromAnAddressOfNoNodeIsRefusedAndLoggedOnceAMinute() throws Exception {
        Captured hop = capture();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                logged.add(logRecord.getLevel() + " " + logRecord.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(HandOverCheck.class.getName());
        log.addHandler(handler);
        try (TestPhone callee = registeredOnB(hop.callee())) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (HandOverSender stranger = new HandOverSender(STRANGER_ADDRESS, b)) {
                    stranger.send(withNewBranch(hop.invite()));
                    assertThat(stranger.finalStatus()).isEqualTo(REFUSED);
                }
            }
            assertThat(invitesTo(callee)).as("the stranger's copies rang nobody").isEmpty();
            assertThat(logged).filteredOn(line -> line.contains(STRANGER_ADDRESS)).singleElement(STRING)
                    .startsWith("WARNING hand-over refused from tcp:" + STRANGER_ADDRESS + ":")
                    .contains("not from the SIP address of the node that signed it");
            assertRingsUnaltered(hop, callee);
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void aRetransmittedHandOverReachesTheSameCall() throws Exception {
        Captured hop = capture();
        try (TestPhone callee = registeredOnB(hop.callee());
             HandOverSender nodeA = new HandOverSender(a.address(), b)) {
            nodeA.send(hop.invite());
            nodeA.send(hop.invite());
            String rung = invitesTo(callee).orElseThrow(() -> new AssertionError("the hand-over did not ring"));
            callee.send(response(rung, "100 Trying", null, callee, null)); // B's own retransmissions stop
            assertThat(invitesTo(callee)).as("rung once").isEmpty();
            callee.send(response(rung, "486 Busy Here", "p1", callee, null));
            assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 486 Busy Here");
            nodeA.send(hop.invite());
            String busy = nodeA.finalAnswer();
            assertThat(busy).as("a late copy gets the call's answer again").startsWith("SIP/2.0 486 Busy Here\r\n");
            nodeA.send(ackOf(hop.invite(), busy));
            Thread.sleep(200); // the ACK ends the transaction (at once over TCP)
            nodeA.send(hop.invite());
            assertThat(nodeA.receive(QUIET).map(answer -> answer.substring(0, answer.indexOf("\r\n"))))
                    .as("a copy after the transaction: absorbed, or refused as a replay").isIn(Optional.empty(),
                            Optional.of(REFUSED));
            assertThat(invitesTo(callee)).as("still rung once").isEmpty();
        }
    }

    /** The captured hand-over, sent as it is from A's address after the refused copies, does ring. */
    private static void assertRingsUnaltered(Captured hop, TestPhone callee) throws Exception {
        try (HandOverSender nodeA = new HandOverSender(a.address(), b)) {
            nodeA.send(hop.invite());
            String rung = invitesTo(callee).orElseThrow(() -> new AssertionError("the genuine hand-over did not ring"));
            callee.send(response(rung, "486 Busy Here", "p1", callee, null));
            assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 486 Busy Here");
        }
    }

    private record Captured(String callee, String invite) {
    }

    /** A new caller on A calls a new callee bound only to the capturing node: the INVITE A hands over to it. */
    private static Captured capture() throws Exception {
        String caller = db.newExtension();
        String callee = db.newExtension();
        db.execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, flow, call_id, cseq,"
                        + " registered_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, 1, now(), now() + interval '1 hour')",
                UUID.randomUUID(), capturingNode, db.tenantId(ALPHA), callee,
                "sip:" + callee + "@" + CAPTURE_ADDRESS + ":5062", "udp:" + CAPTURE_ADDRESS + ":5062",
                UUID.randomUUID() + "@capture");
        try (TestPhone phone = a.phone("UDP", caller, ALPHA)) {
            String uri = "sip:" + callee + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            sendAuthenticatedInvite(phone, caller, uri, callId, "c1");
            String handedOver = nextInviteFromA();
            assertThat(handedOver).startsWith("INVITE sip:" + callee + "@" + ALPHA);
            assertThat(headers(handedOver, "X-Tandem-Hop")).hasSize(1);
            return new Captured(callee, handedOver);
        }
    }

    /** The next INVITE node A sends the capturing node, over the connection A keeps to it. */
    private static String nextInviteFromA() throws IOException {
        while (true) {
            if (fromA == null) {
                fromA = capturing.accept();
                fromA.setSoTimeout((int) WAIT.toMillis());
            }
            String message = SipTestClient.readMessage(fromA.getInputStream());
            if (message.startsWith("INVITE ")) {
                return message;
            }
        }
    }

    private static TestPhone registeredOnB(String callee) throws Exception {
        TestPhone phone = b.phone("UDP", callee, ALPHA);
        assertThat(TestPhone.statusOf(phone.registerWithAuth(phone.register()))).isEqualTo(200);
        return phone;
    }

    /** The next INVITE that reaches {@code phone} within a short while (ACKs and the like skipped). */
    private static Optional<String> invitesTo(TestPhone phone) throws IOException {
        Optional<String> message = phone.receive(QUIET.multipliedBy(2));
        while (message.isPresent()) {
            if (message.get().startsWith("INVITE ")) {
                return message;
            }
            message = phone.receive(QUIET);
        }
        return Optional.empty();
    }

    /** The same request on a transaction of its own: what someone replaying a capture would send. */
    private static String withNewBranch(String invite) {
        return invite.replaceFirst(";branch=z9hG4bK[^;\\r\\n]*", ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
    }
}
