package org.tandem.portal.operator;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.operator.ClusterOverview;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.operator.PoolOverview;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The operator's cluster: pools with their nodes in failover order and what they serve (the
 * least-loaded one takes the next customer), and nodes with the phones registered on them.
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

        Grid<NodeOverview> nodes = new Grid<>(NodeOverview.class, false);
        nodes.setId("nodes");
        nodes.addColumn(NodeOverview::name).setHeader("Node").setAutoWidth(true);
        nodes.addColumn(NodeOverview::sipAddress).setHeader("SIP").setAutoWidth(true);
        nodes.addColumn(NodeOverview::clusterHost).setHeader("Cluster address").setAutoWidth(true);
        nodes.addColumn(node -> String.join(", ", node.pools())).setHeader("Pools").setAutoWidth(true);
        nodes.addColumn(NodeOverview::registeredPhones).setHeader("Phones registered").setAutoWidth(true);
        nodes.addColumn(node -> node.lastRegistration() == null ? "never" : TIME.format(node.lastRegistration()))
                .setHeader("Last registration").setAutoWidth(true);
        nodes.setItems(overview.nodes());
        nodes.setAllRowsVisible(true);

        add(new H2("Cluster"), new H3("Pools"), new Paragraph("A new customer goes to the pool with the fewest "
                + "extensions, then the fewest customers."), pools, new H3("Nodes"),
                new Paragraph("Phones registered: bindings each node's registrar holds now, as the shared database shows them."),
                nodes);
    }
}
