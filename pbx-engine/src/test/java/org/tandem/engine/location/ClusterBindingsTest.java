package org.tandem.engine.location;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.engine.Eventually;
import org.tandem.storage.notification.PostgresTenantChanges;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.location.RegistrationTable.newAddress;

/**
 * The cluster's bindings kept in memory in front of the real registration table, told of changes
 * by the real registration feed (the table's trigger and LISTEN): read once, then served without
 * the database until a binding of the tenant changes, the feed may have missed something, or what
 * is kept is too old.
 */
@Timeout(60)
class ClusterBindingsTest {

    @RegisterExtension
    static final RegistrationTable SHARED = new RegistrationTable();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger heard = new AtomicInteger();
    private ClusterBindings cluster;
    private AutoCloseable feed;

    @BeforeEach
    void listen() throws Exception {
        cluster = new ClusterBindings(new CountingReads(SHARED.table()), nanos::get);
        feed = PostgresTenantChanges.registrations(SHARED.db().dataSource()::getConnection).start(new RegistrationFeed.Listener() {
            @Override
            public void changed(UUID tenantId) {
                cluster.changed(tenantId);
                heard.incrementAndGet();
            }

            @Override
            public void mayHaveMissedChanges() {
                cluster.mayHaveMissedChanges();
            }
        });
        // the feed listens from its own thread: a change made now must be told
        AddressOfRecord probe = newAddress(SHARED.db());
        Registration heard = binding(probe, "sip:probe@192.0.2.1");
        cluster.activeAnywhere(probe, now);
        Eventually.until(() -> {
            SHARED.table().apply(List.of(new BindingChange.Saved(heard)));
            return cluster.activeAnywhere(probe, now).size() == 1;
        }, Duration.ofSeconds(10), () -> "the feed never told of a change");
        reads.set(0);
    }

    @AfterEach
    void stop() throws Exception {
        feed.close();
    }

    @Test
    void aSecondLookUpReadsNothing() {
        AddressOfRecord aor = newAddress(SHARED.db());
        saveAndHear(binding(aor, "sip:a@192.0.2.2"));

        assertThat(cluster.activeAnywhere(aor, now)).hasSize(1);
        assertThat(cluster.activeAnywhere(aor, now)).hasSize(1);

        assertThat(reads).hasValue(1);
    }

    @Test
    void aBindingTakenAfterALookUpIsSeenOnceTheFeedTells() {
        AddressOfRecord aor = newAddress(SHARED.db());
        assertThat(cluster.activeAnywhere(aor, now)).isEmpty();

        SHARED.table().apply(List.of(new BindingChange.Saved(binding(aor, "sip:b@192.0.2.3"))));

        Eventually.until(() -> cluster.activeAnywhere(aor, now).size() == 1, Duration.ofSeconds(5),
                () -> "the new binding was never seen");
    }

    @Test
    void aRemovedBindingGoesOnceTheFeedTells() {
        AddressOfRecord aor = newAddress(SHARED.db());
        Registration phone = binding(aor, "sip:c@192.0.2.4");
        saveAndHear(phone);
        assertThat(cluster.activeAnywhere(aor, now)).hasSize(1);

        SHARED.table().apply(List.of(new BindingChange.Removed(phone.nodeId(), aor, phone.contactUri())));

        Eventually.until(() -> cluster.activeAnywhere(aor, now).isEmpty(), Duration.ofSeconds(5),
                () -> "the removed binding was still served");
    }

    @Test
    void whatIsKeptIsReadAgainWhenTooOldOrWhenChangesMayHaveBeenMissed() {
        AddressOfRecord aor = newAddress(SHARED.db());
        cluster.activeAnywhere(aor, now);
        nanos.addAndGet(ClusterBindings.MAX_AGE.toNanos() - 1);
        cluster.activeAnywhere(aor, now);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(1);
        cluster.activeAnywhere(aor, now);
        assertThat(reads).hasValue(2);

        cluster.mayHaveMissedChanges();
        cluster.activeAnywhere(aor, now);
        assertThat(reads).hasValue(3);
    }

    @Test
    void anExpiredBindingIsNotServedFromMemory() {
        AddressOfRecord aor = newAddress(SHARED.db());
        saveAndHear(binding(aor, "sip:d@192.0.2.5"));
        assertThat(cluster.activeAnywhere(aor, now)).hasSize(1);

        assertThat(cluster.activeAnywhere(aor, now.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(reads).hasValue(1);
    }

    /** Stores {@code phone} and waits until the feed has told of it, so what is read next stays valid. */
    private void saveAndHear(Registration phone) {
        int before = heard.get();
        SHARED.table().apply(List.of(new BindingChange.Saved(phone)));
        Eventually.until(() -> heard.get() > before, Duration.ofSeconds(5), () -> "the feed never told of " + phone);
    }

    private Registration binding(AddressOfRecord aor, String contact) {
        return Registration.taken(SHARED.db().nodeId(), aor, contact, null, new Flow("udp", "192.0.2.7", 5062),
                "call@phone", 1, "Phone/1.0", now, Duration.ofHours(1));
    }

    /** The real table, counting how often every node's bindings of an address are read. */
    private final class CountingReads extends ForwardingRegistrations {

        CountingReads(RegistrationRepository table) {
            super(table);
        }

        @Override
        public List<Registration> activeAnywhere(AddressOfRecord aor, Instant at) {
            reads.incrementAndGet();
            return super.activeAnywhere(aor, at);
        }
    }
}
