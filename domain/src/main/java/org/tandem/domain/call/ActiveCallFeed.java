package org.tandem.domain.call;

import org.tandem.domain.shared.TenantChangeFeed;

/**
 * Tells which tenant's active calls changed (one started ringing, was answered or ended), on
 * whichever node handles them. What changed is read afterwards ({@link TenantActiveCalls}).
 */
@FunctionalInterface
public interface ActiveCallFeed extends TenantChangeFeed {
}
