package org.tandem.media.pacing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * The one thread that sends every playing leg's frames. It wakes on a fixed schedule (tick n is due at
 * start + n x 20 ms, so the time the sends take does not push later ticks back, as sleeping 20 ms after
 * each would), sends each leg's frame, and records how late each send was against its tick's deadline.
 * When it falls more than {@link #MAX_LAG_TICKS} behind (a long GC pause, a starved machine) it skips to
 * the present rather than bursting the missed frames at the phones.
 */
public final class Pacer implements AutoCloseable {

    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** 200 ms: what a phone's jitter buffer may still absorb as a burst; later frames are skipped. */
    static final int MAX_LAG_TICKS = 10;

    private final List<Entry> legs = new CopyOnWriteArrayList<>();
    private final JitterHistogram jitter = new JitterHistogram();
    private final AtomicLong skippedTicks = new AtomicLong();
    private final BiConsumer<PacedLeg, Exception> onFailure;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts the pacer's thread.
     *
     * @param onFailure told when a leg's send throws; the leg is then no longer paced
     */
    public Pacer(BiConsumer<PacedLeg, Exception> onFailure) {
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.thread = Thread.ofPlatform().name("media-pacer").daemon().start(this::run);
    }

    /** Paces {@code leg} from the next tick until the returned handle is closed. */
    public Paced add(PacedLeg leg) {
        Entry entry = new Entry(Objects.requireNonNull(leg, "leg"), new JitterHistogram());
        legs.add(entry);
        return entry;
    }

    /** Lateness of every send of every leg. */
    public JitterHistogram jitter() {
        return jitter;
    }

    /** Ticks skipped because the pacer fell too far behind. */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    /** Legs paced now. */
    public int legCount() {
        return legs.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    private void run() {
        long start = System.nanoTime();
        long tick = 0;
        while (running) {
            long deadline = start + tick * TICK_NANOS;
            long now;
            while ((now = System.nanoTime()) < deadline && running) {
                LockSupport.parkNanos(deadline - now);
            }
            if (!running) {
                return;
            }
            long behind = (now - deadline) / TICK_NANOS;
            if (behind > MAX_LAG_TICKS) {
                skippedTicks.addAndGet(behind);
                tick += behind;
                deadline += behind * TICK_NANOS;
            }
            for (Entry entry : legs) {
                send(entry, tick, deadline);
            }
            tick++;
        }
    }

    private void send(Entry entry, long tick, long deadline) {
        try {
            entry.leg.sendFrame(tick);
        } catch (Exception failed) {
            legs.remove(entry);
            onFailure.accept(entry.leg, failed);
            return;
        }
        long late = System.nanoTime() - deadline;
        entry.jitter.record(late);
        jitter.record(late);
    }

    /** A leg being paced. */
    public interface Paced extends AutoCloseable {

        /** Lateness of this leg's sends. */
        JitterHistogram jitter();

        /** Stops pacing the leg; the frame being sent, if any, is its last. */
        @Override
        void close();
    }

    private final class Entry implements Paced {
        private final PacedLeg leg;
        private final JitterHistogram jitter;

        Entry(PacedLeg leg, JitterHistogram jitter) {
            this.leg = leg;
            this.jitter = jitter;
        }

        @Override
        public JitterHistogram jitter() {
            return jitter;
        }

        @Override
        public void close() {
            legs.remove(this);
        }
    }
}
