package org.tandem.portal.operator;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import com.vaadin.flow.component.html.Paragraph;
import org.tandem.administration.operator.NodeHealth;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.operator.PoolOverview;
import org.tandem.portal.error.NoAccessView;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.portal.support.PortalViewTest;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

class ClusterViewTest extends PortalViewTest {

    @SuppressWarnings("unchecked")
    static <T> List<T> rows(String id) {
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
    void aNodeInNoClusterSaysSoAndShowsEachNodesHealthFromItsHeartbeat() {
        new JdbcNodeHeartbeats(fixture.database().dataSource()).beat(nodeId("node2"),
                new Heartbeat(Instant.now(), Instant.now().minusSeconds(60), true, "http://sip2.operator.test:8080/"));
        signIn(OPERATOR_USERNAME);
        navigate("cluster");

        assertThat(_get(Paragraph.class, spec -> spec.withId("replication-alone")).getText())
                .isEqualTo("node1 replicates with no other node: it is in no cluster.");
        assertThat(ClusterViewTest.<NodeOverview>rows("nodes")).filteredOn(node -> node.name().equals("node2"))
                .singleElement().satisfies(node -> {
                    assertThat(node.health()).isEqualTo(NodeHealth.UP);
                    assertThat(node.portalUrl()).isEqualTo("http://sip2.operator.test:8080/");
                    assertThat(node.databaseReachable()).as("node2 replicates with nobody here").isNull();
                });
        assertThat(ClusterViewTest.<NodeOverview>rows("nodes")).filteredOn(node -> node.name().equals("node3"))
                .singleElement().extracting(NodeOverview::health).isEqualTo(NodeHealth.UNKNOWN);
    }

    private UUID nodeId(String name) {
        return UUID.fromString(fixture.database().strings("select id from node where name = '" + name + "'").getFirst());
    }

    @Test
    void aMalformedAddressStaysOnTheFormAndOneNothingAnswersAtFailsLive() throws InterruptedException {
        signIn(OPERATOR_USERNAME);
        navigate("cluster");
        _click(_get(Button.class, spec -> spec.withId("add-node")));
        TextField address = _get(TextField.class, spec -> spec.withId("new-node-address"));
        _setValue(address, "10.1.0.14/tandem");
        _click(_get(Button.class, spec -> spec.withId("start-join")));

        assertThat(address.isInvalid()).isTrue();
        assertThat(address.getErrorMessage()).isEqualTo("a node's database is written host:port/name, like"
                + " 127.0.0.2:15432/tandem, not 10.1.0.14/tandem");
        assertThat(address.getValue()).as("kept for another try").isEqualTo("10.1.0.14/tandem");
        assertThat(_get(Dialog.class, spec -> spec.withId("add-node-dialog")).isOpened()).isTrue();

        _setValue(address, "127.0.0.9:1/tandem");
        _click(_get(Button.class, spec -> spec.withId("start-join")));
        awaitPush(() -> outcome().contains("did not join"));

        assertThat(outcome()).startsWith("Node at 127.0.0.9:1/tandem did not join: cannot reach the new node's database at"
                + " 127.0.0.9:1/tandem as tandem").endsWith("What it had set up is undone on every node: fix the cause"
                + " and try again.");
        assertThat(_get(Span.class, spec -> spec.withId("step-checks")).getText()).isEqualTo("✘ checks");
        assertThat(_get(Span.class, spec -> spec.withId("step-copy")).getText()).isEqualTo("○ copy");
        assertThat(_get(Button.class, spec -> spec.withId("add-node")).isEnabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("add-node")));
        assertThat(_get(TextField.class, spec -> spec.withId("new-node-address")).getValue())
                .as("the address that failed, to correct").isEqualTo("127.0.0.9:1/tandem");
    }

    private static String outcome() {
        return _get(Paragraph.class, spec -> spec.withId("membership-outcome")).getText();
    }

    @Test
    void aResellerHasNoClusterPage() {
        signIn(RESELLER_USERNAME);
        navigate("cluster");
        _assertOne(NoAccessView.class);
    }
}
