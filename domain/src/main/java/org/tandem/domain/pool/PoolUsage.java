package org.tandem.domain.pool;

import java.util.Objects;

/** How much a pool serves now: its tenants and their extensions. */
public record PoolUsage(Pool pool, long tenants, long extensions) {

    public PoolUsage {
        Objects.requireNonNull(pool, "pool");
    }
}
