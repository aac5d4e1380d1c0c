package org.tandem.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The parts of one engine run, named and listed in the order they start: each part's start may use
 * what the parts above it made ({@link Made#get}). {@link #start} starts them top to bottom; when one
 * fails, those already started are stopped again, last first, so a failed start leaves nothing open.
 * {@link #stop} stops them bottom to top, each whatever became of the one before. Each start and
 * stop is logged (DEBUG) under this class's name.
 */
final class Assembly {

    private static final System.Logger LOG = System.getLogger(Assembly.class.getName());

    /** How a part that started stops again. */
    @FunctionalInterface
    interface Stop<T> {
        void stop(T started) throws Exception;
    }

    /** What a part made when it started; read it only once it has. */
    static final class Made<T> implements Supplier<T> {

        private T value;
        private boolean made;

        @Override
        public T get() {
            if (!made) {
                throw new IllegalStateException("a part was used before it started");
            }
            return value;
        }

        private void set(T started) {
            value = started;
            made = true;
        }
    }

    private record Part<T>(String name, Callable<T> starter, Stop<T> stopper, Made<T> made) {

        void start() throws Exception {
            made.set(starter.call());
        }

        void stop() throws Exception {
            stopper.stop(made.get());
        }
    }

    private final String owner;
    private final List<Part<?>> parts = new ArrayList<>();
    /** The parts started, the last on top. */
    private final Deque<Part<?>> started = new ArrayDeque<>();

    /** @param owner what the parts make up, for messages ("SIP engine node1") */
    Assembly(String owner) {
        this.owner = owner;
    }

    /** Adds the next part: it starts after every part added so far, and stops before them. */
    <T> Made<T> then(String name, Callable<T> start, Stop<T> stop) {
        Made<T> made = new Made<>();
        parts.add(new Part<>(name, start, stop, made));
        return made;
    }

    /** A part whose start makes something that closes. */
    <T extends AutoCloseable> Made<T> then(String name, Callable<T> start) {
        return then(name, start, AutoCloseable::close);
    }

    /**
     * Starts every part in order.
     *
     * @throws EngineStartException naming the part that failed, once the parts before it are stopped again
     */
    void start() {
        for (Part<?> part : parts) {
            try {
                part.start();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                EngineStartException failure = new EngineStartException(owner + " cannot start its " + part.name()
                        + ": " + e.getMessage(), e);
                stopStarted(failure);
                throw failure;
            }
            started.push(part);
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1} started", owner, part.name());
        }
    }

    /** Stops every part started, the last first; a part that fails to stop is logged and the others still stop. */
    void stop() {
        stopStarted(null);
    }

    private void stopStarted(Exception failure) {
        while (!started.isEmpty()) {
            Part<?> part = started.pop();
            try {
                part.stop();
                LOG.log(System.Logger.Level.DEBUG, "{0}: {1} stopped", owner, part.name());
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.log(System.Logger.Level.WARNING, owner + " did not stop its " + part.name() + " cleanly", e);
                }
            }
        }
    }
}
