package org.tandem.portal.tenant;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.administration.support.TwoNodeCluster;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.portal.support.BrowserlessPortal;
import org.tandem.cluster.replication.TestNode;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.administration.support.TwoNodeCluster.PORTAL_A;

/**
 * The portal of node-b, the secondary of a customer whose home node is node-a (both up, replicating):
 * the customer's admin adds an extension there and the form says where to go instead, with nothing
 * written; a change refused from a row's button or a dialog is told in a notification.
 */
@Timeout(180)
class HomeNodeRefusalViewTest {

    private static final String REFUSAL = "acme.portal.test is changed on its home node node-a, not on node-b:"
            + " use the portal of node-a at " + PORTAL_A;

    @TempDir
    static Path folder;
    static TwoNodeCluster cluster;
    static UUID customer;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TwoNodeCluster(folder);
        customer = cluster.onboard(cluster.a, "acme.portal.test", "admin@acme-portal");
        cluster.b.await(() -> cluster.b.count("select count(*) from portal_account where username = 'admin@acme-portal'"), 1L);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closePortal() {
        BrowserlessPortal.stop();
    }

    @Test
    void anExtensionAddedOnTheSecondaryIsRefusedOnTheFormNamingTheHomeNodeAndItsPortal() {
        BrowserlessPortal.start(cluster.on(cluster.b));
        BrowserlessPortal.signIn("admin@acme-portal", TwoNodeCluster.ADMIN_PASSWORD);
        UI.getCurrent().navigate("tenants/" + customer + "/extensions");

        _setValue(_get(TextField.class, spec -> spec.withId("extension-number")), "201");
        _setValue(_get(TextField.class, spec -> spec.withId("extension-name")), "Alice");
        _click(_get(Button.class, spec -> spec.withId("add-extension")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("form-error")).getText()).isEqualTo(REFUSAL);
        assertThat(_get(TextField.class, spec -> spec.withId("extension-number")).getValue()).as("kept for another try")
                .isEqualTo("201");
        for (TestNode node : List.of(cluster.a, cluster.b)) {
            assertThat(node.count("select count(*) from extension")).as(node.name).isZero();
        }
    }

    @Test
    void aRefusalOutsideAFormIsToldInANotification() {
        BrowserlessPortal.start(cluster.on(cluster.b));
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new IllegalStateException("wrapped", new NotHomeNodeException(REFUSAL, "node-a", PORTAL_A))));

        Notification shown = _get(Notification.class, spec -> spec.withId("not-home-node"));
        assertThat(shown.isOpened()).isTrue();
        assertThat(shown.getElement().getProperty("text")).isEqualTo(REFUSAL + ". Nothing was changed.");
    }
}
