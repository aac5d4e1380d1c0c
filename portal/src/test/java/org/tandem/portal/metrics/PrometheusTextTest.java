package org.tandem.portal.metrics;

import org.junit.jupiter.api.Test;
import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.NodeHealth;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.domain.node.ReplicationHealth;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.domain.node.ReplicationHealth.Holding;
import org.tandem.domain.node.ReplicationHealth.Receiving;
import org.tandem.domain.node.ReplicationHealth.Unclaimed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void everyFamilyHasHelpAndTypeAndEverySampleItsNodeAndPeer() {
        String text = PrometheusText.of(new ClusterOverview("node-b", NOW, List.of(), List.of(
                node("node-a", NodeHealth.UP, NOW.minusMillis(2500), true, true, 3, 1),
                node("node-b", NodeHealth.UNKNOWN, null, null, true, 0, 0)),
                new ReplicationHealth.Report("node-b", List.of(new Link("node-a", Receiving.STREAMING, Duration.ofMillis(1200), 0L,
                        Duration.ofMillis(4), 56L, Holding.WITHIN_LIMIT, true, 1, 0,
                        Map.of("insert_exists", 0L, "update_origin_differs", 2L), 0, 2)),
                        List.of(new Unclaimed("tandem_gone_from_node_b", 4096, Holding.OVER_LIMIT)))));

        assertThat(text.lines()).contains(
                "tandem_up{node=\"node-b\"} 1",
                "tandem_node_up{node=\"node-a\"} 1",
                "tandem_node_up{node=\"node-b\"} 0",
                "tandem_node_heartbeat_age_seconds{node=\"node-a\"} 2.5",
                "tandem_node_sip_up{node=\"node-a\"} 1",
                "tandem_registrations{node=\"node-a\"} 3",
                "tandem_active_calls{node=\"node-a\"} 1",
                "tandem_replication_receiving{node=\"node-b\",peer=\"node-a\",state=\"streaming\"} 1",
                "tandem_replication_receiving{node=\"node-b\",peer=\"node-a\",state=\"down\"} 0",
                "tandem_replication_last_message_age_seconds{node=\"node-b\",peer=\"node-a\"} 1.2",
                "tandem_replication_replay_lag_seconds{node=\"node-b\",peer=\"node-a\"} 0.004",
                "tandem_replication_lag_bytes{node=\"node-b\",peer=\"node-a\"} 0",
                "tandem_replication_retained_wal_bytes{node=\"node-b\",peer=\"node-a\"} 56",
                "tandem_replication_slot_lost{node=\"node-b\",peer=\"node-a\"} 0",
                "tandem_replication_apply_errors_total{node=\"node-b\",peer=\"node-a\"} 1",
                "tandem_replication_conflicts_total{kind=\"update_origin_differs\",node=\"node-b\",peer=\"node-a\"} 2",
                "tandem_replication_diverged_total{node=\"node-b\",peer=\"node-a\"} 0",
                "tandem_replication_orphan_slot_retained_wal_bytes{node=\"node-b\",slot=\"tandem_gone_from_node_b\"} 4096",
                "# TYPE tandem_replication_conflicts_total counter");
        assertThat(text).as("a node that never beat has no heartbeat age").doesNotContain("heartbeat_age_seconds{node=\"node-b\"}");
        List<String> families = text.lines().filter(line -> line.startsWith("# TYPE ")).map(line -> line.split(" ")[2]).toList();
        assertThat(families).doesNotHaveDuplicates();
        assertThat(text.lines().filter(line -> !line.startsWith("#")))
                .allSatisfy(sample -> assertThat(families).anySatisfy(family -> assertThat(sample).startsWith(family + "{")));
    }

    @Test
    void labelValuesAreEscaped() {
        String text = PrometheusText.of(new ClusterOverview("node \"b\"\\x", NOW, List.of(), List.of(),
                new ReplicationHealth.Report("node \"b\"\\x", List.of(), List.of())));
        assertThat(text).contains("tandem_up{node=\"node \\\"b\\\"\\\\x\"} 1");
    }

    private static NodeOverview node(String name, NodeHealth health, Instant seen, Boolean sipUp, Boolean database,
                                     long phones, long calls) {
        return new NodeOverview(name, "127.0.0.1:5060", "127.0.0.1", List.of(), phones, null, health, seen, seen, sipUp,
                database, calls, null);
    }
}
