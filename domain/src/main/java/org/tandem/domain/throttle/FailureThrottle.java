package org.tandem.domain.throttle;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Stops a flood of failed authentications without handing an attacker a way to lock the rightful
 * user out. Failures are counted per client address and account together, and per client address
 * alone, in fixed windows. Past the first limit that address may no longer try that account; past
 * the second it may try nothing. An account is never blocked as a whole: a guesser elsewhere cannot
 * lock its owner out. Each block is logged once, as one WARN line an operator can act on.
 *
 * <p>Callers must count only failures the client really sent from that address (for SIP: a digest
 * whose nonce this node issued to that address), or a forged source address blocks its owner.
 *
 * <p>Memory is bounded: when the table is full, the counters that failed least recently and are not
 * blocked are dropped first, a few per failure, so a flood of new keys neither resets the counts of
 * keys close to a block nor lifts a block.
 */
public final class FailureThrottle {

    private static final System.Logger LOG = System.getLogger(FailureThrottle.class.getName());

    /** Guarded by its own monitor, except prev and next: those by {@code recency}, as is setting {@code removed}. */
    private static final class Counter {
        final String key;
        long windowStart;
        int failures;
        long blockedUntil;
        /** Taken out of the table: whoever still holds it must count on a new one. */
        boolean removed;
        Counter prev;
        Counter next;

        Counter(String key) {
            this.key = key;
        }
    }

    /** How many counters one eviction looks at, at most, so that no failure pays for a sweep of the whole table. */
    private static final int EVICTION_SCAN = 64;
    /** How many locks the addresses share in {@link #attempt}: a bounded table, whatever the number of addresses. */
    private static final int ADDRESS_LOCKS = 256;

    /** What one try came to, through {@link #attempt}. */
    public sealed interface Attempt {
    }

    /** The credentials were right. */
    public record Passed() implements Attempt {
    }

    /** The credentials were wrong; counted. */
    public record Failed() implements Attempt {
    }

    /** Not looked at: the address may not try that account for {@code retryAfter}. */
    public record Refused(Duration retryAfter) implements Attempt {
    }

    private final String service;
    private final ThrottlePolicy policy;
    private final InstantSource clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ReentrantLock[] addressLocks = new ReentrantLock[ADDRESS_LOCKS];
    /** Guards the recency list: every counter in the table, in a ring through {@code ends}. */
    private final ReentrantLock recency = new ReentrantLock();
    /** Not a counter: {@code ends.next} is the least recently failed counter, {@code ends.prev} the most. */
    private final Counter ends = new Counter(null);

    /** @param service what is throttled, in the log lines (e.g. "SIP REGISTER and INVITE", "portal sign-in") */
    public FailureThrottle(String service, ThrottlePolicy policy, InstantSource clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        ends.prev = ends;
        ends.next = ends;
        Arrays.setAll(addressLocks, each -> new ReentrantLock());
    }

    public ThrottlePolicy policy() {
        return policy;
    }

    /** Whether every try from {@code address} is to be refused now. */
    public boolean isBlocked(String address) {
        return !blockedFor(address).isZero();
    }

    /** Whether {@code address} may not try {@code account} now. */
    public boolean isBlocked(String address, String account) {
        return !blockedFor(address, account).isZero();
    }

    /** How long every try from {@code address} stays refused; zero when it may try. */
    public Duration blockedFor(String address) {
        return Duration.ofMillis(remaining(addressKey(address), clock.millis()));
    }

    /** How long {@code address} stays refused for {@code account}; zero when it may try. */
    public Duration blockedFor(String address, String account) {
        long now = clock.millis();
        return Duration.ofMillis(Math.max(remaining(addressKey(address), now), remaining(pairKey(address, account), now)));
    }

    /** Counts one failed authentication as {@code account} from {@code address}. */
    public void recordFailure(String address, String account) {
        int pairCount = count(pairKey(address, account), policy.perAccountAndAddress());
        if (pairCount > 0) {
            LOG.log(Level.WARNING, "Blocked {0} for {1} from {2} for {3} s after {4} failed authentications within {5} s "
                            + "(other addresses may still use it)", service, account, address,
                    policy.block().toSeconds(), pairCount, policy.window().toSeconds());
        }
        int addressCount = count(addressKey(address), policy.perAddress());
        if (addressCount > 0) {
            LOG.log(Level.WARNING, "Blocked every {0} from {1} for {2} s after {3} failed authentications within {4} s "
                            + "(last tried: {5})", service, address, policy.block().toSeconds(), addressCount,
                    policy.window().toSeconds(), account);
        }
    }

