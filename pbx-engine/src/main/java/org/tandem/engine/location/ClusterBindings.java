package org.tandem.engine.location;

import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.registration.RegistrationRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The cluster's bindings in the database, with what {@link #activeAnywhere} read kept in memory
 * until the registration feed says the tenant's bindings changed, on whichever node (replication
 * fires the trigger on every node, migration V10). A call to a phone registered on another node
 * then costs no database read, and a binding taken anywhere is seen as soon as the feed tells.
 *
 * <p>The feed cannot tell it missed something until it listens again, so an entry is also read
 * again once it is {@link #MAX_AGE} old: while the feed is down, what other nodes took is at most
 * that late. Every other operation goes straight to the database. The feed also tells of this
 * node's own writes (the payload names only the tenant), so a tenant whose phones register here
 * all the time gets less from the cache; never a wrong answer.
 */
public final class ClusterBindings extends ForwardingRegistrations implements RegistrationFeed.Listener {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private final LongSupplier nanoTime;
    private final ConcurrentMap<UUID, Long> changesHeard = new ConcurrentHashMap<>();
    private final AtomicLong missedChanges = new AtomicLong();
    private final ConcurrentMap<AddressOfRecord, Read> reads = new ConcurrentHashMap<>();

    /** What the database said for one address, and which changes had been heard when it was asked. */
    private record Read(long tenantChanges, long missed, long readAtNanos, List<Registration> bindings) {
    }

    public ClusterBindings(RegistrationRepository database) {
        this(database, System::nanoTime);
    }

    ClusterBindings(RegistrationRepository database, LongSupplier nanoTime) {
        super(database);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time");
    }

    @Override
    public void changed(UUID tenantId) {
        changesHeard.merge(tenantId, 1L, Long::sum);
    }

    @Override
    public void mayHaveMissedChanges() {
        missedChanges.incrementAndGet();
        reads.clear();
    }

    /**
     * Reads the database when nothing is kept for {@code aor}, a change of its tenant was heard
     * since, or what is kept is {@link #MAX_AGE} old; what is kept is filtered for expiry at {@code now}.
     */
    @Override
    public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
        long tenantChanges = changesHeard.getOrDefault(aor.tenantId(), 0L);
        long missed = missedChanges.get();
        long nanos = nanoTime.getAsLong();
        Read kept = reads.get(aor);
        if (kept != null && kept.tenantChanges() == tenantChanges && kept.missed() == missed
                && nanos - kept.readAtNanos() < MAX_AGE.toNanos()) {
            return kept.bindings().stream().filter(binding -> binding.isActiveAt(now)).toList();
        }
        List<Registration> read = super.activeAnywhere(aor, now);
        // kept only if no change was heard while reading; one heard later makes it stale by itself
        Read fresh = new Read(tenantChanges, missed, nanos, read);
        reads.put(aor, fresh);
        if (changesHeard.getOrDefault(aor.tenantId(), 0L) != tenantChanges || missedChanges.get() != missed) {
            reads.remove(aor, fresh);
        }
        return read;
    }
}
