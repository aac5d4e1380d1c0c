package org.tandem.cluster.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking a node out of the cluster, as docs/operations.md describes: a node gone for good, and a node
 * still running; the others keep nothing for it (no subscription, no slot keeping WAL) and go on.
 */
class ClusterRemovalTest {

    @RegisterExtension
    final TestCluster cluster = TestCluster.perTest();
    TestNode a;
    TestNode b;
    TestNode c;
    TestNode d;

    @Test
    void aNodeGoneForGoodAndARunningNodeAreRemovedFromAnyMember() throws SQLException {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        c = cluster.join("node-c", "127.0.0.4", a);
        UUID tenant = Fixtures.tenant(a, a, b, "removal.replication.test");
        Fixtures.register(c, tenant, "101");
        Fixtures.activeCall(c, tenant);
        UUID callOnC = Fixtures.callRecord(c, tenant);
        assertThat(a.await(() -> a.count("select count(*) from registration"), 1L)).isEqualTo(1L);

        assertThatThrownBy(() -> remove(a, "node-b")).hasMessage(
                "node node-b still serves pool(s) pool-removal-replication-test: move them to other nodes first");

        c.stop();
        assertThat(remove(a, "node-c")).as("node-c is down, so it is not reached").isFalse();
        for (TestNode node : List.of(a, b)) {
            assertThat(node.await(() -> node.strings("select name from node where db_host is not null order by name"),
                    List.of("node-a", "node-b"))).as(node.name).containsExactly("node-a", "node-b");
            assertThat(node.strings("select subname from pg_subscription")).as(node.name).noneMatch(s -> s.contains("node_c"));
            assertThat(node.strings("select slot_name from pg_replication_slots")).as(node.name)
                    .noneMatch(s -> s.contains("node_c"));
            assertThat(node.await(() -> node.count("select count(*) from registration"), 0L)).as(node.name).isZero();
            assertThat(node.await(() -> node.count("select count(*) from active_call"), 0L)).as(node.name).isZero();
            assertThat(node.count("select count(*) from call_record where id = '" + callOnC + "'"))
                    .as("its calls stay, as history").isEqualTo(1);
        }
        assertThat(status(a).peers()).extracting(ReplicationStatus.PeerLink::peer).containsExactly("node-b");
        assertThat(status(a).orphanSlots()).isEmpty();

        d = cluster.join("node-d", "127.0.0.5", b);
        assertThat(remove(b, "node-d")).as("node-d runs, so its own subscriptions go too").isTrue();
        assertThat(d.strings("select subname from pg_subscription")).isEmpty();
        for (TestNode node : List.of(a, b)) {
            assertThat(node.strings("select slot_name from pg_replication_slots")).as(node.name)
                    .noneMatch(s -> s.contains("node_d"));
        }
        UUID afterwards = Fixtures.callRecord(b, tenant);
        assertThat(a.await(() -> a.count("select count(*) from call_record where id = '" + afterwards + "'"), 1L))
                .as("the remaining nodes go on replicating").isEqualTo(1L);
    }

    private static boolean remove(TestNode from, String name) throws SQLException {
        try (Connection local = from.dataSource().getConnection()) {
            return new ClusterRemoval(TestNode.LOGIN).remove(local, name);
        }
    }

    private static ReplicationStatus status(TestNode node) throws SQLException {
        try (Connection local = node.dataSource().getConnection()) {
            return ReplicationStatus.read(local, node.id(), node.name);
        }
    }
}
