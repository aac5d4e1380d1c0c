package org.tandem.cluster.replication;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.Tenant;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One tenant, changed from two nodes: its pool is node-a (primary) and node-b (secondary); node-c
 * serves other pools. Only the home node may change it: node-a while it is up, node-b while it is
 * down, and node-a again once it is back and has caught up. Every other attempt is refused with the
 * home node's name, and a change that skips the guard is refused by the database itself.
 */
class HomeNodeRuleTest {

    @RegisterExtension
    static final TestCluster cluster = TestCluster.perClass();
    static TestNode a;
    static TestNode b;
    static TestNode c;
    static UUID tenantId;

    @BeforeAll
    static void startCluster() throws Exception {
        a = cluster.start("node-a", "127.0.0.2");
        b = cluster.join("node-b", "127.0.0.3", a);
        c = cluster.join("node-c", "127.0.0.4", a);
    }

    @Test
    void aTenantIsChangedOnlyOnItsHomeNodeAndFollowsItThroughAFailover() throws Exception {
        UUID pool = a.database().fetch(entityManager -> Fixtures.pool(entityManager, a, b, "pool-ab"));
        tenantId = a.database().fetch(entityManager -> {
            a.guard().requireHomeOfPool(entityManager, pool, "the new tenant home.replication.test");
            return Fixtures.tenantInPool(entityManager, pool, "home.replication.test");
        });
        for (TestNode node : List.of(b, c)) {
            assertThat(node.await(() -> node.count("select count(*) from tenant"), 1L)).isEqualTo(1L);
        }

        for (TestNode other : List.of(b, c)) {
            assertThatThrownBy(() -> limitExtensions(other, 61))
                    .isInstanceOf(NotHomeNodeException.class)
                    .hasMessage("home.replication.test is changed on its home node node-a, not on " + other.name)
                    .extracting(e -> ((NotHomeNodeException) e).homeNode()).isEqualTo("node-a");
        }
        assertThatThrownBy(() -> b.database().inTransaction(entityManager ->
                entityManager.find(Tenant.class, tenantId).changeLimits(new PlanLimits(99, 10, 5))))
                .as("a change that skips the guard").isInstanceOf(PersistenceException.class)
                .rootCause().hasMessageContaining("written on a node that is not its home node now");

        limitExtensions(a, 60);
        addExtension(a, "201");
        assertEverywhere(60, 1);

        // node-a will come back without having received node-b's changes yet: its subscription from node-b is off
        String fromB = "tandem_node_a_from_node_b";
        a.execute("ALTER SUBSCRIPTION " + fromB + " DISABLE");
        a.stop();
        limitExtensions(b, 70);
        addExtension(b, "202");
        assertThatThrownBy(() -> limitExtensions(c, 71)).isInstanceOf(NotHomeNodeException.class)
                .hasMessageStartingWith("home.replication.test is changed on its home node node-b");

        a.restart();
        assertThatThrownBy(() -> limitExtensions(a, 75)).as("node-a is home again, but behind node-b")
                .isInstanceOf(NotHomeNodeException.class)
                .hasMessage("node-a is the home node of home.replication.test but has not yet received the latest changes"
                        + " of node-b; try again in a moment");
        a.execute("ALTER SUBSCRIPTION " + fromB + " ENABLE");
        limitExtensions(a, 80);
        assertThatThrownBy(() -> limitExtensions(b, 81)).isInstanceOf(NotHomeNodeException.class)
                .hasMessageStartingWith("home.replication.test is changed on its home node node-a");
        assertEverywhere(80, 2);
        for (TestNode node : List.of(a, b, c)) {
            assertThat(node.count("""
                    select coalesce(sum(confl_insert_exists + confl_update_exists + confl_update_missing + confl_delete_missing
                      + confl_multiple_unique_conflicts), 0) from pg_stat_subscription_stats""")).as(node.name).isZero();
        }
    }

    @Test
    void bothNodesOfAPoolDownMeansNobodyChangesItsTenants() throws Exception {
        UUID lonelyPool = c.database().fetch(entityManager -> Fixtures.pool(entityManager, c, null, "pool-c"));
        UUID tenant = c.database().fetch(entityManager -> {
            c.guard().requireHomeOfPool(entityManager, lonelyPool, "tenant lonely.replication.test");
            return Fixtures.tenantInPool(entityManager, lonelyPool, "lonely.replication.test");
        });
        assertThat(a.await(() -> a.count("select count(*) from tenant where id = '" + tenant + "'"), 1L)).isEqualTo(1L);

        c.stop();
        try {
            assertThatThrownBy(() -> a.database().inTransaction(entityManager -> a.guard().requireHomeHere(entityManager, tenant)))
                    .isInstanceOf(NotHomeNodeException.class)
                    .hasMessage("Nobody may change lonely.replication.test now: both nodes of its pool pool-c (node-c) are down");
        } finally {
            c.restart();
        }
    }

    private static void limitExtensions(TestNode node, int maxExtensions) {
        node.database().inTransaction(entityManager -> {
            node.guard().requireHomeHere(entityManager, tenantId);
            entityManager.find(Tenant.class, tenantId).changeLimits(new PlanLimits(maxExtensions, 10, 5));
        });
    }

    private static void addExtension(TestNode node, String number) {
        node.database().inTransaction(entityManager -> {
            node.guard().requireHomeHere(entityManager, tenantId);
            entityManager.persist(new Extension(entityManager.find(Tenant.class, tenantId), new ExtensionNumber(number),
                    "Phone " + number, ("secret-" + number).toCharArray()));
        });
    }

    private static void assertEverywhere(int maxExtensions, long extensions) {
        for (TestNode node : List.of(a, b, c)) {
            assertThat(node.await(() -> node.count("select max_extensions from tenant where id = '" + tenantId + "'"),
                    (long) maxExtensions)).as(node.name).isEqualTo(maxExtensions);
            assertThat(node.await(() -> node.count("select count(*) from extension where tenant_id = '" + tenantId + "'"),
                    extensions)).as(node.name).isEqualTo(extensions);
        }
    }
}
