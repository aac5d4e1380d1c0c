package org.tandem.portal.operator;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.tandem.administration.operator.NodeOverview;
import org.tandem.administration.support.NodeServices;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.node.ReplicationHealth.Link;
import org.tandem.portal.support.BrowserlessPortal;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.cluster.replication.Fixtures;
import org.tandem.cluster.replication.TestCluster;
import org.tandem.cluster.replication.TestNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's journey on node-a's page (a lone node with a customer, real PostgreSQL 18): adds
 * node-b, started empty, by its database address; the steps and the outcome are pushed to the page
 * as the join goes, then the page shows node-b among the nodes and replicating with node-a; then
 * removes node-b again from its row.
 */
@Timeout(180)
class AddNodeViewTest {

    private static final String OPERATOR = "oscar.operator";
    private static final String PASSWORD = "Quiet-Forest-12-Owls";
    private static final Duration JOIN_TIME = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestCluster cluster = TestCluster.perClass();
    static TestNode a;
    static TestNode b;

    @BeforeAll
    static void startNodes() throws Exception {
        a = cluster.start("node-a", "127.0.0.2");
        Fixtures.tenant(a, a, null, "view.join.test");
        a.database().inTransaction(entityManager -> new JpaPortalAccountRepository(entityManager)
                .add(PortalAccount.operator(OPERATOR, PASSWORD.toCharArray())));
        b = cluster.start("node-b", "127.0.0.3");
    }

    @AfterEach
    void closePortal() {
        BrowserlessPortal.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorAddsANodeWatchesItJoinAndRemovesItAgain() throws Exception {
        BrowserlessPortal.start(new NodeServices(a.database(), a.id(), a.name, Optional.of(a.address())));
        BrowserlessPortal.signIn(OPERATOR, PASSWORD);
        UI.getCurrent().navigate("cluster");
        assertThat(_get(Paragraph.class, spec -> spec.withId("replication-alone")).getText())
                .isEqualTo("node-a replicates with no other node: it is in no cluster.");

        _click(_get(Button.class, spec -> spec.withId("add-node")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-node-address")), b.address().toString());
        _click(_get(Button.class, spec -> spec.withId("start-join")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("membership-title")).getText())
                .startsWith("Joining the node at " + b.address() + ", started by " + OPERATOR + " at ");
        BrowserlessPortal.awaitPush(() -> outcome().contains("joined"), JOIN_TIME);

        assertThat(outcome()).startsWith("node-b joined the cluster; it replicates with node-a. Nothing to restart");
        assertThat(Stream.of("checks", "subscriptions", "copy", "done")
                .map(step -> _get(Span.class, spec -> spec.withId("step-" + step)).getText()))
                .containsExactly("✔ checks", "✔ subscriptions", "✔ copy", "✔ done");
        assertThat(b.count("select count(*) from extension")).as("the copy").isEqualTo(3);
        assertThat(ClusterViewTest.<NodeOverview>rows("nodes")).extracting(NodeOverview::name)
                .as("read again once joined").containsExactly("node-a", "node-b");
        assertThat(ClusterViewTest.<Link>rows("replication")).extracting(Link::peer).containsExactly("node-b");

        Grid<NodeOverview> nodes = _get(Grid.class, spec -> spec.withId("nodes"));
        assertThat(((Span) GridKt._getCellComponent(nodes, 0, "membership")).getText()).isEqualTo("this node");
        _click((Button) GridKt._getCellComponent(nodes, 1, "membership"));
        _click(_get(Button.class, spec -> spec.withId("confirm-removal")));
        BrowserlessPortal.awaitPush(() -> outcome().contains("no longer"), JOIN_TIME);

        assertThat(outcome()).isEqualTo("node-b is no longer a member.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("replication-alone")).getText())
                .isEqualTo("node-a replicates with no other node: it is in no cluster.");
        for (TestNode node : List.of(a, b)) {
            assertThat(node.count("select count(*) from pg_subscription")).as(node.name).isZero();
        }
    }

    private static String outcome() {
        return _get(Paragraph.class, spec -> spec.withId("membership-outcome")).getText();
    }
}
