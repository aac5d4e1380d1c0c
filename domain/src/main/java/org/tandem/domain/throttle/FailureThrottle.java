package org.tandem.domain.throttle;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Memory is bounded: entries whose window and block have both passed are dropped when the table
 * grows past its size; if it is still too big, counting (not blocking) restarts.
 */
public final class FailureThrottle {

    private static final System.Logger LOG = System.getLogger(FailureThrottle.class.getName());

    private static final class Counter {
        long windowStart;
        int failures;
        long blockedUntil;

        boolean quietAt(long now, long windowMillis) {
            return blockedUntil <= now && now - windowStart >= windowMillis;
        }
    }

    private final String service;
    private final ThrottlePolicy policy;
    private final InstantSource clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** @param service what is throttled, in the log lines (e.g. "SIP REGISTER and INVITE", "portal sign-in") */
    public FailureThrottle(String service, ThrottlePolicy policy, InstantSource clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        makeRoom();
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
        long now = clock.millis();
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
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
    }

    /** How many counters are kept now. */
    int trackedKeys() {
        return counters.size();
    }

    private void makeRoom() {
        if (counters.size() < policy.trackedKeys()) {
            return;
        }
        long now = clock.millis();
        long window = policy.window().toMillis();
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.quietAt(now, window);
            }
        });
        if (counters.size() >= policy.trackedKeys()) {
            counters.values().removeIf(c -> {
                synchronized (c) {
                    return c.blockedUntil <= now;
                }
            });
        }
    }
}
