package org.tandem.engine.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run again and again, {@code period} after the end of each run, on a daemon thread of its own
 * until closed. The task must catch what it throws: a run that throws ends the repetition.
 */
public final class PeriodicTask implements AutoCloseable {

    /** How long {@link #close} waits for a run under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService timer;

    private PeriodicTask(String threadName) {
        timer = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name(threadName).unstarted(task));
    }

    /** Runs {@code task} first after {@code firstAfter}, then every {@code period}, on a thread named {@code threadName}. */
    public static PeriodicTask every(Duration period, Duration firstAfter, String threadName, Runnable task) {
        PeriodicTask periodic = new PeriodicTask(threadName);
        periodic.timer.scheduleWithFixedDelay(task, firstAfter.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    /** Stops the repetition, interrupting a run under way, and waits a few seconds for it to end. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
