package org.tandem.domain.pool;

import java.util.List;

public interface PoolRepository {

    void add(Pool pool);

    List<Pool> all();
}
