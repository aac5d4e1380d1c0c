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
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.shared.TenantChangeFeed;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.notification.PostgresTenantChanges;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Table {@code active_call} (V60) and its notifications on a real PostgreSQL: calls published as
 * they ring, are answered and end, a node's leftovers forgotten without touching another node's,
 * and every change announced on {@code active_call_changed} with the tenant's id, also when applied
 * the way logical replication applies a peer's change.
 */
@Timeout(60)
class JdbcActiveCallsTest {

    private static final String MISSED = "may have missed changes";

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcActiveCalls calls;
    static Node nodeA;
    static Node nodeB;
    static Tenant alpha;
    static Tenant beta;

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private AutoCloseable listening;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        nodeA = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
        nodeB = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
        database.inTransaction(entityManager -> {
            Operator operator = new Operator("Operator");
            entityManager.persist(operator);
            Reseller reseller = new Reseller(operator.id(), "Reseller");
            entityManager.persist(reseller);
            entityManager.persist(nodeA);
            entityManager.persist(nodeB);
            Pool pool = new Pool("pool-ab", nodeA, nodeB);
            entityManager.persist(pool);
            alpha = new Tenant(reseller.id(), pool.id(), "Alpha", new SipDomain("alpha.example.com"),
                    new PlanLimits(500, 5, 2));
            beta = new Tenant(reseller.id(), pool.id(), "Beta", new SipDomain("beta.example.com"),
                    new PlanLimits(500, 5, 2));
            entityManager.persist(alpha);
            entityManager.persist(beta);
        });
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
                .start(new TenantChangeFeed.Listener() {
                    @Override
                    public void changed(UUID tenantId) {
                        heard.add(tenantId.toString());
                    }

                    @Override
                    public void mayHaveMissedChanges() {
                        heard.add(MISSED);
                    }
                });
        assertThat(next()).as("listening now; anything earlier went unheard").isEqualTo(MISSED);
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
    }

    @Test
    void aCallIsListedWhileItRingsAndIsAnsweredAndGoneWhenItEnds() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActiveCall ringing = new ActiveCall(UUID.randomUUID(), alpha.id(), nodeA.id(), "101", "102", start, null);

        calls.apply(List.of(ActiveCallChange.up(ringing)));
        assertThat(calls.ofTenant(alpha.id())).containsExactly(ringing);
        assertThat(calls.ofTenant(beta.id())).isEmpty();
        assertThat(next()).isEqualTo(alpha.id().toString());

        ActiveCall answered = new ActiveCall(ringing.id(), alpha.id(), nodeA.id(), "101", "102", start,
                start.plusSeconds(2));
        calls.apply(List.of(ActiveCallChange.up(answered)));
        assertThat(calls.ofTenant(alpha.id())).singleElement()
                .satisfies(call -> assertThat(call.state()).isEqualTo(ActiveCall.State.ANSWERED))
                .isEqualTo(answered);
        assertThat(next()).isEqualTo(alpha.id().toString());

        calls.apply(List.of(ActiveCallChange.ended(ringing.id())));
        assertThat(calls.ofTenant(alpha.id())).isEmpty();
        assertThat(next()).isEqualTo(alpha.id().toString());
    }

    @Test
    void aBatchWritesEveryCallsLastChangeAndTellsEachTenantOnce() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActiveCall first = new ActiveCall(UUID.randomUUID(), alpha.id(), nodeA.id(), "101", "102", start, null);
        ActiveCall second = new ActiveCall(UUID.randomUUID(), alpha.id(), nodeA.id(), "103", "104",
                start.plusMillis(1), null);
        ActiveCall other = new ActiveCall(UUID.randomUUID(), beta.id(), nodeA.id(), "201", "202", start, null);

        calls.apply(List.of(ActiveCallChange.up(first), ActiveCallChange.up(second), ActiveCallChange.up(other),
                ActiveCallChange.ended(second.id()), ActiveCallChange.ended(UUID.randomUUID())));

        assertThat(calls.ofTenant(alpha.id())).containsExactly(first);
        assertThat(calls.ofTenant(beta.id())).containsExactly(other);
        assertThat(List.of(next(), next())).containsExactlyInAnyOrder(alpha.id().toString(), beta.id().toString());
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("one notice per tenant and transaction").isNull();
    }

    @Test
    void aStartingNodeForgetsOnlyItsOwnCalls() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ActiveCall onA = new ActiveCall(UUID.randomUUID(), alpha.id(), nodeA.id(), "101", "102", start, null);
        ActiveCall onB = new ActiveCall(UUID.randomUUID(), alpha.id(), nodeB.id(), "103", "104", start, start);
        calls.apply(List.of(ActiveCallChange.up(onA), ActiveCallChange.up(onB)));

        assertThat(calls.forgetNode(nodeA.id())).isEqualTo(1);

        assertThat(calls.ofTenant(alpha.id())).containsExactly(onB);
    }

    @Test
    void theDatabaseRefusesAStateThatContradictsItsTimes() {
        assertThatThrownBy(() -> execute("insert into active_call (id, node_id, tenant_id, caller, callee, state, "
                + "started_at, answered_at) values (gen_random_uuid(), '" + nodeA.id() + "', '" + alpha.id()
                + "', '101', '102', 'ANSWERED', now(), null)"))
                .hasMessageContaining("active_call_answered_when_answered");
    }

    @Test
    void aCallAppliedAsReplicationAppliesItIsAnnouncedToo() throws Exception {
        // the apply worker runs with session_replication_role = replica (only ALWAYS triggers fire) and an empty search_path
        try (Connection superuser = database.superuserConnection();
             Statement statement = superuser.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("set search_path = ''");
            statement.execute("insert into public.active_call (id, node_id, tenant_id, caller, callee, state, "
                    + "started_at) values (gen_random_uuid(), '" + nodeB.id() + "', '" + beta.id()
                    + "', '201', '202', 'RINGING', now())");
        }
        assertThat(next()).isEqualTo(beta.id().toString());
        assertThat(database.strings("select tgenabled from pg_trigger where tgname = 'active_call_changed'"))
                .containsExactly("A");
    }

    private String next() throws InterruptedException {
        return heard.poll(5, TimeUnit.SECONDS);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
