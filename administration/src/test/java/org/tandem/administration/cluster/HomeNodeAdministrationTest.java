package org.tandem.administration.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.support.NodeServices;
import org.tandem.administration.support.TwoNodeCluster;
import org.tandem.domain.account.Role;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.cluster.replication.TestNode;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.TwoNodeCluster.OPERATOR;
import static org.tandem.administration.support.TwoNodeCluster.PORTAL_A;

/**
 * The administration services on two real nodes, node-a (127.0.0.2) and node-b (127.0.0.3), each with
 * its own PostgreSQL 18, joined the way Tandem joins them; one pool with node-a primary and node-b
 * secondary. The same customer is changed from both nodes: its home node (node-a) takes every
 * change, node-b refuses each with a message naming node-a and its portal, and nothing is lost or
 * written twice. With node-a down, node-b is home and takes the changes, which node-a holds once it
 * is back; then node-a is home again.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeNodeAdministrationTest {

    @TempDir
    static Path folder;
    static TwoNodeCluster cluster;
    static TestNode a;
    static TestNode b;
    static UUID customer;
    static Actor customerAdmin;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TwoNodeCluster(folder);
        a = cluster.a;
        b = cluster.b;
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static NodeServices on(TestNode node) {
        return cluster.on(node);
    }

    @Test
    @Order(1)
    void aNewCustomerIsOnboardedOnlyOnTheHomeNodeOfItsPool() {
        assertThatThrownBy(() -> onboard(b))
                .isInstanceOf(NotHomeNodeException.class)
                .hasMessage("The new customer acme.cluster.test (pool pool-ab) is changed on its home node node-a, not on node-b:"
                        + " use the portal of node-a at " + PORTAL_A)
                .satisfies(refused -> assertThat(((NotHomeNodeException) refused).homePortal()).contains(PORTAL_A));
        assertThat(b.count("select count(*) from tenant")).as("nothing written on node-b").isZero();

        customer = onboard(a);
        customerAdmin = Actor.of(on(a).accounts.findByUsername("admin@acme").orElseThrow());
        assertThat(b.await(() -> b.count("select count(*) from portal_account where username = 'admin@acme'"), 1L)).isEqualTo(1L);
    }

    @Test
    @Order(2)
    void theSameCustomerChangedFromBothNodesChangesOnlyOnItsHomeNode() {
        ExtensionSummary alice = on(a).extensions.create(customerAdmin, customer, "201", "Alice").extension();
        awaitExtensions(b, "201:Alice");

        String refusal = "acme.cluster.test is changed on its home node node-a, not on node-b: use the portal of node-a at "
                + PORTAL_A;
        NodeServices onB = on(b);
        assertThatThrownBy(() -> onB.extensions.create(customerAdmin, customer, "202", "Bob")).hasMessage(refusal);
        assertThatThrownBy(() -> onB.extensions.rename(customerAdmin, customer, alice.id(), "Alice B")).hasMessage(refusal);
        assertThatThrownBy(() -> onB.extensions.newSipPassword(customerAdmin, customer, alice.id())).hasMessage(refusal);
        assertThatThrownBy(() -> onB.extensions.delete(customerAdmin, customer, alice.id())).hasMessage(refusal);
        assertThatThrownBy(() -> onB.extensions.importCsv(customerAdmin, customer, "203,Carol\n")).hasMessage(refusal);
        assertThatThrownBy(() -> onB.customers.suspend(OPERATOR, customer)).hasMessage(refusal);
        assertThatThrownBy(() -> onB.ringGroups.create(customerAdmin, customer, "600", "Sales", RingStrategy.SIMULTANEOUS,
                20, List.of("201"))).hasMessage(refusal);
        assertThatThrownBy(() -> onB.apiTokens.issue(customerAdmin, "billing", null)).hasMessage(refusal);
        Actor stranger = new Actor(UUID.randomUUID(), "admin@other", Role.TENANT_ADMIN, null, UUID.randomUUID());
        assertThatThrownBy(() -> onB.extensions.create(stranger, customer, "204", "Eve"))
                .as("someone who does not reach the customer learns nothing of its home").isInstanceOf(NotFoundException.class);

        NodeServices onA = on(a);
        onA.extensions.rename(customerAdmin, customer, alice.id(), "Alice Archer");
        onA.ringGroups.create(customerAdmin, customer, "600", "Sales", RingStrategy.SIMULTANEOUS, 20, List.of("201"));
        onA.apiTokens.issue(customerAdmin, "billing", null);
        for (TestNode node : List.of(a, b)) {
            awaitExtensions(node, "201:Alice Archer");
            assertThat(node.await(() -> node.count("select count(*) from ring_group"), 1L)).as(node.name).isEqualTo(1L);
            assertThat(node.await(() -> node.count("select count(*) from api_token"), 1L)).as(node.name).isEqualTo(1L);
            assertThat(node.count("select count(*) from tenant where status = 'ACTIVE'")).as(node.name).isEqualTo(1L);
        }
        UUID sales = onB.ringGroups.ringGroups(customerAdmin, customer).getFirst().id();
        assertThatThrownBy(() -> onB.ringGroups.update(customerAdmin, customer, sales, "Sales B", null, 20, List.of("201")))
                .hasMessage(refusal);
        assertThatThrownBy(() -> onB.ringGroups.delete(customerAdmin, customer, sales)).hasMessage(refusal);
        assertThat(onA.ringGroups.ringGroups(customerAdmin, customer)).singleElement()
                .satisfies(group -> assertThat(group.name()).isEqualTo("Sales"));
    }

    @Test
    @Order(3)
    void whileThePrimaryIsDownTheSecondaryIsHomeAndThePrimaryCatchesUp() throws Exception {
        a.stop();
        NodeServices onB = on(b);
        onB.extensions.create(customerAdmin, customer, "202", "Bob");
        onB.customers.suspend(OPERATOR, customer);

        a.restart();
        for (TestNode node : List.of(a, b)) {
            awaitExtensions(node, "201:Alice Archer", "202:Bob");
            assertThat(node.await(() -> node.strings("select status from tenant"), List.of("SUSPENDED")))
                    .as(node.name).containsExactly("SUSPENDED");
        }
        on(a).customers.resume(OPERATOR, customer);
        assertThatThrownBy(() -> on(b).customers.suspend(OPERATOR, customer)).isInstanceOf(NotHomeNodeException.class)
                .hasMessageStartingWith("acme.cluster.test is changed on its home node node-a, not on node-b");
        assertThat(b.await(() -> b.strings("select status from tenant"), List.of("ACTIVE"))).containsExactly("ACTIVE");
        // apply errors are left out: a peer that stops counts as one (its connection breaks)
        for (TestNode node : List.of(a, b)) {
            assertThat(node.count("""
                    select coalesce(sum(confl_insert_exists + confl_update_exists + confl_update_missing
                      + confl_delete_missing + confl_multiple_unique_conflicts), 0) from pg_stat_subscription_stats"""))
                    .as(node.name + ": no conflict").isZero();
        }
    }

    private static UUID onboard(TestNode node) {
        return cluster.onboard(node, "acme.cluster.test", "admin@acme");
    }

    private static void awaitExtensions(TestNode node, String... expected) {
        List<String> wanted = List.of(expected);
        assertThat(node.await(() -> node.strings("select number || ':' || display_name from extension order by number"), wanted))
                .as(node.name).isEqualTo(wanted);
    }
}
