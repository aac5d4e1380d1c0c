package org.tandem.portal.metrics;

import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.NodeHealth;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.domain.node.ReplicationHealth.Holding;
import org.tandem.domain.node.ReplicationHealth.Receiving;
import org.tandem.domain.node.ReplicationHealth.Unclaimed;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cluster overview as Prometheus text exposition (format 0.0.4): one family per metric, HELP and
 * TYPE first, labels escaped. Per node: health from heartbeats, phones, calls; per peer: replication
 * as the node answering sees it. Metrics of a value not known (no slot for a peer, say) are left out
 * rather than written as zero.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";


    private final StringBuilder text = new StringBuilder();

    private PrometheusText() {
    }

    public static String of(ClusterOverview overview) {
        PrometheusText out = new PrometheusText();
        String self = overview.thisNode();
        out.family("tandem_up", "gauge", "1: this node answers (the node that wrote these metrics).");
        out.sample("tandem_up", Map.of("node", self), 1);
        out.nodes(overview.nodes(), overview);
        out.replication(self, overview.replication().links());
        out.unclaimed(self, overview.replication().unclaimed());
        return out.text.toString();
    }

    private void nodes(List<NodeOverview> nodes, ClusterOverview overview) {
        family("tandem_node_up", "gauge", "1: the node's heartbeat is recent and its SIP engine listens.");
        nodes.forEach(node -> sample("tandem_node_up", Map.of("node", node.name()), node.health() == NodeHealth.UP ? 1 : 0));
        family("tandem_node_heartbeat_age_seconds", "gauge", "Seconds since the node's last heartbeat (written every 5 s).");
        nodes.stream().filter(node -> node.lastSeen() != null).forEach(node -> sample("tandem_node_heartbeat_age_seconds",
                Map.of("node", node.name()), seconds(Duration.between(node.lastSeen(), overview.readAt()))));
        family("tandem_node_sip_up", "gauge", "1: the node's SIP engine listened at its last heartbeat.");
        nodes.stream().filter(node -> node.sipUp() != null).forEach(node -> sample("tandem_node_sip_up",
                Map.of("node", node.name()), node.sipUp() ? 1 : 0));
        family("tandem_node_database_reachable", "gauge",
                "1: the node's database streams its changes to this node now (this node's own: 1).");
        nodes.stream().filter(node -> node.databaseReachable() != null).forEach(node -> sample(
                "tandem_node_database_reachable", Map.of("node", node.name()), node.databaseReachable() ? 1 : 0));
        family("tandem_registrations", "gauge", "Phone bindings the node's registrar holds now.");
        nodes.forEach(node -> sample("tandem_registrations", Map.of("node", node.name()), node.registeredPhones()));
        family("tandem_active_calls", "gauge", "Calls up on the node, as it last published them (every second).");
        nodes.forEach(node -> sample("tandem_active_calls", Map.of("node", node.name()), node.activeCalls()));
    }

    private void replication(String self, List<Link> links) {
        family("tandem_replication_receiving", "gauge",
                "1 for the state of this node's subscription from the peer (streaming, copying, down, disabled, missing).");
        links.forEach(link -> List.of(Receiving.values()).forEach(state -> sample("tandem_replication_receiving",
                labels(self, link, "state", state.name().toLowerCase(Locale.ROOT)), state == link.receiving() ? 1 : 0)));
        durations("tandem_replication_last_message_age_seconds", "Seconds since the peer last sent anything to this node.",
                self, links, Link::lastHeard);
        durations("tandem_replication_replay_lag_seconds", "How long the peer took to apply this node's recent changes.",
                self, links, Link::behindTime);
        family("tandem_replication_lag_bytes", "gauge", "WAL written on this node that the peer has not confirmed yet.");
        links.stream().filter(link -> link.behindBytes() != null)
                .forEach(link -> sample("tandem_replication_lag_bytes", labels(self, link), link.behindBytes()));
        family("tandem_replication_retained_wal_bytes", "gauge", "WAL this node keeps for the peer's replication slot.");
        links.stream().filter(link -> link.heldBytes() != null)
                .forEach(link -> sample("tandem_replication_retained_wal_bytes", labels(self, link), link.heldBytes()));
        family("tandem_replication_slot_active", "gauge", "1: the peer is connected to its slot on this node.");
        links.stream().filter(link -> link.holding() != Holding.NONE)
                .forEach(link -> sample("tandem_replication_slot_active", labels(self, link), link.peerConnected() ? 1 : 0));
        family("tandem_replication_slot_lost", "gauge", "1: the peer's slot lost WAL it needs: the peer must join again.");
        links.stream().filter(link -> link.holding() != Holding.NONE)
                .forEach(link -> sample("tandem_replication_slot_lost", labels(self, link), link.holding() == Holding.LOST ? 1 : 0));
        family("tandem_replication_apply_errors_total", "counter",
                "Times applying the peer's changes failed on this node (a peer that stops counts once).");
        links.forEach(link -> sample("tandem_replication_apply_errors_total", labels(self, link), link.applyErrors()));
        family("tandem_replication_sync_errors_total", "counter", "Times copying a table from the peer failed on this node.");
        links.forEach(link -> sample("tandem_replication_sync_errors_total", labels(self, link), link.copyErrors()));
        family("tandem_replication_conflicts_total", "counter",
                "Conflicts counted applying the peer's changes, by PostgreSQL's kind (pg_stat_subscription_stats).");
        links.forEach(link -> new TreeMap<>(link.conflictsByKind()).forEach((kind, count) ->
                sample("tandem_replication_conflicts_total", labels(self, link, "kind", kind), count)));
        family("tandem_replication_diverged_total", "counter",
                "Conflicts the one-writer rule makes impossible (a key inserted on two nodes, a row missing): any is a fault.");
        links.forEach(link -> sample("tandem_replication_diverged_total", labels(self, link), link.diverged()));
    }

    private void unclaimed(String self, List<Unclaimed> unclaimed) {
        family("tandem_replication_orphan_slot_retained_wal_bytes", "gauge",
                "WAL kept for a slot of no member (a node that left without cleaning up): drop the slot.");
        unclaimed.forEach(slot -> sample("tandem_replication_orphan_slot_retained_wal_bytes",
                Map.of("node", self, "slot", slot.name()), slot.heldBytes()));
    }

    private void durations(String name, String help, String self, List<Link> links, Function<Link, Duration> value) {
        family(name, "gauge", help);
        links.stream().filter(link -> value.apply(link) != null)
                .forEach(link -> sample(name, labels(self, link), seconds(value.apply(link))));
    }

    private static Map<String, String> labels(String self, Link link, String... more) {
        Map<String, String> labels = new TreeMap<>(Map.of("node", self, "peer", link.peer()));
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    private static double seconds(Duration duration) {
        return Math.max(0, duration.toNanos()) / 1e9;
    }

    private void family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, Map<String, String> labels, double value) {
        text.append(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            text.append(separator).append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            separator = ",";
        }
        text.append("} ").append(value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value)).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
