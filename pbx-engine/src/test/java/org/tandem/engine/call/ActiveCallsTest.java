package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.sipp.Sipp;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * The calls this node handles, as it publishes them to table {@code active_call} for live views on
 * every node: real SIPp phones call through the engine, and the row is seen while the phone rings,
 * once it answered, and gone once it hung up. A node restarted after a crash records the calls it
 * left up (ended at its last heartbeat), and touches nothing of another node's.
 */
@Timeout(60)
class ActiveCallsTest extends SippCallerAndCalleeTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @Test
    void aCallIsListedWhileItRingsAndOnceAnsweredAndLeavesAtHangUp() throws Exception {
        // the phone rings 1.5 s, answers, talks 1.5 s, hangs up
        Sipp.Running phone = phones.phone(callee, ALPHA, "phone_rings_answers_talks.xml", Duration.ofSeconds(6));
        CompletableFuture<Sipp.Run> call = CompletableFuture.supplyAsync(() -> {
            try {
                return phones.call("caller_hears_bye.xml", caller, ALPHA, callee);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(awaitListed("RINGING")).as("while the phone rings")
                .isEqualTo(List.of("RINGING " + NODE.database().nodeId() + " " + db.tenantId(ALPHA) + " unanswered"));
        assertThat(awaitListed("ANSWERED")).as("once answered")
                .isEqualTo(List.of("ANSWERED " + NODE.database().nodeId() + " " + db.tenantId(ALPHA) + " answered"));

        Sipp.Run caller = call.get(20, TimeUnit.SECONDS);
        caller.assertPassed();
        phone.await().assertPassed();
        assertThat(listed()).as("after the hang-up").isEmpty();
        assertThat(db.awaitCallRecord(this.caller, this.callee, ALPHA)).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void aCallNobodyCouldBeRungIsNeverListed() throws Exception {
        phones.call("caller_480.xml", caller, ALPHA, callee).assertPassed();
        assertThat(db.awaitCallRecord(caller, callee, ALPHA)).isEqualTo("FAILED 480 unanswered");
        assertThat(listed()).isEmpty();
    }

    @Test
    void aRestartedNodeRecordsTheCallsItLeftUpAndTouchesNoOtherNodes() {
        UUID otherNode = NodeRow.node("other-" + caller, "127.0.0.9").insertInto(db.dataSource());
        String leftBehind = "insert into active_call (id, node_id, tenant_id, caller, callee, state, started_at, answered_at) "
                + "values (gen_random_uuid(), ?, ?, ?, ?, 'ANSWERED', now() - interval '1 minute', now() - interval '50 seconds')";
        db.execute(leftBehind, db.nodeId(), db.tenantId(ALPHA), caller, callee);
        db.execute(leftBehind, otherNode, db.tenantId(ALPHA), caller, callee);

        NODE.restartEngine();

        assertThat(db.strings("select node_id::text from active_call where caller = ? and callee = ?", caller, callee))
                .containsExactly(otherNode.toString());
        assertThat(db.callRecords(callee, ALPHA)).as("the call a crash cut off, recorded once by its own node")
                .containsExactly("ANSWERED 200 answered");
        db.execute("delete from active_call where node_id = ?", otherNode);
        db.execute("delete from node where id = ?", otherNode);
    }

    /** This test's call as listed: state, node, tenant, whether answered. */
    private List<String> listed() {
        return db.strings("select state || ' ' || node_id || ' ' || tenant_id || ' ' "
                + "|| case when answered_at is null then 'unanswered' else 'answered' end "
                + "from active_call where caller = ? and callee = ?", caller, callee);
    }

    private List<String> awaitListed(String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> rows = listed();
        while (rows.stream().noneMatch(row -> row.startsWith(state + " ")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rows = listed();
        }
        return rows;
    }
}
