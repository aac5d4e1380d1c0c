package org.tandem.engine.call;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.ackOf;
import static org.tandem.engine.call.CallMessages.finalAnswer;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.CallMessages.withHeaders;
import static org.tandem.engine.call.TestDialog.hangUp;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Session timers (RFC 4028) between two hand-written phones, with a 4 s session and a 2 s minimum:
 * the node ends a call nobody refreshes (BYE to both, 2/3 of the session after the last refresh) and
 * records it, keeps a call whose phone refreshes, and refuses a session below its minimum with 422.
 */
@Timeout(40)
class SessionTimerTest extends CallerAndCalleeTest {

    private static final Duration SESSION = Duration.ofSeconds(4);
    /** When the node gives up on a refresh: the session less a third of it (RFC 4028 10). */
    private static final Duration DEADLINE = Duration.ofMillis(2_667);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            services -> services.toBuilder().calls(services.calls().withSessionTimer(SESSION, Duration.ofSeconds(2))).build());

    @BeforeEach
    void givenTheCalleeRegistered() throws Exception {
        registerCallee();
    }

    @Test
    void aCallWhoseCallerStopsRefreshingIsEndedWithByeBothWaysAndRecorded() throws Exception {
        TestDialog.Call call = TestDialog.answered(caller, callerNumber, callee, calleeNumber, ALPHA,
                "Supported: timer\r\n", "");
        assertThat(one(call.calleeInvite(), "Session-Expires")).isEqualTo("4");
        assertThat(one(call.calleeInvite(), "Min-SE")).isEqualTo("2");
        assertThat(one(call.calleeInvite(), "Supported")).contains("timer");
        assertThat(one(call.answer(), "Session-Expires")).isEqualTo("4;refresher=uac");
        assertThat(one(call.answer(), "Require")).isEqualTo("timer");
        long answered = System.nanoTime();

        // the caller never refreshes: both phones get a BYE once the deadline passed
        String byeB = callee.receive(SESSION.plusSeconds(2)).orElseThrow(() -> new AssertionError("no BYE"));
        Duration waited = Duration.ofNanos(System.nanoTime() - answered);
        assertThat(byeB).startsWith("BYE ");
        assertThat(one(byeB, "Call-ID")).isEqualTo(call.callee().callId);
        assertThat(waited).isBetween(DEADLINE.minusMillis(100), SESSION.plusSeconds(1));
        callee.send(response(byeB, "200 OK", null, callee, null));
        String byeA = next(caller);
        assertThat(byeA).startsWith("BYE ");
        assertThat(one(byeA, "Call-ID")).isEqualTo(call.caller().callId);
        caller.send(response(byeA, "200 OK", null, caller, null));

        assertThat(db.awaitCallRecord(callerNumber, calleeNumber, ALPHA)).isEqualTo("ANSWERED 408 answered");
    }

    @Test
    void whenTheCalleeRefreshesAndVanishesTheCallerWithoutTimersHearsTheByeToo() throws Exception {
        TestDialog.Call call = TestDialog.answered(caller, callerNumber, callee, calleeNumber, ALPHA, "",
                "Session-Expires: 3;refresher=uas\r\n");
        assertThat(call.calleeInvite()).doesNotContain("\r\nSupported: timer");
        // the caller does no timers: it is told the other side refreshes, and nothing is required of it
        assertThat(one(call.answer(), "Session-Expires")).isEqualTo("3;refresher=uas");
        assertThat(call.answer()).doesNotContain("\r\nRequire:");
        TestDialog b = call.callee();

        // one refresh from the callee reaches the caller; then the callee goes silent
        callee.send(withHeaders(inDialog(callee, "UPDATE", b.target, b.callId, b.from, b.to, ++b.cseq, null), "Session-Expires: 3;refresher=uac\r\n"));
        String update = next(caller);
        assertThat(update).startsWith("UPDATE ");
        assertThat(one(update, "Session-Expires")).isEqualTo("3;refresher=uac");
        caller.send(response(update, "200 OK", null, caller, null));
        assertThat(TestPhone.statusOf(next(callee))).isEqualTo(200);
        long refreshed = System.nanoTime();

        String byeA = caller.receive(Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("no BYE"));
        assertThat(byeA).startsWith("BYE ");
        assertThat(Duration.ofNanos(System.nanoTime() - refreshed)).isGreaterThan(Duration.ofMillis(1_900));
        caller.send(response(byeA, "200 OK", null, caller, null));
        assertThat(next(callee)).startsWith("BYE ");
        assertThat(db.awaitCallRecord(callerNumber, calleeNumber, ALPHA)).isEqualTo("ANSWERED 408 answered");
    }

    @Test
    void aCallWhoseCallerRefreshesKeepsGoingAndEachRefreshReachesTheCallee() throws Exception {
        TestDialog.Call call = TestDialog.answered(caller, callerNumber, callee, calleeNumber, ALPHA,
                "Supported: timer\r\nSession-Expires: 4;refresher=uac\r\n", "");
        TestDialog a = call.caller();
        TestDialog b = call.callee();
        long answered = System.nanoTime();

        // five refreshes, a second apart, re-INVITE and UPDATE in turn: longer than a session
        for (int refresh = 0; refresh < 5; refresh++) {
            Thread.sleep(1_000);
            String method = refresh % 2 == 0 ? "INVITE" : "UPDATE";
            String offer = method.equals("INVITE") ? sdp("caller", "sendrecv") : null;
            caller.send(withHeaders(inDialog(caller, method, a.target, a.callId, a.from, a.to, ++a.cseq, offer),
                    "Session-Expires: 4;refresher=uac\r\nSupported: timer\r\n"));
            String relayed = next(callee);
            assertThat(relayed).startsWith(method + " ");
            assertThat(one(relayed, "Session-Expires")).isEqualTo("4;refresher=uac");
            callee.send(withHeaders(response(relayed, "200 OK", null, callee,
                            offer == null ? null : sdp("callee", "sendrecv")),
                    "Session-Expires: 4;refresher=uac\r\nRequire: timer\r\n"));
            String ok = next(caller);
            assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
            assertThat(one(ok, "CSeq")).isEqualTo(a.cseq + " " + method);
            assertThat(one(ok, "Session-Expires")).isEqualTo("4;refresher=uac");
            if (offer != null) {
                caller.send(inDialog(caller, "ACK", a.target, a.callId, a.from, a.to, a.cseq, null));
                assertThat(next(callee)).startsWith("ACK ");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).isGreaterThan(SESSION);
        assertThat(callee.receive(Duration.ofMillis(500))).as("no BYE while refreshed").isEmpty();

        hangUp(a, b);
        assertThat(db.awaitCallRecord(callerNumber, calleeNumber, ALPHA)).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void aSessionBelowTheMinimumGets422WithMinSeAndABadOne400() throws Exception {
        String uri = "sip:" + calleeNumber + "@" + ALPHA;

        for (String tooBrief : new String[]{"Session-Expires: 1", "Session-Expires: 0;refresher=uas"}) {
            String invite = authenticatedInvite(caller, callerNumber, uri, tooBrief + "\r\n");
            String refused = finalAnswer(caller);
            caller.send(ackOf(invite, refused));
            assertThat(refused).as(tooBrief).startsWith("SIP/2.0 422 Session Interval Too Small\r\n");
            assertThat(one(refused, "Min-SE")).isEqualTo("2");
        }

        // (a value that is no number never gets here: the SIP stack drops a header line it cannot parse)
        String invite = authenticatedInvite(caller, callerNumber, uri, "Session-Expires: 90;refresher=me\r\n");
        String answer = finalAnswer(caller);
        caller.send(ackOf(invite, answer));
        assertThat(answer).startsWith("SIP/2.0 400 Bad Session-Expires\r\n");
        assertThat(callee.receive(Duration.ofMillis(300))).as("the callee never rings").isEmpty();

        // the caller's Min-SE is honoured: a session above it, below the node's, goes to the callee
        authenticatedInvite(caller, callerNumber, uri, "Session-Expires: 3;refresher=uac\r\nMin-SE: 3\r\n");
        String inviteB = next(callee);
        assertThat(one(inviteB, "Session-Expires")).isEqualTo("3;refresher=uac");
        callee.send(response(inviteB, "486 Busy Here", "b1", callee, null));
        assertThat(TestPhone.statusOf(finalAnswer(caller))).isEqualTo(486);
    }

    /** A new call's INVITE with credentials and {@code headers}; returns what was sent. */
    private static String authenticatedInvite(TestPhone caller, String callerNumber, String uri, String headers)
            throws Exception {
        return sendAuthenticatedInvite(caller, callerNumber, uri, UUID.randomUUID() + "@caller", "c1",
                sdp("caller", "sendrecv"), headers);
    }
}
