package org.tandem.media.pacing;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late sends were against their deadlines, in 50-microsecond buckets up to 100 ms (later ones share
 * the last bucket). Written by the pacer's thread, read by anyone (a bench, metrics) at any time.
 */
public final class JitterHistogram {

    static final long BUCKET_NANOS = 50_000;
    private static final int BUCKETS = 2001;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long lateNanos) {
        int bucket = (int) Math.min(Math.max(lateNanos, 0) / BUCKET_NANOS, BUCKETS - 1);
        counts.incrementAndGet(bucket);
    }

    /** Sends recorded. */
    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The lateness, in microseconds, that {@code percent} of the sends kept within (the upper edge of its
     * bucket); 0 before any send.
     */
    public long percentileMicros(double percent) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= wanted) {
                return (i + 1) * BUCKET_NANOS / 1000;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1000;
    }
}
