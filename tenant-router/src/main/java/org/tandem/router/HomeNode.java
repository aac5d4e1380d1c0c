package org.tandem.router;

import org.tandem.domain.pool.Pool;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The node that writes a tenant's configuration: the pool's primary while it is up, the secondary
 * while the primary is down. When neither is up, nobody may write, and changes wait rather than
 * risk two writers of one row.
 */
public final class HomeNode {

    private HomeNode() {
    }

    public static Optional<UUID> of(Pool pool, Predicate<UUID> isUp) {
        return of(pool.nodesInOrder(), isUp);
    }

    /** The same, for a pool given as its nodes in the order phones try them (primary first). */
    public static Optional<UUID> of(List<UUID> nodesInOrder, Predicate<UUID> isUp) {
        return nodesInOrder.stream().filter(isUp).findFirst();
    }
}
