package org.tandem.engine.cluster;

import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.engine.Eventually;
import org.tandem.testsupport.sip.TestPhone;

import javax.sip.message.Request;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Two nodes, A on 127.0.0.2 and B on 127.0.0.3, each on its own database, the two replicating both
 * ways ({@link ReplicatingNodes}). One extension's phone registers on A, the other's on B: calls
 * connect both ways, each phone hears only from its own registrar (the Via of what reaches it is
 * its node's), the call is recorded once, and the hop between nodes is refused to anyone without
 * the cluster's secret, over UDP, or with a stale signature (replays, changes and strangers'
 * addresses: {@link HandOverReplayTest}).
 */
@Timeout(60)
class SplitRegistrationTest {

    private static final Duration WAIT = Duration.ofSeconds(3);

    @RegisterExtension
    static final ReplicatingNodes NODES = new ReplicatingNodes();

    @Test
    void aPhoneOnNodeACallsAPhoneOnNodeB() throws Exception {
        callAcross(NODES.a(), NODES.b());
    }

    @Test
    void aPhoneOnNodeBCallsAPhoneOnNodeA() throws Exception {
        callAcross(NODES.b(), NODES.a());
    }

    @Test
    void theHopIsRefusedWithoutTheSecretOverUdpOrWhenStale() throws Exception {
        String caller = NODES.newExtension(ALPHA);
        String callee = NODES.newExtension(ALPHA);
        try (TestPhone phone = NODES.b().phone("UDP", callee, ALPHA)) {
            assertThat(TestPhone.statusOf(phone.registerWithAuth(phone.register()))).isEqualTo(200);
            NodeHop strangersKey = new NodeHop("a-secret-that-is-not-the-cluster's".getBytes(StandardCharsets.UTF_8));
            NodeHop clusterKey = new NodeHop(EngineNode.SECRET);

            try (HandOverSender nodeA = new HandOverSender(NODES.a().address(), NODES.b())) {
                nodeA.send(signedInvite(NODES.a().sentBy(), "TCP", caller, callee, strangersKey, NODES.a().id(),
                        Instant.now()));
                assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 403 Not Signed By A Cluster Node");
            }
            try (TestPhone overUdp = NODES.b().phone("UDP", caller, ALPHA)) {
                String answer = overUdp.exchange(signedInvite("127.0.0.1:" + overUdp.localPort(), "UDP", caller, callee,
                        clusterKey, NODES.a().id(), Instant.now()));
                assertThat(answer).startsWith("SIP/2.0 403 Not Signed By A Cluster Node\r\n");
            }
            try (HandOverSender nodeA = new HandOverSender(NODES.a().address(), NODES.b())) {
                nodeA.send(signedInvite(NODES.a().sentBy(), "TCP", caller, callee, clusterKey, NODES.a().id(),
                        Instant.now().minusSeconds(60)));
                assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 403 Not Signed By A Cluster Node");
            }
            assertThat(phone.receive(Duration.ofMillis(300))).as("the phone never rang").isEmpty();

            // the control: the same INVITE rightly signed, from node A's address, does ring it
            try (HandOverSender nodeA = new HandOverSender(NODES.a().address(), NODES.b())) {
                nodeA.send(signedInvite(NODES.a().sentBy(), "TCP", caller, callee, clusterKey, NODES.a().id(),
                        Instant.now()));
                String rung = phone.receive(WAIT).orElseThrow(() -> new AssertionError("a signed hand-over did not ring"));
                assertThat(rung).startsWith("INVITE ");
                assertThat(headers(rung, NodeHop.HEADER)).as("the signature stays between nodes").isEmpty();
                phone.send(response(rung, "486 Busy Here", "p1", phone, null));
                assertThat(nodeA.finalStatus()).isEqualTo("SIP/2.0 486 Busy Here");
            }
        }
    }

    /**
     * Over UDP a hand-over's source address may be forged: refusing it must not count against that
     * address, or anyone could get a phone (or a peer node) blocked with a few datagrams.
     */
    @Test
    void handOversRefusedOverUdpCountNothingAgainstTheirSourceAddress() throws Exception {
        String caller = NODES.newExtension(ALPHA);
        String callee = NODES.newExtension(ALPHA);
        NodeHop clusterKey = new NodeHop(EngineNode.SECRET);
        try (TestPhone forger = NODES.b().phone("UDP", caller, ALPHA)) {
            for (int i = 0; i < ThrottlePolicy.DEFAULT.perAddress() + 2; i++) {
                String answer = forger.exchange(signedInvite("127.0.0.1:" + forger.localPort(), "UDP", caller, callee,
                        clusterKey, NODES.a().id(), Instant.now()));
                assertThat(answer).as("forgery %d", i).startsWith("SIP/2.0 403 Not Signed By A Cluster Node\r\n");
            }
        }
        try (TestPhone phone = NODES.b().phone("UDP", callee, ALPHA)) {
            assertThat(TestPhone.statusOf(phone.registerWithAuth(phone.register()))).as("127.0.0.1 is not blocked")
                    .isEqualTo(200);
        }
    }

