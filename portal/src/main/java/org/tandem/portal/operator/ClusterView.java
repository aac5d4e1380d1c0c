package org.tandem.portal.operator;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.operator.PoolOverview;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.domain.node.ReplicationHealth.OrphanSlot;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The operator's cluster: pools with their nodes in failover order and what they serve (the
 * least-loaded one takes the next customer), nodes with their health, phones and calls, and
 * replication with every peer as the node serving this page sees it (both directions, lag, retained
 * WAL, conflicts). Joining a node is done on the new node (docs/operations.md): it needs the new
 * node's own database and may copy for a long time, which a web request should not hold.
 */
@Route(value = "cluster", layout = MainLayout.class)
@PageTitle("Cluster | Tandem")
@RolesAllowed("OPERATOR")
public class ClusterView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    @Inject
    public ClusterView(ClusterService cluster, CurrentUser currentUser) {
        ClusterOverview overview = cluster.overview(currentUser.actor());
        add(new H2("Cluster"), new H3("Pools"), new Paragraph("A new customer goes to the pool with the fewest "
                        + "extensions, then the fewest customers."), pools(overview), new H3("Nodes"),
                new Paragraph("Health from each node's heartbeat (every 5 s; silent after 15 s). Phones registered: "
                        + "bindings each node's registrar holds now; calls: calls up on it, as it last published them."),
                nodes(overview), new H3("Replication seen from " + overview.thisNode()));
        add(replication(overview));
        add(new Paragraph("Add a node by starting it with TANDEM_CLUSTER_JOIN set to any member's database, or with "
                + "./tandem join on the new node (docs/operations.md, \"Join a node\"): the join runs on the new node, "
                + "against its own database, and copies the cluster's data there."));
    }

    private static Grid<PoolOverview> pools(ClusterOverview overview) {
        Grid<PoolOverview> pools = new Grid<>(PoolOverview.class, false);
        pools.setId("pools");
        pools.addColumn(PoolOverview::name).setHeader("Pool").setAutoWidth(true);
        pools.addColumn(PoolOverview::primaryNode).setHeader("Primary (SRV 10)").setAutoWidth(true);
        pools.addColumn(pool -> pool.secondaryNode() == null ? "none" : pool.secondaryNode())
                .setHeader("Secondary (SRV 20)").setAutoWidth(true);
        pools.addColumn(PoolOverview::tenants).setHeader("Customers").setAutoWidth(true);
        pools.addColumn(PoolOverview::extensions).setHeader("Extensions").setAutoWidth(true);
        pools.setItems(overview.pools());
        pools.setAllRowsVisible(true);
        return pools;
    }

    private static Grid<NodeOverview> nodes(ClusterOverview overview) {
        Instant now = overview.readAt();
        Grid<NodeOverview> nodes = new Grid<>(NodeOverview.class, false);
        nodes.setId("nodes");
        nodes.addColumn(NodeOverview::name).setHeader("Node").setAutoWidth(true);
        nodes.addColumn(node -> node.health().name().replace('_', ' ')).setHeader("Health").setAutoWidth(true);
        nodes.addColumn(node -> node.lastSeen() == null ? "never" : age(Duration.between(node.lastSeen(), now)) + " ago")
                .setHeader("Last heartbeat").setAutoWidth(true);
        nodes.addColumn(node -> node.sipUp() == null ? "?" : node.sipUp() ? "listening" : "down")
                .setHeader("SIP engine").setAutoWidth(true);
        nodes.addColumn(node -> node.databaseReachable() == null ? "not replicated"
                : node.databaseReachable() ? "reachable" : "unreachable").setHeader("Database").setAutoWidth(true);
        nodes.addColumn(NodeOverview::sipAddress).setHeader("SIP").setAutoWidth(true);
        nodes.addColumn(NodeOverview::clusterHost).setHeader("Cluster address").setAutoWidth(true);
        nodes.addColumn(node -> String.join(", ", node.pools())).setHeader("Pools").setAutoWidth(true);
        nodes.addColumn(NodeOverview::registeredPhones).setHeader("Phones registered").setAutoWidth(true);
        nodes.addColumn(NodeOverview::activeCalls).setHeader("Calls up").setAutoWidth(true);
        nodes.addColumn(node -> node.lastRegistration() == null ? "never" : TIME.format(node.lastRegistration()))
                .setHeader("Last registration").setAutoWidth(true);
        nodes.addComponentColumn(ClusterView::portal).setHeader("Portal").setAutoWidth(true);
        nodes.setItems(overview.nodes());
        nodes.setAllRowsVisible(true);
        return nodes;
    }

    private static Component portal(NodeOverview node) {
        return node.portalUrl() == null ? new Span("?") : new Anchor(node.portalUrl(), node.portalUrl());
    }

    private static Component[] replication(ClusterOverview overview) {
        if (overview.replication().links().isEmpty()) {
            Paragraph alone = new Paragraph(overview.thisNode() + " replicates with no other node: it is in no cluster.");
            alone.setId("replication-alone");
            return new Component[]{alone};
        }
        Grid<Link> links = new Grid<>(Link.class, false);
        links.setId("replication");
        links.addColumn(Link::peer).setHeader("Peer").setAutoWidth(true);
        links.addColumn(link -> link.receiving().toLowerCase(Locale.ROOT)).setHeader("Receiving")
                .setAutoWidth(true);
        links.addColumn(link -> link.lastMessageAge() == null ? "never" : age(link.lastMessageAge()) + " ago")
                .setHeader("Last message").setAutoWidth(true);
        links.addColumn(link -> link.lagBytes() == null ? "no slot" : bytes(link.lagBytes())).setHeader("Lag (sending)")
                .setAutoWidth(true);
        links.addColumn(link -> link.replayLag() == null ? "-" : age(link.replayLag())).setHeader("Replay lag")
                .setAutoWidth(true);
        links.addColumn(link -> link.retainedBytes() == null ? "-" : bytes(link.retainedBytes())).setHeader("WAL kept")
                .setAutoWidth(true);
        links.addColumn(link -> link.slotStatus() == null ? "no slot"
                : link.slotStatus() + (link.slotActive() ? "" : ", inactive")).setHeader("Slot").setAutoWidth(true);
        links.addColumn(Link::applyErrors).setHeader("Apply errors").setAutoWidth(true);
        links.addColumn(Link::diverged).setHeader("Diverged").setAutoWidth(true);
        links.addColumn(Link::elsewhere).setHeader("Elsewhere").setAutoWidth(true);
        links.setItems(overview.replication().links());
        links.setAllRowsVisible(true);
        Paragraph legend = new Paragraph("Receiving: this node's subscription from the peer. Lag, WAL kept, slot: what "
                + "this node keeps for the peer. Apply errors count failed tries (a peer that stops counts one). "
                + "Diverged: conflicts the one-writer rule makes impossible, any is a fault. Elsewhere: changes to rows "
                + "another node wrote last, expected after a join or a failover.");
        if (overview.replication().orphanSlots().isEmpty()) {
            return new Component[]{links, legend};
        }
        Paragraph orphans = new Paragraph("Slots here for no member (they keep WAL until dropped): " + String.join(", ",
                overview.replication().orphanSlots().stream().map(ClusterView::orphan).toList()));
        orphans.setId("orphan-slots");
        return new Component[]{links, legend, orphans};
    }

    private static String orphan(OrphanSlot slot) {
        return slot.name() + " (" + bytes(slot.retainedBytes()) + ", " + slot.status() + ")";
    }

    static String age(Duration age) {
        long millis = Math.max(0, age.toMillis());
        return millis < 1_000 ? millis + " ms" : millis < 120_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1e3)
                : age.toMinutes() + " min";
    }

    static String bytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
