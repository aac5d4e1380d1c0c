package org.tandem.cluster.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.cluster.replication.ReplicationStatus.IncomingState;
import org.tandem.cluster.replication.ReplicationStatus.PeerLink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The replication read model, against a real three-node cluster: healthy, with a node down, and after broken rules. */
class ReplicationStatusTest {

    @RegisterExtension
    final TestCluster cluster = TestCluster.perTest();
    TestNode a;
    TestNode b;
    TestNode c;

    @Test
    void showsEveryLinkStreamingThenANodeDownWithTheWalKeptForItThenCaughtUp() throws SQLException {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        c = cluster.join("node-c", "127.0.0.4", b);
        UUID tenant = Fixtures.tenant(a, a, b, "status.replication.test");

        ReplicationStatus healthy = awaitStatus(a, status -> status.peers().stream()
                .allMatch(link -> link.incoming().state() == IncomingState.STREAMING));
        assertThat(healthy.node()).isEqualTo("node-a");
        assertThat(healthy.peers()).extracting(PeerLink::peer).containsExactly("node-b", "node-c");
        for (PeerLink link : healthy.peers()) {
            assertThat(link.incoming().subscription()).isEqualTo("tandem_node_a_from_" + link.peer().replace('-', '_'));
            assertThat(link.incoming().conflicts().divergence()).isZero();
            assertThat(link.outgoing()).hasValueSatisfying(slot -> {
                assertThat(slot.name()).isEqualTo("tandem_" + link.peer().replace('-', '_') + "_from_node_a");
                assertThat(slot.active()).isTrue();
                assertThat(slot.walStatus()).isEqualTo("reserved");
            });
        }
        assertThat(healthy.orphanSlots()).isEmpty();

        c.stop();
        for (int i = 0; i < 500; i++) {
            Fixtures.callRecord(a, tenant);
        }
        ReplicationStatus withCDown = awaitStatus(a, status -> status.peer("node-c").orElseThrow().incoming().state()
                == IncomingState.DOWN);
        PeerLink toC = withCDown.peer("node-c").orElseThrow();
        assertThat(toC.outgoing()).hasValueSatisfying(slot -> {
            assertThat(slot.active()).isFalse();
            assertThat(slot.lagBytes()).as("500 call records wait for node-c").isGreaterThan(50_000);
            assertThat(slot.retainedBytes()).isGreaterThanOrEqualTo(slot.lagBytes());
        });
        assertThat(withCDown.peer("node-b").orElseThrow().incoming().state()).isEqualTo(IncomingState.STREAMING);

        c.restart();
        assertThat(c.await(() -> c.count("select count(*) from call_record"), 500L)).isEqualTo(500L);
        // node-a's own subscription to node-c reconnects on its retry interval: wait for both directions
        ReplicationStatus caughtUp = awaitStatus(a, status -> status.peer("node-c").orElseThrow().outgoing()
                .filter(slot -> slot.active() && slot.lagBytes() < 50_000).isPresent()
                && status.peer("node-c").orElseThrow().incoming().state() == IncomingState.STREAMING);
        assertThat(caughtUp.peer("node-c").orElseThrow().incoming().state()).isEqualTo(IncomingState.STREAMING);
    }

    @Test
    void countsWhatHappensWhenTheOneWriterRuleIsBroken() throws SQLException {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        UUID tenant = Fixtures.tenant(a, a, b, "broken.replication.test");
        assertThat(b.await(() -> b.count("select count(*) from tenant"), 1L)).isEqualTo(1L);

        // both nodes believe they write the tenant (what the guard prevents) and change it while neither
        // has the other's change yet; then both take the same key (a node reusing another's id)
        String pool = a.strings("select pool_id::text from tenant").getFirst();
        a.execute("ALTER SUBSCRIPTION tandem_node_a_from_node_b DISABLE");
        b.execute("ALTER SUBSCRIPTION tandem_node_b_from_node_a DISABLE");
        UUID id = UUID.randomUUID();
        for (TestNode node : List.of(a, b)) {
            node.execute("begin; select set_config('tandem.home_pools', '" + pool + "', true);"
                    + " update tenant set max_extensions = " + (node == a ? 60 : 70) + "; commit");
            node.execute("insert into call_record (id, tenant_id, node_id, caller, callee, started_at, ended_at,"
                    + " disposition, sip_cause) values ('" + id + "', '" + tenant + "', '" + node.id()
                    + "', '101', '102', now(), now(), 'FAILED', 480)");
        }
        a.execute("ALTER SUBSCRIPTION tandem_node_a_from_node_b ENABLE");
        b.execute("ALTER SUBSCRIPTION tandem_node_b_from_node_a ENABLE");

        ReplicationStatus onB = awaitStatus(b, status -> status.peer("node-a").orElseThrow().incoming().conflicts()
                .insertExists() > 0);
        ReplicationStatus.Incoming fromA = onB.peer("node-a").orElseThrow().incoming();
        assertThat(fromA.conflicts().rowsLastWrittenElsewhere()).as("the tenant row both changed").isEqualTo(1);
        assertThat(fromA.conflicts().divergence()).isGreaterThan(0);
        assertThat(fromA.conflicts().applyErrors()).as("node-b stops applying node-a's changes").isGreaterThan(0);
        assertThat(a.strings("select max_extensions::text from tenant")).as("the two nodes now disagree")
                .isNotEqualTo(b.strings("select max_extensions::text from tenant"));
    }

    private static ReplicationStatus awaitStatus(TestNode node, Predicate<ReplicationStatus> condition) {
        ReplicationStatus status = TestNode.awaitMatching(() -> read(node), condition);
        assertThat(status).as("status of " + node.name).matches(condition);
        return status;
    }

    private static ReplicationStatus read(TestNode node) {
        try (Connection connection = node.dataSource().getConnection()) {
            return ReplicationStatus.read(connection, node.id(), node.name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
