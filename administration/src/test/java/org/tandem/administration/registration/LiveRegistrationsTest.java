package org.tandem.administration.registration;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.support.AdministrationFixture;

import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;

/**
 * Registrations written to the database (as any node's registrar writes them) reach a watcher through
 * the trigger's NOTIFY and the node's listening connection, and the list then shows them.
 */
class LiveRegistrationsTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aWatcherHearsOfItsTenantsBindingsComingAndGoingAndOfNoOtherTenant() throws Exception {
        Actor acmeAdmin = fixture.actor(ACME_ADMIN);
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable watching = fixture.registrations.watch(acmeAdmin, fixture.acme(), () -> heard.add("acme"))) {
            String contact = "sip:101@127.0.0.1:" + (20000 + fixture.unique("").hashCode() % 1000);
            waitForFeed(heard);

            fixture.register(fixture.globex(), "101", contact);
            UUID binding = fixture.register(fixture.acme(), "101", contact);

            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of acme's new binding").isEqualTo("acme");
            assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("not told of globex's").isNull();
            assertThat(fixture.registrations.registrations(acmeAdmin, fixture.acme()))
                    .filteredOn(phone -> phone.contact().equals(contact)).singleElement().satisfies(phone -> {
                        assertThat(phone.extension()).isEqualTo("101");
                        assertThat(phone.displayName()).isEqualTo("Alice Archer");
                        assertThat(phone.source()).isEqualTo("udp:127.0.0.1:5062");
                        assertThat(phone.userAgent()).isEqualTo("fixture phone");
                        assertThat(phone.node()).isEqualTo("node1");
                    });

            fixture.unregister(binding);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("told of the binding's removal").isEqualTo("acme");
            assertThat(fixture.registrations.registrations(acmeAdmin, fixture.acme()))
                    .noneMatch(phone -> phone.contact().equals(contact));
        }
        fixture.register(fixture.acme(), "101", "sip:101@127.0.0.1:29999");
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("nothing after the watch was closed").isNull();
    }

    @Test
    void nobodyWatchesAnotherTenant() {
        assertThatThrownBy(() -> fixture.registrations.watch(fixture.actor(GLOBEX_ADMIN), fixture.acme(), () -> { }))
                .isInstanceOf(NotFoundException.class);
    }

    /** The feed starts with the first watcher and may still be connecting: a change makes sure it listens. */
    private void waitForFeed(LinkedBlockingQueue<String> heard) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            fixture.unregister(fixture.register(fixture.acme(), "199", "sip:199@127.0.0.1:5999"));
            if (heard.poll(200, TimeUnit.MILLISECONDS) != null) {
                Thread.sleep(100);
                heard.clear();
                return;
            }
        }
        throw new AssertionError("the registration feed never started");
    }
}
