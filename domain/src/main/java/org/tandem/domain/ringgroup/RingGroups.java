package org.tandem.domain.ringgroup;

import java.util.Optional;
import java.util.UUID;

/**
 * The ring groups the engine routes to, read by tenant and dialled number. A lookup never crosses
 * tenants: the same number in another tenant is another group, or none.
 */
public interface RingGroups {

    /** The group {@code number} of tenant {@code tenantId} with its members in ring order, or empty. */
    Optional<RingGroup> find(UUID tenantId, String number);

    /** Knows no group: for engines and tests without a database. */
    RingGroups NONE = (tenantId, number) -> Optional.empty();
}
