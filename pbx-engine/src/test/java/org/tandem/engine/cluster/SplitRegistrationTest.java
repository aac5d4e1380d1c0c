package org.tandem.engine.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.Eventually;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.TestPhone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.SipTestClient.headers;
import static org.tandem.engine.call.CallMessages.ackOf;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.invite;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.proxyAuthorization;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Two nodes, A on 127.0.0.2 and B on 127.0.0.3, sharing one database as replication makes every
 * node's database hold every binding. One extension's phone registers on A, the other's on B: calls
 * connect both ways, each phone hears only from its own registrar (the Via of what reaches it is
 * its node's), the call is recorded once, and the hop between nodes is refused to anyone without
 * the cluster's secret, over UDP, or with a stale signature.
 */
@Timeout(60)
class SplitRegistrationTest {

    private static final Duration WAIT = Duration.ofSeconds(3);

    @RegisterExtension
    static final BeforeAllCallback DATABASE = context -> db = RegistrarDatabase.shared(context);

    private static RegistrarDatabase db;
    private static TestNode a;
    private static TestNode b;

    @BeforeAll
    static void startTwoNodes() {
        a = TestNode.start(db, "127.0.0.2");
        b = TestNode.start(db, "127.0.0.3");
    }

    @AfterAll
    static void stopNodes() {
        a.engine().stop();
        b.engine().stop();
    }

    @Test
    void aPhoneOnNodeACallsAPhoneOnNodeB() throws Exception {
        callAcross(a, b);
    }

    @Test
    void aPhoneOnNodeBCallsAPhoneOnNodeA() throws Exception {
        callAcross(b, a);
    }

    @Test
    void theHopIsRefusedWithoutTheSecretOverUdpOrWhenStale() throws Exception {
        String caller = db.newExtension();
        String callee = db.newExtension();
        try (TestPhone phone = b.phone("UDP", callee, ALPHA)) {
            assertThat(TestPhone.statusOf(phone.registerWithAuth(phone.register()))).isEqualTo(200);
            NodeHop strangersKey = new NodeHop("a-secret-that-is-not-the-cluster's".getBytes(StandardCharsets.UTF_8));
            NodeHop clusterKey = new NodeHop(TestNode.SECRET);

            assertThat(handOver(b, "TCP", caller, callee, strangersKey, a.id(), Instant.now()))
                    .isEqualTo("SIP/2.0 403 Not Signed By A Cluster Node");
            assertThat(handOver(b, "UDP", caller, callee, clusterKey, a.id(), Instant.now()))
                    .isEqualTo("SIP/2.0 403 Not Signed By A Cluster Node");
            assertThat(handOver(b, "TCP", caller, callee, clusterKey, a.id(), Instant.now().minusSeconds(60)))
                    .isEqualTo("SIP/2.0 403 Not Signed By A Cluster Node");
            assertThat(phone.receive(Duration.ofMillis(300))).as("the phone never rang").isEmpty();

            // the control: the same INVITE rightly signed does ring it
            try (TestPhone node = b.phone("TCP", caller, ALPHA)) {
                node.send(signedInvite(node, caller, callee, clusterKey, a.id(), Instant.now()));
                String rung = phone.receive(WAIT).orElseThrow(() -> new AssertionError("a signed hand-over did not ring"));
                assertThat(rung).startsWith("INVITE ");
                assertThat(headers(rung, NodeHop.HEADER)).as("the signature stays between nodes").isEmpty();
                phone.send(response(rung, "486 Busy Here", "p1", phone, null));
            }
        }
    }

    /** {@code from}'s phone calls {@code to}'s phone; each phone only ever hears its own node. */
    private static void callAcross(TestNode from, TestNode to) throws Exception {
        String callerNumber = db.newExtension();
        String calleeNumber = db.newExtension();
        try (TestPhone callee = to.phone("UDP", calleeNumber, ALPHA);
             TestPhone caller = from.phone("UDP", callerNumber, ALPHA)) {
            assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            String fromHeader = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c1";
            String unauthenticated = invite(caller, callerNumber, uri, callId, "c1", 1, sdp("caller", "sendrecv"), null);
            String required = caller.exchange(unauthenticated);
            caller.send(ackOf(unauthenticated, required));
            caller.send(invite(caller, callerNumber, uri, callId, "c1", 2, sdp("caller", "sendrecv"),
                    proxyAuthorization(required, callerNumber, uri)));

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
                    + "from call_record r join tenant t on t.id = r.tenant_id where t.sip_domain = ? and r.callee = ?";
            Eventually.until(() -> !db.strings(records, ALPHA, calleeNumber).isEmpty(), WAIT, () -> "no call record");
            Thread.sleep(300); // a second record, if one were written, would come as fast as the first
            assertThat(db.strings(records, ALPHA, calleeNumber)).as("recorded once, by the caller's node")
                    .containsExactly(callerNumber + " ANSWERED 200 " + from.id());
        }
    }

    /** A node hands {@code callee}'s call to {@code to} with a signature made by {@code key}; the final answer's status line. */
    private static String handOver(TestNode to, String transport, String caller, String callee, NodeHop key, UUID signer,
                                   Instant at) throws Exception {
        try (TestPhone node = to.phone(transport, caller, ALPHA)) {
            String answer = node.exchange(signedInvite(node, caller, callee, key, signer, at));
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    private static String signedInvite(TestPhone node, String caller, String callee, NodeHop key, UUID signer,
                                       Instant at) {
        String callId = UUID.randomUUID() + "@node";
        String signature = key.sign(signer, new NodeHop.SignedCall("INVITE", callee + "@" + ALPHA,
                caller + "@" + ALPHA, callId), at);
        String invite = invite(node, caller, "sip:" + callee + "@" + ALPHA, callId, "n1", 1, sdp("node", "sendrecv"), null);
        return invite.replace("SIP/2.0/UDP", "SIP/2.0/" + node.transport())
                .replace("Content-Type:", NodeHop.HEADER + ": " + signature + "\r\nContent-Type:");
    }

}
