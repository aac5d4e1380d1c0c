package org.tandem.engine.call;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a call's timeouts (no answer) on one daemon thread, which ends by itself after a while with
 * nothing to do, so an engine stopped and started again leaves no thread behind.
 */
final class CallTimer {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ScheduledThreadPoolExecutor executor;

    CallTimer() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tandem-call-timer-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(10, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
    }

    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops every timeout still due: the engine stops, and its calls are ended already. */
    void close() {
        executor.shutdownNow();
    }
}
