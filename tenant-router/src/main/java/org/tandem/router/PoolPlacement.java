package org.tandem.router;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Chooses the pool a new tenant goes to: the one serving the fewest extensions, then the fewest tenants. */
public final class PoolPlacement {

    /** How busy a pool is now. */
    public record PoolLoad(UUID poolId, String poolName, int tenants, int extensions) {
    }

    private static final Comparator<PoolLoad> LEAST_LOADED = Comparator.comparingInt(PoolLoad::extensions)
            .thenComparingInt(PoolLoad::tenants)
            .thenComparing(PoolLoad::poolName);

    private PoolPlacement() {
    }

    public static Optional<PoolLoad> leastLoaded(List<PoolLoad> pools) {
        return pools.stream().min(LEAST_LOADED);
    }
}
