package org.tandem.domain.registration;

import java.util.UUID;

/**
 * Tells, as it happens, which tenant's bindings changed, on whichever node they were written. What
 * changed is read afterwards ({@link TenantRegistrations}): the feed only says where to look.
 */
public interface RegistrationFeed {

    /** Starts telling {@code listener} until the returned handle is closed. */
    AutoCloseable start(Listener listener);

    interface Listener {

        /** Some binding of {@code tenantId} was added, refreshed or removed. */
        void changed(UUID tenantId);

        /** Changes may have been missed (the feed was down a while): every tenant should re-read. */
        void mayHaveMissedChanges();
    }
}
