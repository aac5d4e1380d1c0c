package org.tandem.engine.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.ackOf;
import static org.tandem.engine.call.CallMessages.invite;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.TestDialog.hangUp;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * A node that stops (a restart, an upgrade) cuts no call short without need and loses no call's
 * record: from the first moment new calls and registrations get 503 (phones turn to the pool's
 * other node), the calls up get a grace to end as usual, and what is still up after it is hung up
 * and recorded before the node writes its records for the last time.
 */
@Timeout(60)
class NodeStopTest extends CallerAndCalleeTest {

    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Longer than the grace: what the node sends once the grace is over. */
    private static final Duration AFTER_GRACE = GRACE.plusSeconds(8);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            services -> services.toBuilder().calls(services.calls().withStopGrace(GRACE)).build());

    @AfterEach
    void startAgain() {
        NODE.restartEngine();
    }

    @Test
    void aCallEndingWithinTheGraceEndsAsUsualWhileNewCallsAndRegistrationsAreRefused() throws Exception {
        String latecomerNumber = db.newExtension();
        try (TestPhone latecomer = TestPhone.udp(NODE.port(), latecomerNumber, ALPHA)) {
            registerCallee();
            TestDialog.Call call = TestDialog.answered(caller, callerNumber, callee, calleeNumber, ALPHA);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(NODE.engine()::stop);
            String refusedRegister = latecomer.send(latecomer.register());
            for (int tries = 0; TestPhone.statusOf(refusedRegister) != 503 && tries < 40; tries++) {
                Thread.sleep(50); // the stop begins on another thread
                refusedRegister = latecomer.send(latecomer.register());
            }
            assertThat(refusedRegister).startsWith("SIP/2.0 503 Node Stopping\r\n");
            assertThat(one(refusedRegister, "Retry-After")).isNotBlank();
            String uri = "sip:" + calleeNumber + "@" + ALPHA;
            String newCall = invite(latecomer, latecomerNumber, uri, UUID.randomUUID() + "@late", "l1", 1,
                    sdp("latecomer", "sendrecv"), null);
            String refusedCall = latecomer.exchange(newCall);
            assertThat(refusedCall).startsWith("SIP/2.0 503 Node Stopping\r\n");
            latecomer.send(ackOf(newCall, refusedCall));
            assertThat(stopped).as("the node waits for the call up").isNotDone();

            hangUp(call.caller(), call.callee());
            stopped.get(AFTER_GRACE.toSeconds(), TimeUnit.SECONDS);
            assertThat(caller.receive(Duration.ofMillis(300))).as("the node sent the caller nothing more").isEmpty();
            assertThat(callee.receive(Duration.ofMillis(300))).as("the node sent the callee nothing more").isEmpty();
            assertThat(db.awaitCallRecord(callerNumber, calleeNumber, ALPHA)).isEqualTo("ANSWERED 200 answered");
        }
    }

    @Test
    void callsStillUpWhenTheGraceIsOverAreHungUpAndRecorded() throws Exception {
        String ringCallerNumber = db.newExtension();
        String ringingNumber = db.newExtension();
        try (TestPhone ringCaller = TestPhone.udp(NODE.port(), ringCallerNumber, ALPHA);
             TestPhone ringing = TestPhone.udp(NODE.port(), ringingNumber, ALPHA)) {
            registerCallee();
            assertThat(TestPhone.statusOf(ringing.registerWithAuth(ringing.register()))).isEqualTo(200);
            TestDialog.Call answered = TestDialog.answered(caller, callerNumber, callee, calleeNumber, ALPHA);
            String uri = "sip:" + ringingNumber + "@" + ALPHA;
            String callId = UUID.randomUUID() + "@caller";
            String inviteToRing = sendAuthenticatedInvite(ringCaller, ringCallerNumber, uri, callId, "r1");
            String inviteB = next(ringing);
            ringing.send(response(inviteB, "180 Ringing", "ring1", ringing, null));

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(NODE.engine()::stop);

            // the answered call: a BYE to each side once the grace is over
            for (TestDialog side : new TestDialog[] {answered.caller(), answered.callee()}) {
                String bye = side.phone.receive(AFTER_GRACE).orElseThrow(() -> new AssertionError("no BYE came"));
                assertThat(bye).startsWith("BYE ");
                assertThat(one(bye, "Call-ID")).isEqualTo(side.callId);
                side.phone.send(response(bye, "200 OK", null, side.phone, null));
            }
            // the ringing call: 503 to its caller, CANCEL to the phone ringing
            String finalAnswer;
            do {
                finalAnswer = ringCaller.receive(AFTER_GRACE)
                        .orElseThrow(() -> new AssertionError("no final answer came"));
            } while (TestPhone.statusOf(finalAnswer) < 200);
            assertThat(finalAnswer).startsWith("SIP/2.0 503 Node Stopping\r\n");
            ringCaller.send(ackOf(inviteToRing, finalAnswer));
            String cancel = next(ringing);
            assertThat(cancel).startsWith("CANCEL ");
            assertThat(one(cancel, "Call-ID")).isEqualTo(one(inviteB, "Call-ID"));
            ringing.send(response(cancel, "200 OK", null, ringing, null));
            ringing.send(response(inviteB, "487 Request Terminated", "ring1", ringing, null));

            stopped.get(AFTER_GRACE.toSeconds(), TimeUnit.SECONDS);
            assertThat(db.awaitCallRecord(callerNumber, calleeNumber, ALPHA)).isEqualTo("ANSWERED 200 answered");
            assertThat(db.awaitCallRecord(ringCallerNumber, ringingNumber, ALPHA)).isEqualTo("FAILED 503 unanswered");
        }
    }
}
