package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.Eventually;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.finalAnswer;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.CallMessages.statusLineOfCall;
import static org.tandem.engine.registrar.RegistrarDatabase.SMALL_PLAN;

/**
 * A plan's concurrent-call limit holds across nodes: with the small plan's one call up on node A,
 * a call reaching node B is refused once A's count has been shared, and let through again once
 * A's call ended.
 */
@Timeout(60)
class ClusterCallLimitsTest {

    /** A's count is published, then read by B: a round each, a second apart, and some slack. */
    private static final Duration SHARED = Duration.ofSeconds(5);

    @RegisterExtension
    static final ReplicatingNodes NODES = new ReplicatingNodes();

    @Test
    void aCallUpOnOneNodeCountsAgainstThePlanOnTheOther() throws Exception {
        String first = NODES.newExtension(SMALL_PLAN);
        String second = NODES.newExtension(SMALL_PLAN);
        String callee = NODES.newExtension(SMALL_PLAN);
        String nobody = NODES.newExtension(SMALL_PLAN); // no phone: a call let through ends at once with 480
        UUID tenant = NODES.tenantId(SMALL_PLAN);
        try (TestPhone calleePhone = NODES.a().phone("UDP", callee, SMALL_PLAN);
             TestPhone firstPhone = NODES.a().phone("UDP", first, SMALL_PLAN);
             TestPhone secondPhone = NODES.b().phone("UDP", second, SMALL_PLAN)) {
            assertThat(TestPhone.statusOf(calleePhone.registerWithAuth(calleePhone.register()))).isEqualTo(200);
            String uri = "sip:" + callee + "@" + SMALL_PLAN;
            String callId = UUID.randomUUID() + "@first";
            String from = "<sip:" + first + "@" + SMALL_PLAN + ">;tag=f1";
            sendAuthenticatedInvite(firstPhone, first, uri, callId, "f1");
            String rung = next(calleePhone);
            calleePhone.send(response(rung, "200 OK", "b1", calleePhone, sdp("callee", "sendrecv")));
            String ok = finalAnswer(firstPhone);
            assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
            firstPhone.send(inDialog(firstPhone, "ACK", uri, callId, from, one(ok, "To"), 2, null));

            awaitPublished(NODES.a(), tenant, 1);
            Thread.sleep(SHARED.toMillis() - 3_000); // B's next read
            assertThat(statusLineOfCall(secondPhone, second, "sip:" + nobody + "@" + SMALL_PLAN))
                    .isEqualTo("SIP/2.0 403 Call Limit Reached");

            firstPhone.send(inDialog(firstPhone, "BYE", uri, callId, from, one(ok, "To"), 3, null));
            assertThat(TestPhone.statusOf(next(firstPhone))).isEqualTo(200);
            calleePhone.send(response(next(calleePhone), "200 OK", null, calleePhone, null));

            awaitPublished(NODES.a(), tenant, 0);
            Thread.sleep(SHARED.toMillis() - 3_000);
            assertThat(statusLineOfCall(secondPhone, second, "sip:" + nobody + "@" + SMALL_PLAN))
                    .isEqualTo("SIP/2.0 480 Temporarily Unavailable");
        }
    }

    private static void awaitPublished(EngineNode node, UUID tenant, int active) {
        // read where the other node reads it: its own database, which replication keeps
        String sql = "select active::text from node_call_count where node_id = '" + node.id() + "' and tenant_id = '"
                + tenant + "'";
        EngineNode other = node == NODES.a() ? NODES.b() : NODES.a();
        Eventually.until(() -> NODES.on(other, sql).equals(List.of(Integer.toString(active))), SHARED,
                () -> "node " + node.address() + " published " + NODES.on(other, sql));
    }
}
