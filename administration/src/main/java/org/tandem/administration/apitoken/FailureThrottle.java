package org.tandem.administration.apitoken;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down whoever guesses tokens or passwords, per source address, as a leaky bucket: each failure
 * adds one, one is forgiven every {@code forgiveEvery}; an address whose bucket holds {@code burst}
 * failures waits until one is forgiven. So a script with a stale token retrying now and then is never
 * stopped, a guesser gets {@code burst} tries and then one per interval, and there is no window edge
 * to time attacks against. Successes do not empty the bucket: a valid token in hand does not buy
 * guesses for another.
 *
 * <p>Memory is bounded: when more than {@code trackedAddresses} are tracked, emptied buckets are
 * dropped; if that is not enough, counting (not blocking) starts over.
 */
public final class FailureThrottle {

    private static final System.Logger LOG = System.getLogger(FailureThrottle.class.getName());

    public record Limits(int burst, Duration forgiveEvery, int trackedAddresses) {

        /** Ten tries, then one every 30 seconds: a person fixing a typo never notices, a guesser gets 2 a minute. */
        public static final Limits DEFAULT = new Limits(10, Duration.ofSeconds(30), 100_000);

        public Limits {
            Objects.requireNonNull(forgiveEvery, "forgiveEvery");
            if (burst < 1 || forgiveEvery.isNegative() || forgiveEvery.isZero() || trackedAddresses < 1) {
                throw new IllegalArgumentException("throttle limits must be positive: " + this);
            }
        }
    }

    /** The failures still counted, as the time when all of them will be forgiven (GCRA): whole milliseconds, no drift. */
    private static final class Bucket {
        long emptyAt;
    }

    private final Limits limits;
    private final InstantSource clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public FailureThrottle(Limits limits, InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long {@code address} must wait before its next try counts; zero when it may try now. */
    public Duration waitFor(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            return Duration.ZERO;
        }
        synchronized (bucket) {
            return Duration.ofMillis(Math.max(0, bucket.emptyAt - clock.millis() - allowance()));
        }
    }

    /** Counts one failed try from {@code address}. */
    public void recordFailure(String address, String what) {
        makeRoom();
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(address, key -> new Bucket());
        synchronized (bucket) {
            boolean wasOpen = bucket.emptyAt - now <= allowance();
            bucket.emptyAt = Math.max(bucket.emptyAt, now) + limits.forgiveEvery().toMillis();
            if (wasOpen && bucket.emptyAt - now > allowance()) {
                LOG.log(Level.WARNING, "Slowed down API authentication from {0} after {1} failures ({2}): one more try "
                        + "every {3} s", address, limits.burst(), what, limits.forgiveEvery().toSeconds());
            }
        }
    }

    /** How far ahead of now a bucket may empty and still take a try: burst - 1 intervals. */
    private long allowance() {
        return (limits.burst() - 1) * limits.forgiveEvery().toMillis();
    }

    private void makeRoom() {
        if (buckets.size() < limits.trackedAddresses()) {
            return;
        }
        long now = clock.millis();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return bucket.emptyAt <= now;
            }
        });
        if (buckets.size() >= limits.trackedAddresses()) {
            buckets.clear();
        }
    }
}
