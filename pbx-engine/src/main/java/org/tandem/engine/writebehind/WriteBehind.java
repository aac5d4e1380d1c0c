package org.tandem.engine.writebehind;

import org.tandem.engine.failure.DatabaseFailure;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes values to the database behind the callers' backs, many at a time: a caller hands a value
 * over and goes on at once; one thread of its own writes what has gathered, in one transaction, as
 * soon as {@link Settings#maxBatch} values wait or {@link Settings#window} after the first of them.
 * One commit (and one fsync) then serves a whole batch instead of every value.
 *
 * <p>Values are keyed: a value handed over while an earlier one with the same key still waits
 * replaces it (only the last state of a binding needs writing). Batches are written one after the
 * other, so a later value of a key never reaches the database before an earlier one.
 *
 * <p>Nothing is lost silently. A batch the database cannot take now (down, restarting) is tried
 * again, after a pause growing to {@link #LONGEST_PAUSE}, until it is written or a newer value of
 * its key replaced it. A batch it refuses for good ({@link DatabaseFailure#isLasting}) is tried
 * value by value, so only the values it refuses are dropped, each given to the {@code lost}
 * handler. {@link #close()} writes what waits before it returns, for at most
 * {@link Settings#closeTimeout}; whatever could still not be written then goes to {@code lost} too.
 *
 * <p>With a {@link Spool}, what is handed over is also appended to a journal on the local disk
 * (forced once a batch, before the batch goes to the database) and dropped from it once written, so
 * it outlives a stop or a crash of the node while the database is away: the next start reads it
 * back and writes it then. {@link #close()} then gives up on nothing the spool holds; it waits
 * there. The store must take a value it already has without doubling it (a crash between the
 * commit and the journal's update writes it again).
 *
 * <p>How much may wait is bounded ({@link Settings#capacity}): a caller asks {@link #hasRoom()}
 * first and refuses its own work when there is none ("try later"), rather than growing the heap
 * while the database is away.
 */
public final class WriteBehind<K, V> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WriteBehind.class.getName());
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Where batches go: stores every value of the list, or none of them and throws. */
    @FunctionalInterface
    public interface Store<V> {
        void write(List<V> batch);
    }

    /**
     * @param window       how long the first waiting value waits for others to join its batch
     * @param maxBatch     the most values written in one transaction
     * @param capacity     the most values that may wait (including the batch being written)
     * @param closeTimeout how long {@link #close()} keeps trying to write what waits
     */
    public record Settings(Duration window, int maxBatch, int capacity, Duration closeTimeout) {

        public Settings {
            if (window.isNegative() || maxBatch < 1 || capacity < maxBatch || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("bad write-behind settings: " + this);
            }
        }
    }

    private final String name;
    private final Store<V> store;
    private final Settings settings;
    private final Consumer<List<V>> lost;
    /** Null for values kept in memory only. */
    private final Spool<V> spool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread writer;

    // guarded by lock
    private LinkedHashMap<K, Pending<V>> waiting = new LinkedHashMap<>();
    private long firstWaitingSince;
    private int beingWritten;
    private boolean closing;
    private boolean stopped;
    private int waitedFor;
    private long closeDeadline;

    // only touched by the writer thread
    private Duration pause = FIRST_PAUSE;
    private long failingSince;
    private long lastWarning;

    /**
     * Starts the writer thread, named {@code tandem-<name>-writer}.
     *
     * @param lost told of values that will never be written (refused by the database, or still
     *             waiting when {@link #close()} gave up)
     */
    public WriteBehind(String name, Store<V> store, Settings settings, Consumer<List<V>> lost) {
        this(name, store, settings, lost, null, null);
    }

    /**
     * As {@link #WriteBehind(String, Store, Settings, Consumer)}, every value also kept in
     * {@code spool} until written; what an earlier run left there is handed over first.
     *
     * @param keyOf the key of a value read back from the spool
     */
    public WriteBehind(String name, Store<V> store, Settings settings, Consumer<List<V>> lost,
                       Spool<V> spool, Function<V, K> keyOf) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lost = Objects.requireNonNull(lost, "lost");
        this.spool = spool;
        if (spool != null) {
            Objects.requireNonNull(keyOf, "keyOf");
            List<V> earlier = spool.replayed();
            earlier.forEach(value -> put(keyOf.apply(value), value));
            spool.forgetReplayedFiles();
            if (!earlier.isEmpty()) {
                LOG.log(Level.INFO, "{0}: {1} value(s) an earlier run left in the spool wait to be written",
                        name, waiting.size());
            }
        }
        this.writer = Thread.ofPlatform().daemon().name("tandem-" + name + "-writer").start(this::run);
    }

    /** A value waiting, and where the spool keeps it. */
    private record Pending<V>(V value, long ticket) {
    }

    /** Whether another value may be handed over now, or the caller should refuse its work. */
    public boolean hasRoom() {
        return backlog() < settings.capacity();
    }

    /** Values waiting to be written, including those being written now. */
    public int backlog() {
        lock.lock();
        try {
            return waiting.size() + beingWritten;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until nothing handed over so far waits any more (written, or given up as lost), for at
     * most {@code timeout}; returns whether that happened.
     */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            waitedFor++;
            changed.signalAll(); // the writer need not wait out its window for someone who waits for it
            long left;
            while (!waiting.isEmpty() || beingWritten > 0) {
                if ((left = deadline - System.nanoTime()) <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waitedFor--;
            lock.unlock();
        }
    }

    /**
     * Hands {@code value} over for writing, replacing a value of the same key that still waits.
     * Never blocks and never refuses: ask {@link #hasRoom()} first. Once {@link #close()} has
     * returned, the value is written at once, on the caller's thread.
     */
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        lock.lock();
        try {
            if (!stopped) {
                boolean first = waiting.isEmpty();
                if (first) {
                    firstWaitingSince = System.nanoTime();
                }
                long ticket = spool == null ? Spool.NOT_SPOOLED : spool.append(value);
                Pending<V> replaced = waiting.remove(key); // a replacing value queues behind values handed over before it
                if (replaced != null) {
                    done(replaced);
                }
                waiting.put(key, new Pending<>(value, ticket));
                // the writer waits for a first value, then for a full batch or the end of the window
                if (first || waiting.size() >= settings.maxBatch()) {
                    changed.signalAll();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        try {
            store.write(List.of(value));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, name + ": a value handed over after shutdown could not be written: "
                    + DatabaseFailure.describe(e));
            lost.accept(List.of(value));
        }
    }

    /** The spool needs {@code pending} no more (written, refused, or replaced). Under the lock. */
    private void done(Pending<V> pending) {
        if (spool != null) {
            spool.done(pending.ticket());
        }
    }

    private void done(List<Map.Entry<K, Pending<V>>> batch) {
        if (spool == null) {
            return;
        }
        lock.lock();
        try {
            batch.forEach(entry -> done(entry.getValue()));
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        List<Map.Entry<K, Pending<V>>> batch;
        while ((batch = nextBatch()) != null) {
            write(batch);
        }
    }

    /** Waits until a batch is due and takes it from the waiting values; null once closed with nothing left. */
    private List<Map.Entry<K, Pending<V>>> nextBatch() {
        lock.lock();
        try {
            beingWritten = 0;
            changed.signalAll();
            while (waiting.isEmpty()) {
                if (closing) {
                    stopped = true;
                    return null;
                }
                changed.awaitUninterruptibly();
            }
            long due = firstWaitingSince + settings.window().toNanos();
            long left;
            while (!closing && waitedFor == 0 && waiting.size() < settings.maxBatch()
                    && (left = due - System.nanoTime()) > 0) {
                awaitNanos(left);
            }
            List<Map.Entry<K, Pending<V>>> batch = new ArrayList<>(Math.min(waiting.size(), settings.maxBatch()));
            Iterator<Map.Entry<K, Pending<V>>> oldestFirst = waiting.entrySet().iterator();
            while (oldestFirst.hasNext() && batch.size() < settings.maxBatch()) {
                Map.Entry<K, Pending<V>> entry = oldestFirst.next();
                batch.add(Map.entry(entry.getKey(), entry.getValue()));
                oldestFirst.remove();
            }
            beingWritten = batch.size();
            // what is left waited its window already: it goes with the next batch, without waiting again
            firstWaitingSince = System.nanoTime() - settings.window().toNanos();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Map.Entry<K, Pending<V>>> batch) {
        if (spool != null) {
            spool.force(); // a failure is logged there; the database may still take the batch
        }
        try {
            store.write(values(batch));
            done(batch);
            recovered();
            return;
        } catch (RuntimeException e) {
            if (!DatabaseFailure.isLasting(e)) {
                retryLater(batch, e);
                return;
            }
            if (batch.size() == 1) {
                refused(batch, e);
                return;
            }
        }
        // The database refuses something in the batch: one by one, to keep what it takes.
        List<Map.Entry<K, Pending<V>>> again = new ArrayList<>();
        RuntimeException passing = null;
        for (Map.Entry<K, Pending<V>> entry : batch) {
            try {
                store.write(List.of(entry.getValue().value()));
                done(List.of(entry));
            } catch (RuntimeException e) {
                if (DatabaseFailure.isLasting(e)) {
                    refused(List.of(entry), e);
                } else {
                    again.add(entry);
                    passing = e;
                }
            }
        }
        if (passing != null) {
            retryLater(again, passing);
        } else {
            recovered();
        }
    }

    private void refused(List<Map.Entry<K, Pending<V>>> batch, RuntimeException failure) {
        LOG.log(Level.ERROR, name + ": the database refused " + batch.size() + " value(s), which are dropped: "
                + DatabaseFailure.describe(failure));
        done(batch);
        lost.accept(values(batch));
    }

    private void recovered() {
        if (failingSince != 0) {
            LOG.log(Level.INFO, "{0}: the database takes writes again after {1} s", name,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince));
            failingSince = 0;
            pause = FIRST_PAUSE;
        }
    }

    /**
     * Puts the batch back in front of the waiting values (unless a newer value of its key came
     * meanwhile) and pauses; past the close deadline, gives up on everything that waits.
     */
    private void retryLater(List<Map.Entry<K, Pending<V>>> batch, RuntimeException failure) {
        long now = System.nanoTime();
        if (failingSince == 0) {
            failingSince = now;
        }
        List<V> abandoned = null;
        int kept = 0;
        lock.lock();
        try {
            LinkedHashMap<K, Pending<V>> requeued = new LinkedHashMap<>();
            for (Map.Entry<K, Pending<V>> entry : batch) {
                if (!waiting.containsKey(entry.getKey())) {
                    requeued.put(entry.getKey(), entry.getValue());
                } else {
                    done(entry.getValue());
                }
            }
            requeued.putAll(waiting);
            waiting = requeued;
            beingWritten = 0;
            firstWaitingSince = now - settings.window().toNanos();
            if (closing && now - closeDeadline >= 0) {
                // what the spool holds waits there for the next start; only the rest is lost
                abandoned = new ArrayList<>();
                for (Pending<V> pending : waiting.values()) {
                    if (pending.ticket() == Spool.NOT_SPOOLED) {
                        abandoned.add(pending.value());
                        done(pending);
                    } else {
                        kept++;
                    }
                }
                waiting.clear();
            } else {
                if (now - lastWarning >= WARNING_INTERVAL_NANOS) {
                    lastWarning = now;
                    LOG.log(Level.WARNING, name + ": " + waiting.size() + " value(s) wait for the database, trying "
                            + "again in " + pause.toMillis() + " ms: " + DatabaseFailure.describe(failure)
                            + " (this warning repeats at most every 10 s)");
                }
                long until = now + pause.toNanos();
                long left;
                while (!closing && (left = until - System.nanoTime()) > 0) {
                    awaitNanos(left);
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        } finally {
            lock.unlock();
        }
        if (kept > 0) {
            LOG.log(Level.WARNING, name + ": " + kept + " value(s) could not be written before shutdown and wait in the"
                    + " spool for the next start: " + DatabaseFailure.describe(failure));
        }
        if (abandoned != null && !abandoned.isEmpty()) {
            LOG.log(Level.ERROR, name + ": " + abandoned.size() + " value(s) could not be written before shutdown: "
                    + DatabaseFailure.describe(failure));
            lost.accept(abandoned);
        }
    }

    /** Waits on {@link #changed} for at most {@code nanos}; the writer is never interrupted on purpose. */
    private void awaitNanos(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    private static <K, V> List<V> values(List<Map.Entry<K, Pending<V>>> batch) {
        return batch.stream().map(entry -> entry.getValue().value()).toList();
    }

    /**
     * Writes everything still waiting, trying for at most {@link Settings#closeTimeout} while the
     * database fails, then stops the writer thread and closes the spool.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closing) {
                closing = true;
                closeDeadline = System.nanoTime() + settings.closeTimeout().toNanos();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        try {
            // the writer gives up by itself at the deadline; a store call stuck on a frozen server gets a little more
            writer.join(settings.closeTimeout().plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.log(Level.ERROR, name + ": the writer is still busy with the database after "
                    + settings.closeTimeout().toSeconds() + " s; " + backlog() + " value(s) may be lost");
        }
        if (spool != null) {
            spool.close();
        }
    }
}
