package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.body;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.invite;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.proxyAuthorization;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.TestDialog.hangUp;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * A whole call between two hand-written phones on raw UDP sockets, for what SIPp cannot check:
 * the SDP reaches each phone byte for byte as the other wrote it (odd spacing and all), the callee
 * is reached over its registered flow with a new Call-ID, and re-INVITEs for hold and resume go
 * through in both directions within the dialogs, then BYE.
 */
@Timeout(30)
class CallDialogTest extends CallerAndCalleeTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @Test
    void sdpPassesUnchangedAndHoldAndResumeWorkFromBothSides() throws Exception {
        registerCallee();

        String offer = sdp("caller", "sendrecv") + "a=x-odd:  two  spaces,\ttab\r\n";
        String callId = UUID.randomUUID() + "@caller";
        String fromTag = "c" + UUID.randomUUID().toString().substring(0, 8);
        String uri = "sip:" + calleeNumber + "@" + ALPHA;

        // 1. without credentials: 407
        String unauthenticated = invite(caller, callerNumber, uri, callId, fromTag, 1, offer, null);
        String required = caller.exchange(unauthenticated);
        assertThat(TestPhone.statusOf(required)).isEqualTo(407);
        assertThat(caller.receive(Duration.ofMillis(300))).as("nothing after the 407").isEmpty();

        // 2. with credentials: 100 at once, the callee's phone gets the INVITE with the offer unchanged
        String authorization = proxyAuthorization(required, callerNumber, uri);
        caller.send(invite(caller, callerNumber, uri, callId, fromTag, 2, offer, authorization));
        String trying = next(caller);
        assertThat(TestPhone.statusOf(trying)).isEqualTo(100);
        String inviteB = next(callee);
        assertThat(inviteB).startsWith("INVITE " + callee.contactUri() + " SIP/2.0\r\n");
        assertThat(body(inviteB)).isEqualTo(offer);
        assertThat(one(inviteB, "Call-ID")).isNotEqualTo(callId);
        assertThat(one(inviteB, "Route")).contains("127.0.0.1:" + callee.localPort());

        // 3. ringing, then answer with its own odd SDP; the caller gets them in that order, unchanged
        String calleeTag = "b" + UUID.randomUUID().toString().substring(0, 8);
        String answer = sdp("callee", "sendrecv") + "a=x-odd:\tanswer  \r\n";
        callee.send(response(inviteB, "180 Ringing", calleeTag, callee, null));
        callee.send(response(inviteB, "200 OK", calleeTag, callee, answer));
        // The 180 and 200 may be handled by two stack threads: a 180 that lost the race is
        // dropped, never sent after the 200.
        String ok = next(caller);
        if (TestPhone.statusOf(ok) == 180) {
            ok = next(caller);
        }
        assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
        assertThat(body(ok)).isEqualTo(answer);
        String callerDialogTo = one(ok, "To");

        // 4. ACK reaches the callee
        caller.send(inDialog(caller, "ACK", uri, callId, "<sip:" + callerNumber + "@" + ALPHA + ">;tag=" + fromTag,
                callerDialogTo, 2, null));
        String ackB = next(callee);
        assertThat(ackB).startsWith("ACK ");
        assertThat(one(ackB, "CSeq")).isEqualTo("1 ACK");

        TestDialog a = new TestDialog(caller, uri, callId, "<sip:" + callerNumber + "@" + ALPHA + ">;tag=" + fromTag,
                callerDialogTo, 2);
        TestDialog b = TestDialog.ofCallee(callee, inviteB, calleeTag);

        // 5. hold and resume, from the caller, then from the callee
        reInvite(a, b, sdp("caller", "sendonly"), sdp("callee", "recvonly"));
        reInvite(a, b, sdp("caller", "sendrecv"), sdp("callee", "sendrecv"));
        reInvite(b, a, sdp("callee", "sendonly"), sdp("caller", "recvonly"));
        reInvite(b, a, sdp("callee", "sendrecv"), sdp("caller", "sendrecv"));

        // 6. the caller hangs up: its BYE is answered, the callee gets one
        hangUp(a, b);
    }

    @Test
    void theAnswerIsSentAgainUntilTheCallerAcksIt() throws Exception {
        registerCallee();
        String uri = "sip:" + calleeNumber + "@" + ALPHA;
        String callId = UUID.randomUUID() + "@caller";
        String from = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c1";
        sendAuthenticatedInvite(caller, callerNumber, uri, callId, "c1");
        assertThat(TestPhone.statusOf(next(caller))).isEqualTo(100);
        String inviteB = next(callee);
        String answer = sdp("callee", "sendrecv");
        callee.send(response(inviteB, "200 OK", "b1", callee, answer));
        String ok = next(caller);
        assertThat(TestPhone.statusOf(ok)).isEqualTo(200);

        // no ACK yet: the same 200 comes again (T1 = 500 ms), and the callee gets no ACK meanwhile
        String again = caller.receive(Duration.ofMillis(1500)).orElseThrow(() -> new AssertionError("no 2xx again"));
        assertThat(again).isEqualTo(ok);
        assertThat(callee.receive(Duration.ofMillis(100))).isEmpty();

        caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
        assertThat(next(callee)).startsWith("ACK ");
        assertThat(caller.receive(Duration.ofMillis(1500))).as("nothing more once ACKed").isEmpty();

        hangUp(new TestDialog(caller, uri, callId, from, one(ok, "To"), 2),
                TestDialog.ofCallee(callee, inviteB, "b1"));
    }

    @Test
    void aPhoneBehindNatIsReachedOverTheFlowItRegisteredFromNotAtItsContact() throws Exception {
        // the phone believes it is 192.0.2.10:5060, an address nobody can reach
        String unreachable = "sip:" + calleeNumber + "@192.0.2.10:5060";
        assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register().behindNat("192.0.2.10:5060")
                .contacts("<" + unreachable + ">")))).isEqualTo(200);
        String uri = "sip:" + calleeNumber + "@" + ALPHA;
        String callId = UUID.randomUUID() + "@caller";
        sendAuthenticatedInvite(caller, callerNumber, uri, callId, "c1");

        String inviteB = next(callee);
        assertThat(inviteB).startsWith("INVITE " + unreachable + " SIP/2.0\r\n");
        assertThat(one(inviteB, "Route")).contains("127.0.0.1:" + callee.localPort()).contains("lr");
        callee.send(response(inviteB, "486 Busy Here", "b1", callee, null));

        String busy = next(caller);
        while (TestPhone.statusOf(busy) < 200) {
            busy = next(caller);
        }
        assertThat(TestPhone.statusOf(busy)).isEqualTo(486);
    }

    @Test
    void ringingAndEarlyMediaNeverReachTheCallerAfterTheAnswer() throws Exception {
        registerCallee();
        String uri = "sip:" + calleeNumber + "@" + ALPHA;
        String earlyMedia = sdp("callee", "sendonly") + "a=x-early:\tringback \r\n";
        for (int round = 0; round < 10; round++) {
            String callId = UUID.randomUUID() + "@caller";
            String from = "<sip:" + callerNumber + "@" + ALPHA + ">;tag=c" + round;
            sendAuthenticatedInvite(caller, callerNumber, uri, callId, "c" + round);
            String inviteB = next(callee);
            // all three at once: the engine's threads race for them
            callee.send(response(inviteB, "180 Ringing", "b" + round, callee, null));
            callee.send(response(inviteB, "183 Session Progress", "b" + round, callee, earlyMedia));
            callee.send(response(inviteB, "200 OK", "b" + round, callee, sdp("callee", "sendrecv")));

            java.util.List<Integer> heard = new java.util.ArrayList<>();
            String message;
            do {
                message = next(caller);
                heard.add(TestPhone.statusOf(message));
                if (TestPhone.statusOf(message) == 183) {
                    assertThat(body(message)).isEqualTo(earlyMedia);
                }
            } while (TestPhone.statusOf(message) < 200);
            // Provisional answers are unordered in SIP (two stack threads may swap 180 and 183,
            // as UDP may); what must hold is that nothing provisional follows the 200.
            assertThat(heard).as("round " + round).startsWith(100).endsWith(200).doesNotHaveDuplicates()
                    .isSubsetOf(100, 180, 183, 200);
            String ok = message;
            caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
            assertThat(next(callee)).startsWith("ACK ");
            hangUp(new TestDialog(caller, uri, callId, from, one(ok, "To"), 2),
                    TestDialog.ofCallee(callee, inviteB, "b" + round));
            assertThat(caller.receive(Duration.ofMillis(50))).as("nothing after the call, round " + round).isEmpty();
        }
    }

    /** {@code from} sends a re-INVITE with {@code offer}; the other side answers {@code answer}; ACK. */
    private static void reInvite(TestDialog from, TestDialog to, String offer, String answer) throws Exception {
        from.phone.send(inDialog(from.phone, "INVITE", from.target, from.callId, from.from, from.to, ++from.cseq, offer));
        String relayed = next(to.phone);
        assertThat(relayed).startsWith("INVITE ");
        assertThat(one(relayed, "Call-ID")).isEqualTo(to.callId);
        assertThat(body(relayed)).isEqualTo(offer);
        to.phone.send(response(relayed, "200 OK", null, to.phone, answer));
        String ok = next(from.phone);
        assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
        assertThat(one(ok, "CSeq")).isEqualTo(from.cseq + " INVITE");
        assertThat(body(ok)).isEqualTo(answer);
        from.phone.send(inDialog(from.phone, "ACK", from.target, from.callId, from.from, from.to, from.cseq, null));
        String ack = next(to.phone);
        assertThat(ack).startsWith("ACK ");
        assertThat(one(ack, "CSeq")).isEqualTo(one(relayed, "CSeq").replace("INVITE", "ACK"));
    }
}
