package org.tandem.domain.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read side of the bindings for people, not for routing: every phone of one tenant registered on
 * any node, as the portal's live view and the API show them.
 */
public interface TenantRegistrations {

    /** The tenant's bindings not expired at {@code now}, on every node, by extension then contact. */
    List<Registration> activeOf(UUID tenantId, Instant now);

    /** How many bindings each of {@code tenantIds} has not expired at {@code now}; tenants without any are left out. */
    Map<UUID, Long> countsOf(Collection<UUID> tenantIds, Instant now);
}
