package org.tandem.engine.registrar;

import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.engine.periodic.PeriodicTask;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Deletes this node's expired bindings now and then, in bounded batches so one run never holds the
 * database long. Expired rows are never served anyway (every read filters on expiry); this only keeps
 * the table small. Other nodes' rows are theirs to clean.
 */
public final class RegistrationCleanup implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RegistrationCleanup.class.getName());
    static final int BATCH = 1_000;
    static final int MAX_BATCHES_PER_RUN = 20;

    private final RegistrationRepository registrations;
    private final UUID nodeId;
    private final InstantSource clock;
    private PeriodicTask timer;

    private RegistrationCleanup(RegistrationRepository registrations, UUID nodeId, InstantSource clock) {
        this.registrations = registrations;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** Starts cleaning every {@code period} on a thread of its own named {@code threadName}. */
    public static RegistrationCleanup every(Duration period, RegistrationRepository registrations, UUID nodeId,
                                            InstantSource clock, String threadName) {
        RegistrationCleanup cleanup = new RegistrationCleanup(registrations, nodeId, clock);
        cleanup.timer = PeriodicTask.every(period, period, threadName, cleanup::runOnce);
        return cleanup;
    }

    /** One run: deletes up to {@link #BATCH} x {@link #MAX_BATCHES_PER_RUN} expired rows; returns how many. */
    int runOnce() {
        int deleted = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                int now = registrations.deleteExpired(nodeId, clock.instant(), BATCH);
                deleted += now;
                if (now < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The next run will try again; a periodic task that throws would never run again.
            LOG.log(Level.WARNING, "could not delete expired registrations: " + e.getMessage());
        }
        if (deleted > 0) {
            int total = deleted;
            LOG.log(Level.DEBUG, () -> "deleted " + total + " expired registrations");
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.close();
    }
}