    /** {@code from}'s phone calls {@code to}'s phone; each phone only ever hears its own node. */
    private static void callAcross(EngineNode from, EngineNode to) throws Exception {
        String callerNumber = NODES.newExtension(ALPHA);
        String calleeNumber = NODES.newExtension(ALPHA);
        try (TestPhone callee = to.phone("UDP", calleeNumber, ALPHA);
             TestPhone caller = from.phone("UDP", callerNumber, ALPHA)) {
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);
            // the binding reaches the database a few milliseconds behind the 200 (written behind); a call
            // placed on the other node before then finds no phone (480), as it would in a real cluster
            assertThat(to.engine().awaitWritten(WAIT)).isTrue();
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            String fromHeader = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c1";
            sendAuthenticatedInvite(caller, callerNumber, uri, callId, "c1");

            String invite = next(callee);
            assertThat(invite).startsWith("INVITE ");
            assertThat(headers(invite, "Via")).as("one hop: from its own registrar").hasSize(1);
            assertThat(headers(invite, "Via").getFirst()).contains(to.sentBy());
            assertThat(headers(invite, NodeHop.HEADER)).isEmpty();

            callee.send(response(invite, "180 Ringing", "b1", callee, null));
            callee.send(response(invite, "200 OK", "b1", callee, sdp("callee", "sendrecv")));
            String ok = next(caller);
            while (TestPhone.statusOf(ok) < 200) {
                ok = next(caller);
            }
            assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
            caller.send(inDialog(caller, "ACK", uri, callId, fromHeader, one(ok, "To"), 2, null));
            String ack = next(callee);
            assertThat(ack).startsWith("ACK ");
            assertThat(headers(ack, "Via").getFirst()).contains(to.sentBy());

            caller.send(inDialog(caller, "BYE", uri, callId, fromHeader, one(ok, "To"), 3, null));
            assertThat(TestPhone.statusOf(next(caller))).isEqualTo(200);
            String bye = next(callee);
            assertThat(bye).startsWith("BYE ");
            assertThat(headers(bye, "Via").getFirst()).contains(to.sentBy());
            callee.send(response(bye, "200 OK", null, callee, null));

            String records = "select r.caller || ' ' || r.disposition || ' ' || r.sip_cause || ' ' || r.node_id "
                    + "from call_record r join tenant t on t.id = r.tenant_id "
                    + "where t.sip_domain = '" + ALPHA + "' and r.callee = '" + calleeNumber + "'";
            Eventually.until(() -> !NODES.on(NODES.a(), records).isEmpty() && !NODES.on(NODES.b(), records).isEmpty(),
                    WAIT, () -> "no call record on both nodes");
            Thread.sleep(300); // a second record, if one were written, would come as fast as the first
            assertThat(NODES.onBothNodes(records)).as("recorded once, by the caller's node, on both nodes")
                    .containsExactly(callerNumber + " ANSWERED 200 " + from.id());
        }
    }

    /** A hand-over of {@code caller}'s call to {@code callee}, as a node at {@code sentBy} sends it, signed by {@code key}. */
    private static String signedInvite(String sentBy, String transport, String caller, String callee, NodeHop key,
                                       UUID signer, Instant at) throws ParseException {
        String body = sdp("node", "sendrecv");
        String unsigned = "INVITE sip:" + callee + "@" + ALPHA + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "Max-Forwards: 69\r\n"
                + "From: <sip:" + caller + "@" + ALPHA + ">;tag=n1\r\n"
                + "To: <sip:" + callee + "@" + ALPHA + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@node\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + sentBy + ";transport=" + transport.toLowerCase(Locale.ROOT) + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        Request request = (Request) new StringMsgParser().parseSIPMessage(unsigned.getBytes(StandardCharsets.UTF_8),
                true, false, null);
        String signature = key.sign(signer, NodeHop.SignedCall.of(request), at);
        return unsigned.replace("Content-Type:", NodeHop.HEADER + ": " + signature + "\r\nContent-Type:");
    }
}
