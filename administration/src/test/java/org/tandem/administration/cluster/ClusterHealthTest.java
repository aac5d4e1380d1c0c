package org.tandem.administration.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.NodeHealth;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.support.TwoNodeCluster;
import org.tandem.domain.account.Role;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.node.ReplicationHealth.Holding;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.domain.node.ReplicationHealth.Receiving;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.cluster.replication.Fixtures;
import org.tandem.cluster.replication.TestNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.TwoNodeCluster.OPERATOR;
import static org.tandem.administration.support.TwoNodeCluster.PORTAL_A;

/**
 * The operator's overview of two real replicating nodes, read on node-b: each node's health from its
 * heartbeat (node-a writes one, node-b none), phones and calls per node from the replicated tables,
 * and replication with node-a from node-b's end (streaming, lag, retained WAL, no conflict); then
 * node-a's database stops and node-b sees it unreachable. The calls node-a published stop being
 * listed as up once its heartbeat has gone silent (a dead node cannot take them down).
 */
@Timeout(180)
class ClusterHealthTest {

    @TempDir
    static Path folder;
    static TwoNodeCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TwoNodeCluster(folder);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nodeBSeesEachNodesHealthAndItsReplicationWithNodeA() throws Exception {
        TestNode a = cluster.a;
        TestNode b = cluster.b;
        UUID tenant = cluster.onboard(a, "health.cluster.test", "admin@health");
        Fixtures.register(a, tenant, "101");
        a.execute("insert into node_call_count (node_id, tenant_id, active, updated_at) values ('" + a.id() + "', '"
                + tenant + "', 2, now())");
        b.await(() -> b.count("select count(*) from node_call_count"), 1L);
        b.await(() -> b.count("select count(*) from registration"), 1L);

        ClusterOverview seen = cluster.on(b).cluster.overview(OPERATOR);
        assertThat(seen.thisNode()).isEqualTo("node-b");
        NodeOverview nodeA = node(seen, "node-a");
        assertThat(nodeA.health()).isEqualTo(NodeHealth.UP);
        assertThat(nodeA.sipUp()).isTrue();
        assertThat(nodeA.portalUrl()).isEqualTo(PORTAL_A);
        assertThat(nodeA.databaseReachable()).isTrue();
        assertThat(nodeA.registeredPhones()).isEqualTo(1);
        assertThat(nodeA.activeCalls()).isEqualTo(2);
        NodeOverview nodeB = node(seen, "node-b");
        assertThat(nodeB.health()).as("never wrote a heartbeat").isEqualTo(NodeHealth.UNKNOWN);
        assertThat(nodeB.databaseReachable()).as("its own").isTrue();

        Link fromA = seen.replication().links().getFirst();
        assertThat(seen.replication().links()).hasSize(1);
        assertThat(fromA.peer()).isEqualTo("node-a");
        assertThat(fromA.receiving()).isEqualTo(Receiving.STREAMING);
        assertThat(fromA.lastHeard()).isNotNull();
        assertThat(fromA.behindBytes()).isNotNull().isNotNegative();
        assertThat(fromA.heldBytes()).isPositive();
        assertThat(fromA.holding()).isEqualTo(Holding.WITHIN_LIMIT);
        assertThat(fromA.peerConnected()).isTrue();
        assertThat(fromA.diverged()).isZero();
        assertThat(fromA.conflictsByKind()).containsKeys("insert_exists", "update_missing", "multiple_unique_conflicts");
        assertThat(seen.replication().unclaimed()).isEmpty();

        a.stop();
        try {
            Link down = TestNode.awaitMatching(() -> cluster.on(b).cluster.overview(OPERATOR).replication().links().getFirst(),
                    link -> link.receiving() == Receiving.DOWN && !link.peerConnected());
            assertThat(down.receiving()).isEqualTo(Receiving.DOWN);
            assertThat(down.peerConnected()).as("node-a no longer reads its slot on node-b").isFalse();
            assertThat(node(cluster.on(b).cluster.overview(OPERATOR), "node-a").databaseReachable()).isFalse();
        } finally {
            a.restart();
        }
    }

    @Test
    void theCallsOfANodeWhoseHeartbeatWentSilentAreNotListedAsUp() {
        TestNode a = cluster.a;
        TestNode b = cluster.b;
        UUID tenant = cluster.onboard(a, "silent.cluster.test", "admin@silent");
        JdbcNodeHeartbeats beatsOfA = new JdbcNodeHeartbeats(a.dataSource());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        beatsOfA.beat(a.id(), new Heartbeat(now, now, true, PORTAL_A));
        new JdbcActiveCalls(a.dataSource()).apply(List.of(ActiveCallChange.up(
                new ActiveCall(UUID.randomUUID(), tenant, a.id(), "101", "102", now, now))));
        assertThat(b.await(() -> b.count("select count(*) from active_call where tenant_id = '" + tenant + "'"), 1L))
                .as("node-a's call on node-b").isEqualTo(1L);
        assertThat(cluster.on(b).activeCalls.activeCalls(OPERATOR, tenant)).singleElement()
                .satisfies(call -> assertThat(call.node()).isEqualTo("node-a"));
        try {
            // node-a dies with its call up: its last heartbeat grows older than three beats
            Instant last = now.minus(NodeHealth.SILENT_AFTER).minusSeconds(1);
            beatsOfA.beat(a.id(), new Heartbeat(last, last, true, PORTAL_A));
            assertThat(b.await(() -> b.count("select count(*) from node_heartbeat where node_id = '" + a.id()
                    + "' and seen_at < now() - interval '" + NodeHealth.SILENT_AFTER.toSeconds() + " seconds'"), 1L))
                    .as("node-a's last heartbeat on node-b").isEqualTo(1L);
            assertThat(cluster.on(b).activeCalls.activeCalls(OPERATOR, tenant)).isEmpty();
            assertThat(cluster.on(a).activeCalls.activeCalls(OPERATOR, tenant)).as("on node-a too").isEmpty();
        } finally {
            Instant again = Instant.now();
            beatsOfA.beat(a.id(), new Heartbeat(again, again, true, PORTAL_A));
        }
    }

    @Test
    void onlyTheOperatorSeesTheCluster() {
        Actor resellerAdmin = new Actor(UUID.randomUUID(), "nina@northwind", Role.RESELLER_ADMIN, UUID.randomUUID(), null);
        assertThatThrownBy(() -> cluster.on(cluster.b).cluster.overview(resellerAdmin)).isInstanceOf(AccessDeniedException.class);
    }

    private static NodeOverview node(ClusterOverview overview, String name) {
        return overview.nodes().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }
}
