package org.tandem.cluster.replication;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.tandem.domain.tenant.Tenant;
import org.tandem.testsupport.time.Pause;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real PostgreSQL 18 servers, each on its own loopback address, replicating both ways with
 * native logical replication as Tandem sets it up: a write on any node reaches every other; a node
 * joining later gets the existing data and then the live changes, even while another node writes
 * during its join; a node stopped and started again converges with nothing lost or doubled.
 * <p>
 * One story in order: each step starts from the cluster the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiMasterReplicationTest {

    @RegisterExtension
    static final TestCluster cluster = TestCluster.perClass();
    static TestNode a;
    static TestNode b;
    static TestNode c;
    static UUID tenantId;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
    }

    @Test
    @Order(1)
    void aWriteOnEitherNodeReachesTheOther() {
        tenantId = Fixtures.tenant(a, a, b, "acme.replication.test");
        List<UUID> records = List.of(Fixtures.callRecord(a, tenantId), Fixtures.callRecord(b, tenantId),
                Fixtures.callRecord(b, tenantId));
        Fixtures.register(a, tenantId, "101");
        Fixtures.register(b, tenantId, "102");

        for (TestNode node : List.of(a, b)) {
            assertThat(node.await(() -> node.count("select count(*) from extension"), 3L)).as(node.name).isEqualTo(3L);
            assertThat(node.await(() -> node.count("select count(*) from call_record"), 3L)).as(node.name).isEqualTo(3L);
            assertThat(node.await(() -> node.count("select count(*) from registration"), 2L)).as(node.name).isEqualTo(2L);
            assertThat(node.strings("select id::text from call_record order by id"))
                    .containsExactlyElementsOf(records.stream().map(UUID::toString).sorted().toList());
        }
        assertThat(b.strings("select name from node order by name")).containsExactly("node-a", "node-b");
        assertThat(a.strings("select db_host from node order by name")).containsExactly("127.0.0.2", "127.0.0.3");
    }

    @Test
    @Order(2)
    void aNodeJoiningLaterGetsTheDataThenTheLiveChangesWhileOthersWrite() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writtenOnB = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            while (writing.get() && writtenOnB.get() < 5_000) {
                Fixtures.callRecord(b, tenantId);
                writtenOnB.incrementAndGet();
                Pause.of(Duration.ofMillis(2));
            }
        });
        try {
            Pause.of(Duration.ofMillis(300));
            c = cluster.join("node-c", "127.0.0.4", a);
            Pause.of(Duration.ofMillis(300));
        } finally {
            writing.set(false);
            writes.get();
            writer.shutdown();
        }
        Fixtures.callRecord(c, tenantId);
        Fixtures.callRecord(a, tenantId);
        Fixtures.register(c, tenantId, "103");

        long expected = 3 + writtenOnB.get() + 2;
        assertThat(writtenOnB.get()).as("node-b wrote during the whole join").isGreaterThan(100);
        for (TestNode node : List.of(a, b, c)) {
            assertThat(node.await(() -> node.count("select count(*) from call_record"), expected)).as(node.name)
                    .isEqualTo(expected);
            assertThat(node.await(() -> node.count("select count(*) from registration"), 3L)).as(node.name).isEqualTo(3L);
            assertThat(node.count("select count(*) from extension")).as(node.name).isEqualTo(3);
            assertThat(node.strings("select name from node order by name")).as(node.name)
                    .containsExactly("node-a", "node-b", "node-c");
        }
        assertSameRows("select id::text from call_record order by id");
        assertNoConflict(false);
    }

    @Test
    @Order(3)
    void aNodeStoppedAndStartedAgainConvergesWithNothingLostOrDoubled() throws Exception {
        long before = a.count("select count(*) from call_record");
        UUID beforeStop = Fixtures.callRecord(b, tenantId);
        b.stop();

        List<UUID> whileDown = List.of(Fixtures.callRecord(a, tenantId), Fixtures.callRecord(c, tenantId),
                Fixtures.callRecord(a, tenantId));
        Fixtures.register(a, tenantId, "104");
        a.database().inTransaction(entityManager -> {
            a.guard().requireHomeHere(entityManager, tenantId);
            entityManager.find(Tenant.class, tenantId).suspend();
        });

        b.restart();
        UUID afterRestart = Fixtures.callRecord(b, tenantId);

        long expected = before + 1 + whileDown.size() + 1;
        for (TestNode node : List.of(a, b, c)) {
            assertThat(node.await(() -> node.count("select count(*) from call_record"), expected)).as(node.name)
                    .isEqualTo(expected);
            assertThat(node.await(() -> node.strings("select status from tenant"), List.of("SUSPENDED"))).as(node.name)
                    .containsExactly("SUSPENDED");
            assertThat(node.await(() -> node.count("select count(*) from registration"), 4L)).as(node.name).isEqualTo(4L);
            assertThat(node.count("select count(distinct id) from call_record")).as(node.name).isEqualTo(expected);
            assertThat(node.strings("select id::text from call_record")).as(node.name)
                    .contains(beforeStop.toString(), afterRestart.toString())
                    .containsAll(whileDown.stream().map(UUID::toString).toList());
        }
        assertSameRows("select id::text from call_record order by id");
        assertSameRows("select id::text || ' ' || node_id || ' ' || extension_number from registration order by id");
        assertNoConflict(true);
    }

    private static void assertSameRows(String query) {
        List<String> onA = a.strings(query);
        assertThat(b.strings(query)).isEqualTo(onA);
        assertThat(c.strings(query)).isEqualTo(onA);
    }

    /**
     * Nothing arrived twice (insert_exists), nothing was missing (update/delete_missing), no unique rule
     * broke, and (unless a peer was stopped) no apply failed. update_origin_differs is not a fault
     * here: a row copied at a join carries the copy's origin, so its first later change counts.
     */
    private static void assertNoConflict(boolean peerWasStopped) {
        for (TestNode node : List.of(a, b, c)) {
            assertThat(node.strings("""
                    select subname || ' ' || (confl_insert_exists + confl_update_exists + confl_update_missing
                      + confl_delete_missing + confl_multiple_unique_conflicts) || ' ' || sync_error_count
                    from pg_stat_subscription_stats order by subname"""))
                    .as(node.name).hasSize(2).allSatisfy(line -> assertThat(line).endsWith(" 0 0"));
            if (!peerWasStopped) {
                // a stopped publisher counts as an apply error (the stream broke) on its subscribers
                assertThat(node.count("select coalesce(sum(apply_error_count), 0) from pg_stat_subscription_stats"))
                        .as(node.name).isZero();
            }
        }
    }
}
