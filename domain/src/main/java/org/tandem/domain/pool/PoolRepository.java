package org.tandem.domain.pool;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PoolRepository {

    void add(Pool pool);

    Optional<Pool> find(UUID id);

    List<Pool> all();

    /** Every pool with what it serves, empty pools included. */
    List<PoolUsage> usage();
}
