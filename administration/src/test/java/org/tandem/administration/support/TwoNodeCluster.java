package org.tandem.administration.support;

import org.tandem.administration.access.Actor;
import org.tandem.administration.customer.Onboarding;
import org.tandem.domain.account.Role;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.reseller.Reseller;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.cluster.replication.Fixtures;
import org.tandem.cluster.replication.TestNode;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Two real nodes for the administration's cluster tests: node-a (127.0.0.2) and node-b (127.0.0.3),
 * each with its own PostgreSQL 18, joined the way Tandem joins them, one pool with node-a primary and
 * node-b secondary, a reseller to sell customers, and node-a's heartbeat saying where its portal is.
 */
public final class TwoNodeCluster implements AutoCloseable {

    public static final String PORTAL_A = "http://127.0.0.2:8080/";
    public static final String ADMIN_PASSWORD = "Quiet-Forest-12-Owls";
    public static final Actor OPERATOR = new Actor(UUID.randomUUID(), "olivia.operator", Role.OPERATOR, null, null);

    public final TestNode a;
    public final TestNode b;
    private final UUID reseller;

    public TwoNodeCluster(Path folder) throws SQLException {
        a = TestNode.start(folder, "node-a", "127.0.0.2");
        b = TestNode.startJoining(folder, "node-b", "127.0.0.3", a);
        a.database().fetch(entityManager -> Fixtures.pool(entityManager, a, b, "pool-ab"));
        reseller = a.database().fetch(entityManager -> {
            Operator operator = new Operator("Operator");
            entityManager.persist(operator);
            Reseller seller = new Reseller(operator.id(), "Northwind Telecom");
            entityManager.persist(seller);
            return seller.id();
        });
        Instant now = Instant.now();
        new JdbcNodeHeartbeats(a.dataSource()).beat(a.id(), new Heartbeat(now, now, true, PORTAL_A));
        for (String table : List.of("pool", "reseller", "node_heartbeat")) {
            if (b.await(() -> b.count("select count(*) from " + table), 1L) != 1L) {
                throw new IllegalStateException("node-b has not received " + table + " from node-a");
            }
        }
    }

    /** The services of {@code node}, as that node wires them. */
    public NodeServices on(TestNode node) {
        return new NodeServices(node.database(), node.id(), node.name, Optional.of(node.address()));
    }

    /** Onboards customer {@code domain} on {@code node}, with admin login {@code admin} ({@link #ADMIN_PASSWORD}). */
    public UUID onboard(TestNode node, String domain, String admin) {
        return on(node).customers.onboard(OPERATOR, new Onboarding(reseller, "Acme Ltd", domain, admin,
                ADMIN_PASSWORD.toCharArray(), 20, 5, 5)).summary().id();
    }

    @Override
    public void close() {
        Stream.of(b, a).filter(node -> node != null).forEach(TestNode::close);
    }
}
