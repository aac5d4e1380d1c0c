package org.tandem.portal.operator;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.operator.ClusterMembershipService;
import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.operator.MembershipJob;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.operator.PoolOverview;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.domain.node.ReplicationHealth.Holding;
import org.tandem.domain.node.ReplicationHealth.Unclaimed;
import org.tandem.portal.layout.MainLayout;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.LiveList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's cluster: pools with their nodes in failover order and what they serve (the
 * least-loaded one takes the next customer), nodes with their health, phones and calls, and
 * replication with every peer as the node serving this page sees it (both directions, how far behind,
 * conflicts). From here the operator adds a node (this node is the seed of its copy) or removes
 * one; the change runs on this node in the background and its steps are pushed to every page of
 * this node that shows the cluster ({@link LiveList}), then the page reads the cluster again.
 */
@Route(value = "cluster", layout = MainLayout.class)
@PageTitle("Cluster | Tandem")
@RolesAllowed("OPERATOR")
public class ClusterView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final ClusterService cluster;
    private final ClusterMembershipService membership;
    private final Actor actor;
    private final Grid<PoolOverview> pools = pools();
    private final Grid<NodeOverview> nodes = nodes();
    private final H3 replicationTitle = new H3();
    private final Div replication = new Div();
    private final Button addNode = new Button("Add node");
    private final MembershipPanel job = new MembershipPanel();
    private String thisNode;
    private Instant readAt;
    private Instant shownEnd;
    private AutoCloseable watching;

    /** What the page shows: the change of this node's cluster, and the cluster read again once one ended. */
    private record Seen(Optional<MembershipJob> job, ClusterOverview overview) {
    }

    @Inject
    public ClusterView(ClusterService cluster, ClusterMembershipService membership, CurrentUser currentUser) {
        this.cluster = cluster;
        this.membership = membership;
        this.actor = currentUser.actor();
        addNode.setId("add-node");
        replication.setWidthFull();
        addNode.addClickListener(click -> new AddNodeDialog(thisNode, lastTarget(),
                address -> show(new Seen(Optional.of(membership.startJoin(actor, address)), null))).open());
        add(new H2("Cluster"), new H3("Pools"), new Paragraph("A new customer goes to the pool with the fewest "
                        + "extensions, then the fewest customers."), pools, new H3("Nodes"),
                new Paragraph("Health from each node's heartbeat (every 5 s; silent after 15 s). Phones registered: "
                        + "bindings each node's registrar holds now; calls: calls up on it, as it last published them."),
                nodes, addNode, job, replicationTitle, replication);
        show(new Seen(membership.current(actor), cluster.overview(actor)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watching = LiveList.follow(event.getUI(), onChange -> membership.watch(actor, onChange), this::read, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        LiveList.stop(watching, "changes to the cluster");
    }

    /** On the change's thread: the cluster is read again only once a change has ended. */
    private Seen read() {
        Optional<MembershipJob> current = membership.current(actor);
        boolean ended = current.filter(change -> !change.running()).isPresent();
        return new Seen(current, ended ? cluster.overview(actor) : null);
    }

    private void show(Seen seen) {
        seen.job().ifPresent(job::show);
        addNode.setEnabled(seen.job().filter(MembershipJob::running).isEmpty());
        Instant end = seen.job().map(MembershipJob::finishedAt).orElse(null);
        if (seen.overview() != null && (shownEnd == null || !shownEnd.equals(end))) {
            shownEnd = end;
            showCluster(seen.overview());
        }
    }

    private String lastTarget() {
        return membership.current(actor).filter(change -> change.kind() == MembershipJob.Kind.JOIN
                && change.outcome() == MembershipJob.Outcome.FAILED).map(MembershipJob::target).orElse("");
    }

    private void showCluster(ClusterOverview overview) {
        thisNode = overview.thisNode();
        readAt = overview.readAt();
        pools.setItems(overview.pools());
        nodes.setItems(overview.nodes());
        nodes.recalculateColumnWidths();
        replicationTitle.setText("Replication seen from " + overview.thisNode());
        replication.removeAll();
        replication.add(replication(overview));
    }

    private static Grid<PoolOverview> pools() {
        Grid<PoolOverview> pools = new Grid<>(PoolOverview.class, false);
        pools.setId("pools");
        pools.addColumn(PoolOverview::name).setHeader("Pool").setAutoWidth(true);
        pools.addColumn(PoolOverview::primaryNode).setHeader("Primary (SRV 10)").setAutoWidth(true);
        pools.addColumn(pool -> pool.secondaryNode() == null ? "none" : pool.secondaryNode())
                .setHeader("Secondary (SRV 20)").setAutoWidth(true);
        pools.addColumn(PoolOverview::tenants).setHeader("Customers").setAutoWidth(true);
        pools.addColumn(PoolOverview::extensions).setHeader("Extensions").setAutoWidth(true);
        pools.setAllRowsVisible(true);
        return pools;
    }

    private Grid<NodeOverview> nodes() {
        Grid<NodeOverview> nodes = new Grid<>(NodeOverview.class, false);
        nodes.setId("nodes");
        nodes.addColumn(NodeOverview::name).setHeader("Node").setAutoWidth(true);
        nodes.addColumn(node -> node.health().name().replace('_', ' ')).setHeader("Health").setAutoWidth(true);
        nodes.addColumn(node -> node.lastSeen() == null ? "never" : age(Duration.between(node.lastSeen(), readAt))
                        + " ago")
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
        nodes.addComponentColumn(this::removal).setHeader("Membership").setKey("membership").setAutoWidth(true);
        nodes.setAllRowsVisible(true);
        return nodes;
    }

    /** A node this one replicates with may be removed here; this node itself only from another member's page. */
    private Component removal(NodeOverview node) {
        if (node.databaseReachable() == null || node.name().equals(thisNode)) {
            return new Span(node.name().equals(thisNode) ? "this node" : "not replicated");
        }
        Button remove = new Button("Remove", click -> removalDialog(node.name()).open());
        remove.setId("remove-" + node.name());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Dialog removalDialog(String node) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Remove " + node + " from the cluster?");
        FormMessages messages = new FormMessages();
        dialog.add(new Paragraph("Every member stops replicating with " + node + " and drops what it held for it; if "
                + node + " runs, it stops replicating too and keeps its data as a lone node. Its phones' bindings and calls"
                + " go; its row stays for the call records. A node that still serves a pool is refused: move the pool"
                + " first. To take it back later, delete its data folder and add it again empty."), messages.general());
        Button confirm = Forms.destructiveButton("Remove", "confirm-removal", () -> {
            try {
                show(new Seen(Optional.of(membership.startRemoval(actor, node)), null));
                dialog.close();
            } catch (InvalidInputException refused) {
                messages.show(refused);
            }
        });
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        return dialog;
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
        links.addColumn(link -> words(link.receiving())).setHeader("Receiving").setAutoWidth(true);
        links.addColumn(link -> link.lastHeard() == null ? "never" : age(link.lastHeard()) + " ago")
                .setHeader("Last heard").setAutoWidth(true);
        links.addColumn(link -> link.behindBytes() == null ? "takes nothing" : bytes(link.behindBytes()))
                .setHeader("Peer behind").setAutoWidth(true);
        links.addColumn(link -> link.behindTime() == null ? "-" : age(link.behindTime())).setHeader("Peer applies in")
                .setAutoWidth(true);
        links.addColumn(link -> link.heldBytes() == null ? "-" : bytes(link.heldBytes())).setHeader("Held for peer")
                .setAutoWidth(true);
        links.addColumn(link -> words(link.holding()) + (link.holding() == Holding.NONE || link.peerConnected()
                ? "" : ", peer away")).setHeader("Holding").setAutoWidth(true);
        links.addColumn(Link::applyErrors).setHeader("Apply errors").setAutoWidth(true);
        links.addColumn(Link::diverged).setHeader("Diverged").setAutoWidth(true);
        links.addColumn(Link::elsewhere).setHeader("Elsewhere").setAutoWidth(true);
        links.setItems(overview.replication().links());
        links.setAllRowsVisible(true);
        Paragraph legend = new Paragraph("Receiving: how this node hears from the peer. Peer behind, held for peer, "
                + "holding: this node's changes the peer has not taken yet, and whether they are safe. Apply errors count failed tries (a peer that stops counts one). "
                + "Diverged: conflicts the one-writer rule makes impossible, any is a fault. Elsewhere: changes to rows "
                + "another node wrote last, expected after a join or a failover.");
        if (overview.replication().unclaimed().isEmpty()) {
            return new Component[]{links, legend};
        }
        Paragraph orphans = new Paragraph("Held here for no member (kept until dropped): " + String.join(", ",
                overview.replication().unclaimed().stream().map(ClusterView::unclaimed).toList()));
        orphans.setId("unclaimed");
        return new Component[]{links, legend, orphans};
    }

    private static String unclaimed(Unclaimed held) {
        return held.name() + " (" + bytes(held.heldBytes()) + ", " + words(held.holding()) + ")";
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
