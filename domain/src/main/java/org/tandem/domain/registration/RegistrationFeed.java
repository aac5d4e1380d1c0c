package org.tandem.domain.registration;

import org.tandem.domain.shared.TenantChangeFeed;

/**
 * Tells which tenant's bindings changed (added, refreshed, removed), on whichever node they were
 * written. What changed is read afterwards ({@link TenantRegistrations}).
 */
@FunctionalInterface
public interface RegistrationFeed extends TenantChangeFeed {
}
