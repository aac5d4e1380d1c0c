package org.tandem.domain.call;

import java.util.List;
import java.util.UUID;

/** Read side of the active calls, for people: one tenant's calls up now on every node. */
public interface TenantActiveCalls {

    /** The tenant's calls up now, on every node, oldest first. */
    List<ActiveCall> ofTenant(UUID tenantId);
}
