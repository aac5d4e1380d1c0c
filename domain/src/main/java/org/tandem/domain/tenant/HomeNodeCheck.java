package org.tandem.domain.tenant;

import java.util.UUID;

/**
 * Lets a change to a tenant's configuration through only on the tenant's home node (the pool's
 * primary, or its secondary while the primary is down), so that two nodes never change the same
 * rows. Called in the transaction that makes the change, before anything of it is loaded; refuses
 * with {@link NotHomeNodeException}, which names the node to use.
 */
public interface HomeNodeCheck {

    /** For a change of tenant {@code tenantId}; an unknown tenant passes (the caller reports it as not found). */
    void requireHomeOf(UUID tenantId);

    /** For a change in pool {@code poolId} (a new tenant there, say), described to people as {@code what}. */
    void requireHomeOfPool(UUID poolId, String what);
}
