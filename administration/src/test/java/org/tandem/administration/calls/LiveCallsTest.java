package org.tandem.administration.calls;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.call.ActiveCall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_USER;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/**
 * Calls published to the database (as any node's engine publishes them) reach a watcher through the
 * trigger's NOTIFY and the node's listening connection, and the list then shows them; nobody sees or
 * watches another tenant's calls.
 */
class LiveCallsTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aWatcherHearsOfItsTenantsCallRingingAnsweredAndEndedAndOfNoOtherTenant() throws Exception {
        Actor acmeAdmin = fixture.actor(ACME_ADMIN);
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable watching = fixture.activeCalls.watch(acmeAdmin, fixture.acme(), () -> heard.add("acme"))) {
            waitForFeed(heard);
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UUID callId = UUID.randomUUID();

            fixture.publishCall(UUID.randomUUID(), fixture.globex(), "101", "102", start, null);
            fixture.publishCall(callId, fixture.acme(), "101", "555", start, null);

            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of acme's ringing call").isEqualTo("acme");
            assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("not told of globex's").isNull();
            assertThat(fixture.activeCalls.activeCalls(acmeAdmin, fixture.acme()))
                    .filteredOn(call -> call.callee().equals("555")).singleElement().satisfies(call -> {
                        assertThat(call.caller()).isEqualTo("101");
                        assertThat(call.callerName()).isEqualTo("Alice Archer");
                        assertThat(call.calleeName()).isEmpty();
                        assertThat(call.state()).isEqualTo(ActiveCall.State.RINGING);
                        assertThat(call.node()).isEqualTo("node1");
                        assertThat(call.startedAt()).isEqualTo(start);
                    });
            assertThat(fixture.activeCalls.activeCalls(acmeAdmin, fixture.acme()))
                    .noneMatch(call -> call.callee().equals("102"));

            fixture.publishCall(callId, fixture.acme(), "101", "555", start, start.plusSeconds(2));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of the answer").isEqualTo("acme");
            assertThat(fixture.activeCalls.activeCalls(acmeAdmin, fixture.acme()))
                    .filteredOn(call -> call.callee().equals("555")).singleElement()
                    .satisfies(call -> assertThat(call.state()).isEqualTo(ActiveCall.State.ANSWERED));

            fixture.endCall(callId);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of the hang-up").isEqualTo("acme");
            assertThat(fixture.activeCalls.activeCalls(acmeAdmin, fixture.acme()))
                    .noneMatch(call -> call.callee().equals("555"));
        }
        fixture.publishCall(UUID.randomUUID(), fixture.acme(), "101", "556", Instant.now(), null);
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("nothing after the watch was closed").isNull();
    }

    @Test
    void theOperatorAndTheTenantsResellerSeeItsCallsAndNoOtherResellerOrTenant() {
        UUID callId = UUID.randomUUID();
        fixture.publishCall(callId, fixture.acme(), "101", "557", Instant.now(), null);
        try {
            assertThat(fixture.activeCalls.activeCalls(fixture.actor(AdministrationFixture.OPERATOR), fixture.acme()))
                    .anyMatch(call -> call.callee().equals("557"));
            assertThat(fixture.activeCalls.activeCalls(fixture.actor(NORTHWIND_ADMIN), fixture.acme()))
                    .anyMatch(call -> call.callee().equals("557"));
            // a tampered id: another reseller's or tenant's is "No such customer", like one that does not exist
            assertThatThrownBy(() -> fixture.activeCalls.activeCalls(fixture.actor(SOUTHGATE_ADMIN), fixture.acme()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fixture.activeCalls.activeCalls(fixture.actor(GLOBEX_ADMIN), fixture.acme()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fixture.activeCalls.watch(fixture.actor(GLOBEX_ADMIN), fixture.acme(), () -> { }))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fixture.activeCalls.activeCalls(fixture.actor(ACME_ADMIN), UUID.randomUUID()))
                    .isInstanceOf(NotFoundException.class);
            // a tenant user sees its own extension's calls elsewhere, not the company's
            assertThatThrownBy(() -> fixture.activeCalls.activeCalls(fixture.actor(ACME_USER), fixture.acme()))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            fixture.endCall(callId);
        }
    }

    /** The feed starts with the first watcher and may still be connecting: a change makes sure it listens. */
    private void waitForFeed(LinkedBlockingQueue<String> heard) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            UUID probe = UUID.randomUUID();
            fixture.publishCall(probe, fixture.acme(), "199", "199", Instant.now(), null);
            fixture.endCall(probe);
            if (heard.poll(200, TimeUnit.MILLISECONDS) != null) {
                Thread.sleep(100);
                heard.clear();
                return;
            }
        }
        throw new AssertionError("the active call feed never started");
    }
}
