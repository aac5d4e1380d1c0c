package org.tandem.portal.tenant;

import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.tandem.administration.calls.LiveCall;
import org.tandem.domain.call.ActiveCall;
import org.tandem.portal.support.PortalViewTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

/** The tenant's active calls page: pushed as calls ring, are answered and end; only the owner's calls. */
class ActiveCallsViewTest extends PortalViewTest {

    @Test
    void aCallIsPushedWhileItRingsOnceAnsweredAndGoneAfterItEndedWithoutAReload() throws Exception {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.globex() + "/active-calls");
        String dialled = Integer.toString(60_000 + Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        UUID callId = null;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (shown(dialled).isEmpty() && System.nanoTime() < deadline) {
            // the node's feed starts with the first watcher: a call published before it listens is missed
            if (callId != null) {
                fixture.endCall(callId);
            }
            callId = UUID.randomUUID();
            fixture.publishCall(callId, fixture.globex(), "101", dialled, start, null);
            awaitPush(() -> !shown(dialled).isEmpty());
        }
        assertThat(shown(dialled)).as("the ringing call was pushed to the view").singleElement().satisfies(call -> {
            assertThat(call.state()).isEqualTo(ActiveCall.State.RINGING);
            assertThat(call.callerName()).isEqualTo("Gary Green");
            assertThat(call.node()).isEqualTo("node1");
        });

        fixture.publishCall(callId, fixture.globex(), "101", dialled, start, start.plusSeconds(1));
        awaitPush(() -> shown(dialled).stream().anyMatch(call -> call.state() == ActiveCall.State.ANSWERED));
        assertThat(shown(dialled)).as("the answer was pushed").singleElement()
                .extracting(LiveCall::state).isEqualTo(ActiveCall.State.ANSWERED);

        fixture.endCall(callId);
        awaitPush(() -> shown(dialled).isEmpty());
        assertThat(shown(dialled)).as("the ended call left the view").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("active-call-count")).getText()).endsWith("calls");
    }

    @Test
    void editingTheTenantIdInTheUrlNeverReachesAnotherTenantsCalls() {
        signIn(TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.acme() + "/active-calls");
        _assertOne(ActiveCallsView.class);

        for (String path : List.of("tenants/" + fixture.globex() + "/active-calls",
                "tenants/" + UUID.randomUUID() + "/active-calls")) {
            assertNoSuchCustomerAt(path);
        }
    }

    private static List<LiveCall> shown(String dialled) {
        return ActiveCallsViewTest.<LiveCall>gridRows("active-calls").stream()
                .filter(call -> call.callee().equals(dialled)).toList();
    }
}
