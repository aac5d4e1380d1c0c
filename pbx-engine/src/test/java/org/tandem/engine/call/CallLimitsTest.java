package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.Eventually;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.finalAnswer;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.CallMessages.statusLineOfCall;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.SMALL_PLAN;

/**
 * A tenant's plan bounds its calls: {@link RegistrarDatabase#SMALL_PLAN} allows one call at a time
 * and two new calls a second. Past either, the caller hears a 403 naming the limit, the attempt gets
 * its call record, and other tenants never notice. The engine's clock stands still unless a test
 * moves it, so "a second" is exact here.
 */
@Timeout(30)
class CallLimitsTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @Test
    void aSecondCallWhileOneIsUpIsRefusedUntilTheFirstEnds() throws Exception {
        RegistrarDatabase db = NODE.database();
        String first = db.newExtension();
        String second = db.newExtension();
        String callee = db.newExtension();
        NODE.clock().advance(Duration.ofSeconds(1)); // a full bucket of calls per second
        try (TestPhone calleePhone = TestPhone.udp(NODE.port(), callee, SMALL_PLAN);
             TestPhone firstPhone = TestPhone.udp(NODE.port(), first, SMALL_PLAN);
             TestPhone secondPhone = TestPhone.udp(NODE.port(), second, SMALL_PLAN);
             TestPhone otherTenant = TestPhone.udp(NODE.port(), first, ALPHA)) {
            assertThat(TestPhone.statusOf(calleePhone.registerWithAuth(calleePhone.register()))).isEqualTo(200);
            String uri = "sip:" + callee + "@" + SMALL_PLAN;

            // the first call is answered and stays up
            TestDialog.Call firstCall = TestDialog.answered(firstPhone, first, calleePhone, callee, SMALL_PLAN);

            // the second is refused, saying why; the callee's phone never rings
            assertThat(statusLineOfCall(secondPhone, second, uri)).isEqualTo("SIP/2.0 403 Call Limit Reached");
            assertThat(calleePhone.receive(Duration.ofMillis(300))).isEmpty();
            assertThat(db.awaitCallRecord(second, callee, SMALL_PLAN)).isEqualTo("FAILED 403 unanswered");

            // another tenant's calls are counted apart (its callee has no phone: 480 shows it was let through)
            assertThat(statusLineOfCall(otherTenant, first, "sip:" + callee + "@" + ALPHA))
                    .isEqualTo("SIP/2.0 480 Temporarily Unavailable");

            // the first call ends; the next call gets through
            TestDialog.hangUp(firstCall.caller(), firstCall.callee());
            NODE.clock().advance(Duration.ofSeconds(1));
            sendAuthenticatedInvite(secondPhone, second, uri, UUID.randomUUID() + "@second", "s2");
            String rung = next(calleePhone);
            assertThat(rung).startsWith("INVITE ");
            calleePhone.send(response(rung, "486 Busy Here", "b2", calleePhone, null));
            assertThat(TestPhone.statusOf(finalAnswer(secondPhone))).isEqualTo(486);
        }
    }

    @Test
    void pastTheCallsPerSecondNewCallsAreRefusedUntilTheBucketRefills() throws Exception {
        RegistrarDatabase db = NODE.database();
        String caller = db.newExtension();
        String nobody = db.newExtension(); // no phone: an admitted call ends at once with 480
        String uri = "sip:" + nobody + "@" + SMALL_PLAN;
        NODE.clock().advance(Duration.ofSeconds(1));
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, SMALL_PLAN)) {
            assertThat(statusLineOfCall(phone, caller, uri)).endsWith(" 480 Temporarily Unavailable");
            assertThat(statusLineOfCall(phone, caller, uri)).endsWith(" 480 Temporarily Unavailable");
            assertThat(statusLineOfCall(phone, caller, uri)).isEqualTo("SIP/2.0 403 Call Rate Limit Reached");

            NODE.clock().advance(Duration.ofMillis(500)); // half a second: one more call
            assertThat(statusLineOfCall(phone, caller, uri)).endsWith(" 480 Temporarily Unavailable");
            assertThat(statusLineOfCall(phone, caller, uri)).isEqualTo("SIP/2.0 403 Call Rate Limit Reached");
        }
        Eventually.until(() -> db.callRecords(nobody, SMALL_PLAN).size() >= 5, Duration.ofSeconds(3),
                () -> "call records: " + db.callRecords(nobody, SMALL_PLAN));
        assertThat(db.callRecords(nobody, SMALL_PLAN)).containsExactlyInAnyOrder(
                "FAILED 480 unanswered", "FAILED 480 unanswered", "FAILED 480 unanswered",
                "FAILED 403 unanswered", "FAILED 403 unanswered");
    }
}
