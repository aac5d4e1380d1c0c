package org.tandem.engine;

import org.tandem.engine.periodic.PeriodicTask;

import java.time.Duration;

/**
 * Whether this node's database answered its last probe (one small query a second). While it does
 * not, the node takes no new bindings: they would reach no other node, its calls could not find
 * phones registered elsewhere, and the phone is better served by its pool's other node, where SRV
 * sends it after the 503 it gets here (RFC 3263). Bindings are written behind, so without the probe
 * a REGISTER could be accepted long after the database went away.
 */
public final class DatabaseHealth implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DatabaseHealth.class.getName());

    private final Runnable probe;
    private PeriodicTask timer;
    private volatile boolean reachable = true;

    private DatabaseHealth(Runnable probe) {
        this.probe = probe;
    }

    /** Runs {@code probe} every {@code period} on a thread of its own; a probe that throws means unreachable. */
    public static DatabaseHealth watch(Runnable probe, Duration period, String threadName) {
        DatabaseHealth health = new DatabaseHealth(probe);
        health.timer = PeriodicTask.every(period, Duration.ZERO, threadName, health::probeOnce);
        return health;
    }

    public boolean reachable() {
        return reachable;
    }

    private void probeOnce() {
        boolean now;
        try {
            probe.run();
            now = true;
        } catch (RuntimeException e) {
            now = false;
        }
        if (now != reachable) {
            reachable = now;
            LOG.log(now ? System.Logger.Level.INFO : System.Logger.Level.WARNING, now
                    ? "the database answers again: taking registrations"
                    : "the database does not answer: registrations get 503 until it does (phones go to the pool's other node)");
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
