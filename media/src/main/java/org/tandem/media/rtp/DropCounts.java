package org.tandem.media.rtp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many datagrams were dropped, by reason: what a leg, a port or the node reports instead of throwing
 * (a hostile or broken peer must not stop a leg, but an operator must be able to see it). Thread-safe.
 */
public final class DropCounts<R extends Enum<R>> {

    private final Map<R, LongAdder> counts;

    public DropCounts(Class<R> reasons) {
        counts = new EnumMap<>(reasons);
        for (R reason : reasons.getEnumConstants()) {
            counts.put(reason, new LongAdder());
        }
    }

    public void count(R reason) {
        counts.get(reason).increment();
    }

    public long of(R reason) {
        return counts.get(reason).sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
