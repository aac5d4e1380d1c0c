package org.tandem.domain.shared;

import java.util.UUID;

/**
 * Tells, as it happens, which tenant's rows of one kind changed, on whichever node they were
 * written. What changed is read afterwards: a feed only says where to look, so live views push
 * instead of polling.
 */
@FunctionalInterface
public interface TenantChangeFeed {

    /** Starts telling {@code listener} until the returned handle is closed. */
    AutoCloseable start(Listener listener);

    interface Listener {

        /** Some row of {@code tenantId} was added, changed or removed. */
        void changed(UUID tenantId);

        /** Changes may have been missed (the feed was down a while, or just started): every tenant should re-read. */
        void mayHaveMissedChanges();
    }
}
