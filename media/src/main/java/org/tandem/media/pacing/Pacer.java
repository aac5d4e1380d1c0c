package org.tandem.media.pacing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The one thread that sends every playing leg's frames, each leg once every 20 ms. The schedule is fixed
 * (tick n is due at start + n x 20 ms, so the time the sends take never pushes later ticks back, as
 * sleeping 20 ms after each would), and the legs are spread over the tick in {@link #SLOTS} slots of
 * 1 ms: a thousand sends take a few milliseconds, and sent all at the tick's start the last leg would
 * always be that late. Each send's lateness against its own slot's deadline is recorded. When the pacer
 * falls more than {@link #MAX_LAG_TICKS} behind (a long GC pause, a starved machine) it skips to the
 * present rather than bursting the missed frames at the phones.
 */
public final class Pacer implements AutoCloseable {

    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Slots a tick is cut into; a leg keeps its slot for life. */
    static final int SLOTS = 20;
    private static final long SLOT_NANOS = TICK_NANOS / SLOTS;
    /** 200 ms: what a phone's jitter buffer may still absorb as a burst; later frames are skipped. */
    static final int MAX_LAG_TICKS = 10;

    private final List<List<Entry>> slots = Stream.<List<Entry>>generate(CopyOnWriteArrayList::new)
            .limit(SLOTS).toList();
    private final AtomicLong added = new AtomicLong();
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

    /** Paces {@code leg} from its slot's next turn until the returned handle is closed. */
    public Paced add(PacedLeg leg) {
        // round the slots: legs come and go at random, so the slots stay about even
        List<Entry> slot = slots.get((int) (added.getAndIncrement() % SLOTS));
        Entry entry = new Entry(Objects.requireNonNull(leg, "leg"), new JitterHistogram(), slot);
        slot.add(entry);
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
        return slots.stream().mapToInt(List::size).sum();
    }

    /** How many legs each slot holds, in slot order. */
    int[] legsPerSlot() {
        return slots.stream().mapToInt(List::size).toArray();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    private void run() {
        long start = System.nanoTime();
        long turn = 0;
        while (running) {
            long deadline = start + turn * SLOT_NANOS;
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
                turn += behind * SLOTS;
                deadline += behind * TICK_NANOS;
            }
            for (Entry entry : slots.get((int) (turn % SLOTS))) {
                send(entry, turn / SLOTS, deadline);
            }
            turn++;
        }
    }

    private void send(Entry entry, long tick, long deadline) {
        try {
            entry.leg.sendFrame(tick);
        } catch (Exception failed) {
            entry.close();
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

    /** Compared by identity: a slot's list finds and removes exactly this entry. */
    private static final class Entry implements Paced {
        private final PacedLeg leg;
        private final JitterHistogram jitter;
        private final List<Entry> slot;

        Entry(PacedLeg leg, JitterHistogram jitter, List<Entry> slot) {
            this.leg = leg;
            this.jitter = jitter;
            this.slot = slot;
        }

        @Override
        public JitterHistogram jitter() {
            return jitter;
        }

        @Override
        public void close() {
            slot.remove(this);
        }
    }
}
