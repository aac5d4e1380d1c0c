package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.notification.HeardChanges;
import org.tandem.storage.notification.PostgresTenantChanges;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.database.TenantRow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Table {@code active_call} (V60) and its notifications on a real PostgreSQL: calls published as
 * they ring, are answered and end, a node's leftovers recorded as cut off without touching another node's,
 * and every change announced on {@code active_call_changed} with the tenant's id, also when applied
 * the way logical replication applies a peer's change.
 */
@Timeout(60)
class JdbcActiveCallsTest {


    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcActiveCalls calls;
    static UUID nodeA;
    static UUID nodeB;
    static UUID alpha;
    static UUID beta;

    private final HeardChanges heard = new HeardChanges();
    private AutoCloseable listening;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.startIn(folder);
        alpha = database.seedTenant(new SipDomain("alpha.example.com")).id();
        nodeA = database.seededNodeId();
        nodeB = NodeRow.node("node-b", "127.0.0.3").insertInto(database.dataSource());
        beta = TenantRow.besides(alpha, "beta.example.com").company("Beta").plan(10, 5, 2).insertInto(database.dataSource());
        calls = new JdbcActiveCalls(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void listen() throws Exception {
        execute("delete from active_call");
        listening = new PostgresTenantChanges(PostgresTenantChanges.ACTIVE_CALLS, database.dataSource()::getConnection)
                .start(heard);
        heard.assertListening();
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
    }

    @Test
    void aCallIsListedWhileItRingsAndIsAnsweredAndGoneWhenItEnds() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActiveCall ringing = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "101", "102", start, null);

        calls.apply(List.of(ActiveCallChange.up(ringing)));
        assertThat(calls.ofTenant(alpha)).containsExactly(ringing);
        assertThat(calls.ofTenant(beta)).isEmpty();
        assertThat(heard.next()).isEqualTo(alpha.toString());

        ActiveCall answered = new ActiveCall(ringing.id(), alpha, nodeA, "101", "102", start,
                start.plusSeconds(2));
        calls.apply(List.of(ActiveCallChange.up(answered)));
        assertThat(calls.ofTenant(alpha)).singleElement()
                .satisfies(call -> assertThat(call.state()).isEqualTo(ActiveCall.State.ANSWERED))
                .isEqualTo(answered);
        assertThat(heard.next()).isEqualTo(alpha.toString());

        calls.apply(List.of(ActiveCallChange.ended(ringing.id())));
        assertThat(calls.ofTenant(alpha)).isEmpty();
        assertThat(heard.next()).isEqualTo(alpha.toString());
    }

    @Test
    void aBatchWritesEveryCallsLastChangeAndTellsEachTenantOnce() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActiveCall first = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "101", "102", start, null);
        ActiveCall second = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "103", "104",
                start.plusMillis(1), null);
        ActiveCall other = new ActiveCall(UUID.randomUUID(), beta, nodeA, "201", "202", start, null);

        calls.apply(List.of(ActiveCallChange.up(first), ActiveCallChange.up(second), ActiveCallChange.up(other),
                ActiveCallChange.ended(second.id()), ActiveCallChange.ended(UUID.randomUUID())));

        assertThat(calls.ofTenant(alpha)).containsExactly(first);
        assertThat(calls.ofTenant(beta)).containsExactly(other);
        assertThat(List.of(heard.next(), heard.next())).containsExactlyInAnyOrder(alpha.toString(), beta.toString());
        assertThat(heard.within(300)).as("one notice per tenant and transaction").isNull();
    }

    @Test
    void callsANodeLeftUpAreRecordedAsEndedAtItsLastHeartbeatOnceAndOnlyThatNodes() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
        Instant lastHeartbeat = start.plusSeconds(30);
        execute("insert into node_heartbeat (node_id, seen_at, started_at, sip_up) values ('" + nodeA + "', '"
                + lastHeartbeat + "', '" + start.minusSeconds(600) + "', true)");
        ActiveCall ringing = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "101", "102", start, null);
        ActiveCall answered = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "103", "104", start, start.plusSeconds(5));
        ActiveCall alreadyRecorded = new ActiveCall(UUID.randomUUID(), alpha, nodeA, "105", "106", start,
                start.plusSeconds(1));
        ActiveCall onB = new ActiveCall(UUID.randomUUID(), alpha, nodeB, "107", "108", start, start);
        calls.apply(List.of(ActiveCallChange.up(ringing), ActiveCallChange.up(answered),
                ActiveCallChange.up(alreadyRecorded), ActiveCallChange.up(onB)));
        // this call ended and was recorded, but its removal from active_call was never written
        execute("insert into call_record (id, tenant_id, node_id, caller, callee, started_at, answered_at, ended_at, "
                + "disposition, sip_cause) values ('" + alreadyRecorded.id() + "', '" + alpha + "', '" + nodeA
                + "', '105', '106', '" + start + "', '" + start.plusSeconds(1) + "', '" + start.plusSeconds(9)
                + "', 'ANSWERED', 200)");

        assertThat(calls.recordCutOff(nodeA)).isEqualTo(3);

        assertThat(calls.ofTenant(alpha)).containsExactly(onB);
        assertThat(database.strings("select callee || ' ' || disposition || ' ' || sip_cause || ' ' "
                + "|| (ended_at - started_at)::text from call_record where node_id = '" + nodeA + "' order by callee"))
                .containsExactly("102 FAILED 408 00:00:30", "104 ANSWERED 200 00:00:30", "106 ANSWERED 200 00:00:09");
        assertThat(calls.recordCutOff(nodeA)).as("nothing left to record twice").isZero();
        assertThat(database.strings("select count(*) from call_record where node_id = '" + nodeA + "'"))
                .containsExactly("3");
        assertThat(database.strings("select count(*) from call_record where node_id = '" + nodeB + "'"))
                .containsExactly("0");
    }

    @Test
    void theDatabaseRefusesAStateThatContradictsItsTimes() {
        assertThatThrownBy(() -> execute("insert into active_call (id, node_id, tenant_id, caller, callee, state, "
                + "started_at, answered_at) values (gen_random_uuid(), '" + nodeA + "', '" + alpha
                + "', '101', '102', 'ANSWERED', now(), null)"))
                .hasMessageContaining("active_call_answered_when_answered");
    }

    @Test
    void aCallAppliedAsReplicationAppliesItIsAnnouncedToo() throws Exception {
        database.executeAsReplicationApplies("insert into public.active_call (id, node_id, tenant_id, caller, "
                + "callee, state, started_at) values (gen_random_uuid(), '" + nodeB + "', '" + beta
                + "', '201', '202', 'RINGING', now())");
        assertThat(heard.next()).isEqualTo(beta.toString());
        assertThat(database.strings("select tgenabled from pg_trigger where tgname = 'active_call_changed'"))
                .containsExactly("A");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
