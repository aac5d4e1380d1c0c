package org.tandem.storage.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jpa.JpaNodeRepository;

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
        try (TestDatabase database = TestDatabase.startIn(folder)) {
            Tenant first = database.seedTenant(new SipDomain("first.example.com"));
            Node b = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
            Tenant second = new Tenant(first.resellerId(), first.poolId(), "Second", new SipDomain("second.example.com"),
                    first.limits());
            database.inTransaction(entityManager -> {
                entityManager.persist(b);
                entityManager.persist(second);
            });
            Node a = database.fetch(entityManager -> new JpaNodeRepository(entityManager).findByName("node-a")).orElseThrow();
            JdbcCallCounts counts = new JdbcCallCounts(database.dataSource());
            JdbcNodeHeartbeats heartbeats = new JdbcNodeHeartbeats(database.dataSource());

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