    /**
     * Checks a try as {@code account} from {@code address} with {@code verify}, unless the address is
     * blocked for it, and counts it when {@code verify} says it failed: the way to use the throttle when
     * verifying is slow (a PBKDF2 hash). The tries of one address run one at a time, so parallel tries
     * that all found no block before the first failure was counted cannot each get a free guess.
     */
    public Attempt attempt(String address, String account, BooleanSupplier verify) {
        ReentrantLock lock = addressLocks[Math.floorMod(address.hashCode(), ADDRESS_LOCKS)];
        lock.lock();
        try {
            Duration blocked = blockedFor(address, account);
            if (blocked.isPositive()) {
                return new Refused(blocked);
            }
            if (verify.getAsBoolean()) {
                return new Passed();
            }
            recordFailure(address, account);
            return new Failed();
        } finally {
            lock.unlock();
        }
    }

    private static String addressKey(String address) {
        return "\n" + address;
    }

    private static String pairKey(String address, String account) {
        return account + "\n" + address;
    }

    private long remaining(String key, long now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return 0;
        }
        synchronized (counter) {
            return Math.max(0, counter.blockedUntil - now);
        }
    }

    /** Adds a failure; returns the count if this failure starts a block, else 0. */
    private int count(String key, int limit) {
        while (true) {
            long now = clock.millis();
            Counter counter = counters.get(key);
            if (counter == null) {
                makeRoom(now);
                counter = counters.computeIfAbsent(key, Counter::new);
            }
            int blockingCount;
            synchronized (counter) {
                if (counter.removed) {
                    continue; // evicted between the look-up and the lock: this failure belongs on a live counter
                }
                blockingCount = add(counter, limit, now);
            }
            markRecent(counter);
            return blockingCount;
        }
    }

    private int add(Counter counter, int limit, long now) {
        if (counter.blockedUntil > now) {
            return 0;
        }
        if (now - counter.windowStart >= policy.window().toMillis()) {
            counter.windowStart = now;
            counter.failures = 0;
        }
        counter.failures++;
        if (counter.failures < limit) {
            return 0;
        }
        int failures = counter.failures;
        counter.blockedUntil = now + policy.block().toMillis();
        counter.failures = 0;
        return failures;
    }

    /** Moves {@code counter} to the newest end of the recency list (or onto it, when new). */
    private void markRecent(Counter counter) {
        recency.lock();
        try {
            if (counter.removed) {
                return;
            }
            if (counter.next != null) {
                unlink(counter);
            }
            linkNewest(counter);
        } finally {
            recency.unlock();
        }
    }

    private void linkNewest(Counter counter) {
        counter.prev = ends.prev;
        counter.next = ends;
        ends.prev.next = counter;
        ends.prev = counter;
    }

    private static void unlink(Counter counter) {
        counter.prev.next = counter.next;
        counter.next.prev = counter.prev;
        counter.prev = null;
        counter.next = null;
    }

    /** How many counters are kept now. */
    int trackedKeys() {
        return counters.size();
    }

    /**
     * Evicts the least recently failed counters that are not blocked until the table is below its size,
     * looking at {@link #EVICTION_SCAN} counters at most: a blocked one is passed over (to the newest
     * end), so a table full of blocks may grow past its size until they end rather than lose one.
     */
    private void makeRoom(long now) {
        if (counters.size() < policy.trackedKeys()) {
            return;
        }
        recency.lock();
        try {
            for (int looked = 0; looked < EVICTION_SCAN && counters.size() >= policy.trackedKeys(); looked++) {
                Counter candidate = ends.next;
                if (candidate == ends) {
                    return;
                }
                synchronized (candidate) {
                    unlink(candidate);
                    if (candidate.blockedUntil > now) {
                        linkNewest(candidate);
                    } else {
                        candidate.removed = true;
                        counters.remove(candidate.key, candidate);
                    }
                }
            }
        } finally {
            recency.unlock();
        }
    }
}
