package org.tandem.administration.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.operator.ClusterMembershipService;
import org.tandem.administration.operator.DefaultClusterMembershipService;
import org.tandem.administration.operator.MembershipJob;
import org.tandem.administration.operator.MembershipJob.Outcome;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.NodeServices;
import org.tandem.domain.account.Role;
import org.tandem.domain.node.ClusterMembershipChanges.Step;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.cluster.replication.DatabaseMembershipChanges;
import org.tandem.cluster.replication.Fixtures;
import org.tandem.cluster.replication.TestNode;
import org.tandem.testsupport.beans.Injection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.TwoNodeCluster.OPERATOR;

/**
 * The operator joins new nodes from node-a's page (real PostgreSQL 18 on their own loopback
 * addresses): each refusal (a malformed address, an address nothing answers, a node holding data,
 * a taken name, a copy that does not finish in time, a node already in the cluster, a second change
 * while one runs, on this node or through another) says why and leaves nothing behind on either side; a started empty node (its row
 * and heartbeat written) joins, gets the copy and replicates both ways, and is removed again.
 * One story in order.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JoinFromThePageTest {

    @TempDir
    static Path folder;
    static TestNode a;
    static TestNode b;
    static UUID tenant;
    static final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    static ClusterMembershipService membership;

    @BeforeAll
    static void startSeed() throws SQLException {
        a = TestNode.start(folder, "node-a", "127.0.0.2");
        tenant = Fixtures.tenant(a, a, null, "join.page.test");
        Fixtures.callRecord(a, tenant);
        membership = onA(ClusterJoin.COPY_TIMEOUT);
        b = TestNode.start(folder, "node-b", "127.0.0.3");
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
        Stream.of(b, a).filter(node -> node != null).forEach(TestNode::close);
    }

    private static ClusterMembershipService onA(Duration copyTimeout) {
        return Injection.into(new DefaultClusterMembershipService(), new DatabaseMembershipChanges(NodeServices.LOGIN,
                NodeServices.REPLICATION, a.name, Optional.of(a.address()), copyTimeout), executor);
    }

    @Test
    @Order(1)
    void aMalformedAddressIsRefusedOnTheFormAndOnlyTheOperatorMayJoin() {
        assertThatThrownBy(() -> membership.startJoin(OPERATOR, "127.0.0.3/tandem"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.messages())
                        .containsEntry("address", "a node's database is written host:port/name, like 127.0.0.2:15432/tandem,"
                                + " not 127.0.0.3/tandem"));
        Actor reseller = new Actor(UUID.randomUUID(), "nina@northwind", Role.RESELLER_ADMIN, UUID.randomUUID(), null);
        assertThatThrownBy(() -> membership.startJoin(reseller, "127.0.0.3:5432/tandem"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> membership.startRemoval(reseller, "node-b")).isInstanceOf(AccessDeniedException.class);
        assertThat(membership.current(OPERATOR)).as("nothing started").isEmpty();
    }

    @Test
    @Order(2)
    void anAddressNothingAnswersAtFailsSayingSo() {
        MembershipJob failed = joinAndAwait(membership, "127.0.0.9:1/tandem");

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.step()).isEqualTo(Step.CHECKS);
        assertThat(failed.message()).startsWith("Node at 127.0.0.9:1/tandem did not join: cannot reach the new node's database"
                + " at 127.0.0.9:1/tandem as tandem");
        assertAlone(a);
    }

    @Test
    @Order(3)
    void aNodeHoldingDataOrANameTakenIsRefusedAndBothSidesAreLeftAsTheyWere() throws SQLException {
        try (TestNode full = TestNode.start(folder, "node-full", "127.0.0.4")) {
            Fixtures.tenant(full, full, null, "own.page.test");
            MembershipJob failed = joinAndAwait(membership, full.address().toString());
            assertThat(failed.message()).contains("node node-full already holds data: ", "tenant (1)", "extension (3)",
                    "A node joins a cluster empty");
            assertAlone(full);
            assertThat(full.count("select count(*) from tenant")).isEqualTo(1);
        }
        try (TestNode twin = TestNode.start(folder.resolve("twin"), "node-a", "127.0.0.5")) {
            MembershipJob failed = joinAndAwait(membership, twin.address().toString());
            assertThat(failed.message()).endsWith("the cluster already has a node named node-a: every node needs its own name"
                    + " (TANDEM_NODE_NAME)");
            assertAlone(twin);
            assertThat(twin.count("select count(*) from node")).as("its own row, back").isEqualTo(1);
        }
        assertAlone(a);
    }

    /**
     * node-c's copy is held up (a lock on one of its tables) until the join gives up: the tables copied
     * meanwhile are emptied again, and a second join asked meanwhile is refused.
     */
    @Test
    @Order(4)
    void aCopyThatDoesNotFinishInTimeIsUndoneAndASecondChangeMeanwhileIsRefused() throws Exception {
        try (TestNode c = TestNode.start(folder, "node-c", "127.0.0.6");
             Connection holder = c.dataSource().getConnection()) {
            ClusterMembershipService impatient = onA(Duration.ofSeconds(10));
            holder.setAutoCommit(false);
            List<Step> steps = new CopyOnWriteArrayList<>();
            try (AutoCloseable watching = impatient.watch(OPERATOR, () -> impatient.current(OPERATOR).ifPresent(job -> {
                if (job.running() && !steps.contains(job.step())) {
                    steps.add(job.step());
                    if (job.step() == Step.SUBSCRIPTIONS) {
                        // taken on the join's own thread, before its copy starts: the copy of call_record waits
                        execute(holder, "lock table call_record in share mode");
                    }
                }
            }))) {
                impatient.startJoin(OPERATOR, c.address().toString());
                assertThat(c.await(() -> c.count("select count(*) from tenant"), 1L)).as("other tables copied").isEqualTo(1L);
                assertThatThrownBy(() -> impatient.startJoin(OPERATOR, "127.0.0.7:5432/tandem"))
                        .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.getMessage())
                                .startsWith("A join of the node at " + c.address() + " is running (started by olivia.operator at "));
                // as from another member's page: that node's service lets it start, the cluster refuses it
                MembershipJob meanwhile = joinAndAwait(membership, b.address().toString());
                assertThat(meanwhile.message()).isEqualTo("Node at " + b.address() + " did not join: another join or"
                        + " removal is under way in the cluster (node-a takes part in it): try again when it is done");
                assertAlone(b);
                assertThat(TestNode.awaitMatching(() -> c.count("select count(*) from pg_stat_activity"
                        + " where query ilike 'truncate%' and wait_event_type = 'Lock'"), waiting -> waiting == 1))
                        .as("the partial copy is being removed").isEqualTo(1);
                holder.rollback();
                MembershipJob failed = TestNode.awaitMatching(() -> impatient.current(OPERATOR).orElseThrow(),
                        job -> !job.running());
                assertThat(steps).containsExactly(Step.CHECKS, Step.SUBSCRIPTIONS, Step.COPY);
                assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(failed.step()).isEqualTo(Step.COPY);
                assertThat(failed.message()).contains("the copy of the cluster's data from node-a did not finish within 10 s");
            }
            assertAlone(c);
            for (String table : List.of("tenant", "extension", "call_record", "pool", "operator")) {
                assertThat(c.count("select count(*) from " + table)).as(table).isZero();
            }
            assertThat(c.strings("select name from node")).as("only its own row").containsExactly("node-c");
        }
        assertAlone(a);
    }

    @Test
    @Order(5)
    void aStartedEmptyNodeJoinsGetsTheCopyAndReplicatesBothWays() throws Exception {
        Instant started = Instant.now();
        new JdbcNodeHeartbeats(b.dataSource()).beat(b.id(), new Heartbeat(started, started, true, "http://127.0.0.3:8080/"));
        List<Step> steps = new CopyOnWriteArrayList<>();
        try (AutoCloseable watching = membership.watch(OPERATOR, () -> membership.current(OPERATOR)
                .filter(job -> steps.isEmpty() || steps.getLast() != job.step()).ifPresent(job -> steps.add(job.step())))) {
            MembershipJob joined = joinAndAwait(membership, " " + b.address() + " ");

            assertThat(joined.outcome()).as(joined.message()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(joined.message()).isEqualTo("node-b joined the cluster; it replicates with node-a");
            assertThat(joined.target()).isEqualTo(b.address().toString());
            assertThat(joined.startedBy()).isEqualTo("olivia.operator");
            assertThat(steps).containsExactly(Step.CHECKS, Step.SUBSCRIPTIONS, Step.COPY, Step.DONE);
        }
        for (String table : List.of("tenant", "extension", "call_record", "pool")) {
            assertThat(b.count("select count(*) from " + table)).as(table).isEqualTo(a.count("select count(*) from " + table));
        }
        Fixtures.callRecord(b, tenant);
        Fixtures.register(a, tenant, "101");
        assertThat(a.await(() -> a.count("select count(*) from call_record"), 2L)).isEqualTo(2L);
        assertThat(b.await(() -> b.count("select count(*) from registration"), 1L)).isEqualTo(1L);
        assertThat(a.await(() -> a.strings("select name || ' ' || db_host from node order by name"),
                List.of("node-a 127.0.0.2", "node-b 127.0.0.3"))).containsExactly("node-a 127.0.0.2", "node-b 127.0.0.3");
        new JdbcNodeHeartbeats(b.dataSource()).beat(b.id(), new Heartbeat(Instant.now(), started, true, "http://127.0.0.3:8080/"));
        assertThat(a.await(() -> a.strings("select portal_url from node_heartbeat where node_id = '" + b.id() + "'"),
                List.of("http://127.0.0.3:8080/"))).as("its next heartbeat reaches node-a").hasSize(1);
    }

    @Test
    @Order(6)
    void aNodeAlreadyInTheClusterIsRefused() {
        MembershipJob failed = joinAndAwait(membership, b.address().toString());

        assertThat(failed.message()).contains("node node-b is already in a cluster");
        assertThat(b.count("select count(*) from pg_subscription")).isEqualTo(1);
        assertThat(a.count("select count(*) from pg_subscription")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void theNewNodeIsRemovedFromTheSamePage() {
        membership.startRemoval(OPERATOR, "node-a");
        MembershipJob self = TestNode.awaitMatching(() -> membership.current(OPERATOR).orElseThrow(), job -> !job.running());
        assertThat(self.message()).isEqualTo("Node node-a was not removed: a node does not remove itself: remove node-a on the"
                + " page of another member");

        membership.startRemoval(OPERATOR, "node-b");
        MembershipJob removed = TestNode.awaitMatching(() -> membership.current(OPERATOR).orElseThrow(), job -> !job.running());

        assertThat(removed.outcome()).as(removed.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(removed.message()).isEqualTo("node-b is no longer a member");
        assertAlone(a);
        assertAlone(b);
        assertThat(a.strings("select name from node where db_host is not null")).containsExactly("node-a");
    }

    private static MembershipJob joinAndAwait(ClusterMembershipService service, String address) {
        MembershipJob started = service.startJoin(OPERATOR, address);
        assertThat(started.running()).isTrue();
        MembershipJob ended = TestNode.awaitMatching(() -> service.current(OPERATOR).orElseThrow(), job -> !job.running());
        assertThat(ended.running()).as("ended within the wait").isFalse();
        assertThat(ended.finishedAt()).isNotNull();
        return ended;
    }

    /** No subscription on {@code node}, and no slot kept there for anyone. */
    private static void assertAlone(TestNode node) {
        assertThat(node.count("select count(*) from pg_subscription")).as(node.name + " subscriptions").isZero();
        assertThat(node.count("select count(*) from pg_replication_slots")).as(node.name + " slots").isZero();
    }

    private static void execute(Connection connection, String command) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        } catch (SQLException e) {
            throw new IllegalStateException(command, e);
        }
    }
}
