package org.tandem.engine.auth;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a flood of failed authentications. Failures are counted per source address and extension,
 * and per source address alone, in fixed windows. Past the first limit that address may no longer
 * try that extension; past the second it may try nothing. An extension is never blocked as a whole,
 * so a guesser elsewhere cannot lock the rightful phone out. Each block is logged once, as one WARN
 * line an operator can act on (address, extension, count, window, how long).
 *
 * <p>Memory is bounded: entries whose window and block have both passed are dropped when the table
 * grows past its size; if it is still too big, counting (not blocking) restarts.
 */
public final class AuthThrottle {

    private static final System.Logger LOG = System.getLogger(AuthThrottle.class.getName());

    /**
     * @param perExtensionAndAddress failures from one address for one extension before that pair is blocked
     * @param perAddress             failures from one address, whatever the extension, before it is blocked
     * @param window                 how long failures are counted together
     * @param block                  how long a block lasts
     * @param trackedKeys            how many counters are kept at most
     */
    public record Limits(int perExtensionAndAddress, int perAddress, Duration window, Duration block, int trackedKeys) {

        /** A phone with a mistyped password gets five tries a minute; a scanner gets twenty, then five minutes off. */
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(5), 100_000);

        public Limits {
            if (perExtensionAndAddress < 1 || perAddress < perExtensionAndAddress || trackedKeys < 1) {
                throw new IllegalArgumentException(
                        "throttle limits must be positive, the address one the larger: " + this);
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(block, "block");
        }
    }

    private static final class Counter {
        long windowStart;
        int failures;
        long blockedUntil;

        boolean quietAt(long now, long windowMillis) {
            return blockedUntil <= now && now - windowStart >= windowMillis;
        }
    }

    private final Limits limits;
    private final InstantSource clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AuthThrottle(Limits limits, InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether every request from {@code address} is to be dropped. */
    public boolean isBlocked(String address) {
        return blocked(address);
    }

    /** Whether {@code address} may not try {@code extension} (user@domain) now. */
    public boolean isBlocked(String address, String extension) {
        return blocked(address) || blocked(pairKey(address, extension));
    }

    /** Counts one failed authentication of {@code extension} (user@domain) from {@code address}. */
    public void recordFailure(String address, String extension) {
        makeRoom();
        int pairCount = count(pairKey(address, extension), limits.perExtensionAndAddress());
        if (pairCount > 0) {
            LOG.log(Level.WARNING, "Blocked REGISTER and INVITE for {0} from {1} for {2} s after {3} failed authentications "
                            + "within {4} s (other addresses may still register it)",
                    extension, address, limits.block().toSeconds(), pairCount, limits.window().toSeconds());
        }
        int addressCount = count(address, limits.perAddress());
        if (addressCount > 0) {
            LOG.log(Level.WARNING, "Blocked every REGISTER and INVITE from {0} for {1} s after {2} failed authentications "
                            + "within {3} s (last tried: {4})",
                    address, limits.block().toSeconds(), addressCount, limits.window().toSeconds(), extension);
        }
    }

    private static String pairKey(String address, String extension) {
        return extension + "\n" + address;
    }

    private boolean blocked(String key) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return false;
        }
        synchronized (counter) {
            return counter.blockedUntil > clock.millis();
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
            if (now - counter.windowStart >= limits.window().toMillis()) {
                counter.windowStart = now;
                counter.failures = 0;
            }
            counter.failures++;
            if (counter.failures < limit) {
                return 0;
            }
            int failures = counter.failures;
            counter.blockedUntil = now + limits.block().toMillis();
            counter.failures = 0;
            return failures;
        }
    }

    /** How many counters are kept now. */
    int trackedKeys() {
        return counters.size();
    }

    private void makeRoom() {
        if (counters.size() < limits.trackedKeys()) {
            return;
        }
        long now = clock.millis();
        long window = limits.window().toMillis();
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.quietAt(now, window);
            }
        });
        if (counters.size() >= limits.trackedKeys()) {
            counters.values().removeIf(c -> {
                synchronized (c) {
                    return c.blockedUntil <= now;
                }
            });
        }
    }
}
