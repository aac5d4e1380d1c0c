package org.tandem.storage.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcCallCountsTest {

    @TempDir
    Path folder;

    @Test
    void eachNodePublishesItsCountsAndSeesTheOtherNodesFreshOnesAndTheirHeartbeats() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Node a = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
        Node b = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
        try (TestDatabase database = TestDatabase.startIn(folder)) {
            Tenant[] tenants = new Tenant[2];
            database.inTransaction(entityManager -> {
                Operator operator = new Operator("Operator");
                entityManager.persist(operator);
                Reseller reseller = new Reseller(operator.id(), "Reseller");
                entityManager.persist(reseller);
                entityManager.persist(a);
                entityManager.persist(b);
                Pool pool = new Pool("pool-ab", a, b);
                entityManager.persist(pool);
                for (int i = 0; i < tenants.length; i++) {
                    tenants[i] = new Tenant(reseller.id(), pool.id(), "Company " + i,
                            new SipDomain("company" + i + ".example.com"), new PlanLimits(10, 5, 2));
                    entityManager.persist(tenants[i]);
                }
            });
            JdbcCallCounts counts = new JdbcCallCounts(database.dataSource());
            JdbcNodeHeartbeats heartbeats = new JdbcNodeHeartbeats(database.dataSource());
            Tenant first = tenants[0];
            Tenant second = tenants[1];

            counts.publish(a.id(), Map.of(first.id(), 3, second.id(), 0), now);
            counts.publish(b.id(), Map.of(first.id(), 2), now);

            assertThat(counts.elsewhere(b.id(), now)).as("a tenant with no call is left out").isEqualTo(Map.of(first.id(), 3));
            assertThat(counts.elsewhere(a.id(), now)).isEqualTo(Map.of(first.id(), 2));
            assertThat(heartbeats.activeCalls(now)).isEqualTo(Map.of(a.id(), 3L, b.id(), 2L));

            counts.publish(a.id(), Map.of(first.id(), 1, second.id(), 4), now.plusSeconds(1));
            assertThat(counts.elsewhere(b.id(), now)).isEqualTo(Map.of(first.id(), 1, second.id(), 4));
            assertThat(counts.elsewhere(a.id(), now.plusSeconds(1))).as("node b's counts are stale by then").isEmpty();

            Heartbeat beat = new Heartbeat(now, now.minusSeconds(60), true, "https://node-a.example.net/");
            heartbeats.beat(a.id(), beat);
            assertThat(heartbeats.all()).isEqualTo(Map.of(a.id(), beat));
        }
    }
}
