package org.tandem.portal.operator;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.operator.PoolOverview;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

class ClusterViewTest extends PortalViewTest {

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(String id) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withId(id));
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    @Test
    void theOperatorSeesPoolsInFailoverOrderAndNodesWithTheirPhones() {
        fixture.register(fixture.acme(), "101", "sip:101@127.0.0.1:" + (40000 + Math.floorMod(System.nanoTime(), 9000)));
        signIn(OPERATOR_USERNAME);
        navigate("cluster");

        assertThat(ClusterViewTest.<PoolOverview>rows("pools"))
                .extracting(pool -> pool.name() + ":" + pool.primaryNode() + ">" + pool.secondaryNode())
                .containsExactly("pool-a:node1>null", "pool-b:node2>node3");
        assertThat(ClusterViewTest.<NodeOverview>rows("nodes")).filteredOn(node -> node.name().equals("node1"))
                .singleElement().satisfies(node -> {
                    assertThat(node.pools()).containsExactly("pool-a (primary)");
                    assertThat(node.registeredPhones()).isPositive();
                    assertThat(node.lastRegistration()).isNotNull();
                });
        assertThat(ClusterViewTest.<NodeOverview>rows("nodes")).filteredOn(node -> node.name().equals("node3"))
                .singleElement().extracting(NodeOverview::pools).isEqualTo(List.of("pool-b (secondary)"));
    }

    @Test
    void aResellerHasNoClusterPage() {
        signIn(RESELLER_USERNAME);
        navigate("cluster");
        _assertOne(NoAccessView.class);
    }
}
